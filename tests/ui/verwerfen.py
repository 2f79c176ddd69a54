""" "Änderungen verwerfen?": a dialog holding typed input asks before it drops it.

Every dialog with a form closes at once when nothing was typed, and otherwise asks first:
"Nein" keeps the dialog open with the typed input, "Ja" closes it. A test sets up what
differs (the dialog, the field, how it is closed: Escape, "Abbrechen", ``reject``) and
leaves the sequence to these helpers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

QUESTION = "Änderungen verwerfen?"


def closing_asks_first(
    dialogs, dialog: QDialog, close: Callable[[], object], kept: Callable[[], bool]
) -> None:
    """``close()`` asks; "Nein" leaves ``dialog`` open with its input (``kept()``), and the
    next ``close()`` with "Ja" closes it."""
    dialogs.answers = [False]  # "Nein": keep it
    close()
    assert dialogs.messages[-1][1] == QUESTION
    assert dialog.isVisible() and kept()
    close()  # "Ja"
    assert not dialog.isVisible()


def closing_does_not_ask(dialogs, dialog: QDialog, close: Callable[[], object]) -> None:
    """Untouched, ``dialog`` closes at once, without a question."""
    asked = len(dialogs.messages)
    close()
    assert not dialog.isVisible() and len(dialogs.messages) == asked


def escape_asks_before_dropping(qtbot, dialogs, dialog: QDialog, field: QWidget, typed: str):
    """``typed`` into ``field`` of ``dialog``; Escape asks, "Nein" keeps the text and "Ja"
    (the next Escape) closes the dialog."""
    qtbot.keyClicks(field, typed)
    closing_asks_first(
        dialogs,
        dialog,
        lambda: qtbot.keyClick(field, Qt.Key.Key_Escape),
        lambda: text(field) == typed,
    )


def escape_closes_at_once(qtbot, dialogs, dialog: QDialog, field: QWidget | None = None):
    """Escape in ``field`` (default: the dialog's focus) closes the untouched dialog."""
    target = field if field is not None else dialog.focusWidget()
    closing_does_not_ask(dialogs, dialog, lambda: qtbot.keyClick(target, Qt.Key.Key_Escape))


def text(field: QWidget) -> str:
    """What ``field`` holds: a line's text or a box's plain text."""
    return field.toPlainText() if hasattr(field, "toPlainText") else field.text()
