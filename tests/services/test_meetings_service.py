"""The meetings service on SQLite and PostgreSQL: saving, numbers, states, delete, chair."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from client_statements import recorded_statements
from sqlalchemy import delete, select
from test_minutes_freeze import blank_pdf

from expertenrat.domain.agenda import numbers as numbers_of
from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState, MinutesState
from expertenrat.domain.errors import (
    ConcurrentEditError,
    InUseError,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_numbers import NUMBER_ORDER_FIELD
from expertenrat.domain.meetings import Meeting, MeetingScope, MeetingSummary
from expertenrat.services.agenda import AgendaService
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.audit_reading import AuditService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""


def draft(day: date, hour: int = 16, hours: int = 2, **changes) -> MeetingDraft:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)
    values = {"place": "Rathaus Rostock", "room": "Raum 1a", **changes}
    return MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=hours), **values)


def numbers(service, council_id) -> dict[date, int | None]:
    return {m.starts_at.date(): m.number for m in service.list(council_id)}


def advance(service, meeting_id, *targets, reason="", now=None):
    meeting = service.get(meeting_id)
    for target in targets:
        meeting = service.change_state(meeting.id, meeting.version, target, reason, now=now)
    return meeting


def test_a_new_meeting_is_read_back_with_aware_times_and_its_texts(meetings_service, council):
    meeting_id = meetings_service.create(
        council.id,
        draft(date(2026, 3, 10), title=HOSTILE, place=f"  {HOSTILE} ", room=HOSTILE),
        notes=f"Notiz {HOSTILE}\nZeile 2",
    )

    meeting = meetings_service.get(meeting_id)
    assert meeting.number == 1
    assert meeting.state is MeetingState.PLANNED
    assert meeting.starts_at == datetime(2026, 3, 10, 16, tzinfo=BERLIN)
    assert meeting.ends_at == datetime(2026, 3, 10, 18, tzinfo=BERLIN)
    assert (meeting.title, meeting.place, meeting.room) == (HOSTILE, HOSTILE, HOSTILE)
    assert meeting.notes == f"Notiz {HOSTILE}\nZeile 2"
    assert len(meeting.uid) == 36 and meeting.ics_sequence == 0
    assert meeting.label == f"1. Sitzung – {HOSTILE}"


OPENING = [
    ("1", "Eröffnung", AgendaItemKind.FORMAL),
    ("2", "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit", AgendaItemKind.FORMAL),
    ("3", "Genehmigung der Tagesordnung", AgendaItemKind.FORMAL),
    ("4", "Genehmigung des Protokolls der letzten Sitzung", AgendaItemKind.MINUTES_APPROVAL),
]


def opening_of(database, meeting_id: int) -> list[tuple[str, str, AgendaItemKind]]:
    """The stored agenda (number, title, kind) in order."""
    agenda = AgendaService(database, "tester").agenda(meeting_id)
    by_number = numbers_of(agenda.items)
    placed = sorted(agenda.items, key=lambda i: int(by_number[i.key]))
    return [(by_number[i.key], i.title, i.kind) for i in placed]


def test_a_new_meeting_starts_with_the_standard_opening_items(meetings_service, council, database):
    first = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    meeting_id = meetings_service.create(council.id, draft(date(2026, 4, 14)))

    assert opening_of(database, meeting_id) == OPENING
    entries = AuditService(database).entries("agenda_item")
    assert sorted(e.summary for e in entries) == [
        "Standardpunkte der Tagesordnung der 1. Sitzung angelegt",
        "Standardpunkte der Tagesordnung der 2. Sitzung angelegt",
    ]
    assert opening_of(database, first) == OPENING[:3]


def test_a_council_s_first_meeting_approves_no_earlier_minutes(meetings_service, council, database):
    """The first meeting of a new council got "Genehmigung des Protokolls der letzten
    Sitzung", though there was none (found by a tester). A meeting planned before the first
    one is the first now; a cancelled meeting before it does not count."""
    april = meetings_service.create(council.id, draft(date(2026, 4, 14)))
    march = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    assert opening_of(database, april) == OPENING[:3]  # the first when it was planned
    assert opening_of(database, march) == OPENING[:3]
    with database.transaction() as session:
        session.get(models.Meeting, march).state = MeetingState.CANCELLED.value
    may = meetings_service.create(council.id, draft(date(2026, 5, 12)))
    assert opening_of(database, may) == OPENING  # after April's

    june = meetings_service.create(council.id, draft(date(2026, 6, 9)))
    with database.transaction() as session:
        for meeting_id in (april, may):
            session.get(models.Meeting, meeting_id).state = MeetingState.CANCELLED.value
    with database.transaction() as session:
        session.execute(delete(models.AgendaItem).where(models.AgendaItem.meeting_id == june))
    AgendaService(database, "tester").add_opening_items(june)  # "Standardpunkte" later
    assert opening_of(database, june) == OPENING[:3]  # only cancelled ones before it


def test_a_refused_meeting_leaves_no_opening_items(meetings_service, council, database):
    with pytest.raises(ValidationError):
        meetings_service.create(council.id, draft(date(2026, 3, 10), hours=-1))

    with database.reading() as session:
        assert session.scalars(select(models.AgendaItem)).all() == []


def test_an_utc_start_is_stored_as_the_councils_wall_clock(meetings_service, council):
    start = datetime(2026, 7, 1, 14, tzinfo=ZoneInfo("UTC"))  # 16:00 summer time in Berlin
    meeting_id = meetings_service.create(
        council.id, MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), "", "x")
    )
    assert meetings_service.get(meeting_id).starts_at == datetime(2026, 7, 1, 16, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hours": -1}, "Das Ende muss nach dem Beginn liegen."),
        ({"place": "", "room": ""}, "Bitte geben Sie einen Ort oder einen Link"),
        ({"online_link": "ftp://x"}, "Der Link muss mit https://"),
        ({"title": "x" * 201}, "höchstens 200 Zeichen"),
        ({"title": "Sitzung\u202e"}, "unsichtbares Steuerzeichen"),
        ({"place": "Rathaus\nRostock"}, "in einer Zeile"),
    ],
)
def test_bad_input_is_refused_in_german_and_nothing_is_saved(
    meetings_service, council, changes, message
):
    changes = dict(changes)
    hours = changes.pop("hours", 2)
    with pytest.raises(ValidationError, match=message):
        meetings_service.create(council.id, draft(date(2026, 3, 10), hours=hours, **changes))
    assert meetings_service.list(council.id) == []


def test_a_workshop_needs_a_title(meetings_service, council):
    workshop = MeetingDraft(
        MeetingKind.WORKSHOP,
        datetime(2026, 3, 10, 9, tzinfo=BERLIN),
        datetime(2026, 3, 10, 17, tzinfo=BERLIN),
        place="Rathaus",
    )
    with pytest.raises(ValidationError, match="Thema der Klausur"):
        meetings_service.create(council.id, workshop)


def test_planned_meetings_are_numbered_in_order_of_their_date(meetings_service, council):
    for day in (date(2026, 6, 1), date(2026, 2, 1), date(2026, 4, 1)):
        meetings_service.create(council.id, draft(day))

    assert numbers(meetings_service, council.id) == {
        date(2026, 2, 1): 1,
        date(2026, 4, 1): 2,
        date(2026, 6, 1): 3,
    }


def test_numbers_of_invited_and_held_meetings_never_change(meetings_service, council):
    first = meetings_service.create(council.id, draft(date(2026, 1, 13)))
    advance(
        meetings_service,
        first,
        MeetingState.INVITED,
        MeetingState.HELD,
        now=datetime(2026, 1, 14, tzinfo=BERLIN),
    )
    june = meetings_service.create(council.id, draft(date(2026, 6, 9)))
    march = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    assert numbers(meetings_service, council.id) == {
        date(2026, 1, 13): 1,
        date(2026, 3, 10): 2,
        date(2026, 6, 9): 3,
    }
    advance(meetings_service, march, MeetingState.INVITED)

    # June moves before March: March is invited and keeps its 2; June stays planned, 3.
    moved = meetings_service.get(june)
    meetings_service.update(june, moved.version, draft(date(2026, 2, 17)))
    # An earlier planned meeting still cannot take an invited meeting's number.
    meetings_service.create(council.id, draft(date(2026, 2, 3)))

    assert numbers(meetings_service, council.id) == {
        date(2026, 1, 13): 1,
        date(2026, 2, 3): 3,
        date(2026, 2, 17): 4,
        date(2026, 3, 10): 2,
    }


def test_cancelling_a_planned_meeting_gives_up_its_number(meetings_service, council):
    ids = [meetings_service.create(council.id, draft(date(2026, m, 10))) for m in (3, 6, 9)]

    cancelled = advance(meetings_service, ids[1], MeetingState.CANCELLED, reason="Krankheit")

    assert cancelled.number is None
    assert cancelled.state is MeetingState.CANCELLED
    assert cancelled.cancellation_reason == "Krankheit"
    # (found by a tester) The calendar file of all meetings carries planned ones too: the
    # cancellation needs a new SEQUENCE, or calendars keep the entry they have; above
    # the 1 an invitation draft of the planned meeting carries.
    assert cancelled.ics_sequence == 2
    assert cancelled.label == "Sitzung"
    assert numbers(meetings_service, council.id) == {
        date(2026, 3, 10): 1,
        date(2026, 6, 10): None,
        date(2026, 9, 10): 2,
    }


def test_cancelling_an_invited_meeting_keeps_its_number_and_updates_the_calendar(
    meetings_service, council
):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    invited = advance(meetings_service, meeting_id, MeetingState.INVITED)

    cancelled = advance(meetings_service, meeting_id, MeetingState.CANCELLED, reason=HOSTILE)

    assert (cancelled.number, cancelled.cancellation_reason) == (1, HOSTILE)
    assert cancelled.ics_sequence == invited.ics_sequence + 1


def test_cancelling_needs_a_reason_and_leaves_the_meeting_as_it_was(meetings_service, council):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    with pytest.raises(ValidationError, match="Grund für die Absage"):
        advance(meetings_service, meeting_id, MeetingState.CANCELLED, reason="   ")
    assert meetings_service.get(meeting_id).state is MeetingState.PLANNED


def test_inviting_records_the_day_the_invitation_went_out(meetings_service, council):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    now = datetime(2026, 2, 24, 23, 30, tzinfo=ZoneInfo("UTC"))  # already 25 Feb in Berlin
    invited = advance(meetings_service, meeting_id, MeetingState.INVITED, now=now)
    assert invited.invitation_sent_on == date(2026, 2, 25)


def test_a_meeting_cannot_be_held_before_it_began_or_without_invitation(meetings_service, council):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    with pytest.raises(ValidationError, match="Versand der Einladung"):
        advance(meetings_service, meeting_id, MeetingState.HELD)
    advance(meetings_service, meeting_id, MeetingState.INVITED)
    with pytest.raises(ValidationError, match="noch nicht als durchgeführt"):
        advance(
            meetings_service,
            meeting_id,
            MeetingState.HELD,
            now=datetime(2026, 3, 10, 15, 59, tzinfo=BERLIN),
        )
    held = advance(
        meetings_service,
        meeting_id,
        MeetingState.HELD,
        now=datetime(2026, 3, 10, 16, tzinfo=BERLIN),
    )
    assert held.state is MeetingState.HELD


def test_a_new_time_or_place_of_an_invited_meeting_raises_the_calendar_sequence(
    meetings_service, council
):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    invited = advance(meetings_service, meeting_id, MeetingState.INVITED)

    notes_only = meetings_service.update(
        meeting_id, invited.version, invited.draft(), notes="Nur eine Notiz"
    )
    assert notes_only.ics_sequence == invited.ics_sequence
    later = meetings_service.update(meeting_id, notes_only.version, draft(date(2026, 3, 10), 17))
    assert later.ics_sequence == invited.ics_sequence + 1
    moved = meetings_service.update(
        meeting_id, later.version, draft(date(2026, 3, 10), 17, room="B")
    )
    assert moved.ics_sequence == invited.ics_sequence + 2
    assert moved.uid == invited.uid


def test_a_moved_or_renamed_planned_meeting_raises_the_sequence_but_is_no_changed_invitation(
    meetings_service, council
):
    """A planned meeting moved after "Alle Sitzungen …" put it in the members' calendars
    kept SEQUENCE 0, so the calendars kept the old time."""
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    planned = meetings_service.get(meeting_id)

    moved = meetings_service.update(meeting_id, planned.version, draft(date(2026, 3, 11)))
    assert moved.ics_sequence == 2  # above an invitation draft's 1 (calendar_sequence)
    renamed = meetings_service.update(
        meeting_id, moved.version, draft(date(2026, 3, 11), title="Haushalt")
    )
    assert renamed.ics_sequence == 4
    noted = meetings_service.update(meeting_id, renamed.version, renamed.draft(), notes="N")
    assert noted.ics_sequence == 4
    assert not noted.invitation_changed and noted.invitation_changed_on is None
    invited = advance(meetings_service, meeting_id, MeetingState.INVITED)
    assert not invited.invitation_changed  # the first invitation, not a changed one
    assert invited.ics_sequence == 5  # tentative → confirmed: calendars update the entry


def test_a_planned_meeting_renumbered_by_another_raises_its_sequence(meetings_service, council):
    """Its calendar entry says "1. Sitzung"; after an earlier meeting it is the 2."""
    later = meetings_service.create(council.id, draft(date(2026, 6, 10)))
    meetings_service.create(council.id, draft(date(2026, 3, 10)))

    renumbered = meetings_service.get(later)
    assert (renumbered.number, renumbered.ics_sequence) == (2, 2)  # planned: see above


def test_a_room_only_change_of_an_invited_meeting_dates_the_changed_invitation(
    meetings_service, council
):
    """The changed invitation kept the first invitation's date."""
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    planned = meetings_service.get(meeting_id)
    invited = meetings_service.change_state(
        meeting_id, planned.version, MeetingState.INVITED, sent_on=date(2026, 2, 20)
    )
    assert invited.invitation_changed_on is None

    changed = meetings_service.update(
        meeting_id, invited.version, draft(date(2026, 3, 10), room="B"), today=date(2026, 3, 2)
    )
    assert changed.invitation_changed and changed.invitation_changed_on == date(2026, 3, 2)
    assert changed.invitation_sent_on == date(2026, 2, 20)  # the notice period still holds
    assert changed.ics_sequence == invited.ics_sequence + 1


