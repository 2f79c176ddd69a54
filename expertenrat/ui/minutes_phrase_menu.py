"""The "Textbaustein" menu of the minutes editor: the council's standard phrases.

The phrases (Einstellungen) are read each time the menu opens, so a phrase added meanwhile
is there at once; choosing one emits ``chosen`` with its text, which the editor inserts at
the cursor (:func:`insert_phrase`). A failed read shows its German message as a disabled
line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.field_limits import MINUTES_ITEM
from expertenrat.domain.text_templates import TextTemplate
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_item_form import MinutesItemForm
from expertenrat.ui.tooltips import literal_tip

_CONTEXT = "MinutesEditor"


class PhraseMenu(QMenu):
    chosen = Signal(str)

    def __init__(
        self,
        templates: Callable[[int], list[TextTemplate]],
        council_id: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        """``council_id()`` is the council of the minutes shown, or None."""
        super().__init__(parent)
        self._templates = templates
        self._council_id = council_id
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        council_id = self._council_id()
        if council_id is None:
            return
        try:
            templates = self._templates(council_id)
        except ExpertenratError as error:
            self.addAction(error.message).setEnabled(False)
            return
        for template in templates:
            action = self.addAction(template.label.replace("&", "&&"))
            action.setToolTip(literal_tip(template.text))
            action.triggered.connect(
                lambda _checked=False, text=template.text: self.chosen.emit(text)
            )
        if not templates:
            self.addAction(
                tr(_CONTEXT, "Keine Textbausteine – anlegen unter Einstellungen")
            ).setEnabled(False)


def insert_phrase(
    parent: QWidget, dialogs: DialogService, form: MinutesItemForm, text: str
) -> None:
    """Insert the phrase ``text`` at the cursor of ``form``; one that no longer fits into
    the result is not inserted, and a message says so."""
    if not form.insert_phrase(text):
        dialogs.information(
            parent,
            tr(_CONTEXT, "Textbaustein"),
            tr(
                _CONTEXT,
                "Der Textbaustein passt nicht mehr in das Ergebnis (höchstens {limit} "
                "Zeichen) und ist nicht eingefügt.",
            ).format(limit=MINUTES_ITEM["result"].max_length),
        )
