"""Meeting documents from the database: invitation and run sheet read back with pypdf,
the calendar parsed back with icalendar, and the recorded invitation (Ladungsfrist)."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from email import message_from_bytes
from email.parser import Parser
from email.policy import default as email_default
from zoneinfo import ZoneInfo

import pytest
from client_statements import recorded_statements
from icalendar import Calendar
from meeting_rows import clear_agenda
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.meeting_calendar import PUBLIC_UID_SUFFIX
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = datetime(2026, 2, 20, 9, 0, tzinfo=UTC)
HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""
LATIN_HOSTILE = """Kim "K" & <Co>; O'Neil"""  # the rocket has no glyph; Arabic is shaped
HEBREW = "שלום"


@dataclass
class Sample:
    meeting_id: int
    item_ids: dict[str, int]


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


def add_meeting(database, council_id: int, number: int, start: datetime, **values) -> int:
    with database.transaction() as session:
        row = models.Meeting(
            council_id=council_id,
            number=number,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            **{"place": "Rathaus Rostock", **values},
        )
        session.add(row)
        session.flush()
        return row.id


@pytest.fixture
def sample(database, council, members_service, meetings_service, new_member, today) -> Sample:
    """The 5. Sitzung on Thursday 12 March 2026, 16:00, with items stored out of order
    (after four held meetings in 2025)."""
    odon = members_service.save(council.id, new_member("Ödön", "Pál"), today)
    zoe = members_service.save(council.id, new_member("Zoë", "Brontë"), today)
    for number in range(1, 5):
        add_meeting(database, council.id, number, datetime(2025, 3 * number, 4, 16), state="held")
    start = datetime(2026, 3, 12, 16, 0, tzinfo=BERLIN)
    meeting_id = meetings_service.create(
        council.id,
        MeetingDraft(
            MeetingKind.REGULAR,
            start,
            start + timedelta(hours=2),
            title="Frühjahr & <Klausur>",
            place="Rathaus",
            room="Raum 1.23",
        ),
    )
    clear_agenda(database, meeting_id)
    with database.transaction() as session:
        session.get(models.Council, council.id).short_name = "SCER"
        session.get(models.Council, council.id).logo_png = png()
        project = models.Project(council_id=council.id, title="Urbane Datenplattform Ä")
        session.add(project)
        session.flush()

        def item(key: str, position: int, minutes: int, **values) -> models.AgendaItem:
            row = models.AgendaItem(
                meeting_id=meeting_id,
                number="?",
                position=position,
                planned_minutes=minutes,
                **values,
            )
            session.add(row)
            session.flush()
            ids[key] = row.id
            return row

        ids: dict[str, int] = {}
        item("secret", 3, 20, title="Vergabe Straßenbeleuchtung", public=False)
        consult = item(
            "consult",
            2,
            30,
            title="Beratung: Offene Daten für Rostock",
            presenter="Gülşen Yılmaz",
            project_id=project.id,
        )
        item("minutes", 1, 10, title="Genehmigung des Protokolls", kind="minutes_approval")
        item("open", 0, 5, title="Eröffnung und Begrüßung", kind="formal")
        item("hostile", 0, 15, title=f"Zwischenbericht {HOSTILE}", presenter=HOSTILE,
             parent_id=consult.id)  # fmt: skip
        session.add_all(
            [
                models.ConflictOfInterest(
                    agenda_item_id=ids["secret"],
                    membership_id=odon.id,
                    reason="Geschäftsführer der Stadtwerke Rostock AG",
                ),
                models.ConflictOfInterest(
                    agenda_item_id=ids["secret"],
                    membership_id=zoe.id,
                    reason="Namensgleichheit",
                    origin="screening",
                    decision="overruled",
                    decided_by="Frau Schulz",
                ),
            ]
        )
    return Sample(meeting_id, ids)


@pytest.fixture
def service(database, actor, meetings_service) -> MeetingDocumentsService:
    return MeetingDocumentsService(database, actor, meetings_service)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def positions(text: str, needles: list[str]) -> list[int]:
    found = [text.find(n) for n in needles]
    assert -1 not in found, [n for n, p in zip(needles, found, strict=True) if p < 0]
    return found


def version(database, sample: Sample) -> int:
    return meeting_row(database, sample.meeting_id).version


def meeting_row(database, meeting_id: int) -> models.Meeting:
    with database.reading() as session:
        row = session.get(models.Meeting, meeting_id)
        session.expunge(row)
        return row


