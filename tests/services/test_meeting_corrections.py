"""A step recorded by mistake can be taken back (found by a tester: "Einladung versandt"
pressed before the invitation went out, or "Durchgeführt" on the wrong meeting, left the
state wrong for ever). Invited goes back to planned while the meeting is ahead and no
changed or late invitation went out; held back to invited while the minutes are untouched;
never once the minutes are approved. The audit trail records the correction, the calendar
entry's SEQUENCE follows its STATUS."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from minutes_setup import add_members, fake_render, held_minutes, hold
from sqlalchemy import select

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.minutes_objections import ObjectionDraft
from expertenrat.services import meeting_corrections
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.services.minutes_objections import MinutesObjectionsService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=BERLIN)


def _meeting(meetings_service, council, start: datetime) -> int:
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    return meetings_service.create(council.id, draft)


def _step(meetings_service, meeting_id: int, target: MeetingState, now: datetime) -> None:
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(meeting_id, version, target, now=now, sent_on=now.date())


def _sequence(database, meeting_id: int) -> int:
    with database.reading() as session:
        return session.get(models.Meeting, meeting_id).ics_sequence


def _last_summary(database, meeting_id: int) -> str:
    with database.reading() as session:
        return session.scalars(
            select(models.AuditEntry.summary)
            .where(models.AuditEntry.entity == "meeting", models.AuditEntry.entity_id == meeting_id)
            .order_by(models.AuditEntry.id.desc())
        ).first()


def test_an_invitation_not_sent_goes_back_to_planned(database, meetings_service, council) -> None:
    later = _meeting(meetings_service, council, datetime(2026, 12, 16, 16, 0, tzinfo=BERLIN))
    meeting_id = _meeting(meetings_service, council, datetime(2026, 12, 9, 16, 0, tzinfo=BERLIN))
    _step(meetings_service, later, MeetingState.INVITED, NOW)  # the wrong one: number 2 fixed
    invited = meetings_service.get(later)
    assert (invited.number, meetings_service.get(meeting_id).number) == (2, 3)

    confirmed = _sequence(database, later)

    planned = meetings_service.take_back_state(later, invited.version, now=NOW)

    assert planned.state is MeetingState.PLANNED
    assert planned.invitation_sent_on is None
    assert _sequence(database, later) > confirmed  # tentative anew: calendars take it
    assert (planned.number, meetings_service.get(meeting_id).number) == (2, 1)  # in order again
    assert _last_summary(database, later) == (
        "2. Sitzung am 16.12.2026 – Berichtigung: Einladung nicht versandt, zurück zu „geplant“"
    )
    _step(meetings_service, later, MeetingState.INVITED, NOW)  # the real sending later
    assert meetings_service.get(later).state is MeetingState.INVITED


def test_an_invitation_cannot_be_taken_back_once_the_meeting_began(
    meetings_service, council
) -> None:
    meeting_id = _meeting(meetings_service, council, datetime(2026, 12, 9, 16, 0, tzinfo=BERLIN))
    _step(meetings_service, meeting_id, MeetingState.INVITED, NOW)
    invited = meetings_service.get(meeting_id)

    with pytest.raises(ValidationError, match=r"hat am 09\.12\.2026 um 16:00 Uhr begonnen"):
        meetings_service.take_back_state(meeting_id, invited.version, now=NOW + timedelta(days=6))

    assert meetings_service.get(meeting_id) == invited


def test_an_invitation_whose_changed_agenda_went_out_stays_sent(
    database, meetings_service, council
) -> None:
    meeting_id = _meeting(meetings_service, council, datetime(2026, 12, 9, 16, 0, tzinfo=BERLIN))
    _step(meetings_service, meeting_id, MeetingState.INVITED, NOW)
    with database.transaction() as session:
        row = session.get(models.Meeting, meeting_id)
        row.invitation_agenda_changed_on = row.invitation_agenda_sent_on = NOW.date()
    invited = meetings_service.get(meeting_id)

    with pytest.raises(ValidationError, match="bereits eine geänderte Tagesordnung als versandt"):
        meetings_service.take_back_state(meeting_id, invited.version, now=NOW)

    assert meetings_service.get(meeting_id) == invited


def test_both_invitations_sent_after_the_first_are_named_in_the_plural() -> None:
    """(found by a tester) "Zu „…“ ist bereits eine geänderte Tagesordnung, eine
    nachträgliche Einladung als versandt erfasst"."""
    both = ["eine geänderte Tagesordnung", "eine nachträgliche Einladung"]

    refusal = meeting_corrections._refusal(MeetingState.INVITED, "7. Sitzung", both)

    assert refusal.startswith(
        "Zu „7. Sitzung“ sind bereits eine geänderte Tagesordnung und eine nachträgliche "
        "Einladung als versandt erfasst; die Einladung ist also hinausgegangen"
    )


