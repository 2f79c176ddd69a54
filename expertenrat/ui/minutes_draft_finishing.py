""" "Entwurf abschließen": the minutes draft is complete and may be sent.

Everything typed is saved first; while a save still runs, a German message asks to try
again in a moment, and input that is not saved for a reason (refused, no connection, a
conflict) is named instead. The service checks the draft once more and refuses with its reason;
either way the editor rereads the minutes (``reread``), and a finished draft also tells
the meetings page (``finished``). "Abschluss aufheben" (``reopen``) undoes the finishing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes import Minutes
from expertenrat.services.minutes import MinutesService
from expertenrat.ui.autosave import Autosave
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MinutesEditor"


class DraftFinishing:
    def __init__(
        self,
        parent: QWidget,
        service: MinutesService,
        dialogs: DialogService,
        autosave: Autosave,
        minutes: Callable[[], Minutes | None],
        reread: Callable[[], None],
        finished: Callable[[], None],
    ) -> None:
        """``minutes()`` are the minutes shown."""
        self._parent = parent
        self._service = service
        self._dialogs = dialogs
        self._autosave = autosave
        self._minutes = minutes
        self._reread = reread
        self._finished = finished

    def finish(self) -> None:
        minutes = self._minutes()
        if minutes is None:
            return
        title = tr(_CONTEXT, "Entwurf abschließen")
        self._autosave.flush()
        trouble = self._autosave.trouble()
        if trouble:  # waiting would not help: the reason, not "gleich noch einmal"
            self._dialogs.warning(self._parent, title, trouble)
            return
        if self._autosave.is_busy():
            self._dialogs.information(
                self._parent,
                title,
                tr(
                    _CONTEXT, "Es wird noch gespeichert. Bitte versuchen Sie es gleich noch einmal."
                ),
            )
            return
        try:
            self._service.finish_draft(minutes.meeting_id)
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, title, error.message)
            self._reread()
            return
        self._dialogs.information(
            self._parent,
            title,
            tr(_CONTEXT, "Der Protokollentwurf ist abgeschlossen und kann versandt werden."),
        )
        self._reread()
        self._finished()

    def reopen(self) -> None:
        """ "Abschluss aufheben": the draft is in the works again."""
        minutes = self._minutes()
        if minutes is None:
            return
        try:
            self._service.reopen_draft(minutes.meeting_id)
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Abschluss aufheben"), error.message)
        self._reread()
        self._finished()