def test_document_orders_the_agenda_with_numbers_times_projects_and_recused_members(
    service, sample
):
    doc = service.document(sample.meeting_id, today=date(2026, 3, 2))

    assert [(e.number, e.title[:12]) for e in doc.agenda] == [
        ("1", "Eröffnung un"),
        ("2", "Genehmigung "),
        ("3", "Beratung: Of"),
        ("3.1", "Zwischenberi"),
        ("4", "Vergabe Stra"),
    ]
    assert [f"{e.planned_start:%H:%M}" for e in doc.agenda] == [
        "16:00",
        "16:05",
        "16:15",
        "16:45",
        "17:00",
    ]
    assert [e.public for e in doc.agenda] == [True, True, True, True, False]
    assert doc.agenda[2].project_title == "Urbane Datenplattform Ä"
    assert doc.agenda[1].kind_label == "Genehmigung des Protokolls"
    (conflict,) = doc.agenda[4].conflicts  # the overruled suggestion is no recusal
    assert (conflict.member_name, conflict.reason) == (
        "Ödön Pál",
        "Geschäftsführer der Stadtwerke Rostock AG",
    )
    assert doc.start == datetime(2026, 3, 12, 16, tzinfo=BERLIN)
    assert doc.end == datetime(2026, 3, 12, 18, tzinfo=BERLIN)
    assert doc.letterhead.short_name == "SCER" and doc.letterhead.logo_png == png()
    assert (doc.notice_period_days, doc.invitation_date) == (7, date(2026, 3, 2))


def test_invitation_pdf_lists_items_in_order_with_the_non_public_part_and_exact_text(
    service, sample
):
    rendered = service.invitation_pdf(sample.meeting_id, today=date(2026, 3, 2))
    text = pdf_text(rendered.pdf)

    tops = positions(text, ["TOP 1", "TOP 2", "TOP 3", "TOP 3.1", "TOP 4"])
    assert tops == sorted(tops)
    (non_public,) = positions(text, ["Nichtöffentlicher Teil"])
    assert tops[3] < non_public < tops[4]
    assert "Einladung zur 5. Sitzung – Frühjahr & <Klausur>" in text
    assert "Projekt: Urbane Datenplattform Ä" in text and "Gülşen Yılmaz" in text
    assert "Rathaus, Raum 1.23" in text and "Donnerstag, 12. März 2026, 16:00–18:00 Uhr" in text
    assert LATIN_HOSTILE in text and HEBREW in text and "&amp;" not in text
    assert "Ödön Pál" not in text  # conflicts belong to the run sheet
    assert "fristgerecht" in text and rendered.records == 5
    assert len(PdfReader(io.BytesIO(rendered.pdf)).pages[0].images) == 1  # the logo


def test_the_invitation_is_signed_by_the_councils_geschaeftsstelle(
    service, sample, database, council
):
    unsigned = pdf_text(service.invitation_pdf(sample.meeting_id, today=date(2026, 3, 2)).pdf)
    with database.transaction() as session:
        session.get(models.Council, council.id).secretariat = "Amt 10 & <Smart City>"
    signed = pdf_text(service.invitation_pdf(sample.meeting_id, today=date(2026, 3, 2)).pdf)

    assert "Mit freundlichen Grüßen Ihre Geschäftsstelle" in " ".join(unsigned.split())
    assert "Mit freundlichen Grüßen Amt 10 & <Smart City>" in " ".join(signed.split())


def test_run_sheet_pdf_names_the_recused_member_and_marks_the_non_public_item(service, sample):
    text = pdf_text(service.run_sheet_pdf(sample.meeting_id).pdf)

    tops = positions(text, ["TOP 1", "TOP 2", "TOP 3", "TOP 3.1", "TOP 4"])
    assert tops == sorted(tops)
    assert "Ödön Pál Geschäftsführer der Stadtwerke Rostock AG" in text
    assert "Zoë Brontë" not in text
    assert text.count("nichtöffentlich") == 1
    assert "17:00" in text and LATIN_HOSTILE in text and HEBREW in text


def test_run_sheet_notes_say_who_comes_and_goes_when_the_public_leaves_and_the_end(
    service, sample, database
):
    with database.transaction() as session:
        odon, zoe = session.scalars(
            select(models.ConflictOfInterest.membership_id).order_by(models.ConflictOfInterest.id)
        )
        ids = sample.item_ids
        session.add_all(
            [
                models.Attendance(
                    meeting_id=sample.meeting_id, membership_id=odon,
                    arrived_item_id=ids["consult"], arrived_at=time(16, 20),
                ),
                models.Attendance(
                    meeting_id=sample.meeting_id, membership_id=zoe, left_item_id=ids["hostile"]
                ),
            ]
        )  # fmt: skip

    text = pdf_text(service.run_sheet_pdf(sample.meeting_id).pdf)

    notes = positions(
        text,
        [
            "Kommt hinzu: Ödön Pál (gegen 16:20 Uhr).",
            "Geht nach diesem Punkt: Zoë Brontë.",
            "Öffentlichkeit ausschließen",
            "Ödön Pál ist befangen und verlässt den Raum.",
            "Geplantes Ende: 17:20 Uhr.",
        ],
    )
    assert notes == sorted(notes)