def test_a_meetings_line_in_the_list_holds_what_the_meeting_holds(meetings_service, council):
    """The list's line and the meeting are read from the row by one mapping: every field
    both have (the changed invitation's day too) is the same in both."""
    meeting_id = meetings_service.create(
        council.id, draft(date(2026, 3, 10), title="Klausur", online_link="https://x.de/r")
    )
    planned = meetings_service.get(meeting_id)
    invited = meetings_service.change_state(
        meeting_id, planned.version, MeetingState.INVITED, sent_on=date(2026, 2, 20)
    )
    meetings_service.update(
        meeting_id, invited.version, draft(date(2026, 3, 10), room="B"), today=date(2026, 3, 2)
    )

    meeting = meetings_service.get(meeting_id)
    (line,) = meetings_service.list(council.id)
    shared = {f.name for f in fields(Meeting)} & {f.name for f in fields(MeetingSummary)}
    assert len(shared) == 15
    assert {name: getattr(line, name) for name in shared} == {
        name: getattr(meeting, name) for name in shared
    }
    assert line.invitation_changed_on == date(2026, 3, 2)


def test_a_stale_version_is_refused(meetings_service, council):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    old = meetings_service.get(meeting_id)
    meetings_service.update(meeting_id, old.version, draft(date(2026, 3, 11)))

    with pytest.raises(ConcurrentEditError):
        meetings_service.update(meeting_id, old.version, draft(date(2026, 3, 12)))
    with pytest.raises(ConcurrentEditError):
        meetings_service.change_state(meeting_id, old.version, MeetingState.INVITED)
    assert meetings_service.get(meeting_id).starts_at.date() == date(2026, 3, 11)


