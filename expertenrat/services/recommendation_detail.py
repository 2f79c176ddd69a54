"""The detail of one recommendation of the register: its text, its responses with the
projects they came from, its history, and whether the minutes of its meeting are
approved (its origin then frozen)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import HistoryKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.recommendation_history import HistoryEntry, Response
from expertenrat.domain.recommendation_search import recommendation_words
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.services.minutes_freeze import is_frozen
from expertenrat.store import models

R = models.Recommendation


def detail(session: Session, row: RecommendationRow) -> RecommendationDetail:
    text = session.scalar(select(R.text).where(R.id == row.id)) or ""
    response = models.RecommendationResponse
    responses = session.execute(
        select(response, models.Project.title)
        .outerjoin(models.Project, models.Project.id == response.project_id)
        .where(response.recommendation_id == row.id)
        .order_by(response.received_on, response.id)
    )
    history = session.scalars(
        select(models.RecommendationStatusChange)
        .where(models.RecommendationStatusChange.recommendation_id == row.id)
        .order_by(
            models.RecommendationStatusChange.occurred_on, models.RecommendationStatusChange.id
        )
    )
    origin = row.origin.meeting_id
    given = tuple(
        Response(
            r.id,
            r.received_on,
            ResponseVerdict(r.verdict),
            r.responder,
            r.reasons,
            r.measures,
            r.measures_due_on,
            r.final,
            r.version,
            r.project_id,
            title or "",
        )
        for r, title in responses
    )
    answers = ((r.responder, r.reasons, r.measures) for r in given)
    return RecommendationDetail(
        # the words the register's search looks in, as the register reads them (a step's
        # detail then updates the register's row: ui.recommendations_page)
        row=replace(row, words=recommendation_words(text, answers)),
        text=text,
        origin_approved=origin is not None and is_frozen(session, origin),
        responses=given,
        history=tuple(
            HistoryEntry(
                kind=HistoryKind(h.kind),
                occurred_on=h.occurred_on,
                from_status=RecommendationStatus(h.from_status) if h.from_status else None,
                to_status=RecommendationStatus(h.to_status) if h.to_status else None,
                note=h.note,
                actor=h.actor,
                changed_at=h.changed_at,
            )
            for h in history
        ),
    )
