"""The live completeness check beside the minutes editor, and "Entwurf abschließen".

One line per element of the check: "✓" in green with what is there, "⚠" in brown with
what is there but worth a look (a warning), "✗" in red with exactly what is missing; the
mark says it without the colour, and a screen reader hears "In Ordnung", "Hinweis" or
"Fehlt" before the text. Clicking (or Enter on) a line emits ``jump`` with its target, so
the editor can show the field or item. The button stays disabled until every line is
green; a finished draft says so above it ("Entwurf abgeschlossen am …"), and the button
turns into "Abschluss aufheben" (a draft changed since it was finished may be finished
again).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.minutes_checklist_lines import Checklist
from expertenrat.ui.i18n import tr
from expertenrat.ui.theme_colours import DONE_GREEN, ERROR_RED, WARNING_BROWN, on_base

_CONTEXT = "MinutesEditor"
TargetRole = Qt.ItemDataRole.UserRole
_KindRole = Qt.ItemDataRole.UserRole + 1  # "ok", "missing" or "warning"
# On a light list; on a dark one lighter (theme_colours.on_base), and anew when it changes.
_COLOURS = {
    "ok": QColor(DONE_GREEN),
    "missing": QColor(ERROR_RED),
    "warning": QColor(WARNING_BROWN),
}
_MARKS = {"ok": "✓", "missing": "✗", "warning": "⚠"}


class ChecklistPanel(QWidget):
    jump = Signal(object)  # a ChecklistTarget
    finish_requested = Signal()
    reopen_requested = Signal()

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
        self.finish_label = QLabel()
        self.finish_label.setObjectName("finishState")
        self.finish_label.setWordWrap(True)
        self.finish_button = QPushButton(tr(_CONTEXT, "Entwurf abschließen"))
        self.finish_button.clicked.connect(self._finish_clicked)
        self._finished = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.finish_label)
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
            self._show_finish(None, why_not)
            return
        missing = len(checklist.missing)
        # What is missing first, then the warnings (found by a tester: a warning sorted
        # among the green lines stood at the foot of the list, out of sight under
        # "Alles vollständig."), then what is in order.
        for line in sorted(checklist.lines, key=lambda entry: (entry.ok, not entry.warning)):
            kind = "warning" if line.ok and line.warning else "ok" if line.ok else "missing"
            item = QListWidgetItem(f"{_MARKS[kind]} {line.text}")
            item.setData(_KindRole, kind)
            item.setForeground(self._colour(kind))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{_spoken(kind)}: {line.text}")
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
            # The warnings counted: "Alles vollständig." alone read as if there were none
            # (found by a tester).
            warnings = sum(1 for line in checklist.lines if line.warning)
            self.summary.setText(
                tr(_CONTEXT, "Alles vollständig; {count} Hinweise.").format(count=warnings)
                if warnings > 1
                else tr(_CONTEXT, "Alles vollständig; 1 Hinweis.")
                if warnings
                else tr(_CONTEXT, "Alles vollständig.")
            )
        self._show_finish(checklist, why_not)

    def _colour(self, kind: str) -> QColor:
        # The panel's palette: in its changeEvent the list's is still the old one.
        return on_base(_COLOURS[kind], self.palette())

    def changeEvent(self, event: QEvent) -> None:
        """A palette changed while the program runs (dark mode switched on): the lines
        take their colours for it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for row in range(self.lines.count()):
                item = self.lines.item(row)
                item.setForeground(self._colour(item.data(_KindRole)))

    def _show_finish(self, checklist: Checklist | None, why_not: str) -> None:
        """The finishing state above the button, and the button: "Entwurf abschließen"
        (once every line is green) or, for a finished draft, "Abschluss aufheben"."""
        finish = checklist.finish if checklist is not None and not why_not else None
        self._finished = finish is not None and finish.finished
        text = ""
        if finish is not None and finish.finished:
            # where it is sent, the next step (found by a tester: a newcomer looked for it)
            text = tr(
                _CONTEXT,
                "Entwurf abgeschlossen am {day}; er kann versandt werden: Reiter "
                "„Genehmigung“ → „Protokoll versenden …“.",
            )
        elif finish is not None and finish.finished_on is not None:
            text = tr(
                _CONTEXT,
                "Nach dem Abschluss am {day} geändert; bitte prüfen und erneut abschließen.",
            )
        if finish is not None and finish.finished_on is not None:
            text = text.format(day=f"{finish.finished_on:%d.%m.%Y}")
        self.finish_label.setText(text)
        self.finish_label.setVisible(bool(text))
        if self._finished:
            self.finish_button.setText(tr(_CONTEXT, "Abschluss aufheben"))
            self.finish_button.setEnabled(True)
            self.finish_button.setToolTip(
                tr(_CONTEXT, "Den Entwurf wieder als in Bearbeitung kennzeichnen.")
            )
            return
        self.finish_button.setText(tr(_CONTEXT, "Entwurf abschließen"))
        complete = checklist is not None and checklist.complete
        self.finish_button.setEnabled(not why_not and complete)
        self.finish_button.setToolTip(
            why_not
            or (
                ""
                if checklist is None
                else _finish_tip()
                if complete
                else tr(_CONTEXT, "Erst wenn alle Zeilen grün sind.")
            )
        )

    def _finish_clicked(self) -> None:
        if self._finished:
            self.reopen_requested.emit()
        else:
            self.finish_requested.emit()

    def _activated(self, item: QListWidgetItem) -> None:
        self.jump.emit(item.data(TargetRole))


def _finish_tip() -> str:
    """What "Entwurf abschließen" is for, and where the minutes go out: finishing is
    optional, and a newcomer looked for the sending here (found by a tester)."""
    return tr(
        _CONTEXT,
        "Den vollständigen Entwurf als fertig zum Versand kennzeichnen (freiwillig); versandt "
        "wird das Protokoll im Reiter „Genehmigung“ mit „Protokoll versenden …“.",
    )


def _spoken(kind: str) -> str:
    """What a screen reader says for the mark of a line of ``kind``."""
    if kind == "warning":
        return tr(_CONTEXT, "Hinweis")
    return tr(_CONTEXT, "In Ordnung") if kind == "ok" else tr(_CONTEXT, "Fehlt")
