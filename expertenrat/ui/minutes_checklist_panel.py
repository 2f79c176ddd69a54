"""The live completeness check beside the minutes editor, and "Entwurf abschließen".

One line per element of the check: green with what is there, red with exactly what is
missing. Clicking (or Enter on) a line emits ``jump`` with its target, so the editor can
show the field or item. The button stays disabled until every line is green.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.minutes_checklist import Checklist
from expertenrat.ui.i18n import tr

_CONTEXT = "MinutesEditor"
TargetRole = Qt.ItemDataRole.UserRole
_COLOURS = {"ok": QColor("#1b6e20"), "missing": QColor("#b00020"), "warning": QColor("#8a5300")}


class ChecklistPanel(QWidget):
    jump = Signal(object)  # a ChecklistTarget
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(tr(_CONTEXT, "&Vollständigkeit"))
        self.title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.lines = QListWidget()
        self.lines.setObjectName("minutesChecklist")
        self.lines.setWordWrap(True)
        self.lines.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.title.setBuddy(self.lines)  # Alt+V: the lines, Enter jumps
        self.lines.itemActivated.connect(self._activated)
        self.lines.itemClicked.connect(self._activated)
        self.finish_button = QPushButton(tr(_CONTEXT, "Entwurf abschließen"))
        self.finish_button.clicked.connect(self.finish_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.finish_button)
        self.show_checklist(None)

    def show_checklist(self, checklist: Checklist | None, *, why_not: str = "") -> None:
        """Fill the lines; read again after each save, the list keeps its place (the
        scroll position, the line the keyboard is on). ``why_not``: why the minutes cannot
        be finished whatever the lines say (approved, already sent)."""
        scrolled = self.lines.verticalScrollBar().value()
        current = self.lines.currentItem()
        current_target = current.data(TargetRole) if current is not None else None
        self.lines.clear()
        if checklist is None:
            self.summary.setText("")
            self.finish_button.setEnabled(False)
            return
        missing = len(checklist.missing)
        for line in sorted(checklist.lines, key=lambda entry: entry.ok):  # what is missing first
            kind = "warning" if line.ok and line.warning else "ok" if line.ok else "missing"
            mark = "✓" if line.ok else "✗"
            item = QListWidgetItem(f"{mark} {line.text}")
            item.setForeground(QBrush(_COLOURS[kind]))
            item.setData(TargetRole, line.target)
            item.setToolTip(tr(_CONTEXT, "Klicken: dorthin springen"))
            self.lines.addItem(item)
            if current_target is not None and line.target == current_target:
                self.lines.setCurrentItem(item)
                current_target = None
        self.lines.doItemsLayout()  # the scroll range of the new lines, now
        self.lines.verticalScrollBar().setValue(scrolled)
        if missing:
            self.summary.setText(
                tr(_CONTEXT, "Es fehlen noch {count} Angaben.").format(count=missing)
                if missing > 1
                else tr(_CONTEXT, "Es fehlt noch eine Angabe.")
            )
        else:
            self.summary.setText(tr(_CONTEXT, "Alles vollständig."))
        self.finish_button.setEnabled(not why_not and checklist.complete)
        self.finish_button.setToolTip(
            why_not
            or ("" if checklist.complete else tr(_CONTEXT, "Erst wenn alle Zeilen grün sind."))
        )

    def _activated(self, item: QListWidgetItem) -> None:
        self.jump.emit(item.data(TargetRole))
