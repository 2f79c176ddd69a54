"""What refers to a project: its consultations (per meeting, its agenda items about it) and
the recommendations addressed to it, counted for the list of projects, listed for one
project, and named when a deletion is refused."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import (
    MeetingKind,
    MeetingState,
    RecommendationStatus,
)
from expertenrat.domain.projects import (
    Consultation,
    ConsultedItem,
    ProjectRecommendation,
    consultation_groups,
    consultations,
)
from expertenrat.domain.recommendation_codes import parse_code
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.services.attendance_rows import placed_rows
from expertenrat.services.items_set_aside import items_set_aside
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.store import models


def consultation_counts(session: Session, council_id: int) -> dict[int, int]:
    """In how many live meetings of the council each of its projects is consulted: one
    consultation per meeting, however many of its live agenda items (6 and 6.1) are about
    the project (:func:`~expertenrat.domain.projects.consultation_groups`). Held meetings
    count and those still ahead (planned, invited), a cancelled one did not consult it.
    Another council's meeting is not counted, as on the Übersicht and in the
    Tätigkeitsbericht (the agenda links only the council's own projects; such a row comes
    only from outside, and the integrity check names it). An item the minutes record as
    postponed or taken off the agenda, or that went with an item above it, did not consult
    it (:func:`~expertenrat.services.items_set_aside.items_set_aside`)."""
    item = models.AgendaItem
    rows = session.execute(
        select(item.id, item.project_id, item.meeting_id)
        .join(models.Project, models.Project.id == item.project_id)
        .join(models.Meeting, models.Meeting.id == item.meeting_id)
        .where(
            models.Project.council_id == council_id,
            models.Meeting.council_id == council_id,
            item.deleted_at.is_(None),
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state != MeetingState.CANCELLED.value,
        )
    ).all()
    set_aside = items_set_aside(session, council_id)
    groups = consultation_groups(row for row in rows if row.id not in set_aside)
    return dict(Counter(group[0].project_id for group in groups))


def recommendation_counts(session: Session, council_id: int) -> dict[int, int]:
    """How many live recommendations are addressed to each project of the council."""
    link = models.RecommendationProject
    query = (
        select(link.project_id, func.count())
        .join(models.Recommendation, models.Recommendation.id == link.recommendation_id)
        .where(
            models.Recommendation.council_id == council_id,
            models.Recommendation.deleted_at.is_(None),
        )
        .group_by(link.project_id)
    )
    return dict(session.execute(query).all())


def project_consultations(session: Session, project_id: int) -> list[Consultation]:
    """The project's consultations in the live meetings of its council, in the order of the
    meetings: its live agenda items there in agenda order, numbered and public as the agenda
    has them (an item under a non-public one is not public). Cancelled meetings and another
    council's are left out, as :func:`consultation_counts` does, and items postponed or
    taken off the agenda, with an item above them too (:func:`items_set_aside`)."""
    council_id = session.scalar(
        select(models.Project.council_id).where(models.Project.id == project_id)
    )
    if council_id is None:
        return []
    meetings = session.scalars(
        select(models.Meeting)
        .where(
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state != MeetingState.CANCELLED.value,
            models.Meeting.council_id == council_id,
            models.Meeting.id.in_(
                select(models.AgendaItem.meeting_id).where(
                    models.AgendaItem.project_id == project_id,
                    models.AgendaItem.deleted_at.is_(None),
                )
            ),
        )
        .order_by(models.Meeting.starts_at, models.Meeting.id)
    ).all()
    agendas: dict[int, list[models.AgendaItem]] = {m.id: [] for m in meetings}
    for row in session.scalars(
        select(models.AgendaItem).where(
            models.AgendaItem.meeting_id.in_(list(agendas)),
            models.AgendaItem.deleted_at.is_(None),
        )
    ):
        agendas[row.meeting_id].append(row)
    set_aside = items_set_aside(session, council_id) if meetings else frozenset()
    return consultations(
        _consulted_item(row, meeting, placed.number, placed.public)
        for meeting in meetings
        for row, placed in placed_rows(agendas[meeting.id])
        if row.project_id == project_id and row.id not in set_aside
    )


def project_recommendations(
    session: Session, project_id: int, today: date | None = None
) -> list[ProjectRecommendation]:
    """The live recommendations addressed to the project in the order of their codes, as
    the register lists them (E-2025-07 before a draft E-2025-13, E-2026-9 before
    E-2026-10, on every database alike: ordered by the adoption date, a draft without one
    came first on SQLite and last on PostgreSQL)."""
    rows = sorted(
        session.scalars(
            select(models.Recommendation)
            .join(models.RecommendationProject)
            .where(
                models.RecommendationProject.project_id == project_id,
                models.Recommendation.deleted_at.is_(None),
            )
        ),
        key=lambda r: (parse_code(r.code) or (0, 0), r.id),
    )
    late = _overdue_texts(session, project_id, today) if rows else {}
    return [
        ProjectRecommendation(
            id=r.id,
            code=r.code,
            title=r.title,
            status=RecommendationStatus(r.status),
            adopted_on=r.adopted_on,
            due_on=r.due_on,
            overdue_text=late.get(r.id, ""),
        )
        for r in rows
    ]


def _overdue_texts(session: Session, project_id: int, today: date | None) -> dict[int, str]:
    """Per overdue recommendation addressed to the project, by the register's one rule
    (as of ``today``, default: today in the council's time zone), what it says of what the
    project owes (``RecommendationRow.follow_up_for``): not one the project has answered
    while another addressed project's answer is late, but one whose interim plan's date
    has passed beside it."""
    parts = _owed(session, project_id, today, overdue=True)
    return {part.id: part.overdue_text for part in parts if part.overdue}


def awaited_codes(session: Session, project_id: int, today: date | None = None) -> list[str]:
    """The codes of the recommendations for which the council still awaits an answer of
    the project, due or not yet (a response, or the state of a planned implementation),
    in the register's order."""
    return [part.code for part in _owed(session, project_id, today, overdue=False)]


def _owed(
    session: Session, project_id: int, today: date | None, *, overdue: bool
) -> list[RecommendationRow]:
    """The register's rows of what the project owes (``RecommendationRow.follow_up_for``)
    as of ``today`` (default: today in the council's time zone); only the overdue ones
    with ``overdue=True``."""
    council_id = session.scalar(
        select(models.Project.council_id).where(models.Project.id == project_id)
    )
    if council_id is None:
        return []
    day = today or council_clock(session, council_id).today()
    wanted = RecommendationFilter(project_id=project_id, overdue=overdue)
    parts = (
        row.follow_up_for(project_id) for row in register_rows(session, council_id, day, wanted)
    )
    return [part for part in parts if part is not None]


def _consulted_item(
    row: models.AgendaItem, meeting: models.Meeting, number: str, public: bool
) -> ConsultedItem:
    return ConsultedItem(
        agenda_item_id=row.id,
        meeting_id=meeting.id,
        project_id=row.project_id,
        meeting_number=meeting.number,
        meeting_start=meeting.starts_at,
        meeting_title=meeting.title,
        meeting_kind=MeetingKind(meeting.kind),
        meeting_state=MeetingState(meeting.state),
        number=number,
        title=row.title,
        public=public,
    )


def project_uses(session: Session, project_id: int) -> list[str]:
    """Everything that refers to the project, named for a message.

    Deleted agenda items and recommendations count too: their rows still refer to it.
    """
    items = session.execute(
        select(models.AgendaItem, models.Meeting)
        .join(models.Meeting, models.Meeting.id == models.AgendaItem.meeting_id)
        .where(models.AgendaItem.project_id == project_id)
        .order_by(models.Meeting.starts_at, models.Meeting.id, models.AgendaItem.id)
    )
    # One line per meeting with its items ("TOP 6, 6.1"), as a consultation is counted.
    numbers: dict[int, tuple[str, list[str]]] = {}
    for row, meeting in items:
        item = _consulted_item(row, meeting, row.number, row.public)
        numbers.setdefault(meeting.id, (f"{item.meeting} am {item.meeting_start:%d.%m.%Y}", []))[
            1
        ].append(row.number)
    uses = [f"Beratung in der {where}, TOP {', '.join(found)}" for where, found in numbers.values()]
    codes = session.scalars(
        select(models.Recommendation.code)
        .join(models.RecommendationProject)
        .where(models.RecommendationProject.project_id == project_id)
        .order_by(models.Recommendation.code)
    )
    uses.extend(f"Empfehlung {code}" for code in codes)
    return uses
