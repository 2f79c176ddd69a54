"""Beschließen: the council adopts a draft recommendation on a date, with a note (the
history keeps both); a refusal of the service stays in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog, date_edit
from expertenrat.ui.text_fields import plain_text_edit

_CONTEXT = "AdoptRecommendationDialog"


@dataclass(frozen=True)
class Adoption:
    on: date
    note: str


class AdoptRecommendationDialog(StepDialog):
    def __init__(
        self, parent: QWidget, code: str, today: date, save: Callable[[Adoption], None]
    ) -> None:
        title = tr(_CONTEXT, "{} beschließen").format(code)
        super().__init__(parent, title, tr(_CONTEXT, "Beschließen"), save)
        self.resize(520, 280)
        self.date_edit = date_edit(today)
        self.note_edit = plain_text_edit(4, grows=True)
        self.note_edit.setPlaceholderText(
            tr(_CONTEXT, "z. B. im Umlaufverfahren oder in welcher Sitzung")
        )
        self.form.addRow(tr(_CONTEXT, "Beschlossen am"), self.date_edit)
        self.form.addRow(tr(_CONTEXT, "Vermerk"), self.note_edit)

    def value(self) -> Adoption:
        return Adoption(self.date_edit.date().toPython(), self.note_edit.toPlainText())
