"""A text asked for (a name, a reason) that is asked again with what was typed when saving it
fails, the reason above the question: nothing typed is lost to a refused save."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    StorageError,
    ValidationError,
)
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "AskAgain"


def ask_text_again(
    dialogs: DialogService,
    parent: QWidget,
    title: str,
    label: str | Callable[[], str],
    initial: str,
    take: Callable[[str], str | None],
    note: str = "",
) -> None:
    """Ask for a text (``dialogs.ask_text``) and hand it to ``take``. When ``take`` returns a
    note (why the text was not taken, ending in a line break: see :func:`retry_note`), the
    text is asked again with what was typed, the note above ``label`` (a callable: read
    anew each time, for a label naming what may have changed meanwhile)."""

    def taken(typed: str) -> None:
        why = take(typed)
        if why is not None:
            ask_text_again(dialogs, parent, title, label, typed, take, why)

    question = label() if callable(label) else label
    dialogs.ask_text(parent, title, note + question, initial, taken)


def retry_note(error: ExpertenratError) -> str | None:
    """Why a typed text is asked again after ``error``: refused (empty, too long, a name
    taken), another PC's change meanwhile (the page shows it now), the server lost or the
    database busy (OK tries again); None where asking again cannot help."""
    if isinstance(error, ConcurrentEditError):
        return tr(_CONTEXT, "{changed} Ihre Angabe ist erhalten.\n").format(changed=error.changed)
    if isinstance(error, (ValidationError, StorageError)):
        return f"{error.message}\n"
    return None
