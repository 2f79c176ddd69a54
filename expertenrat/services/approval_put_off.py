"""Whether a meeting put the approval of the previous minutes off: its approval item
("Genehmigung des Protokolls der 5. Sitzung") recorded postponed ("vertagt") or taken off
the agenda ("abgesetzt"), by itself or with the item above it (the one rule of
:func:`~expertenrat.domain.agenda_outcomes.effective_outcomes`). Then the previous minutes
wait rightly: the completeness check does not hold this meeting's minutes back for them
(``services.minutes_checks``), and its Feststellungen say so (``services.earlier_minutes``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda_outcomes import OutcomeNode, effective_outcomes
from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.services.minutes_approval_rows import approval_item_id, earlier_held_query
from expertenrat.store import models


def previous_held(session: Session, meeting: models.Meeting) -> models.Meeting | None:
    """The council's last held meeting before ``meeting``: whose minutes it approves."""
    return session.scalar(
        earlier_held_query(meeting).order_by(models.Meeting.starts_at.desc()).limit(1)
    )


def approval_put_off(
    session: Session, meeting_id: int, agenda: Iterable[models.AgendaItem] | None = None
) -> AgendaItemOutcome | None:
    """What became of the meeting's approval item if the meeting did not deal with it,
    else ``None`` (dealt with, or the agenda has none). ``agenda``: the meeting's agenda
    items (not deleted), where the caller has read them."""
    item_id = approval_item_id(session, meeting_id)
    if item_id is None:
        return None
    item = models.AgendaItem
    rows = (
        agenda
        if agenda is not None
        else session.execute(
            select(item.id, item.parent_id, item.number, item.outcome).where(
                item.meeting_id == meeting_id, item.deleted_at.is_(None)
            )
        )
    )
    outcome = effective_outcomes(
        OutcomeNode(row.id, row.parent_id, row.number, AgendaItemOutcome(row.outcome))
        for row in rows
    )[item_id]
    return None if outcome.dealt_with else outcome.outcome
