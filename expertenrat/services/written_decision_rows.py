"""A stored written procedure (Umlaufverfahren) as the decision a later meeting is told of
(:class:`~expertenrat.domain.written_procedures.WrittenDecision`): shared by
:mod:`services.written_procedures` (offering and reporting them) and
:mod:`services.minutes_rows` (the lines the editor shows under the item reporting them),
which read the rows in their own queries."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.written_procedures import WrittenDecision, WrittenVote
from expertenrat.store import models


def decision_of(
    written: models.WrittenProcedure, code: str, title: str, adopted_on: date
) -> WrittenDecision:
    """``written``, adopting the recommendation ``code`` "``title``" on ``adopted_on``."""
    vote = WrittenVote(
        sent_on=written.sent_on,
        deadline_on=written.deadline_on,
        member_count=written.member_count,
        yes=written.yes_votes,
        no=written.no_votes,
        abstain=written.abstentions,
        recused=written.recusals,
    )
    return WrittenDecision(written.id, code, title, adopted_on, vote)