def test_run_sheet_says_what_makes_the_quorum_and_warns_when_apologies_break_it(
    service, sample, database
):
    """Found by a tester: the chair saw who is excused, not whether the meeting can still
    reach its quorum (two voting members: one apology leaves it inquorate)."""
    text = pdf_text(service.run_sheet_pdf(sample.meeting_id).pdf)
    assert "Beschlussfähigkeit" in text
    assert "ab 2 von 2 stimmberechtigten Mitgliedern (mehr als die Hälfte)" in text
    _excuse_the_first_recused_member(database, sample.meeting_id)

    text = pdf_text(service.run_sheet_pdf(sample.meeting_id).pdf)

    assert "Nach 1 Entschuldigung ist höchstens 1 von 2 stimmberechtigten Mitgliedern" in text
    assert "die Sitzung wäre nicht beschlussfähig" in text


def test_run_sheet_warns_at_the_approval_item_while_those_minutes_are_not_sent(
    service, sample, database
):
    """Found by a tester: the 7. Sitzung was to approve the 6.'s minutes, still a draft
    nobody had sent, and the chair's sheet did not say so (approval would be refused)."""
    unsent = "Das Protokoll der 4. Sitzung ist noch nicht versandt"
    text = pdf_text(service.run_sheet_pdf(sample.meeting_id).pdf)
    at = positions(text, ["TOP 2", unsent, "TOP 3"])  # TOP 2 approves them
    assert at == sorted(at)
    assert "Genehmigung erst nach dem Versand möglich." in text
    with database.transaction() as session:
        fourth = session.scalar(select(models.Meeting.id).where(models.Meeting.number == 4))
        session.add(models.MinutesVersion(meeting_id=fourth, number=1, state="circulated"))

    assert unsent not in pdf_text(service.run_sheet_pdf(sample.meeting_id).pdf)
    assert not [e.notes for e in service.document(sample.meeting_id).agenda if e.notes]


def test_only_the_run_sheet_reads_the_attendance(service, sample, database):
    _excuse_the_first_recused_member(database, sample.meeting_id)
    with recorded_statements(database.engine) as statements:
        invitation = service.document(sample.meeting_id)
        service.ics_for_meetings([sample.meeting_id], stamp=STAMP)

    assert statements and not [s for s in statements if "attendances" in s]
    assert [e.notes for e in invitation.agenda if e.notes] == []
    run_sheet = service.document(sample.meeting_id, run_sheet_notes=True)
    assert "Entschuldigt: Ödön Pál." in run_sheet.agenda[0].notes


def test_excused_and_recused_members_are_named_in_reading_order(
    service, sample, database, council, members_service, new_member, today
):
    """The run sheet's "Entschuldigt" note and the recusals follow name_sort_key: "von
    Hohenzollern" between Hoffmann and Huber, "Öztürk" before Zimmermann."""
    families = ("Zimmermann", "Öztürk", "Huber", "von Hohenzollern", "Hoffmann")
    ids = [members_service.save(council.id, new_member("Kim", f), today).id for f in families]
    with database.transaction() as session:
        for membership_id in ids:
            session.add_all(
                [
                    models.Attendance(
                        meeting_id=sample.meeting_id, membership_id=membership_id, status="excused"
                    ),
                    models.ConflictOfInterest(
                        agenda_item_id=sample.item_ids["secret"],
                        membership_id=membership_id,
                        reason="Beratervertrag",
                    ),
                ]
            )

    doc = service.document(sample.meeting_id, run_sheet_notes=True)

    order = ["Kim Hoffmann", "Kim von Hohenzollern", "Kim Huber", "Kim Öztürk", "Kim Zimmermann"]
    notes = doc.agenda[0].notes
    assert positions(notes, order) == sorted(positions(notes, order))
    recused = [c.member_name for c in doc.agenda[4].conflicts]
    assert recused == [*order[:4], "Ödön Pál", order[4]]


def test_invitation_letters_give_each_active_member_a_letter_of_their_own(
    service, sample, database, council, members_service, new_member, today
):
    members_service.save(
        council.id,
        new_member("Kim", HOSTILE, form_of_address="Frau", title="Dr.",
                   postal_address="Lange Straße 1 & 2\n18055 Rostock"),
        today,
    )  # fmt: skip
    members_service.save(
        council.id, new_member("Ex", "Mitglied", term_end=date(2025, 12, 31)), today
    )

    rendered = service.invitation_letters_pdf(sample.meeting_id)

    reader = PdfReader(io.BytesIO(rendered.pdf))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    names = ["Zoë Brontë", f"Dr. Kim {LATIN_HOSTILE}", "Ödön Pál"]  # by family name
    assert rendered.records == len(pages) == 3
    assert [o.title for o in reader.outline] == [
        "Zoë Brontë", f"Dr. Kim {HOSTILE}", "Ödön Pál",
    ]  # fmt: skip
    for page, name in zip(pages, names, strict=True):
        assert name in page and "Einladung zur 5. Sitzung" in page
        assert [n for n in names if n in page] == [name]
    assert "Frau Dr. Kim" in pages[1] and "Lange Straße 1 & 2 18055 Rostock" in pages[1]
    assert "Sehr geehrte Frau Dr." in pages[1] and "Guten Tag Zoë Brontë," in pages[0]
    assert "Mitglied" not in " ".join(pages).replace("Mitglieder", "")


