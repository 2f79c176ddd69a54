"""The agenda items a meeting did not deal with: postponed ("vertagt") or taken off the
agenda ("abgesetzt") by their own outcome or with an item above them (TOP 6 postponed,
its 6.1 and 6.1.1 with it), by the one rule of the minutes
(:func:`~expertenrat.domain.agenda_outcomes.effective_outcomes`). Such an item consulted
no project: the Projekte page, the Übersicht and the Tätigkeitsbericht count it not."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda_outcomes import OutcomeNode, effective_outcomes
from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.store import models


def items_set_aside(session: Session, council_id: int) -> frozenset[int]:
    """The ids of the live agenda items of the council's meetings not dealt with. One
    query, over the agendas of the meetings where an item was recorded so only (few)."""
    item = models.AgendaItem
    marked = select(item.meeting_id).where(
        item.deleted_at.is_(None), item.outcome != AgendaItemOutcome.DISCUSSED.value
    )
    rows = session.execute(
        select(item.id, item.parent_id, item.number, item.outcome)
        .join(models.Meeting, models.Meeting.id == item.meeting_id)
        .where(
            models.Meeting.council_id == council_id,
            item.meeting_id.in_(marked),
            item.deleted_at.is_(None),
        )
    )
    outcomes = effective_outcomes(
        OutcomeNode(row.id, row.parent_id, row.number, AgendaItemOutcome(row.outcome))
        for row in rows
    )
    return frozenset(key for key, outcome in outcomes.items() if not outcome.dealt_with)
