"""Parts of the register's rows read for all its recommendations in one query each: the
answers (from which project, and whether an interim plan is pending), and the words of the
projects' answers, which the register's search looks in."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.recommendation_answers import GivenAnswer
from expertenrat.store import models

R = models.Recommendation
# Enum members by stored value: a dict lookup is several times quicker than the enum call.
_VERDICTS = {v.value: v for v in ResponseVerdict}


def given_answers(
    session: Session, council_id: int, recommendation_ids: list[int] | None
) -> dict[int, list[GivenAnswer]]:
    """Per recommendation with answers, each (from whom, what it says) in the order
    received; of the whole council, or of those given (which projects answered and the
    plans pending: ``domain.recommendation_answers``)."""
    response = models.RecommendationResponse
    query = select(
        response.recommendation_id,
        response.project_id,
        response.verdict,
        response.final,
        response.measures_due_on,
    ).order_by(response.recommendation_id, response.received_on, response.id)
    if recommendation_ids is None:
        query = query.join(R, R.id == response.recommendation_id).where(
            R.council_id == council_id, R.deleted_at.is_(None)
        )
    else:
        query = query.where(response.recommendation_id.in_(recommendation_ids))
    found: dict[int, list[GivenAnswer]] = {}
    for key, project_id, verdict, final, on in session.connection().execute(query):
        found.setdefault(key, []).append(GivenAnswer(project_id, _VERDICTS[verdict], final, on))
    return found


def answer_texts(
    session: Session, council_id: int, recommendation_ids: list[int] | None
) -> dict[int, str]:
    """Per recommendation with responses their responder, reasons and measures, a line per
    response; of the whole council, or of those given."""
    response = models.RecommendationResponse
    query = select(
        response.recommendation_id, response.responder, response.reasons, response.measures
    ).order_by(response.recommendation_id, response.received_on, response.id)
    if recommendation_ids is None:
        query = query.join(R, R.id == response.recommendation_id).where(
            R.council_id == council_id, R.deleted_at.is_(None)
        )
    else:
        query = query.where(response.recommendation_id.in_(recommendation_ids))
    found: dict[int, list[str]] = {}
    for key, *words in session.connection().execute(query):
        found.setdefault(key, []).append(" ".join(w for w in words if w))
    return {key: "\n".join(lines) for key, lines in found.items()}