def test_a_letter_to_a_member_of_the_form_divers_puts_no_form_above_the_name(
    service, sample, council, members_service, new_member, today
):
    """(found by a tester) "Divers" from a member import stood as a line of its own above
    the name ("Divers / Sam Weiß"); the letter addresses them by name alone."""
    members_service.save(
        council.id,
        new_member("Sam", "Weiß", form_of_address="Divers", postal_address="Markt 1\n23552 Lübeck"),
        today,
    )

    rendered = service.invitation_letters_pdf(sample.meeting_id)

    reader = PdfReader(io.BytesIO(rendered.pdf))
    (page,) = [p.extract_text() for p in reader.pages if "Sam Weiß" in p.extract_text()]
    lines = [line.strip() for line in page.splitlines()]
    at = lines.index("Sam Weiß")
    assert lines[at + 1 : at + 3] == ["Markt 1", "23552 Lübeck"]
    assert "Divers" not in page and "Guten Tag Sam Weiß," in lines


def test_a_letter_whose_address_no_font_can_print_names_the_member_in_its_warning(
    service, sample, council, members_service, new_member, today
):
    """(found by a tester) One file holds a letter per member; the warning said only
    'Anschrift: Symbole oder Emoji …', not whose."""
    members_service.save(
        council.id,
        new_member("Kim", "Lee", postal_address="Haus 🏛 am Markt\n18055 Rostock"),
        today,
    )

    rendered = service.invitation_letters_pdf(sample.meeting_id)

    (about_address,) = [w for w in rendered.warnings if "Anschrift" in w]
    assert about_address.startswith("Anschrift von Kim Lee")  # and the sample's "TOP 3.1"
    assert about_address.endswith(
        ": Symbole oder Emoji – diese Zeichen hat keine Schrift "
        "des Programms, sie stehen im PDF als „\ufffd“."
    )


def test_unknown_or_deleted_meeting_is_not_found(service, sample, database):
    with pytest.raises(NotFoundError, match="gibt es nicht mehr"):
        service.invitation_pdf(4711)
    with database.transaction() as session:
        session.get(models.Meeting, sample.meeting_id).deleted_at = datetime(2026, 1, 1)
    with pytest.raises(NotFoundError):
        service.run_sheet_pdf(sample.meeting_id)


def test_a_cancelled_meeting_has_a_cancellation_letter_but_no_run_sheet(service, sample, database):
    """(found by a tester) The run sheet of a cancelled meeting was made, its agenda timed
    for a meeting that does not take place; the invitation is the cancellation letter."""
    with database.transaction() as session:
        row = session.get(models.Meeting, sample.meeting_id)
        row.state, row.cancellation_reason = MeetingState.CANCELLED.value, "Zu wenige Zusagen"

    with pytest.raises(ExpertenratError) as refused:
        service.run_sheet_pdf(sample.meeting_id)

    assert refused.value.message == (
        "Die Sitzung ist abgesagt: für eine abgesagte Sitzung gibt es keinen Ablaufplan."
    )
    letter = " ".join(pdf_text(service.invitation_pdf(sample.meeting_id).pdf).split())
    assert "Absage" in letter and "Grund: Zu wenige Zusagen" in letter


def events(raw: bytes) -> list:
    return list(Calendar.from_ical(raw).walk("VEVENT"))


def test_ics_has_berlin_times_and_a_uid_that_stays_while_the_sequence_rises(
    service, sample, database, meetings_service
):
    uid = meeting_row(database, sample.meeting_id).uid
    first = service.ics_for_meetings([sample.meeting_id], stamp=STAMP)
    again = service.ics_for_meetings([sample.meeting_id], stamp=STAMP)
    assert first == again
    assert b"DTSTART;TZID=Europe/Berlin:20260312T160000" in first
    assert b"DTEND;TZID=Europe/Berlin:20260312T180000" in first
    (event,) = events(first)
    assert str(event["uid"]) == uid + PUBLIC_UID_SUFFIX and event["sequence"] == 0
    assert f"TOP 3.1 Zwischenbericht {HOSTILE}\n" in str(event["description"])  # as typed

    sent = service.record_invitation_sent(
        sample.meeting_id, version(database, sample), date(2026, 3, 2)
    )
    draft = meetings_service.get(sample.meeting_id).draft()
    later = replace(
        draft, start=draft.start + timedelta(hours=1), end=draft.end + timedelta(hours=1)
    )
    meetings_service.update(sample.meeting_id, sent.version, later)
    (moved,) = events(service.ics_for_meetings([sample.meeting_id], stamp=STAMP))

    assert str(moved["uid"]) == uid + PUBLIC_UID_SUFFIX
    assert moved["sequence"] == 2  # invited, then moved
    assert moved.decoded("dtstart") == datetime(2026, 3, 12, 17, tzinfo=BERLIN)


