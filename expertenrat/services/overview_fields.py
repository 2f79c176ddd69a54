"""The Übersicht's figures per action field: the year's consultations (one query), and from
the register's rows the year's recommendations, how many were answered and accepted (the
domain's rules over their answers, :func:`~expertenrat.domain.overview.field_counts`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.overview import FieldFigures, field_counts
from expertenrat.domain.projects import consultation_groups
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.services.meeting_rows import in_year
from expertenrat.store import models


def fields_of_year(
    session: Session,
    council_id: int,
    fields: list[ActionField],
    year: int,
    set_aside: frozenset[int],
    register: Iterable[RecommendationRow],
    *,
    without_field: bool = False,
) -> tuple[FieldFigures, ...]:
    """One :class:`FieldFigures` per action field of the council, in their order; with
    ``without_field`` a last one (``field`` ``None``) for the recommendations of the year
    without an action field, if there are any (their consultations are not counted).
    Sent, answered and accepted are the domain's rules (:func:`field_counts`) over the
    recommendations of ``register`` adopted in ``year``, with their addressed projects and
    answers as the register's rows carry them (read once: the caller shows the rows too).
    ``set_aside``: the council's agenda items not dealt with
    (:func:`~expertenrat.services.items_set_aside.items_set_aside`),
    read by the caller, who may need them too."""
    consultations = _consultations_of_year(session, council_id, year, set_aside)
    by_field: dict[int | None, list] = {}
    for row in register:
        if row.adopted_on is not None and row.adopted_on.year == year:
            addressed = [p.id for p in row.projects]
            by_field.setdefault(row.action_field_id, []).append(
                (row.status, addressed, row.answers)
            )
    recommendations = {key: field_counts(value) for key, value in by_field.items()}
    figures = [
        FieldFigures(field, consultations.get(field.id, 0), *recommendations.get(field.id, ()))
        for field in fields
    ]
    known = {field.id for field in fields}
    unfiled = [counts for field_id, counts in recommendations.items() if field_id not in known]
    if without_field and unfiled:  # none, or a field of another council (never expected)
        totals = (sum(column) for column in zip(*unfiled, strict=True))
        figures.append(FieldFigures(None, 0, *totals))
    return tuple(figures)


def _consultations_of_year(
    session: Session, council_id: int, year: int, set_aside: frozenset[int]
) -> dict[int, int]:
    """The council's projects consulted in its meetings held in ``year``, per project field,
    counted as the annual report counts them: one consultation per project and meeting
    (:func:`~expertenrat.domain.projects.consultation_groups`), however many agenda items
    (3, 3.1) are about it; a project of another council on the agenda is not counted, nor
    an item postponed or taken off the agenda, nor one that went with an item above it
    (``set_aside``)."""
    items = session.execute(
        select(
            models.AgendaItem.id,
            models.AgendaItem.meeting_id,
            models.AgendaItem.project_id,
            models.Project.action_field_id.label("field_id"),
        )
        .join(models.Meeting, models.Meeting.id == models.AgendaItem.meeting_id)
        .join(models.Project, models.Project.id == models.AgendaItem.project_id)
        .where(
            models.Meeting.council_id == council_id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state == MeetingState.HELD.value,
            in_year(models.Meeting.starts_at, year),
            models.Project.council_id == council_id,
            models.AgendaItem.deleted_at.is_(None),
        )
    ).all()
    groups = consultation_groups(item for item in items if item.id not in set_aside)
    counts = Counter(group[0].field_id for group in groups)
    return {field_id: count for field_id, count in counts.items() if field_id is not None}