def test_a_cancelled_meeting_cannot_be_changed(meetings_service, council):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    cancelled = advance(meetings_service, meeting_id, MeetingState.CANCELLED, reason="Sturm")
    with pytest.raises(ValidationError, match="abgesagte Sitzung"):
        meetings_service.update(meeting_id, cancelled.version, draft(date(2026, 3, 11)))


def test_a_planned_meeting_is_deleted_and_the_later_ones_move_up(
    meetings_service, council, database
):
    ids = [meetings_service.create(council.id, draft(date(2026, m, 10))) for m in (3, 6)]

    meetings_service.delete(ids[0], meetings_service.get(ids[0]).version)

    assert numbers(meetings_service, council.id) == {date(2026, 6, 10): 1}
    with pytest.raises(NotFoundError):
        meetings_service.get(ids[0])
    with database.reading() as session:  # a tombstone for the published data
        assert session.get(models.Meeting, ids[0]).deleted_at is not None


def test_an_invited_meeting_or_one_with_content_cannot_be_deleted(
    meetings_service, council, database
):
    invited = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    advance(meetings_service, invited, MeetingState.INVITED)
    with pytest.raises(InUseError, match="nur abgesagt"):
        meetings_service.delete(invited, meetings_service.get(invited).version)

    planned = meetings_service.create(council.id, draft(date(2026, 6, 10)))
    with database.transaction() as session:
        session.add(models.Guest(meeting_id=planned, name="Gast"))
    with pytest.raises(InUseError, match="bereits Inhalte"):
        meetings_service.delete(planned, meetings_service.get(planned).version)
    assert len(meetings_service.list(council.id)) == 2