def test_ics_status_is_tentative_until_the_invitation_then_confirmed_each_with_a_new_sequence(
    service, sample, database, meetings_service
):
    """(found by a tester) A planned meeting without an invitation was CONFIRMED in the
    members' calendars; the invitation left STATUS and SEQUENCE as they were."""

    def entry():
        (event,) = events(service.ics_for_meetings([sample.meeting_id], stamp=STAMP))
        return str(event["status"]), event["sequence"]

    assert entry() == ("TENTATIVE", 0)
    sent = service.record_invitation_sent(
        sample.meeting_id, version(database, sample), date(2026, 3, 2)
    )
    assert entry() == ("CONFIRMED", 1)
    service.record_invitation_sent(sample.meeting_id, sent.version, date(2026, 3, 3))
    assert entry() == ("CONFIRMED", 1)  # the day corrected: the calendar shows nothing new
    meetings_service.change_state(
        sample.meeting_id, version(database, sample), MeetingState.CANCELLED, "Krankheit"
    )
    assert entry() == ("CANCELLED", 2)


def test_ics_of_a_council_lists_all_meetings_cancelled_ones_as_cancelled(
    service, sample, database, council
):
    cancelled = add_meeting(
        database,
        council.id,
        6,
        datetime(2026, 6, 11, 16, 0),  # summer time: +02:00
        state="cancelled",
        cancellation_reason="Zu wenige Zusagen",
    )
    deleted = add_meeting(database, council.id, 7, datetime(2026, 9, 10, 16, 0))
    with database.transaction() as session:
        session.get(models.Meeting, deleted).deleted_at = datetime(2026, 1, 1)

    found = events(service.ics_for_council(council.id, stamp=STAMP))[4:]  # after 1. to 4.

    assert [str(e["summary"]) for e in found] == [
        "SCER: 5. Sitzung – Frühjahr & <Klausur>",
        "Abgesagt: SCER: 6. Sitzung",
    ]
    assert [str(e["status"]) for e in found] == ["TENTATIVE", "CANCELLED"]  # 5. not invited
    assert found[1].decoded("dtstart").utcoffset() == timedelta(hours=2)
    assert "Grund: Zu wenige Zusagen" in str(found[1]["description"])
    assert str(found[1]["uid"]) == meeting_row(database, cancelled).uid + PUBLIC_UID_SUFFIX


def test_saved_calendars_are_public_the_one_mailed_to_the_members_lists_the_whole_agenda(
    service, sample, council, members_service, new_member, today
):
    """(found by a tester) "Alle Sitzungen …" (a file for the city's website) listed the
    titles of non-public items. The invitation mail's file goes to the members, as the
    letter beside it, which lists them (and sets nothing apart: FSI … PDI showed as boxes).
    (found by a tester) The public file had the members' UID and SEQUENCE: a member
    importing it from the website replaced the invitation's entry, online link and all."""
    saved = [
        *events(service.ics_for_council(council.id, stamp=STAMP)),
        *events(service.ics_for_meetings([sample.meeting_id], stamp=STAMP)),
    ]
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)
    message = message_from_bytes(
        service.invitation_mail(sample.meeting_id).eml, policy=email_default
    )
    (mailed,) = events(attachments(message)["Einladung 5. Sitzung 2026-03-12.ics"])

    assert str(mailed["uid"]) not in {str(e["uid"]) for e in saved}
    public_uid = str(mailed["uid"]) + PUBLIC_UID_SUFFIX
    fifth = [str(e["description"]) for e in saved if str(e["uid"]) == public_uid]
    assert len(fifth) == 2
    assert all(d.endswith("\nNichtöffentlicher Teil") for d in fifth)
    assert not any("Straßenbeleuchtung" in d or "nichtöffentlich" in d for d in fifth)
    assert "TOP 4 Vergabe Straßenbeleuchtung (nichtöffentlich)" in str(mailed["description"])
    assert f"– {HOSTILE}" in str(mailed["description"])  # the presenter, as typed
    text = message.get_body(("plain",)).get_content()
    assert "\u2068" not in text + str(mailed["description"])


