"""Beschließen: the council adopts a draft recommendation on a date, with a note (the
history keeps both); a refusal of the service stays in the dialog. Under the date, where
it lies in another year than the draft's code, a line says that the recommendation gets a
code of the year of adoption (``domain.recommendation_codes.renumbered_on_adoption``).
"Im Umlaufverfahren beschlossen" records the written procedure with it
(:mod:`expertenrat.ui.written_vote_fields`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.recommendation_codes import renumbered_on_adoption
from expertenrat.domain.written_procedures import WrittenVote
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.widgets import hint_label
from expertenrat.ui.written_vote_fields import WrittenVoteFields

_CONTEXT = "AdoptRecommendationDialog"


@dataclass(frozen=True)
class Adoption:
    on: date
    note: str
    in_writing: WrittenVote | None = None


class AdoptRecommendationDialog(StepDialog):
    def __init__(
        self,
        parent: QWidget,
        code: str,
        today: date,
        save: Callable[[Adoption], None],
        members: int = 0,
    ) -> None:
        title = tr(_CONTEXT, "{} beschließen").format(code)
        super().__init__(parent, title, tr(_CONTEXT, "Beschließen"), save)
        self.resize(520, 420)
        self._code = code
        self.date_edit = date_edit(today)
        self.code_label = hint_label("")
        self.note_edit = plain_text_edit(4, grows=True)
        self.note_edit.setPlaceholderText(
            tr(_CONTEXT, "z. B. in welcher Sitzung oder auf welchem Weg")
        )
        self.form.addRow(tr(_CONTEXT, "Beschlossen am"), self.date_edit)
        self.form.addRow("", self.code_label)
        self.form.addRow(tr(_CONTEXT, "Vermerk"), self.note_edit)
        self.written = WrittenVoteFields(self.form, today, members)
        self.date_edit.dateChanged.connect(self._show_code)
        self._show_code()

    def _show_code(self) -> None:
        on = self.date_edit.date().toPython()
        renumbered = renumbered_on_adoption(self._code, on)
        self.code_label.setText(
            tr(
                _CONTEXT,
                "Beschlossen {0}: Die Empfehlung erhält die nächste Kennung des Jahres {0} "
                "(bisher {1}).",
            ).format(on.year, self._code)
            if renumbered
            else ""
        )
        self.code_label.setVisible(renumbered)

    def value(self) -> Adoption:
        return Adoption(
            self.date_edit.date().toPython(), self.note_edit.toPlainText(), self.written.value()
        )