def test_a_planned_meeting_with_an_annex_cannot_be_deleted_with_it(
    meetings_service, council, database, actor
):
    """A presentation uploaded ahead of a planned meeting went unseen with the meeting."""
    planned = meetings_service.create(council.id, draft(date(2026, 6, 10)))
    annex = AnnexesService(database, actor).add(planned, "Vortrag.pdf", blank_pdf())

    with pytest.raises(InUseError, match="Anlagen"):
        meetings_service.delete(planned, meetings_service.get(planned).version)

    assert [m.id for m in meetings_service.list(council.id)] == [planned]
    AnnexesService(database, actor).remove(planned, annex)
    meetings_service.delete(planned, meetings_service.get(planned).version)  # now it may go
    assert meetings_service.list(council.id) == []


def test_the_chair_must_be_a_member_active_on_the_day(
    meetings_service, members_service, settings_service, council, new_member, today
):
    active = members_service.save(council.id, new_member(), today)
    ended = members_service.save(
        council.id, new_member("Bea", "Ende", term_end=date(2026, 1, 31)), today
    )
    other = settings_service.create_council(
        type(council)(id=None, name="Anderer Rat", city="Wismar")
    )
    meeting = meetings_service.get(meetings_service.create(council.id, draft(date(2026, 3, 10))))

    def chair(version: int, membership_id: int | None):
        return meetings_service.update(
            meeting.id, version, meeting.draft(), chair_membership_id=membership_id
        )

    with pytest.raises(ValidationError, match="am Tag der Sitzung"):
        chair(meeting.version, ended.id)
    foreign = members_service.save(
        other.id,
        new_member(
            "Carl", "Fremd", primary_field_id=settings_service.action_fields(other.id)[0].id
        ),
        today,
    )
    with pytest.raises(ValidationError, match="Mitglied des Gremiums"):
        chair(meeting.version, foreign.id)

    chaired = chair(meeting.version, active.id)
    assert chaired.chair_membership_id == active.id
    assert chair(chaired.version, None).chair_membership_id is None