def test_meeting_id_by_number_names_the_numbers_there_are(service, sample, council):
    assert service.meeting_id(council.id, 5) == sample.meeting_id
    with pytest.raises(
        NotFoundError, match=r"Eine 6\. Sitzung gibt es .* Vorhanden: 1, 2, 3, 4, 5\."
    ):
        service.meeting_id(council.id, 6)


def test_recording_the_invitation_in_time_moves_the_meeting_to_invited(service, sample, database):
    sent = service.record_invitation_sent(
        sample.meeting_id, version(database, sample), date(2026, 3, 5)
    )

    row = meeting_row(database, sample.meeting_id)
    assert (row.state, row.invitation_sent_on, row.version) == (
        "invited",
        date(2026, 3, 5),
        sent.version,
    )
    assert sent.warnings == ()
    doc = service.document(sample.meeting_id, today=date(2026, 3, 9))
    assert doc.invitation_date == date(2026, 3, 5)  # dated the day it went out


def test_an_invitation_not_yet_sent_is_dated_the_councils_today_not_the_pcs(
    service, sample, database, council
):
    """(found by a tester) Without a day given (`expertenrat invitation`, the OParl
    export), an invitation not yet sent was dated the PC's date: a day off the council's
    on a PC set to another zone. It is the council's today in its time zone now."""
    pc_day = date.today()
    zone = next(
        z for z in ("Etc/GMT-14", "Etc/GMT+12") if datetime.now(ZoneInfo(z)).date() != pc_day
    )
    with database.transaction() as session:
        session.get(models.Council, council.id).time_zone = zone

    before = datetime.now(ZoneInfo(zone)).date()
    doc = service.document(sample.meeting_id)

    # (either of the council's days: its midnight may pass during the call)
    assert doc.invitation_date in {before, datetime.now(ZoneInfo(zone)).date()}


def test_recording_a_late_invitation_warns_about_the_notice_period(service, sample, database):
    sent = service.record_invitation_sent(
        sample.meeting_id, version(database, sample), date(2026, 3, 9)
    )

    assert sent.warnings == (
        "Die Einladung zur 5. Sitzung – Frühjahr & <Klausur> ergeht 3 Tage vor der Sitzung "
        "– die Ladungsfrist von 7 Tagen ist nicht gewahrt.",
    )
    assert meeting_row(database, sample.meeting_id).state == "invited"
    corrected = service.record_invitation_sent(sample.meeting_id, sent.version, date(2026, 3, 2))
    assert corrected.warnings == ()
    assert meeting_row(database, sample.meeting_id).invitation_sent_on == date(2026, 3, 2)


def test_refused_invitation_records_change_nothing(service, sample, database, council):
    before = meeting_row(database, sample.meeting_id)
    audit_entries = audit_count(database)
    with pytest.raises(ValidationError, match=r"kann nicht am 13\.03\.2026, nach der Sitzung"):
        service.record_invitation_sent(
            sample.meeting_id, version(database, sample), date(2026, 3, 13)
        )
    with pytest.raises(ConcurrentEditError):
        service.record_invitation_sent(sample.meeting_id, 7, date(2026, 3, 1))
    cancelled = add_meeting(
        database, council.id, 6, datetime(2026, 6, 11, 16), state="cancelled",
        cancellation_reason="Krank",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="abgesagt"):
        service.record_invitation_sent(cancelled, 1, date(2026, 6, 1))

    row = meeting_row(database, sample.meeting_id)
    assert (row.state, row.invitation_sent_on, row.version) == ("planned", None, before.version)
    assert audit_count(database) == audit_entries


def audit_count(database) -> int:
    with database.reading() as session:
        return len(session.scalars(select(models.AuditEntry.id)).all())


def test_recording_and_correcting_the_invitation_is_in_the_audit_trail(service, sample, database):
    sent = service.record_invitation_sent(
        sample.meeting_id, version(database, sample), date(2026, 3, 5)
    )
    service.record_invitation_sent(sample.meeting_id, sent.version, date(2026, 3, 4))

    with database.reading() as session:
        entries = session.scalars(
            select(models.AuditEntry)
            .where(models.AuditEntry.entity == "meeting")
            .order_by(models.AuditEntry.id)
        ).all()
    assert [e.summary for e in entries[-2:]] == [
        "5. Sitzung – Frühjahr & <Klausur> am 12.03.2026 eingeladen",
        "Einladung zur 5. Sitzung versandt am 04.03.2026",
    ]
    assert {e.actor for e in entries} == {"Frau Schulz"}


@pytest.mark.parametrize("zone", ["Europe/Atlantis", "Europe"])  # "Europe": a folder (review)
def test_an_unknown_time_zone_of_the_council_is_a_german_message(
    service, sample, database, council, zone
):
    with database.transaction() as session:
        session.get(models.Council, council.id).time_zone = zone

    with pytest.raises(ValidationError, match=f"Die Zeitzone „{zone}“ des Gremiums"):
        service.ics_for_meetings([sample.meeting_id])


