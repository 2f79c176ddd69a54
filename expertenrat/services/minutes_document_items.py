"""The agenda items of a meeting's minutes document (``domain.minutes_document``), read in
one session for :mod:`services.minutes_assembly`: each item's number and place in the
agenda, its texts and project, its votes, the adopted recommendations (with their action
field and the projects addressed) and the members recused at it; a few queries for all
the items together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain import agenda
from expertenrat.domain.agenda_outcomes import EffectiveOutcome
from expertenrat.domain.attendance_sheet import AttendanceSheet
from expertenrat.domain.enums import AgendaItemOutcome, RecommendationKind, VoteMode
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.minutes_items import AdoptedRecommendation, MinutesItem, VoteRecord
from expertenrat.domain.quorum import QuorumResult
from expertenrat.domain.votes import unanimous_yes
from expertenrat.services.document_item_rows import (
    item_heading,
    item_outcomes,
    postponed_in,
    project_titles,
    recused_conflicts,
)
from expertenrat.services.election_rows import candidate_members, election_of
from expertenrat.services.minutes_rows import vote_rows
from expertenrat.services.recommendation_rows import addressed_project_titles
from expertenrat.services.written_procedures import reported_decisions
from expertenrat.store import models


def minutes_items(
    session: Session,
    placed: list[tuple[models.AgendaItem, agenda.PlacedItem]],
    sheet: AttendanceSheet,
    recusals: Mapping[int, Sequence[models.ConflictOfInterest]],
) -> tuple[MinutesItem, ...]:
    """The agenda items (``placed``: the meeting's, as
    :func:`~expertenrat.services.attendance_rows.placed_agenda_rows` reads them) with their
    texts, votes, adopted recommendations and the members recused at them (``recusals``:
    those held at each, as :func:`~expertenrat.services.recusals.meetings_recusals` reads
    them; of those present at the item by the attendance ``sheet``)."""
    ids = [row.id for row, _placed in placed]
    projects = project_titles(session, (row.project_id for row, _p in placed))
    votes = _votes(session, ids)
    recused = recused_conflicts(session, ids, sheet.present_at, recusals)
    recommendations = _recommendations(session, ids)
    settled = item_outcomes((row, p.number) for row, p in placed)
    postponed = postponed_in(session, (row for row, _p in placed))
    written = reported_decisions(session, ids)
    return tuple(
        _item(
            row,
            p,
            settled[row.id],
            postponed.get(row.id, ("", AgendaItemOutcome.POSTPONED)),
            projects,
            votes.get(row.id, ()),
            tuple(recused.get(row.id, ())),
            recommendations.get(row.id, ()),
            sheet.voting_at(row.id),
            sheet.stated_quorum_at(row.id),
            written.get(row.id, ()),
        )
        for row, p in placed
    )


def _item(
    row: models.AgendaItem,
    placed: agenda.PlacedItem,
    settled: EffectiveOutcome,
    postponed: tuple[str, AgendaItemOutcome],
    projects: dict[int, str],
    votes: tuple[VoteRecord, ...],
    recused: tuple[DeclaredConflict, ...],
    recommendations: tuple[AdoptedRecommendation, ...],
    voting: int | None,
    quorum: QuorumResult | None,
    written: tuple[str, ...],
) -> MinutesItem:
    return MinutesItem(
        **item_heading(placed, row, projects),
        discussion=row.discussion,
        motion=row.motion_text,
        resolution=row.resolution_text,
        result=row.result,
        # The recused as they are now, not as counted when the vote was saved: one recorded
        # later as gone before the item (or come after it) was not recused there. Likewise
        # the yes of a unanimous vote: all who could vote at the item.
        votes=tuple(
            replace(v, recused=len(recused), yes=unanimous_yes(v.mode, v.yes, voting))
            for v in votes
        ),
        recused=recused,
        recommendations=recommendations,
        urgent=row.urgent,
        outcome=settled.outcome,
        follows=settled.follows,
        postponed_in=postponed[0],
        taken_up_as=postponed[1],
        quorum=quorum,
        written_decisions=written,
    )


def _votes(session: Session, item_ids: list[int]) -> dict[int, tuple[VoteRecord, ...]]:
    found = vote_rows(session, item_ids)
    members = candidate_members(session, (v for rows in found.values() for v in rows))
    return {
        item_id: tuple(
            VoteRecord(
                v.subject,
                VoteMode(v.mode),
                v.yes,
                v.no,
                v.abstain,
                v.recused,
                v.adopted,
                election_of(v, members),
            )
            for v in rows
        )
        for item_id, rows in found.items()
    }


def adopted_recommendation_rows(
    session: Session, item_ids: list[int]
) -> list[tuple[models.Recommendation, str, tuple[str, ...]]]:
    """The recommendations adopted in the items ``item_ids`` (by code), each with the name of
    its action field ("" for none) and the titles of the projects it addresses: what the
    minutes print of them, and what their versions keep (``services.minutes_snapshot``)."""
    rows = session.execute(
        select(models.Recommendation, models.ActionField.name)
        .outerjoin(
            models.ActionField, models.ActionField.id == models.Recommendation.action_field_id
        )
        .where(
            models.Recommendation.origin_agenda_item_id.in_(item_ids),
            models.Recommendation.deleted_at.is_(None),
        )
        .order_by(models.Recommendation.code)
    ).all()
    titles = addressed_project_titles(session, [rec.id for rec, _field in rows])
    return [(rec, field or "", tuple(titles.get(rec.id, ()))) for rec, field in rows]


def _recommendations(
    session: Session, item_ids: list[int]
) -> dict[int, tuple[AdoptedRecommendation, ...]]:
    found: dict[int, list[AdoptedRecommendation]] = {}
    for rec, field, titles in adopted_recommendation_rows(session, item_ids):
        found.setdefault(rec.origin_agenda_item_id, []).append(
            AdoptedRecommendation(
                code=rec.code,
                title=rec.title,
                kind_label=RecommendationKind(rec.kind).label,
                text=rec.text,
                project_title="; ".join(titles),
                action_field=field,
                project_count=len(titles),
            )
        )
    return {key: tuple(value) for key, value in found.items()}
