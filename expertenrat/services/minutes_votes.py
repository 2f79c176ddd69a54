"""Votes of an agenda item in the minutes: who may vote there, and replacing the stored votes
with checked ones (counts against the members present and entitled to vote, recusals from the
conflicts of interest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import ConcurrentEditError, FieldProblem, ValidationError
from expertenrat.domain.votes import Vote, VoteDraft, Voters, clean_vote, vote_problems
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.attendance_rows import agenda_rows
from expertenrat.services.election_rows import apply_election, vote_snapshot
from expertenrat.services.meeting_facts import MeetingFacts, meeting_facts
from expertenrat.services.minutes_rows import label_of, vote_of
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models

WHAT = "Die Abstimmungen"


@dataclass(frozen=True, slots=True)
class SavedVotes:
    """The votes of an item as stored, and warnings (no quorum) the user should see."""

    votes: tuple[Vote, ...]
    warnings: tuple[str, ...] = ()


def item_voters(session: Session, meeting: models.Meeting, row: models.AgendaItem) -> Voters:
    """Who may vote at the item ``row`` of ``meeting``: present, entitled and not recused."""
    return _facts_voters(session, meeting, row)[1]


def _facts_voters(
    session: Session, meeting: models.Meeting, row: models.AgendaItem
) -> tuple[MeetingFacts, Voters]:
    number = next(n for r, n in agenda_rows(session, meeting.id) if r.id == row.id)
    facts = meeting_facts(session, meeting)
    return facts, facts.voters(row.id, number)


def replace_votes(
    session: Session,
    actor: str,
    meeting: models.Meeting,
    row: models.AgendaItem,
    votes: Sequence[VoteDraft],
    replacing: Sequence[Vote],
) -> SavedVotes:
    """Store ``votes`` as the item's votes in ``session``'s transaction, audited; see
    :meth:`MinutesService.save_votes`."""
    # The item held first (PostgreSQL): two PCs saving the first vote of the item at the
    # same moment each read no votes and stored theirs, two where each meant the only one
    # (found by a tester); the second now waits and finds the first's.
    session.execute(
        select(models.AgendaItem.id)
        .where(models.AgendaItem.id == row.id)
        .with_for_update(key_share=True)
    )
    stored = list(
        session.scalars(
            select(models.Vote)
            .where(models.Vote.agenda_item_id == row.id)
            .order_by(models.Vote.position, models.Vote.id)
        )
    )
    if {(v.id, v.version) for v in stored} != {(v.id, v.version) for v in replacing}:
        raise ConcurrentEditError(f"{WHAT} zu TOP {row.number}")
    facts, voters = _facts_voters(session, meeting, row)
    if facts.sheet.problem:  # who could vote is not known: the attendance says why, by name
        raise ValidationError([FieldProblem("votes", facts.sheet.problem)])
    cleaned = [clean_vote(v, voters) for v in votes]
    problems = vote_problems(cleaned, voters)
    raise_if_invalid(problems)
    by_id = {v.id: v for v in stored}
    if any(v.id is not None and v.id not in by_id for v in cleaned):
        raise ConcurrentEditError(f"{WHAT} zu TOP {row.number}")
    before = [vote_snapshot(v) for v in stored]
    kept = {v.id for v in cleaned if v.id is not None}
    for gone in [v for v in stored if v.id not in kept]:
        session.delete(gone)
    session.flush()
    rows = []
    for position, vote in enumerate(cleaned):
        target = by_id[vote.id] if vote.id is not None else models.Vote(agenda_item_id=row.id)
        if vote.id is None:
            session.add(target)
        _apply_vote(target, vote, position, voters.quorum.recused)
        rows.append(target)
    session.flush()
    audit.record(
        session, actor, AuditAction.UPDATE, "votes", row.id,
        council_id=meeting.council_id,
        summary=f"Abstimmungen zu {voters.item_label} „{row.title}“ der "
        f"{label_of(meeting, isolated)}",
        before={"votes": before}, after={"votes": [vote_snapshot(v) for v in rows]},
    )  # fmt: skip
    return SavedVotes(
        tuple(vote_of(r, voters) for r in rows),
        tuple(p.message for p in problems if p.warning),
    )


def _apply_vote(row: models.Vote, vote: VoteDraft, position: int, recused: int) -> None:
    row.position = position
    row.mode = vote.mode.value
    row.subject = vote.subject
    row.yes, row.no, row.abstain = vote.yes, vote.no, vote.abstain
    row.recused = recused
    row.adopted = bool(vote.adopted)
    apply_election(row, vote.election)
