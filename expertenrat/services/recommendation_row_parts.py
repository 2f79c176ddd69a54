"""Parts of the register's rows read for all its recommendations in one query each: the
addressed projects, the answers (from which project, and whether an interim plan is
pending), and the words of the projects' answers, which the register's search looks in."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import ProjectPhase, ResponseVerdict
from expertenrat.domain.recommendation_answers import GivenAnswer
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.store import models

R = models.Recommendation
_RESPONSE = models.RecommendationResponse
# Enum members by stored value: a dict lookup is several times quicker than the enum call.
_VERDICTS = {v.value: v for v in ResponseVerdict}
_LINK = models.RecommendationProject
_ENDED = ProjectPhase.COMPLETED.value
Ids = list[int] | Select | None  # of some recommendations (ids or a query of them), or all


def _responses(council_id: int, recommendation_ids: Ids, *columns) -> Select:
    """The recommendation's id and ``columns`` of each response in the order received: of
    the council's recommendations not deleted, or of those given (a list, or a query of
    their ids)."""
    query = select(_RESPONSE.recommendation_id, *columns).order_by(
        _RESPONSE.recommendation_id, _RESPONSE.received_on, _RESPONSE.id
    )
    if recommendation_ids is None:
        return query.join(R, R.id == _RESPONSE.recommendation_id).where(
            R.council_id == council_id, R.deleted_at.is_(None)
        )
    return query.where(_RESPONSE.recommendation_id.in_(recommendation_ids))


def given_answers(
    session: Session, council_id: int, recommendation_ids: Ids
) -> dict[int, list[GivenAnswer]]:
    """Per recommendation with answers, each (from whom, what it says) in the order
    received; of the whole council, or of those given (which projects answered and the
    plans pending: ``domain.recommendation_answers``)."""
    query = _responses(
        council_id,
        recommendation_ids,
        _RESPONSE.project_id,
        _RESPONSE.verdict,
        _RESPONSE.final,
        _RESPONSE.measures_due_on,
    )
    found: dict[int, list[GivenAnswer]] = {}
    for key, project_id, verdict, final, on in session.connection().execute(query):
        found.setdefault(key, []).append(GivenAnswer(project_id, _VERDICTS[verdict], final, on))
    return found


def answer_texts(
    session: Session, council_id: int, recommendation_ids: list[int] | None
) -> dict[int, list[tuple[str, str, str]]]:
    """Per recommendation with responses their responder, reasons and measures, per
    response in the order received; of the whole council, or of those given."""
    query = _responses(
        council_id, recommendation_ids, _RESPONSE.responder, _RESPONSE.reasons, _RESPONSE.measures
    )
    found: dict[int, list[tuple[str, str, str]]] = {}
    for key, responder, reasons, measures in session.connection().execute(query):
        found.setdefault(key, []).append((responder, reasons, measures))
    return found


def addressed_projects(
    session: Session, council_id: int, recommendation_ids: list[int] | None
) -> dict[int, tuple[AddressedProject, ...]]:
    """The addressed projects per recommendation (of the whole council, or of those given)."""
    project = models.Project
    query = (
        select(
            _LINK.recommendation_id,
            project.id,
            project.title,
            project.lead_unit,
            project.contact_name,
            project.contact_email,
            project.phase,
        )
        .join(project, project.id == _LINK.project_id)
        .order_by(_LINK.recommendation_id, _LINK.position)
    )
    if recommendation_ids is None:
        query = query.where(project.council_id == council_id)
    else:
        query = query.where(_LINK.recommendation_id.in_(recommendation_ids))
    found: dict[int, list[AddressedProject]] = {}
    made: dict[int, AddressedProject] = {}  # one object per project, however often addressed
    for recommendation_id, *values, phase in session.connection().execute(query):
        addressed = made.get(values[0]) or made.setdefault(
            values[0], AddressedProject(*values, ended=phase == _ENDED)
        )
        found.setdefault(recommendation_id, []).append(addressed)
    return {key: tuple(value) for key, value in found.items()}
