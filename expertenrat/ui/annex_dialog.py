""" "Anlage bearbeiten": the title the minutes list an annex under, and whether the public
minutes list it at all (a step dialog: a refusal stays in it as a message)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QWidget

from expertenrat.domain.annexes import Annex
from expertenrat.domain.field_limits import ANNEX_TITLE
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_fields import LineEdit, show_text

_CONTEXT = "AnnexDialog"


class AnnexDialog(StepDialog):
    """``value()`` is ``(title, public)``."""

    def __init__(
        self, parent: QWidget, annex: Annex, save: Callable[[tuple[str, bool]], None]
    ) -> None:
        super().__init__(parent, tr(_CONTEXT, "Anlage bearbeiten"), tr(_CONTEXT, "Speichern"), save)
        self.title_edit = LineEdit()
        show_text(self.title_edit, annex.title)
        self.title_edit.setMaxLength(ANNEX_TITLE.max_length)
        self.title_edit.setPlaceholderText(tr(_CONTEXT, "leer: aus dem Dateinamen"))
        self.title_edit.setMinimumWidth(420)
        self.internal_check = QCheckBox(
            tr(_CONTEXT, "nichtöffentlich (nicht in der öffentlichen Fassung des Protokolls)")
        )
        self.internal_check.setChecked(not annex.public)
        self.form.addRow(tr(_CONTEXT, "Datei:"), LineEdit(annex.name, readOnly=True))
        self.form.addRow(tr(_CONTEXT, "&Titel:"), self.title_edit)
        self.form.addRow("", self.internal_check)

    def value(self) -> tuple[str, bool]:
        return self.title_edit.text(), not self.internal_check.isChecked()
