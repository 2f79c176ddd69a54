"""The Übersicht's lists, one query each: meetings ahead with the state of their
invitation (and whether apologies are recorded: :mod:`services.overview_quorum`),
meetings past but not recorded as held or cancelled, minutes waiting for circulation or
approval. What the lists say of the recommendations is
:mod:`expertenrat.domain.overview_register`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.orm import Session, aliased

from expertenrat.domain.enums import (
    AttendanceStatus,
    MeetingKind,
    MeetingState,
    MinutesState,
    ObjectionState,
)
from expertenrat.domain.follow_through import draft_sending_state
from expertenrat.domain.invitation_due import invitation_deadline, invitation_due_line
from expertenrat.domain.meetings import list_label
from expertenrat.domain.minutes import NOT_FINISHED
from expertenrat.domain.minutes_approval import VersionOrigin, approval_plan_text, sending_text
from expertenrat.domain.overview import (
    Area,
    Line,
    MeetingTab,
    Target,
    invitation_state,
    meeting_day,
    meeting_when,
)
from expertenrat.services.minutes_finishing import draft_finish
from expertenrat.services.overview_approvals import MEETING_NAMING, approving_meetings
from expertenrat.store import models

NEXT_MEETINGS = 3  # how many meetings ahead the Übersicht names
_AHEAD_READ = 20  # meetings ahead read at most: the next ones and those whose invitation is due


@dataclass(frozen=True, slots=True)
class MeetingAhead:
    id: int
    label: str  # "5. Sitzung", "8. Sitzung – Klausur: Datenethik"
    starts_at: datetime
    ends_at: datetime | None
    state: MeetingState
    invitation_sent_on: date | None
    notice_period_days: int
    bundesland: str  # the council's, whose holidays are no day to send an invitation
    apologies: bool = False  # an apology is recorded: the quorum may be at risk

    @property
    def days(self) -> tuple[datetime, datetime | None]:
        """Its start and end, for :func:`~expertenrat.domain.overview.meeting_when`."""
        return self.starts_at, self.ends_at


def meetings_ahead(session: Session, council: models.Council, today: date) -> list[MeetingAhead]:
    """The earliest planned or invited meetings from today on, soonest first."""
    excused = (
        exists()
        .where(
            models.Attendance.meeting_id == models.Meeting.id,
            models.Attendance.status == AttendanceStatus.EXCUSED.value,
        )
        .label("apologies")
    )
    rows = session.execute(
        _not_yet_held(council.id)
        .add_columns(models.Meeting.state, models.Meeting.invitation_sent_on, excused)
        .where(models.Meeting.starts_at >= datetime.combine(today, time.min))
        .limit(_AHEAD_READ)
    )
    return [
        MeetingAhead(
            id=row.id,
            label=list_label(row.number, MeetingKind(row.kind), row.title),
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            state=MeetingState(row.state),
            invitation_sent_on=row.invitation_sent_on,
            notice_period_days=council.notice_period_days,
            bundesland=council.bundesland,
            apologies=bool(row.apologies),
        )
        for row in rows
    ]


def next_meetings(ahead: list[MeetingAhead], today: date) -> tuple[Line, ...]:
    """ "5. Sitzung am 12.03.2026 um 16:00 Uhr – Einladung bis 05.03.2026 versenden"."""
    lines = []
    for meeting in ahead[:NEXT_MEETINGS]:
        state, late = _invitation(meeting, today)
        lines.append(
            Line(
                f"{meeting.label} am {meeting_when(*meeting.days)} – {state}",
                _meeting_target(meeting.id, MeetingTab.MEETING),
                urgent=late,
            )
        )
    return tuple(lines)


def invitations_due(ahead: list[MeetingAhead], today: date) -> tuple[Line, ...]:
    """Planned meetings whose last day for the invitation is at most a week away or past:
    "5. Sitzung am 12.03.2026: Einladung bis 05.03.2026 versenden"."""
    lines = []
    for meeting in ahead:
        day = meeting.starts_at.date()
        text = invitation_due_line(
            meeting.label,
            day,
            meeting.notice_period_days,
            today,
            meeting.bundesland,
            meeting.ends_at.date() if meeting.ends_at is not None else None,
        )
        if meeting.state is MeetingState.PLANNED and text:
            late = invitation_deadline(day, meeting.notice_period_days) < today
            lines.append(Line(text, _meeting_target(meeting.id, MeetingTab.MEETING), urgent=late))
    return tuple(lines)


def meetings_unrecorded(session: Session, council_id: int, today: date) -> tuple[Line, ...]:
    """Planned or invited meetings whose day has passed: neither recorded as held (then
    their minutes would wait) nor as cancelled. "7. Sitzung am 07.12.2026: noch nicht als
    durchgeführt oder abgesagt erfasst" opens the meeting."""
    rows = session.execute(
        _not_yet_held(council_id).where(
            models.Meeting.starts_at < datetime.combine(today, time.min)
        )
    )
    return tuple(
        Line(
            f"{list_label(row.number, MeetingKind(row.kind), row.title)} am "
            f"{meeting_day(row.starts_at, row.ends_at)}: noch nicht als durchgeführt oder "
            "abgesagt erfasst",
            _meeting_target(row.id, MeetingTab.MEETING),
        )
        for row in rows
    )


