"""The Übersicht's figures per action field, from grouped queries: the year's consultations,
recommendations, how many were answered and accepted; the status of all recommendations."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import MeetingState, RecommendationStatus
from expertenrat.domain.overview import (
    ACCEPTED_VERDICTS,
    ANSWERED_STATUSES,
    SENT_STATUSES,
    FieldFigures,
    FieldStatuses,
)
from expertenrat.domain.projects import consultation_groups
from expertenrat.services.meeting_rows import in_year
from expertenrat.store import models

_Recommendation = models.Recommendation


def fields_of_year(
    session: Session,
    council_id: int,
    fields: list[ActionField],
    year: int,
    *,
    without_field: bool = False,
) -> tuple[FieldFigures, ...]:
    """One :class:`FieldFigures` per action field of the council, in their order; with
    ``without_field`` a last one (``field`` ``None``) for the recommendations of the year
    without an action field, if there are any (their consultations are not counted)."""
    consultations = _consultations_of_year(session, council_id, year)
    recommendations = {
        row.field_id: (row.total, row.sent or 0, row.answered or 0, row.accepted or 0)
        for row in session.execute(
            select(
                _Recommendation.action_field_id.label("field_id"),
                func.count(_Recommendation.id).label("total"),
                _share(_counted_in(SENT_STATUSES, _any_answer())).label("sent"),
                _share(_answered()).label("answered"),
                _share(and_(_answered(), _accepted())).label("accepted"),
            )
            .where(
                _Recommendation.council_id == council_id,
                _Recommendation.deleted_at.is_(None),
                _Recommendation.adopted_on >= date(year, 1, 1),
                _Recommendation.adopted_on <= date(year, 12, 31),
            )
            .group_by(_Recommendation.action_field_id)
        )
    }
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


def statuses_by_field(
    session: Session, council_id: int, fields: list[ActionField]
) -> tuple[FieldStatuses, ...]:
    """How many of the council's recommendations are in which status, per action field;
    recommendations without an action field come last (only if there are any)."""
    counts: dict[int | None, dict[RecommendationStatus, int]] = {}
    for field_id, status, count in session.execute(
        select(_Recommendation.action_field_id, _Recommendation.status, func.count())
        .where(_Recommendation.council_id == council_id, _Recommendation.deleted_at.is_(None))
        .group_by(_Recommendation.action_field_id, _Recommendation.status)
    ):
        counts.setdefault(field_id, {})[RecommendationStatus(status)] = count
    known = {field.id for field in fields}
    without = {}
    for field_id, by_status in counts.items():
        if field_id not in known:  # none, or a field of another council (never expected)
            for status, count in by_status.items():
                without[status] = without.get(status, 0) + count
    result = [FieldStatuses(field, _ordered(counts.get(field.id, {}))) for field in fields]
    if without:
        result.append(FieldStatuses(None, _ordered(without)))
    return tuple(result)


def _consultations_of_year(session: Session, council_id: int, year: int) -> dict[int, int]:
    """The council's projects consulted in its meetings held in ``year``, per project field,
    counted as the annual report counts them: one consultation per project and meeting
    (:func:`~expertenrat.domain.projects.consultation_groups`), however many agenda items
    (3, 3.1) are about it; a project of another council on the agenda is not counted."""
    items = session.execute(
        select(
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
    counts = Counter(group[0].field_id for group in consultation_groups(items))
    return {field_id: count for field_id, count in counts.items() if field_id is not None}


def _status_in(statuses: frozenset[RecommendationStatus]):
    return _Recommendation.status.in_([s.value for s in statuses])


def _counted_in(statuses: frozenset[RecommendationStatus], answered):
    """In ``statuses``, or withdrawn where ``answered`` holds: one withdrawn after a project
    had answered went to the projects, and the in-time count includes it (only one
    withdrawn without any response is left out, see :func:`~expertenrat.domain.
    recommendations_report.answered_in_time`), so sent and answered must count it too."""
    withdrawn = _Recommendation.status == RecommendationStatus.WITHDRAWN.value
    return or_(_status_in(statuses), and_(withdrawn, answered))


def _answered():
    """Answered, or withdrawn after every addressed project had answered: one withdrawn
    after one of two answered was never answered (:mod:`~expertenrat.domain.
    recommendation_answers`), and the in-time count has it as not answered by its due date
    (found by a tester: the Übersicht counted it as answered)."""
    return _counted_in(ANSWERED_STATUSES, _answered_by_all())


def _any_answer():
    response = models.RecommendationResponse
    return select(response.id).where(response.recommendation_id == _Recommendation.id).exists()


def _answered_by_all():
    """Every addressed project has answered, or a joint answer came (one addressed to no
    project: any answer), as :func:`~expertenrat.domain.recommendation_answers.
    fully_answered` says."""
    response, own = aliased(models.RecommendationResponse), aliased(models.RecommendationResponse)
    addressed = models.RecommendationProject
    joint = select(response.id).where(
        response.recommendation_id == _Recommendation.id, response.project_id.is_(None)
    )
    answered_own = select(own.id).where(
        own.recommendation_id == _Recommendation.id, own.project_id == addressed.project_id
    )
    awaited = select(addressed.project_id).where(
        addressed.recommendation_id == _Recommendation.id, ~answered_own.exists()
    )
    return and_(_any_answer(), or_(joint.exists(), ~awaited.exists()))


def _accepted():
    """The answers still standing all accepted the recommendation ("entsprochen"): each
    project's latest, or a joint one no later answer of that project (or joint one)
    followed. With one project that is its latest answer; of several that only some
    accepted, it is not accepted, whichever answered last. Counted only where the
    recommendation is answered (one still awaited from a project is not accepted)."""
    response = aliased(models.RecommendationResponse)
    later = aliased(models.RecommendationResponse)
    superseded = (
        select(later.id)
        .where(
            later.recommendation_id == response.recommendation_id,
            or_(later.project_id == response.project_id, later.project_id.is_(None)),
            or_(
                later.received_on > response.received_on,
                and_(later.received_on == response.received_on, later.id > response.id),
            ),
        )
        .exists()
    )
    standing = (
        select(response.id)
        .where(response.recommendation_id == _Recommendation.id, ~superseded)
        .correlate(_Recommendation)
    )
    accepted = [verdict.value for verdict in ACCEPTED_VERDICTS]
    return and_(
        standing.where(response.verdict.in_(accepted)).exists(),
        ~standing.where(response.verdict.not_in(accepted)).exists(),
    )


def _share(condition):
    return func.sum(case((condition, 1), else_=0))


def _ordered(
    by_status: dict[RecommendationStatus, int],
) -> tuple[tuple[RecommendationStatus, int], ...]:
    return tuple(
        (status, by_status[status]) for status in RecommendationStatus if by_status.get(status)
    )
