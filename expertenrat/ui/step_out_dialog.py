"""The dialog for a member's time away from a meeting: "verlässt die Sitzung während TOP …
(um …)" and "nimmt wieder teil ab TOP … (um …)" (:mod:`domain.step_outs`). The member is
not counted from the item left up to, not including, the one returned to.

The dialog checks the items and times against the member's line before it closes (what is
wrong stays under the fields, nothing is lost); the line saves what it returns
(``chosen``), and the service checks the rest (the meeting's times). "Unterbrechung
entfernen" returns no time away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceEntry
from expertenrat.domain.step_outs import NO_SPAN, step_out_problems
from expertenrat.ui.agenda_item_combo import agenda_item_combo
from expertenrat.ui.dialog_parts import FORM_DIALOG_WIDTH, dialog_buttons
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.time_fields import optional_time, optional_time_edit, set_optional_time

_CONTEXT = "AttendancePanel"
_ITEM_CHARACTERS = 30  # "TOP 12.3 Genehmigung der Tage…"


def _items_combo(items: Sequence[AgendaRef], chosen: int | None) -> QComboBox:
    combo = agenda_item_combo(tr(_CONTEXT, "bitte wählen"), items, _ITEM_CHARACTERS)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    return combo


class StepOutDialog(QDialog):
    """A member's time away, shown for ``entry`` (as the line shows it) on the agenda
    ``items``; ``chosen`` carries the entry with the time away chosen (or none)."""

    chosen = Signal(object)

    def __init__(self, entry: AttendanceEntry, items: Sequence[AgendaRef], parent: QWidget) -> None:
        super().__init__(parent)
        self._entry, self._items = entry, tuple(items)
        self.setWindowTitle(f"{tr(_CONTEXT, 'Unterbrechung')}: {entry.name}")
        self.away_combo = _items_combo(items, entry.away_item_id)
        self.away_time = optional_time_edit()
        set_optional_time(self.away_time, entry.away_at)
        self.back_combo = _items_combo(items, entry.back_item_id)
        self.back_time = optional_time_edit()
        set_optional_time(self.back_time, entry.back_at)
        form = QFormLayout(self)
        note = QLabel(
            tr(
                _CONTEXT,
                "Das Mitglied zählt vom Punkt, bei dem es die Sitzung verlässt, bis vor den "
                "Punkt, an dem es wieder teilnimmt, nicht als anwesend (Beschlussfähigkeit "
                "und Abstimmungen).",
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.errors = FormErrors(form, collapsed=True)
        for label, field, combo, edit in (
            ("Verlässt die Sitzung während", "away_item_id", self.away_combo, self.away_time),
            ("Nimmt wieder teil ab", "back_item_id", self.back_combo, self.back_time),
        ):
            line = QWidget()
            layout = QHBoxLayout(line)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(combo)
            layout.addWidget(QLabel(tr(_CONTEXT, "um")))
            layout.addWidget(edit)
            layout.addStretch(1)
            combo.setAccessibleName(tr(_CONTEXT, label))
            edit.setAccessibleName(f"{tr(_CONTEXT, label)} {tr(_CONTEXT, 'um')}")
            self.errors.add_row(tr(_CONTEXT, label), field, line, combo)
        self.errors.show_under("away_at", "away_item_id", self.away_time)
        self.errors.show_under("back_at", "back_item_id", self.back_time)
        form.addRow(self.errors.general)
        buttons = dialog_buttons(self, on_accept=self._check)
        self.remove_button = QPushButton(tr(_CONTEXT, "Unterbrechung &entfernen"))
        self.remove_button.setEnabled(entry.away_item_id is not None)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.remove_button.clicked.connect(self._remove)
        form.addRow(buttons)
        # As wide as the labels beside the items' boxes: the wrapping note above them let
        # the dialog open so narrow that the labels were cut to nothing.
        self.setMinimumWidth(max(FORM_DIALOG_WIDTH, form.sizeHint().width()))
        self.finished.connect(self.deleteLater)

    def input(self) -> AttendanceEntry:
        """The line's entry with the time away the fields show."""
        return replace(
            self._entry,
            away_item_id=self.away_combo.currentData(),
            away_at=optional_time(self.away_time),
            back_item_id=self.back_combo.currentData(),
            back_at=optional_time(self.back_time),
        )

    def _check(self) -> None:
        """Return the time away chosen (nothing chosen: none), or show what is wrong."""
        chosen = self.input()
        problems = step_out_problems(self._items, chosen, NO_SPAN)
        if problems:
            self.errors.show(problems)
            self.errors.focus_first_error()
            return
        self.chosen.emit(chosen)
        self.accept()

    def _remove(self) -> None:
        self.chosen.emit(
            replace(self._entry, away_item_id=None, away_at=None, back_item_id=None, back_at=None)
        )
        self.accept()