def test_the_list_filters_upcoming_held_unrecorded_and_by_year_with_the_minutes_state(
    meetings_service, council, database
):
    held = meetings_service.create(council.id, draft(date(2025, 11, 4)))
    advance(meetings_service, held, MeetingState.INVITED, MeetingState.HELD)
    soon = meetings_service.create(council.id, draft(date(2026, 12, 1)))
    later = meetings_service.create(council.id, draft(date(2027, 2, 2)))
    unwritten = meetings_service.create(council.id, draft(date(2025, 12, 2)))
    advance(meetings_service, unwritten, MeetingState.INVITED, MeetingState.HELD)
    forgotten = meetings_service.create(council.id, draft(date(2026, 10, 1)))  # still planned
    with database.transaction() as session:
        session.add(models.MinutesVersion(meeting_id=held, number=1, state="circulated"))
        session.add(models.MinutesVersion(meeting_id=held, number=2, state="draft"))
    today = date(2026, 11, 27)

    def ids(scope=MeetingScope.ALL, year=None):
        return [m.id for m in meetings_service.list(council.id, scope, year, today=today)]

    assert ids() == [held, unwritten, forgotten, soon, later]
    assert ids(MeetingScope.UPCOMING) == [soon, later]
    assert ids(MeetingScope.HELD) == [held, unwritten]
    assert ids(MeetingScope.UNRECORDED) == [forgotten]
    assert ids(year=2027) == [later]
    assert ids(MeetingScope.UPCOMING, 2026) == [soon]
    years, listed = meetings_service.listing(council.id, MeetingScope.UPCOMING, 2026, today=today)
    assert (years, [m.id for m in listed]) == ([2027, 2026, 2025], [soon])
    lines = {m.id: m for m in meetings_service.list(council.id)}
    assert lines[held].minutes_state is MinutesState.DRAFT  # the latest version counts
    assert lines[unwritten].minutes_state is MinutesState.DRAFT  # held, being written
    assert lines[soon].minutes_state is None
    assert lines[soon].where == "Rathaus Rostock, Raum 1a"