def test_a_meeting_held_by_mistake_goes_back_to_invited(
    database, meetings_service, council
) -> None:
    meeting_id = _meeting(meetings_service, council, datetime(2026, 12, 3, 16, 0, tzinfo=BERLIN))
    _step(meetings_service, meeting_id, MeetingState.INVITED, NOW - timedelta(days=10))
    _step(meetings_service, meeting_id, MeetingState.HELD, NOW)
    held, confirmed = meetings_service.get(meeting_id), _sequence(database, meeting_id)

    invited = meetings_service.take_back_state(meeting_id, held.version, now=NOW)

    assert invited.state is MeetingState.INVITED
    assert invited.invitation_sent_on == date(2026, 11, 24)
    assert _sequence(database, meeting_id) == confirmed  # the entry stays confirmed
    assert _last_summary(database, meeting_id) == (
        "1. Sitzung am 03.12.2026 – Berichtigung: Durchführung zurückgenommen, wieder „eingeladen“"
    )


def test_a_held_meeting_with_minutes_written_stays_held(database, actor, council, fields) -> None:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    meetings = MeetingsService(database, actor)
    held = meetings.get(minutes.meeting_id)

    refusal = (
        "Das Protokoll von „1. Sitzung“ ist bereits begonnen (Abstimmungen; Texte oder "
        "Ergebnisse zu Tagesordnungspunkten; Angaben zum Sitzungsverlauf); die Durchführung "
        "lässt sich nicht mehr zurücknehmen."
    )
    with pytest.raises(ValidationError, match=re.escape(refusal)):
        meetings.take_back_state(held.id, held.version)

    assert meetings.get(held.id) == held


def test_approved_minutes_and_the_meeting_that_approved_them_stay_held(
    database, actor, council, fields
) -> None:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approval = MinutesApprovalService(database, actor, fake_render)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    approval.approve(minutes.meeting_id, minutes.next_id)
    meetings = MeetingsService(database, actor)
    approved, approving = meetings.get(minutes.meeting_id), meetings.get(minutes.next_id)

    with pytest.raises(MinutesFrozenError, match="ist genehmigt und kann nicht mehr geändert"):
        meetings.take_back_state(approved.id, approved.version)
    with pytest.raises(ValidationError, match=r"begonnen \(genehmigte frühere Protokolle"):
        meetings.take_back_state(approving.id, approving.version)

    assert meetings.get(approving.id).state is MeetingState.HELD


