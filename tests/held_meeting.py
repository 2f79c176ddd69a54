"""A held meeting with members, attendance and an agenda, for the minutes tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from meeting_rows import add_meeting

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AttendanceStatus, MeetingState
from expertenrat.domain.members import Member
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.context import Services
from expertenrat.services.meetings import MeetingsService
from expertenrat.store.database import Database

BERLIN = ZoneInfo("Europe/Berlin")
AFTER = datetime(2026, 11, 27, 12, 0, tzinfo=BERLIN)  # "now": after every test meeting


@dataclass(frozen=True)
class HeldMeeting:
    meeting_id: int
    item_ids: list[int]  # in agenda order
    project_id: int | None


def hold(database: Database, meeting_id: int, sent_on: date | None = None) -> None:
    """Invite (on ``sent_on``) and then hold the meeting."""
    service = MeetingsService(database, "tester")
    version = service.get(meeting_id).version
    invited = service.change_state(
        meeting_id, version, MeetingState.INVITED, now=AFTER, sent_on=sent_on
    )
    service.change_state(meeting_id, invited.version, MeetingState.HELD, now=AFTER)


def held_meeting(
    database: Database,
    council_id: int,
    members: list[int],
    *,
    present: int | None = None,
    starts_at: datetime = datetime(2026, 3, 10, 16, 0),
    **agenda: object,
) -> HeldMeeting:
    """A held meeting whose first ``present`` members (default: all) are present and the
    others excused; invited two weeks before."""
    rows = add_meeting(database, council_id, starts_at=starts_at, **agenda)  # type: ignore[arg-type]
    hold(database, rows.meeting_id, sent_on=starts_at.date() - timedelta(days=14))
    attendance = AttendanceService(database, "tester")
    count = len(members) if present is None else present
    for index, membership_id in enumerate(members):
        entry = attendance.sheet(rows.meeting_id).entry(membership_id)
        status = AttendanceStatus.PRESENT if index < count else AttendanceStatus.EXCUSED
        attendance.save_entry(rows.meeting_id, replace(entry, status=status))
    return HeldMeeting(rows.meeting_id, rows.item_ids, rows.project_id)


def council_of_three(services: Services, on: date = date(2026, 1, 1)) -> int:
    """A council in Rostock with three members (Anna Berg, Dahl and Engel), saved ``on``."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    for name in ("Berg", "Dahl", "Engel"):
        services.members.save(
            council.id,
            Member(None, "Anna", name, primary_field_id=field, term_start=date(2025, 1, 1)),
            on,
        )
    return council.id


def held_meeting_of_three(services: Services) -> HeldMeeting:
    """A held meeting of :func:`council_of_three`'s council, all three present."""
    council_id = council_of_three(services)
    members = [m.id for m in services.members.members(council_id)]
    return held_meeting(services.database, council_id, members)