def _not_yet_held(council_id: int) -> Select:
    """The council's planned or invited meetings, soonest first: what is needed to name
    one in a line of the Übersicht (id, number, kind, title, start)."""
    return (
        select(*MEETING_NAMING)
        .where(
            models.Meeting.council_id == council_id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state.in_((MeetingState.PLANNED.value, MeetingState.INVITED.value)),
        )
        .order_by(models.Meeting.starts_at, models.Meeting.id)
    )


def minutes_waiting(session: Session, council_id: int, today: date) -> tuple[Line, ...]:
    """Held meetings whose minutes are not approved: not yet circulated (opens the
    Protokoll tab, or Genehmigung where the draft is finished and unchanged since or else
    complete, ``MeetingTab.DRAFT``: that tab sends it, found by a tester; late past the
    council's period for the draft, named from a week before:
    :func:`~expertenrat.domain.follow_through.draft_sending_state`) or
    circulated and waiting for approval (opens the Genehmigung tab), naming the deadline
    for objections while it runs, the objections still to decide and the meeting that is
    to approve them ("versandt am 04.12.2026, Einwände bis 18.12.2026, 1 offener Einwand,
    Genehmigung in der 7. Sitzung am 14.12.2026 vorgesehen"; late where no planned meeting
    carries it)."""
    # the council the caller has read already (the Übersicht): no query
    draft_weeks = session.get(models.Council, council_id).minutes_draft_weeks
    version = models.MinutesVersion
    approved = func.sum(case((version.state == MinutesState.APPROVED.value, 1), else_=0))
    # Only a sent version went out: one made by an objection keeps the sending's day.
    sent_on = case((version.origin == VersionOrigin.SENT.value, version.circulated_on))
    objected = aliased(models.MinutesVersion)
    open_objections = (
        select(func.count(models.Objection.id))
        .join(objected, objected.id == models.Objection.minutes_version_id)
        .where(
            objected.meeting_id == models.Meeting.id,
            models.Objection.state == ObjectionState.OPEN.value,
        )
        .correlate(models.Meeting)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            *MEETING_NAMING,
            models.Meeting.minutes_finished_on,
            func.min(sent_on).label("first_sent_on"),
            func.max(sent_on).label("last_sent_on"),
            func.max(version.objections_due_on).label("objections_due_on"),
            open_objections.label("open_objections"),
        )
        .outerjoin(version, version.meeting_id == models.Meeting.id)
        .where(
            models.Meeting.council_id == council_id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state == MeetingState.HELD.value,
        )
        .group_by(
            *MEETING_NAMING,
            models.Meeting.minutes_finished_on,
        )
        .having(func.coalesce(approved, 0) == 0)
        .order_by(models.Meeting.starts_at, models.Meeting.id)
    )
    rows = rows.all()
    approving = approving_meetings(session, council_id)
    lines = []
    for row in rows:
        head = (
            f"Protokoll der {list_label(row.number, MeetingKind(row.kind), row.title)} "
            f"vom {meeting_day(row.starts_at, row.ends_at)}"
        )
        if row.last_sent_on is None:
            # Only a finished draft is read whole (its content against the fingerprint).
            finish = (
                draft_finish(session, session.get(models.Meeting, row.id))
                if row.minutes_finished_on is not None
                else NOT_FINISHED
            )
            state, late = draft_sending_state(
                row.starts_at.date(), draft_weeks, today, finish.text()
            )
            # A finished draft is sent from Genehmigung ("Protokoll versenden …"); whether
            # another is complete is checked as its line opens.
            tab = MeetingTab.APPROVAL if finish.finished else MeetingTab.DRAFT
            lines.append(Line(f"{head}: {state}", _meeting_target(row.id, tab), late))
        else:
            state = sending_text(row.first_sent_on, row.last_sent_on)
            if row.objections_due_on is not None and row.objections_due_on >= today:
                state += f", Einwände bis {row.objections_due_on:%d.%m.%Y}"
            if row.open_objections:
                state += (
                    ", 1 offener Einwand"
                    if row.open_objections == 1
                    else f", {row.open_objections} offene Einwände"
                )
            approver = approving.get(row.id)
            lines.append(
                Line(
                    f"{head}: {state}, {approval_plan_text(approver)}",
                    _meeting_target(row.id, MeetingTab.APPROVAL),
                    urgent=approver is None,
                )
            )
    return tuple(lines)


def _invitation(meeting: MeetingAhead, today: date) -> tuple[str, bool]:
    return invitation_state(
        meeting.state,
        meeting.starts_at.date(),
        meeting.notice_period_days,
        meeting.invitation_sent_on,
        today,
        meeting.bundesland,
    )


def _meeting_target(meeting_id: int, tab: MeetingTab) -> Target:
    return Target(Area.MEETINGS, record_id=meeting_id, tab=tab)
