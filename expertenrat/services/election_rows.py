"""An election vote's rows (``votes`` with ``election_candidates``) as the domain's
:class:`~expertenrat.domain.elections.Election`, and back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.enums import VoteMode
from expertenrat.services import audit
from expertenrat.services.attendance_rows import full_name
from expertenrat.store import models


def election_of(row: models.Vote, members: Mapping[int, str] | None = None) -> Election | None:
    """The election of the vote ``row`` (``None``: the vote is no election); with
    ``members`` (:func:`candidate_members`), each member's name in the candidate's
    ``member``, as a minutes document holds it."""
    if row.mode != VoteMode.ELECTION.value:
        return None
    members = members or {}
    return Election(
        candidates=tuple(
            Candidate(c.name, c.votes, c.membership_id, members.get(c.membership_id or 0, ""))
            for c in row.candidates
        ),
        invalid=row.invalid,
        secret=row.secret,
        elected=next((c.name for c in row.candidates if c.elected), ""),
        accepted=row.accepted,
    )


def candidate_members(session: Session, rows: Iterable[models.Vote]) -> dict[int, str]:
    """The name of each member who stood in one of the elections ``rows`` as the attendance
    lists print it, by membership (a deleted membership left out: the name typed stays)."""
    ids = {c.membership_id for row in rows for c in row.candidates if c.membership_id}
    if not ids:
        return {}
    memberships = session.scalars(
        select(models.Membership)
        .where(models.Membership.id.in_(ids))
        .options(selectinload(models.Membership.person))
    )
    return {row.id: full_name(row) for row in memberships}


def apply_election(row: models.Vote, election: Election | None) -> None:
    """Store ``election`` (``None``: none) in the vote ``row``, its candidates replaced."""
    election = election or Election()
    row.invalid, row.secret, row.accepted = election.invalid, election.secret, election.accepted
    # Updated in place by position (a row deleted and one inserted at its position in the
    # same flush would meet the unique position first).
    rows = row.candidates
    for position, candidate in enumerate(election.candidates):
        if position == len(rows):
            rows.append(models.ElectionCandidate(position=position))
        target = rows[position]
        target.membership_id, target.name = candidate.membership_id, candidate.name
        target.votes, target.elected = candidate.votes, candidate.name == election.elected
    del rows[len(election.candidates) :]


def vote_snapshot(row: models.Vote) -> dict[str, object]:
    """The vote ``row`` as the audit trail keeps it: its columns, an election's candidates."""
    state = audit.snapshot(row)
    if row.mode == VoteMode.ELECTION.value:
        state["candidates"] = [
            {"name": c.name, "votes": c.votes, "elected": c.elected} for c in row.candidates
        ]
    return state
