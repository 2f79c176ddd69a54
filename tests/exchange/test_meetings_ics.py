"""The .ics export, parsed back with icalendar: zone, UID, SEQUENCE, status, agenda, text."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from meeting_sample import BERLIN, HOSTILE, item, meeting, series

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_documents import PUBLIC_ONLINE_NOTE, MeetingDocument
from expertenrat.domain.public_invitation import public_invitation
from expertenrat.exchange.meetings_ics import meetings_ics

STAMP = datetime(2026, 2, 24, 9, 30, tzinfo=UTC)


def events(meetings: list[MeetingDocument]) -> list:
    calendar = Calendar.from_ical(meetings_ics(meetings, stamp=STAMP))
    return list(calendar.walk("VEVENT"))


def test_start_and_end_are_in_the_council_zone_with_its_vtimezone() -> None:
    raw = meetings_ics([meeting()], stamp=STAMP)
    calendar = Calendar.from_ical(raw)
    (event,) = calendar.walk("VEVENT")

    assert b"DTSTART;TZID=Europe/Berlin:20260310T160000" in raw
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start, end) == (meeting().start, meeting().end)
    assert start.utcoffset() == timedelta(hours=1)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert event.decoded("dtstamp") == STAMP
    assert str(event["status"]) == "CONFIRMED"


def test_uid_is_stable_across_exports_and_sequence_is_as_given() -> None:
    first = events([meeting()])[0]
    moved = meeting(
        sequence=3,
        start=meeting().start + timedelta(hours=1),
        end=meeting().end + timedelta(hours=1),
    )
    again = events([moved])[0]

    assert str(first["uid"]) == str(again["uid"]) == meeting().uid
    assert (first["sequence"], again["sequence"]) == (0, 3)
    assert again.decoded("dtstart") == datetime(2026, 3, 10, 17, tzinfo=BERLIN)


def test_a_planned_meeting_is_tentative_until_the_invitation_went_out() -> None:
    """(found by a tester) It was CONFIRMED before the members were invited."""
    (planned,) = events([meeting(planned=True)])
    (cancelled,) = events([meeting(planned=True, cancelled=True)])

    assert str(planned["status"]) == "TENTATIVE"
    assert str(cancelled["status"]) == "CANCELLED"


def test_cancelled_meeting_says_so_with_its_reason() -> None:
    (event,) = events([meeting(cancelled=True, cancellation_reason="Zu wenige Zusagen")])

    assert str(event["status"]) == "CANCELLED"
    description = str(event["description"])
    assert "Grund: Zu wenige Zusagen" in description
    # (found by a tester) it said "ABGESAGT: 5. Sitzung findet nicht statt.", no article
    assert description.startswith("ABGESAGT: Die 5. Sitzung findet nicht statt.")
    # (found by a tester) Outlook keeps a published entry whatever its STATUS: the name says it
    assert str(event["summary"]) == "Abgesagt: SCER: 5. Sitzung"
    assert str(events([meeting()])[0]["summary"]) == "SCER: 5. Sitzung"
    # (found by a tester) and booked the time in the members' free/busy
    assert str(event["transp"]) == "TRANSPARENT"
    assert "transp" not in events([meeting()])[0]  # OPAQUE, the default: the time is booked


def test_an_unnumbered_klausur_is_called_klausur() -> None:
    workshop = meeting(number=None, kind=MeetingKind.WORKSHOP, title="Datenstrategie 2030")
    (event,) = events([replace(workshop, cancelled=True, cancellation_reason="Krank")])

    assert str(event["summary"]) == "Abgesagt: SCER: Klausur – Datenstrategie 2030"
    assert "ABGESAGT: Die Klausur – Datenstrategie 2030 findet nicht statt." in str(
        event["description"]
    )


def test_description_lists_the_whole_agenda_in_order_with_non_public_items_marked() -> None:
    (event,) = events([meeting()])
    lines = str(event["description"]).splitlines()

    assert lines[0] == "Tagesordnung:"
    assert lines[1] == "TOP 1 Eröffnung und Begrüßung – Dr. Łukasz Wiśniewski"
    assert [line.split()[1] for line in lines[1:]] == ["1", "2", "3", "3.1", "4", "5"]
    assert lines[5].endswith("(nichtöffentlich) – Zoë Brontë")
    assert "(nichtöffentlich)" not in lines[3]
    assert str(event["summary"]) == "SCER: 5. Sitzung"
    assert str(event["location"]) == "Rathaus Rostock, Raum 1.23 (Bürgerschaftssaal)"


def test_the_public_calendar_names_the_non_public_part_but_none_of_its_items() -> None:
    """(found by a tester) A calendar of all meetings (put on the city's website) listed
    the titles of the non-public items."""
    (event,) = events([public_invitation(meeting())])
    lines = str(event["description"]).splitlines()

    assert lines[0] == "Tagesordnung:"
    assert [line.split()[1] for line in lines[1:-1]] == ["1", "2", "3", "3.1"]
    assert lines[-1] == "Nichtöffentlicher Teil"
    assert not any("Straßenbeleuchtung" in line or "Personal" in line for line in lines)
    assert "Gülşen Yılmaz" not in lines[3]  # no presenters, as the public letter


def test_a_meeting_held_non_publicly_only_says_so_in_the_public_calendar() -> None:
    secret = meeting(agenda=(item("1", "Personalsache", 0, public=False),))
    (event,) = events([public_invitation(secret)])

    assert str(event["description"]) == "Tagesordnung:\nNichtöffentlicher Teil"


def test_online_meeting_has_link_as_url_and_location() -> None:
    link = "https://meet.example.org/raum?id=5&pw=a;b,c"
    (event,) = events([meeting(place="", room="", online_link=link)])

    assert str(event["url"]) == link
    assert str(event["location"]) == link
    assert f"Online: {link}" in str(event["description"])


def test_hostile_text_round_trips() -> None:
    hostile = f"{HOSTILE}\nzweite Zeile"
    doc = meeting(
        title=hostile,
        place=HOSTILE,
        room="",
        agenda=(item("1", hostile, 0, presenter=HOSTILE),),
        cancelled=True,
        cancellation_reason=hostile,
    )
    raw = meetings_ics([doc], stamp=STAMP)
    (event,) = Calendar.from_ical(raw).walk("VEVENT")

    one_line = " ".join(hostile.split())
    assert str(event["summary"]) == f"Abgesagt: SCER: 5. Sitzung – {one_line}"
    assert str(event["location"]) == HOSTILE
    description = str(event["description"])
    assert f"Grund: {hostile}" in description
    # (found by a tester) As typed: older calendars showed the isolates (FSI … PDI) as boxes.
    assert f"TOP 1 {one_line} – {HOSTILE}" in description
    assert "\u2068" not in raw.decode() and "\u2069" not in raw.decode()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded by octets


def test_a_series_is_one_file_with_one_event_per_meeting_across_dst() -> None:
    found = events(series(4))

    assert [str(e["summary"]) for e in found] == [f"SCER: {n}. Sitzung" for n in (5, 6, 7, 8)]
    assert len({str(e["uid"]) for e in found}) == 4
    offsets = [e.decoded("dtstart").utcoffset() for e in found]
    assert offsets == [timedelta(hours=h) for h in (1, 2, 2, 1)]
    assert all(e.decoded("dtstart").hour == 16 for e in found)


def test_the_file_has_no_english_note_on_the_time_zone() -> None:
    """(found by a tester) "COMMENT:This timezone only works from …" stood in the file."""
    raw = meetings_ics([meeting()], stamp=STAMP)

    assert b"This timezone" not in raw and b"COMMENT" not in raw
    assert b"BEGIN:VTIMEZONE" in raw and b"TZID:Europe/Berlin" in raw


def test_the_organizer_is_the_secretariats_address_named_by_the_council() -> None:
    head = replace(meeting().letterhead, secretariat_email="gs@rostock.de")
    (event,) = events([meeting(letterhead=head)])
    (without,) = events([meeting()])

    assert str(event["organizer"]) == "mailto:gs@rostock.de"
    assert event["organizer"].params["CN"] == "Smart City Expert*innenrat"
    assert "organizer" not in without


def test_the_public_calendar_of_a_meeting_held_online_names_no_link() -> None:
    """The calendar saved for the website left the link out and so gave a meeting held
    online only no place at all (found by a tester)."""
    link = "https://meet.example.org/raum?id=5&pw=geheim"
    (event,) = events([public_invitation(meeting(place="", room="", online_link=link))])

    assert str(event["location"]) == "Videokonferenz" and "url" not in event
    assert str(event["description"]).startswith(f"Online: {PUBLIC_ONLINE_NOTE}\n")
    assert "geheim" not in event.to_ical().decode()


def test_the_public_calendar_of_a_hybrid_meeting_keeps_its_place() -> None:
    (event,) = events([public_invitation(meeting(online_link="https://meet.example.org/5"))])

    assert str(event["location"]) == "Rathaus Rostock, Raum 1.23 (Bürgerschaftssaal)"
    assert f"Online: {PUBLIC_ONLINE_NOTE}" in str(event["description"])
