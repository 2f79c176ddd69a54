"""Parts of the register's rows read for all its recommendations in one query each: the
date of an interim plan still pending, and the words of the projects' answers, which the
register's search looks in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.recommendation_responses import pending_plan
from expertenrat.domain.recommendations import AWAITING_OUTCOME
from expertenrat.store import models

R = models.Recommendation
_AWAITING_OUTCOME = tuple(s.value for s in AWAITING_OUTCOME)
# Enum members by stored value: a dict lookup is several times quicker than the enum call.
_VERDICTS = {v.value: v for v in ResponseVerdict}


def pending_plans(
    session: Session, council_id: int, recommendation_ids: list[int] | None
) -> dict[int, date]:
    """Per answered recommendation whose latest response is an interim plan with a date,
    that date (``pending_plan``); of the whole council, or of those given."""
    response = models.RecommendationResponse
    query = (
        select(
            response.recommendation_id, response.verdict, response.final, response.measures_due_on
        )
        .join(R, R.id == response.recommendation_id)
        .where(R.status.in_(_AWAITING_OUTCOME))
        .order_by(response.recommendation_id, response.received_on, response.id)
    )
    if recommendation_ids is None:
        query = query.where(R.council_id == council_id, R.deleted_at.is_(None))
    else:
        query = query.where(R.id.in_(recommendation_ids))
    rows = session.connection().execute(query)
    latest = {key: (verdict, final, on) for key, verdict, final, on in rows}
    plans = {
        key: pending_plan(_VERDICTS[verdict], final, on)
        for key, (verdict, final, on) in latest.items()
    }
    return {key: on for key, on in plans.items() if on is not None}


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
