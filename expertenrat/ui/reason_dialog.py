"""The frame of a register step that undoes a mistake and needs a reason (required; the
service refuses none): a hint saying what the step is for and what the history keeps,
the step's own fields, and "Grund". "Antwort entfernen …" adds the response to remove
(:mod:`expertenrat.ui.remove_response_dialog`); "Wieder öffnen …" needs nothing more
(:func:`reopen_dialog`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from expertenrat.ui.dialog_parts import resize_within_screen
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_boxes import plain_text_edit

_CONTEXT = "ReasonDialog"


class ReasonDialog(StepDialog):
    """``hint`` on top, then ``fields`` (label, widget), then the reason; ``value()`` is
    the reason unless a subclass says more."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        accept_text: str,
        hint: str,
        save: Callable[[Any], None],
        fields: Sequence[tuple[str, QWidget]] = (),
    ) -> None:
        super().__init__(parent, title, accept_text, save)
        resize_within_screen(self, 560, 320)
        self.hint_label = QLabel(hint)
        self.hint_label.setWordWrap(True)
        self.reason_edit = plain_text_edit(3, grows=True)
        self.form.addRow(self.hint_label)
        for name, widget in fields:
            self.form.addRow(name, widget)
        self.form.addRow(tr(_CONTEXT, "Grund"), self.reason_edit)

    def value(self) -> Any:
        return self.reason_edit.toPlainText()


def reopen_dialog(
    parent: QWidget, code: str, status: str, save: Callable[[str], None]
) -> ReasonDialog:
    """ "Wieder öffnen …": a recommendation closed (``status``) on a wrong answer, say,
    back to what its answers make it, with the reason."""
    return ReasonDialog(
        parent,
        tr(_CONTEXT, "{} wieder öffnen").format(code),
        tr(_CONTEXT, "Wieder öffnen"),
        tr(
            _CONTEXT,
            "Die Empfehlung ist „{}“. Wurde sie auf eine falsche Antwort hin abgeschlossen, "
            "öffnen Sie sie wieder: Sie ist dann wieder „beantwortet“ (oder „übermittelt“, "
            "wo noch nicht jedes Projekt geantwortet hat), eine Antwort lässt sich "
            "entfernen oder eine weitere erfassen. Der Verlauf behält den Abschluss und den "
            "Grund.",
        ).format(status),
        save,
    )
