"""The columns of the agenda tree (:mod:`agenda_tree_model`), described once
(``Column`` specs of ``table_model``) over ``AgendaRow``: an item where the domain rules
place it, with its number and start time. Long titles are shortened in the tree and shown
whole in their tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from expertenrat.domain.agenda import AgendaItem, PlacedItem
from expertenrat.domain.wording import shortened
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column
from expertenrat.ui.tooltips import literal_tip

_CONTEXT = "AgendaTreeModel"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """An item where the agenda places it."""

    placed: PlacedItem
    row: int  # among its siblings
    texts: tuple[str, ...] = ()  # per column, as shown

    @property
    def item(self) -> AgendaItem:
        return self.placed.item


def _start(row: AgendaRow) -> str:
    start = row.placed.start
    return start.strftime("%H:%M") if start is not None else ""


def _one_line(text: str, limit: int = 120) -> str:
    """Long titles are shown shortened in the tree (in full in the tooltip and the form)."""
    return shortened(text, limit)


def agenda_columns() -> tuple[Column[AgendaRow], ...]:
    yes, no = tr(_CONTEXT, "ja"), tr(_CONTEXT, "nein")
    return (
        Column(tr(_CONTEXT, "Nr."), lambda r: r.placed.number),
        Column(tr(_CONTEXT, "Beginn"), _start, alignment=_RIGHT),
        Column(
            tr(_CONTEXT, "Titel"),
            lambda r: " ".join(filter(None, (_one_line(r.item.title), r.item.mark))),
            tooltip=lambda r: literal_tip(r.item.title) or None,  # whole where the column cuts it
        ),
        Column(tr(_CONTEXT, "Art"), lambda r: r.item.kind.label),
        Column(
            tr(_CONTEXT, "Öffentlich"),
            lambda r: yes if r.placed.public else no,
            alignment=_CENTER,
        ),
        Column(
            tr(_CONTEXT, "Vortragende*r"),
            lambda r: r.item.presenter,
            tooltip=lambda r: literal_tip(r.item.presenter) or None,
        ),
        Column(
            tr(_CONTEXT, "Projekt"),
            lambda r: r.item.project_title,
            tooltip=lambda r: literal_tip(r.item.project_title) or None,
        ),
        Column(tr(_CONTEXT, "Minuten"), lambda r: str(r.item.planned_minutes), alignment=_RIGHT),
    )
