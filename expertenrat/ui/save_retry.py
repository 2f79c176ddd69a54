"""A form's save button after a lost server: "Erneut versuchen".

The forms that save to the database keep what was typed when saving fails and show why
(each in its own message line). When the reason is a lost server
(:class:`~expertenrat.domain.errors.ConnectionLostError`), the save button says
"Erneut versuchen" until a save gets past the server (clicking it saves again, with the
text still in the form); the button's own label comes back with the next other outcome.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from expertenrat.domain.errors import ConnectionLostError, ExpertenratError
from expertenrat.ui.i18n import tr


class SaveRetry:
    def __init__(self, button: QAbstractButton) -> None:
        self._button = button
        self._label = button.text()

    def after(self, error: ExpertenratError | None) -> None:
        """Label the button for what the last save ended with (``None``: no refusal)."""
        lost = isinstance(error, ConnectionLostError)
        self._button.setText(tr("SaveRetry", "Erneut versuchen") if lost else self._label)
