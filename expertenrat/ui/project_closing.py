"""Marking a project abgeschlossen, by "Abschließen" or by its phase in "Bearbeiten …":
where the council still awaits an answer of the project, ask first, naming the
recommendations (they stay open, but "Erinnerungen …" leaves a finished project out unless
chosen there)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.wording import listed
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "ProjectClosing"


def close_after_asking(
    dialogs: DialogService,
    parent: QWidget,
    name: str,
    awaited: list[str],
    close: Callable[[], None],
    keep_open: Callable[[], None] | None = None,
) -> None:
    """``close()`` at once where nothing is awaited of the project called ``name``; else
    after asking, naming the ``awaited`` recommendations' codes (``keep_open()`` for "Nein")."""
    if not awaited:
        close()
        return
    owed = (
        tr(
            _CONTEXT,
            "Zur Empfehlung {codes} steht von ihm noch eine Antwort aus; sie bleibt offen.",
        )
        if len(awaited) == 1
        else tr(
            _CONTEXT,
            "Zu den Empfehlungen {codes} stehen von ihm noch Antworten aus; sie bleiben offen.",
        )
    ).format(codes=listed(awaited))
    text = tr(
        _CONTEXT,
        "Das Projekt „{name}“ als abgeschlossen markieren? {owed} An ein abgeschlossenes "
        "Projekt gehen Erinnerungen nur noch, wenn Sie es unter Empfehlungen → "
        "„Erinnerungen …“ auswählen.",
    ).format(name=name, owed=owed)
    dialogs.question(parent, tr(_CONTEXT, "Projekt abschließen"), text, close, keep_open)
