"""The completeness check's line about a held meeting's items taken up in another order
than the invitation listed (moved so while the minutes were written,
:mod:`~expertenrat.domain.agenda_held_order`): a warning naming those that "Änderungen der
Tagesordnung" does not mention, pointing at that field.

A warning, not a refusal: the field is where the minutes say how the agenda was changed
(its example is a reorder), and only the minute-taker knows whether the council decided
the order when it adopted the agenda or the chair changed it later. Until it mentions
them, the minutes name the items in a plain sentence of their own
(:func:`~expertenrat.domain.minutes_agenda_order.order_line`).
"""

from __future__ import annotations

from collections.abc import Sequence

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.minutes_agenda_order import unmentioned
from expertenrat.domain.minutes_checklist_lines import ChecklistLine, ChecklistTarget
from expertenrat.domain.wording import isolated, listed


def order_lines(moved: Sequence[MovedItem], agenda_changes: str) -> list[ChecklistLine]:
    """The warning about the items of ``moved`` that ``agenda_changes`` (the minutes' text)
    does not mention by title, or as "TOP 3" by their number now or in the invitation;
    none where it mentions them all."""
    unnamed = unmentioned(moved, agenda_changes)
    if not unnamed:
        return []
    named = [f"TOP {i.number} „{isolated(i.title)}“{i.invited_note}" for i in unnamed]
    text = (
        f"Die Punkte wurden in anderer Reihenfolge behandelt als eingeladen: {listed(named)}. "
        "Unter „Änderungen der Tagesordnung“ steht dazu nichts."
    )
    return [ChecklistLine("agenda_order", True, text, ChecklistTarget("agenda_changes"), True)]