def test_a_meeting_cancelled_before_its_invitation_has_no_number_in_lists_and_calendar(
    service, sample, database, meetings_service, council
):
    meetings_service.change_state(
        sample.meeting_id, version(database, sample), MeetingState.CANCELLED, "Zu wenige Zusagen"
    )

    with pytest.raises(NotFoundError, match=r"Vorhanden: 1, 2, 3, 4\.$"):
        service.meeting_id(council.id, 5)
    (event,) = events(service.ics_for_meetings([sample.meeting_id], stamp=STAMP))
    assert str(event["summary"]) == "Abgesagt: SCER: Sitzung – Frühjahr & <Klausur>"
    assert str(event["status"]) == "CANCELLED"


def test_a_changed_invitation_is_dated_the_day_of_the_change_and_a_recorded_send_moves_it(
    service, sample, database, meetings_service
):
    """A room-only change of an invited meeting kept the first invitation's date."""
    sent = service.record_invitation_sent(
        sample.meeting_id, version(database, sample), date(2026, 3, 2)
    )
    meeting = meetings_service.get(sample.meeting_id)
    meetings_service.update(
        sample.meeting_id,
        sent.version,
        replace(meeting.draft(), room="Raum 2.05"),
        today=date(2026, 3, 9),
    )

    doc = service.document(sample.meeting_id)
    assert (doc.changed, doc.letter_date, doc.invitation_date) == (
        True, date(2026, 3, 9), date(2026, 3, 2),
    )  # fmt: skip
    text = pdf_text(service.invitation_pdf(sample.meeting_id).pdf)
    assert "Geänderte Einladung" in text and "09.03.2026" in text
    assert "Die Einladung vom 02.03.2026 erging fristgerecht" in text

    again = service.record_invitation_sent(
        sample.meeting_id, meeting_row(database, sample.meeting_id).version, date(2026, 3, 10)
    )
    row = meeting_row(database, sample.meeting_id)
    assert (row.invitation_changed_on, row.invitation_sent_on) == (
        date(2026, 3, 10),
        date(2026, 3, 2),
    )  # fmt: skip  the changed letter went out then; the notice period holds
    assert again.warnings == ()


def attachments(message) -> dict[str, bytes]:
    return {part.get_filename(): part.get_content() for part in message.iter_attachments()}


def test_the_invitation_as_an_e_mail_draft_to_the_members_with_pdf_and_calendar(
    service, sample, database, council, members_service, new_member, today, meetings_service
):
    members_service.save(
        council.id, new_member("Kim", 'O\'Neil "K"', email="kim@example.org"), today
    )
    mail = service.invitation_mail(sample.meeting_id, today=date(2026, 3, 2))

    message = message_from_bytes(mail.eml, policy=email_default)
    assert message["X-Unsent"] == "1"
    assert message["Bcc"] == '"Kim O\'Neil \\"K\\"" <kim@example.org>'
    assert message["Subject"] == (  # the council's name: members may sit on several bodies
        "Smart City Expert*innenrat: Einladung zur 5. Sitzung – Frühjahr & <Klausur>, "
        "Donnerstag, 12. März 2026"
    )
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Zeit: Donnerstag, 12. März 2026, 16:00–18:00 Uhr\nOrt: Rathaus, Raum 1.23" in text
    assert "Verhinderung bis Mittwoch, 11. März 2026" in text
    files = attachments(message)
    assert list(files) == [
        "Einladung 5. Sitzung 2026-03-12.pdf",
        "Einladung 5. Sitzung 2026-03-12.ics",
    ]
    assert "Einladung zur 5. Sitzung" in pdf_text(files["Einladung 5. Sitzung 2026-03-12.pdf"])
    (event,) = events(files["Einladung 5. Sitzung 2026-03-12.ics"])
    assert str(event["uid"]) == meeting_row(database, sample.meeting_id).uid
    # the entry as the invitation makes it, with the SEQUENCE recording the send gives it
    assert (str(event["status"]), event["sequence"]) == ("CONFIRMED", 1)
    assert (mail.name, mail.recipients) == ("Einladung 5. Sitzung 2026-03-12.eml", 1)
    assert mail.without_email == ("Zoë Brontë", "Ödön Pál")
    assert mail.notes[-1] == (
        "Ohne E-Mail-Adresse (bitte die Einladung per Post senden): Zoë Brontë, Ödön Pál."
    )

    sent = service.record_invitation_sent(
        sample.meeting_id, version(database, sample), date(2026, 3, 2)
    )
    meetings_service.change_state(
        sample.meeting_id, sent.version, MeetingState.CANCELLED, "Raum nicht verfügbar"
    )
    cancelled = message_from_bytes(
        service.invitation_mail(sample.meeting_id).eml, policy=email_default
    )
    # (found by a tester) it read "…innenrat: Absage: 5. Sitzung – …", two colons
    assert cancelled["Subject"].startswith(
        "Smart City Expert*innenrat: Absage der 5. Sitzung – Frühjahr & <Klausur>, "
    )
    body = cancelled.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "findet nicht statt" in body and "Grund: Raum nicht verfügbar" in body
    # (found by a tester) It promised the file "nimmt den Termin aus Ihrem Kalender", which
    # Outlook does not do with a published entry; it keeps it, named "Abgesagt: …"
    assert "die Kalenderdatei (.ics) kennzeichnet den Termin in Ihrem Kalender als abgesagt" in (
        " ".join(body.split())
    )
    (gone,) = events(attachments(cancelled)["Absage 5. Sitzung 2026-03-12.ics"])
    assert gone["status"] == "CANCELLED"
    assert str(gone["summary"]).startswith("Abgesagt: ")


