"""The Übersicht of a council in one read: a few aggregate queries, no query per record.

Counts come from grouped queries; what is overdue or due soon from the register's rows
(three queries; "überfällig" is the domain's rule, as in the register and the reminders);
the other lists (meetings ahead, minutes waiting) from one query each (see
:mod:`expertenrat.services.overview_lists`), the action fields' figures from a query of
the consultations and the domain's rules over the answers the register's rows carry
(:mod:`expertenrat.services.overview_fields`), the status per field from the register's rows.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from expertenrat.domain.composition import Composition, check_composition
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.members import former_persons
from expertenrat.domain.overview import (
    WITHOUT_RESPONSE,
    Area,
    CouncilOverview,
    Line,
    Target,
    meeting_when,
    statuses_by_field,
)
from expertenrat.domain.overview_register import (
    awaiting_final,
    closable,
    responses_due,
    to_send,
)
from expertenrat.services import overview_fields, overview_lists, overview_quorum
from expertenrat.services.action_fields import action_field
from expertenrat.services.council_rows import council_settings
from expertenrat.services.invitation_latecomers import joined_after_invitation
from expertenrat.services.items_set_aside import items_set_aside
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.member_rows import council_members
from expertenrat.services.postponed_items import postponed_lines
from expertenrat.services.recommendation_reminders import last_reminders_by_code
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.unit_of_work import fetch, reading
from expertenrat.services.written_procedures import written_lines
from expertenrat.store import models
from expertenrat.store.database import Database


class OverviewService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def overview(self, council_id: int, today: date) -> CouncilOverview:
        with reading(self._db) as session:
            council = fetch(session, models.Council, council_id, "Das Gremium")
            settings = council_settings(council, with_logo=False)
            fields = [action_field(f) for f in council.action_fields]
            members = council_members(session, council_id)
            composition = check_composition(members, fields, settings, today)
            meetings = _meeting_counts(session, council_id, today)
            recommendations = _recommendation_counts(session, council_id)
            ahead = overview_lists.meetings_ahead(session, council, today)
            next_meeting = ahead[0] if ahead else None
            next_id = next_meeting.id if next_meeting else None
            register = register_rows(session, council_id, today)  # overdue: the domain's rule
            responses = responses_due(register, today, last_reminders_by_code(session, council_id))
            return CouncilOverview(
                council=settings,
                active_members=sum(1 for m in members if m.is_active(today)),
                former_members=former_persons(members, today),
                future_members=composition.future,
                further_terms=composition.further_terms,
                projects=_count(
                    session,
                    select(func.count(models.Project.id)).where(
                        models.Project.council_id == council_id,
                        models.Project.deleted_at.is_(None),
                    ),
                ),
                meetings_total=meetings.total or 0,
                meetings_held=meetings.held or 0,
                meetings_upcoming=meetings.upcoming or 0,
                first_year=min(
                    [m.term_start.year for m in members]
                    + ([meetings.first.year] if meetings.first else []),
                    default=None,
                ),
                next_meeting=(
                    f"{next_meeting.label} am {meeting_when(*next_meeting.days)}"
                    if next_meeting
                    else None
                ),
                next_meeting_id=next_id,
                recommendations_open=recommendations.open or 0,
                recommendations_partly_answered=sum(
                    1 for row in register if row.status in WITHOUT_RESPONSE and row.answered
                ),
                recommendations_overdue=sum(1 for row in register if row.any_overdue),
                recommendations_total=recommendations.total or 0,
                action_fields=tuple(fields),
                composition=composition,
                invitations_due=overview_lists.invitations_due(ahead, today)
                + joined_after_invitation(
                    session, council_id, ahead, council_clock(session, council_id).zone
                ),
                next_meetings=overview_lists.next_meetings(ahead, today),
                quorum_warnings=overview_quorum.quorum_warnings(session, ahead, today),
                meetings_unrecorded=overview_lists.meetings_unrecorded(session, council_id, today),
                minutes_waiting=overview_lists.minutes_waiting(session, council_id, today),
                postponed_waiting=postponed_lines(session, council_id, next_id),
                written_waiting=written_lines(session, council_id, next_id),
                to_send=to_send(register, today, settings.minutes_draft_weeks),
                closable=closable(register),
                awaiting_final=awaiting_final(register),
                responses_overdue=tuple(line for line in responses if line.urgent),
                responses_due_soon=tuple(line for line in responses if not line.urgent),
                composition_warnings=_composition_lines(composition),
                year=today.year,
                fields_this_year=overview_fields.fields_of_year(
                    session,
                    council_id,
                    fields,
                    today.year,
                    items_set_aside(session, council_id),
                    register,
                    without_field=True,
                ),
                statuses_by_field=statuses_by_field(register, fields),
            )


def _meeting_counts(session: Session, council_id: int, today: date):
    starts = models.Meeting.starts_at
    ahead = (starts >= datetime.combine(today, time.min)) & models.Meeting.state.in_(
        (MeetingState.PLANNED.value, MeetingState.INVITED.value)
    )
    return session.execute(
        select(
            func.count(models.Meeting.id).label("total"),
            func.sum(case((models.Meeting.state == MeetingState.HELD.value, 1), else_=0)).label(
                "held"
            ),
            func.sum(case((ahead, 1), else_=0)).label("upcoming"),
            func.min(models.Meeting.starts_at).label("first"),
        ).where(models.Meeting.council_id == council_id, models.Meeting.deleted_at.is_(None))
    ).one()


def _recommendation_counts(session: Session, council_id: int):
    status = models.Recommendation.status
    is_open = status.in_([s.value for s in WITHOUT_RESPONSE])
    return session.execute(
        select(
            func.count(models.Recommendation.id).label("total"),
            func.sum(case((is_open, 1), else_=0)).label("open"),
        ).where(
            models.Recommendation.council_id == council_id,
            models.Recommendation.deleted_at.is_(None),
        )
    ).one()


def _composition_lines(composition: Composition) -> tuple[Line, ...]:
    """A warning about one member opens that member; the others the members page."""
    return tuple(
        Line(note.text, Target(Area.MEMBERS, record_id=note.member_id))
        for note in composition.notes
    )


def _count(session: Session, query) -> int:
    return session.scalar(query) or 0