def test_a_meeting_that_decided_an_objection_stays_held(database, actor, council, fields) -> None:
    """(found by a helper) Under the objections practice a meeting may decide an objection
    and put the approval off: taken back to "eingeladen", the objection's decision would
    name a meeting that was never held."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    MinutesApprovalService(database, actor, fake_render).circulate(
        minutes.meeting_id, date(2026, 3, 20)
    )
    objections = MinutesObjectionsService(database, actor)
    draft = ObjectionDraft(
        membership_id=minutes.members["Berg"],
        raised_on=date(2026, 3, 23),
        text="Der Beschluss ist falsch wiedergegeben.",
    )
    raised = objections.raise_objection(minutes.meeting_id, draft)
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    objections.reject(
        raised.id, raised.version, date(2026, 5, 12), "Zutreffend.", in_meeting_id=minutes.next_id
    )
    meetings = MeetingsService(database, actor)
    deciding = meetings.get(minutes.next_id)

    with pytest.raises(ValidationError, match=r"begonnen \(in der Sitzung entschiedene Einwände"):
        meetings.take_back_state(deciding.id, deciding.version)

    assert meetings.get(deciding.id) == deciding


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ((), "Für eine geplante Sitzung ist kein Schritt erfasst"),
        ((MeetingState.CANCELLED,), "Eine Absage lässt sich nicht zurücknehmen"),
    ],
)
def test_nothing_to_take_back(meetings_service, council, steps, message) -> None:
    meeting_id = _meeting(meetings_service, council, datetime(2026, 12, 9, 16, 0, tzinfo=BERLIN))
    for target in steps:
        version = meetings_service.get(meeting_id).version
        meetings_service.change_state(meeting_id, version, target, "Krankheit", now=NOW)
    meeting = meetings_service.get(meeting_id)

    with pytest.raises(ValidationError, match=message):
        meetings_service.take_back_state(meeting_id, meeting.version, now=NOW)


# Columns of a meeting and its agenda items, and the tables naming them, that the minutes
# do not fill in: a take-back of "Durchgeführt" need not look at them. Each with its reason.
_IDENTITY = (
    "meetings.id", "meetings.council_id", "meetings.series_id", "meetings.public_id",
    "meetings.uid", "meetings.version", "meetings.created", "meetings.modified",
    "agenda_items.id", "agenda_items.meeting_id", "agenda_items.parent_id",
    "agenda_items.public_id", "agenda_items.version", "agenda_items.created",
    "agenda_items.modified",
)  # fmt: skip
_PLANNED = (
    "meetings.number", "meetings.kind", "meetings.title", "meetings.starts_at",
    "meetings.ends_at", "meetings.place", "meetings.room", "meetings.online_link",
    "meetings.chair_membership_id", "agenda_items.number", "agenda_items.position",
    "agenda_items.planned_minutes", "agenda_items.title", "agenda_items.kind",
    "agenda_items.public", "agenda_items.presenter", "agenda_items.project_id",
    "agenda_items.taken_up_from_id", "written_procedures.reported_item_id",
)  # fmt: skip
_INVITATION = (
    "meetings.invitation_sent_on", "meetings.invitation_changed_on",
    "meetings.invitation_agenda_changed_on", "meetings.invitation_agenda_sent_on",
    "meetings.invitation_agenda_changed_public", "meetings.invitation_agenda_changed_non_public",
    "meetings.ics_sequence", "late_invitations.meeting_id", "files.meeting_id",
    "files.agenda_item_id", "guests.meeting_id", "conflicts_of_interest.agenda_item_id",
)  # fmt: skip
_NOT_MINUTES = {
    **dict.fromkeys(_IDENTITY, "identity and bookkeeping"),
    **dict.fromkeys(_PLANNED, "planned with the invitation"),
    **dict.fromkeys(
        _INVITATION,
        "the invitation's, recorded before the meeting (annexes, guests, declared conflicts)",
    ),
    "meetings.state": "what the take-back changes",
    "meetings.cancellation_reason": "a held meeting is not cancelled",
    "meetings.deleted_at": "a held meeting is not deleted",
    "agenda_items.deleted_at": "an item set aside is not looked at (its minutes neither)",
    "meetings.minutes_finished_fingerprint": "set together with minutes_finished_on",
    # Kept by a take-back, and not checked so far (a question for the product's author):
    "meetings.minute_taker": "may be named before the meeting",
    "attendances.meeting_id": "the list starts before the meeting (apologies)",
    "objections.agenda_item_id": "an objection belongs to a minutes version (checked)",
}


def _minutes_columns() -> set[str]:
    """Every column of a meeting and its agenda items, and every column of another table
    that names a meeting or an agenda item."""
    named = {models.Meeting.__table__, models.AgendaItem.__table__}
    found = {f"{t.name}.{c.name}" for t in named for c in t.columns}
    for table in models.Base.metadata.sorted_tables:
        found |= {
            f"{table.name}.{column.name}"
            for column in table.columns
            if any(key.column.table in named for key in column.foreign_keys)
        }
    return found


def test_every_column_of_a_held_meeting_is_checked_or_said_not_to_be_minutes() -> None:
    """(found by a helper) A minutes field added later and not added to what a take-back of
    "Durchgeführt" checks would be passed over: the column must be checked or listed above."""
    checked = {f"meetings.{name}" for name in meeting_corrections.MINUTES_HEADER}
    checked |= {f"agenda_items.{name}" for name in meeting_corrections.MINUTES_OF_ITEMS}
    for column in (
        *meeting_corrections.ROWS_OF_MEETING.values(),
        *(c for columns in meeting_corrections.ROWS_OF_ITEMS.values() for c in columns),
    ):
        checked.add(f"{column.table.name}.{column.name}")
    columns = _minutes_columns()

    assert columns - checked - _NOT_MINUTES.keys() == set()  # new: check it or list it
    assert checked & _NOT_MINUTES.keys() == set()
    assert _NOT_MINUTES.keys() <= columns  # no reason left for a column that is gone


@pytest.mark.parametrize(
    "columns",
    [
        ("arrived_item_id",),
        ("left_item_id",),
        ("away_item_id",),
        ("back_item_id",),
        ("arrived_item_id", "away_item_id", "back_item_id"),  # named once, in one list
    ],
)
def test_an_arrival_departure_or_time_away_during_an_item_keeps_it_held(
    database, meetings_service, council, fields, columns
) -> None:
    """(found by a tester) Recorded during or after the meeting only ("ab TOP 3", "verlässt
    die Sitzung während TOP 4")."""
    meeting_id = _meeting(meetings_service, council, datetime(2026, 12, 3, 16, 0, tzinfo=BERLIN))
    _step(meetings_service, meeting_id, MeetingState.INVITED, NOW - timedelta(days=10))
    _step(meetings_service, meeting_id, MeetingState.HELD, NOW)
    members = add_members(database, council.id, fields["Stadtdaten"].id)
    with database.transaction() as session:
        item = select(models.AgendaItem.id).where(models.AgendaItem.meeting_id == meeting_id)
        first = session.scalars(item).first()
        values = {**dict.fromkeys(columns, first), "membership_id": members["Berg"]}
        session.add(models.Attendance(meeting_id=meeting_id, **values))
    held = meetings_service.get(meeting_id)

    named = r"\(Ankunft, Weggang oder Unterbrechung während eines TOP erfasst\)"
    with pytest.raises(ValidationError, match=named):
        meetings_service.take_back_state(meeting_id, held.version, now=NOW)
    assert meetings_service.get(meeting_id) == held