def test_problems_warn_of_holidays_and_overlaps_without_blocking(meetings_service, council):
    meetings_service.create(council.id, draft(date(2026, 10, 31), 15))
    problems = meetings_service.problems(council.id, draft(date(2026, 10, 31)))

    assert all(p.warning for p in problems)
    text = "\n".join(p.message for p in problems)
    assert "Feiertag in Mecklenburg-Vorpommern: Reformationstag" in text
    assert "überschneidet sich mit „1. Sitzung“" in text


def test_every_change_is_in_the_audit_trail(meetings_service, council, database, actor):
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    advance(meetings_service, meeting_id, MeetingState.CANCELLED, reason="Sturm")

    lines = AuditService(database).entries("meeting", meeting_id)
    assert [line.summary for line in lines] == [
        "1. Sitzung am 10.03.2026 angelegt",
        "Sitzung am 10.03.2026 abgesagt",
    ]
    assert {line.actor for line in lines} == {actor}
    assert lines[1].after["cancellation_reason"] == "Sturm"


def test_renumbering_leaves_no_duplicate_numbers_in_the_database(
    meetings_service, council, database
):
    for day in (date(2026, 9, 1), date(2026, 6, 1), date(2026, 3, 1), date(2026, 1, 1)):
        meetings_service.create(council.id, draft(day))
    with database.reading() as session:
        stored = session.scalars(
            select(models.Meeting.number).where(models.Meeting.council_id == council.id)
        ).all()
    assert sorted(stored) == [1, 2, 3, 4]


def test_a_chair_not_active_on_the_new_day_refuses_the_whole_change(
    meetings_service, members_service, council, new_member, today
):
    chair = members_service.save(
        council.id, new_member("Bea", "Ende", term_end=date(2026, 6, 30)), today
    )
    meeting_id = meetings_service.create(
        council.id, draft(date(2026, 3, 10)), chair_membership_id=chair.id
    )
    meeting = meetings_service.get(meeting_id)
    assert meeting.chair_membership_id == chair.id

    with pytest.raises(ValidationError, match=r"auf den 10.09.2026 gelegt werden: .* Bea Ende"):
        meetings_service.update(meeting_id, meeting.version, draft(date(2026, 9, 10)))

    unchanged = meetings_service.get(meeting_id)
    assert unchanged.starts_at.date() == date(2026, 3, 10)
    assert unchanged.version == meeting.version
    moved = meetings_service.update(
        meeting_id, meeting.version, draft(date(2026, 9, 10)), chair_membership_id=None
    )
    assert (moved.starts_at.date(), moved.chair_membership_id) == (date(2026, 9, 10), None)


