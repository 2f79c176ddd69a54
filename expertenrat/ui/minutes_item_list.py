"""The list beside the minutes editor: "Kopfdaten" first, then every agenda item.

An item that still lacks content says so ("fehlt noch") in the warning colour, so the
minute-taker sees at a glance what is left. An urgent item is marked
"(Dringlichkeitsantrag)" beside its title, as in the PDF minutes. A long title wraps under
itself, not under "TOP" (:mod:`ui.hanging_lines`). Each line carries its
autosave key ("header:<meeting>", "item:<id>") in ``KeyRole``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from expertenrat.domain.minutes import ItemMinutes, Minutes
from expertenrat.domain.text_characters import shows_nothing
from expertenrat.ui.hanging_lines import wrap_with_hanging_indent
from expertenrat.ui.i18n import tr
from expertenrat.ui.theme_colours import WARNING_BROWN, on_base

_CONTEXT = "MinutesEditor"
KeyRole = Qt.ItemDataRole.UserRole
LabelRole = Qt.ItemDataRole.UserRole + 1
TipRole = Qt.ItemDataRole.UserRole + 2  # the line's own tooltip, beside "fehlt noch"'s
_MISSING = QColor(WARNING_BROWN)  # on a light list; lighter on a dark one (on_base)


def header_key(meeting_id: int) -> str:
    return f"header:{meeting_id}"


def item_key(item_id: int) -> str:
    return f"item:{item_id}"


def lacking(item: ItemMinutes, payload: dict) -> bool:
    """Whether ``item`` still lacks content ("fehlt noch") with its texts as ``payload``
    (typed or stored): no text, no vote and no recommendation, and it was dealt with (nor
    postponed or taken off with the item above it)."""
    if item.votes or item.recommendations or not item.effective_outcome.dealt_with:
        return False
    return all(shows_nothing(str(text)) for text in payload.values())


class MinutesItemList(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("minutesItemList")
        self.setAccessibleName(tr(_CONTEXT, "Punkte des Protokolls"))  # for screen readers
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        wrap_with_hanging_indent(self, tr(_CONTEXT, "TOP "))  # under the title, not "TOP"

    def show_minutes(self, minutes: Minutes | None) -> None:
        """Fill the list (the current line stays current if it is still there)."""
        current = self.current_key()
        self.blockSignals(True)
        try:
            self.clear()
            if minutes is None:
                return
            self._add(header_key(minutes.meeting_id), tr(_CONTEXT, "Kopfdaten"))
            for item in minutes.items:
                line = self._add(item_key(item.item_id), marked_label(item), _tip(item))
                self.mark(line, lacking=item.lacks_content)
            self.select_key(current or header_key(minutes.meeting_id))
        finally:
            self.blockSignals(False)

    def _add(self, key: str, label: str, tip: str = "") -> QListWidgetItem:
        line = QListWidgetItem(label)
        line.setData(KeyRole, key)
        line.setData(LabelRole, label)
        line.setData(TipRole, tip)
        line.setToolTip(tip)
        self.addItem(line)
        return line

    def mark(self, line: QListWidgetItem, *, lacking: bool) -> None:
        label, tip = line.data(LabelRole), line.data(TipRole)
        if lacking:
            line.setText(tr(_CONTEXT, "{label}\n– fehlt noch").format(label=label))
            line.setForeground(on_base(_MISSING, self.palette()))
            missing = tr(_CONTEXT, "Zu diesem Punkt ist noch nichts protokolliert.")
            line.setToolTip("\n".join(filter(None, (tip, missing))))
        else:
            line.setText(label)
            line.setData(Qt.ItemDataRole.ForegroundRole, None)
            line.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        """A palette changed while the program runs: "fehlt noch" in its colour for it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for row in range(self.count()):
                if self.is_marked(self.item(row).data(KeyRole)):
                    self.item(row).setForeground(on_base(_MISSING, self.palette()))

    def mark_key(self, key: str, *, lacking: bool) -> None:
        line = self.line(key)
        if line is not None and self.is_marked(key) != lacking:
            self.mark(line, lacking=lacking)

    def is_marked(self, key: str) -> bool:
        line = self.line(key)
        return line is not None and line.text() != line.data(LabelRole)

    def line(self, key: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(KeyRole) == key:
                return self.item(row)
        return None

    def current_key(self) -> str | None:
        line = self.currentItem()
        return line.data(KeyRole) if line is not None else None

    def current_item(self, minutes: Minutes | None) -> ItemMinutes | None:
        """The agenda item of the current line in ``minutes`` (None on "Kopfdaten")."""
        key = self.current_key()
        if minutes is None or key is None or not key.startswith("item:"):
            return None
        return minutes.item(int(key.partition(":")[2]))

    def select_key(self, key: str) -> None:
        line = self.line(key)
        if line is not None:
            self.setCurrentItem(line)

    def step(self, offset: int) -> bool:
        """Select the next (1) or previous (-1) line; False at either end."""
        row = self.currentRow() + offset
        if 0 <= row < self.count():
            self.setCurrentRow(row)
            return True
        return False


def marked_label(item: ItemMinutes) -> str:
    """ "TOP 9 Radwege (Dringlichkeitsantrag)": the label, marked as the PDF minutes mark it;
    an Arabic or Hebrew title keeps its own direction inside it (FSI … PDI)."""
    return " ".join(filter(None, (_isolated(item.label), item.mark)))


def _tip(item: ItemMinutes) -> str:
    """The tooltip of an urgent item's line, else ""."""
    if not item.urgent:
        return ""
    return tr(_CONTEXT, "Dringlichkeitsantrag: in der Sitzung in die Tagesordnung aufgenommen.")


def _isolated(text: str) -> str:
    """An Arabic or Hebrew title keeps its own direction inside the line (FSI … PDI)."""
    return f"\u2068{text}\u2069"
