"""Abbrechen, Esc or closing a dialog ask before typed input is thrown away, as the member
and project dialogs do; a dialog left as it opened just closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from expertenrat.ui.i18n import tr

if TYPE_CHECKING:
    from expertenrat.ui.dialog_service import DialogService

_CONTEXT = "DiscardCheck"


class DiscardCheck:
    """``typed``: what the dialog's inputs hold now, compared with what they held when the
    check was made (the dialog filled). Without ``dialogs`` nothing is asked. ``text``: the
    question, if not the general one ("Sie haben Angaben gemacht, …")."""

    def __init__(
        self,
        dialog: QDialog,
        dialogs: DialogService | None,
        typed: Callable[[], object],
        text: str | None = None,
    ) -> None:
        self._dialog = dialog
        self._dialogs = dialogs
        self._typed = typed
        self._text = text
        self._as_opened = typed()

    def reject(self, close: Callable[[], None]) -> None:
        """``close`` the dialog now, or once the user agrees to drop what was typed."""
        if self._dialogs is None or self._typed() == self._as_opened:
            close()
            return
        self._dialogs.question(
            self._dialog,
            tr(_CONTEXT, "Änderungen verwerfen?"),
            self._text
            or tr(
                _CONTEXT, "Sie haben Angaben gemacht, die noch nicht gespeichert sind. Verwerfen?"
            ),
            close,
        )