def test_a_new_time_of_an_invited_meeting_dates_the_invitation_anew_and_warns(
    meetings_service, council
):
    """(found by a tester) The changed invitation kept the first one's date, so it claimed
    a notice period the members never had for the new time."""
    meeting_id = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    planned = meetings_service.get(meeting_id)
    invited = meetings_service.change_state(
        meeting_id, planned.version, MeetingState.INVITED, sent_on=date(2026, 2, 20)
    )
    room_only = draft(date(2026, 3, 10), room="B")

    warned = meetings_service.problems(council.id, room_only, meeting_id=meeting_id)
    assert [p.warning for p in warned] == [True]
    assert "geänderte Einladung und die Kalenderdatei" in warned[0].message
    assert "„Als E-Mail-Entwurf speichern …“" in warned[0].message
    # "Kalender …" is the public file: its entry is not the members' (own UID)
    assert "„Kalender …“ ist die öffentliche Datei" in warned[0].message
    assert meetings_service.problems(council.id, invited.draft(), meeting_id=meeting_id) == []

    room_changed = meetings_service.update(
        meeting_id, invited.version, room_only, today=date(2026, 3, 2)
    )
    assert room_changed.invitation_sent_on == date(2026, 2, 20)  # the date still holds
    longer = meetings_service.update(
        meeting_id, room_changed.version, draft(date(2026, 3, 10), hours=3, room="B"),
        today=date(2026, 3, 2),
    )  # fmt: skip
    assert longer.invitation_sent_on == date(2026, 2, 20)  # a later end needs no new notice
    room_changed = longer
    moved = meetings_service.update(
        meeting_id, room_changed.version, draft(date(2026, 3, 12), room="B"), today=date(2026, 3, 2)
    )
    assert moved.invitation_sent_on == date(2026, 3, 2)
    assert moved.ics_sequence == invited.ics_sequence + 3


def test_a_new_meeting_keeps_the_weekday_and_its_place_in_the_month(meetings_service, council):
    """(found by a tester) After meetings on the third Thursday (11.03., 18.03.2027 …) the
    form proposed the fourth, 24.06.2027, while "Sitzungsreihe …" proposed the third."""
    meetings_service.create(council.id, draft(date(2026, 12, 10)))
    meetings_service.create(council.id, draft(date(2027, 3, 18)))

    proposed, pattern = meetings_service.proposal(council.id, date(2026, 12, 1))

    assert proposed.start.date() == date(2027, 6, 17)  # the third Thursday of June
    assert pattern.starts_at.date() == date(2027, 3, 18)


def test_the_proposal_reads_the_council_once(meetings_service, council, database):
    """(found by a tester) The form's proposal read the council's row twice, for its notice
    period and for its clock: a round trip more at every start on a server."""
    meetings_service.create(council.id, draft(date(2027, 3, 18)))

    with recorded_statements(database.engine) as sent:
        proposed, _pattern = meetings_service.proposal(council.id, date(2026, 12, 1))

    assert len([s for s in sent if "FROM councils" in s]) == 1
    assert proposed.start.date() == date(2027, 4, 15)  # the third Thursday, as in March


def test_a_planned_meeting_before_an_invited_one_is_told_its_higher_number(
    meetings_service, council
):
    """A meeting planned (or moved) before an invited one gets the higher number, since the
    invited one's number stands in its invitation; nothing said so (found by a tester)."""
    march = meetings_service.create(council.id, draft(date(2026, 3, 10)))
    advance(meetings_service, march, MeetingState.INVITED)
    june = meetings_service.create(council.id, draft(date(2026, 6, 9)))
    assert meetings_service.problems(council.id, draft(date(2026, 6, 16))) == []

    (warning,) = meetings_service.problems(council.id, draft(date(2026, 2, 17)))
    assert warning.warning and warning.field == NUMBER_ORDER_FIELD
    assert warning.message == (
        "Die spätere 1. Sitzung am 10.03.2026 ist bereits eingeladen und behält ihre "
        "Nummer; diese Sitzung erhält deshalb die Nummer 2."
    )
    planned = meetings_service.get(june)  # moved before March: it stays the 2
    (moved,) = meetings_service.problems(council.id, draft(date(2026, 2, 3)), meeting_id=june)
    assert moved.message.endswith("erhält deshalb die Nummer 2.")
    kept = meetings_service.problems(council.id, planned.draft(), meeting_id=june, notes="N")
    assert kept == []  # not moved: nothing to say
    invited = meetings_service.problems(council.id, draft(date(2026, 3, 3)), meeting_id=march)
    assert not any("Nummer" in p.message for p in invited)  # its number is fixed already
