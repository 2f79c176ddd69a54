"""Antwort entfernen: a response recorded by mistake (on the wrong recommendation, for the
wrong project) is removed, with the reason (the frame: :class:`~expertenrat.ui.
reason_dialog.ReasonDialog`). The responses are offered as the detail lists them, the
latest chosen; the recommendation's history keeps what the removed one said and why it
went.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from expertenrat.domain.recommendation_history import Response
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.reason_dialog import ReasonDialog

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


class RemoveResponseDialog(ReasonDialog):
    def __init__(
        self,
        parent: QWidget,
        code: str,
        responses: Sequence[Response],
        several: bool,
        save: Callable[[Removal], None],
    ) -> None:
        self.response_combo = compact_combo(40)  # a long responder or project: "…"
        for response in responses:
            self.response_combo.addItem(response_label(response, several), response.id)
        self.response_combo.setCurrentIndex(len(responses) - 1)
        super().__init__(
            parent,
            tr(_CONTEXT, "Antwort zu {} entfernen").format(code),
            tr(_CONTEXT, "Entfernen"),
            tr(
                _CONTEXT,
                "Für eine versehentlich erfasste Antwort, etwa eine, die zu einer anderen "
                "Empfehlung oder einem anderen Projekt gehört. Der Verlauf behält, was sie "
                "besagte und warum sie entfernt wurde.",
            ),
            save,
            [(tr(_CONTEXT, "Antwort"), self.response_combo)],
        )

    def value(self) -> Removal:
        return Removal(self.response_combo.currentData(), self.reason_edit.toPlainText())
