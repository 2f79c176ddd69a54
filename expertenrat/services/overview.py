"""The figures of the Übersicht page: one query per figure, all in one read."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.councils import CouncilOverview
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_documents import INVITATION_DUE_WINDOW, invitation_due_line
from expertenrat.domain.recommendations import AWAITING_RESPONSE, OPEN
from expertenrat.services.settings import action_field, council_settings
from expertenrat.services.unit_of_work import fetch, reading
from expertenrat.store import models
from expertenrat.store.database import Database

OPEN_STATUSES = tuple(s.value for s in OPEN)
AWAITING_STATUSES = tuple(s.value for s in AWAITING_RESPONSE)


class OverviewService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def overview(self, council_id: int, today: date) -> CouncilOverview:
        with reading(self._db) as session:
            council = fetch(session, models.Council, council_id, "Das Gremium")
            active = _count(
                session,
                select(models.Membership.id).where(
                    models.Membership.council_id == council_id,
                    models.Membership.term_start <= today,
                    or_(models.Membership.term_end.is_(None), models.Membership.term_end >= today),
                ),
            )
            # A member whose term has not begun yet is neither active nor former.
            future = _count(
                session,
                select(models.Membership.id).where(
                    models.Membership.council_id == council_id,
                    models.Membership.term_start > today,
                ),
            )
            former = _count(
                session,
                select(models.Membership.id).where(
                    models.Membership.council_id == council_id,
                    models.Membership.term_end < today,
                ),
            )
            meetings = select(models.Meeting).where(models.Meeting.council_id == council_id)
            upcoming = meetings.where(
                models.Meeting.starts_at >= datetime.combine(today, time.min),
                models.Meeting.state.in_((MeetingState.PLANNED.value, MeetingState.INVITED.value)),
            )
            next_meeting = session.scalar(upcoming.order_by(models.Meeting.starts_at).limit(1))
            recommendations = select(models.Recommendation.id).where(
                models.Recommendation.council_id == council_id
            )
            open_ones = recommendations.where(models.Recommendation.status.in_(OPEN_STATUSES))
            return CouncilOverview(
                council=council_settings(council),
                active_members=active,
                former_members=former,
                future_members=future,
                projects=_count(
                    session,
                    select(models.Project.id).where(models.Project.council_id == council_id),
                ),
                meetings_held=_count(
                    session,
                    meetings.where(
                        models.Meeting.state == MeetingState.HELD.value
                    ).with_only_columns(models.Meeting.id),
                ),
                meetings_upcoming=_count(session, upcoming.with_only_columns(models.Meeting.id)),
                next_meeting=(
                    f"{next_meeting.number}. Sitzung am "
                    f"{next_meeting.starts_at:%d.%m.%Y um %H:%M} Uhr"
                    if next_meeting is not None
                    else None
                ),
                recommendations_open=_count(session, open_ones),
                recommendations_overdue=_count(
                    session,
                    recommendations.where(
                        models.Recommendation.status.in_(AWAITING_STATUSES),
                        models.Recommendation.due_on < today,
                    ),
                ),
                recommendations_total=_count(session, recommendations),
                action_fields=tuple(action_field(f) for f in council.action_fields),
                invitations_due=_invitations_due(session, council, today),
            )


def _invitations_due(session: Session, council: models.Council, today: date) -> tuple[str, ...]:
    """Lines for planned meetings ahead whose invitation is due within a week or overdue."""
    horizon = timedelta(days=council.notice_period_days + 1) + INVITATION_DUE_WINDOW
    planned = session.execute(
        select(models.Meeting.number, models.Meeting.starts_at)
        .where(
            models.Meeting.council_id == council.id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state == MeetingState.PLANNED.value,
            models.Meeting.starts_at >= datetime.combine(today, time.min),
            models.Meeting.starts_at < datetime.combine(today + horizon, time.min),
        )
        .order_by(models.Meeting.starts_at)
    )
    lines = (
        invitation_due_line(number, start.date(), council.notice_period_days, today)
        for number, start in planned
    )
    return tuple(line for line in lines if line)


def _count(session: Session, query) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0
