"""Antwort entfernen: a response recorded by mistake (on the wrong recommendation, for the
wrong project) is removed, with the reason (required; the service refuses none). The
responses are offered as the detail lists them, the latest chosen; the recommendation's
history keeps what the removed one said and why it went.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QWidget

from expertenrat.domain.recommendation_history import Response
from expertenrat.ui.dialog_parts import resize_within_screen
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_fields import plain_text_edit

_CONTEXT = "RemoveResponseDialog"


@dataclass(frozen=True)
class Removal:
    response_id: int
    reason: str


def response_label(response: Response, several: bool) -> str:
    """ "01.10.2026: entsprochen, abschließend, von „Klimaportal“ (Frau Kühn)"; the project
    only where the recommendation is addressed to ``several``."""
    parts = [response.verdict.label]
    if response.final:
        parts.append(tr(_CONTEXT, "abschließend"))
    if several:
        parts.append(response.from_label)
    text = f"{response.received_on:%d.%m.%Y}: {', '.join(parts)}"
    return f"{text} ({response.responder})" if response.responder else text


class RemoveResponseDialog(StepDialog):
    def __init__(
        self,
        parent: QWidget,
        code: str,
        responses: Sequence[Response],
        several: bool,
        save: Callable[[Removal], None],
    ) -> None:
        title = tr(_CONTEXT, "Antwort zu {} entfernen").format(code)
        super().__init__(parent, title, tr(_CONTEXT, "Entfernen"), save)
        resize_within_screen(self, 560, 320)
        hint = QLabel(
            tr(
                _CONTEXT,
                "Für eine versehentlich erfasste Antwort, etwa eine, die zu einer anderen "
                "Empfehlung oder einem anderen Projekt gehört. Der Verlauf behält, was sie "
                "besagte und warum sie entfernt wurde.",
            )
        )
        hint.setWordWrap(True)
        self.response_combo = compact_combo(40)  # a long responder or project: "…"
        for response in responses:
            self.response_combo.addItem(response_label(response, several), response.id)
        self.response_combo.setCurrentIndex(len(responses) - 1)
        self.reason_edit = plain_text_edit(3, grows=True)
        self.form.addRow(hint)
        self.form.addRow(tr(_CONTEXT, "Antwort"), self.response_combo)
        self.form.addRow(tr(_CONTEXT, "Grund"), self.reason_edit)

    def value(self) -> Removal:
        return Removal(self.response_combo.currentData(), self.reason_edit.toPlainText())