def test_no_member_sees_the_addresses_of_the_others(
    service, sample, council, members_service, new_member, today
):
    """(found by a tester) Every member's address stood in "To", so each of the external
    members saw all others' addresses, also of those who did not agree to share them. They
    go in blind copy (Bcc), which the mail program keeps out of the mail it sends."""
    for given, family in (("Kim", "Lee"), ("Jo", "Kern")):
        mail = f"{given.lower()}@example.org"
        members_service.save(council.id, new_member(given, family, email=mail), today)

    eml = service.invitation_mail(sample.meeting_id, today=date(2026, 3, 2)).eml

    message = message_from_bytes(eml, policy=email_default)
    assert message["To"] is None and message["Cc"] is None
    assert sorted(a.addr_spec for a in message["Bcc"].addresses) == [
        "jo@example.org",
        "kim@example.org",
    ]


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_invitation_is_from_and_to_the_secretariats_address_set_in_the_settings(
    service, sample, council, settings_service, members_service, new_member, today
):
    """Some mail programs mishandle a draft with Bcc alone; the secretariat wants a copy."""
    members_service.save(council.id, new_member("Kim", "Lee", email="kim@example.org"), today)
    settings_service.update_settings(
        replace(settings_service.settings(council.id), secretariat_email="gs@rostock.de")
    )

    eml = service.invitation_mail(sample.meeting_id, today=date(2026, 3, 2)).eml

    message = message_from_bytes(eml, policy=email_default)
    secretariat = ["Smart City Expert*innenrat <gs@rostock.de>"]
    assert [str(a) for a in message["From"].addresses] == secretariat
    assert [str(a) for a in message["To"].addresses] == secretariat
    assert [a.addr_spec for a in message["Bcc"].addresses] == ["kim@example.org"]


def test_a_member_address_with_an_umlaut_reaches_the_draft_intact(
    service, sample, council, members_service, new_member, today
):
    """(found by a tester) "böhm@jena.de" was written as an encoded word inside the
    address, which mail programs do not read as the address."""
    members_service.save(council.id, new_member("Jörg", "Böhm, Dr.", email="böhm@jena.de"), today)

    eml = service.invitation_mail(sample.meeting_id, today=date(2026, 3, 2)).eml

    message = Parser(policy=email_default).parsestr(eml.decode("utf-8"))
    (address,) = message["Bcc"].addresses
    assert (address.display_name, address.addr_spec) == ("Jörg Böhm, Dr.", "böhm@jena.de")
    assert "<böhm@jena.de>".encode() in eml and b"=?utf-8?q?b" not in eml


def test_an_e_mail_without_any_member_address_is_refused_in_german(service, sample):
    with pytest.raises(ExpertenratError, match="kein Mitglied des Gremiums eine E-Mail-Adresse"):
        service.invitation_mail(sample.meeting_id)


def test_the_letters_know_the_councils_bundesland(service, sample, council, settings_service):
    """(found by a tester) The invitation asked a council in Thüringen for excuses by a
    public holiday there: its letterhead did not carry the council's Bundesland."""
    assert service.document(sample.meeting_id).letterhead.bundesland == "DE-MV"
    settings_service.update_settings(
        replace(settings_service.settings(council.id), bundesland="DE-TH")
    )
    assert service.document(sample.meeting_id).letterhead.bundesland == "DE-TH"


def _excuse_the_first_recused_member(database, meeting_id: int) -> None:
    """The member of the sample's first declared conflict of interest sends apologies."""
    with database.transaction() as session:
        membership_id = session.scalars(
            select(models.ConflictOfInterest.membership_id).order_by(models.ConflictOfInterest.id)
        ).first()
        session.add(
            models.Attendance(meeting_id=meeting_id, membership_id=membership_id, status="excused")
        )
