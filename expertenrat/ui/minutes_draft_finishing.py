""" "Entwurf abschließen": the minutes draft is complete and may be sent.

Everything typed and every vote is saved first (:mod:`ui.minutes_pending_saves`): a save still
running (in the worker) is waited for, without blocking the window, and the draft is
finished when it ends (found by a tester: the click only said "Bitte versuchen Sie es gleich
noch einmal"; a vote count was not waited for, found by a helper). Input that is not saved
for a reason (refused, no connection, a conflict), before the click or when the save waited
for fails, is named instead and the draft stays open; a save that takes longer than
``SAVES_WAIT_MS`` (a server that answers nothing) ends the wait with the request to try
again in a moment. The service checks the draft once more and refuses with its reason;
either way the editor rereads the minutes (``reread``), and a finished draft also tells
the meetings page (``finished``). "Abschluss aufheben" (``reopen``) undoes the finishing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes import Minutes
from expertenrat.services.minutes import MinutesService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_pending_saves import SavedFirst

_CONTEXT = "MinutesEditor"


class DraftFinishing:
    def __init__(
        self,
        parent: QWidget,
        service: MinutesService,
        dialogs: DialogService,
        saved_first: SavedFirst,
        minutes: Callable[[], Minutes | None],
        reread: Callable[[], None],
        finished: Callable[[], None],
    ) -> None:
        """``minutes()`` are the minutes shown."""
        self._parent = parent
        self._service = service
        self._dialogs = dialogs
        self.saved_first = saved_first
        self._minutes = minutes
        self._reread = reread
        self._finished = finished

    def finish(self) -> None:
        """Finish the draft once the text and votes typed last are saved (other minutes
        shown meanwhile: that click is over)."""
        minutes = self._minutes()
        if minutes is None:
            return
        meeting_id = minutes.meeting_id

        def still_shown() -> bool:
            shown = self._minutes()
            return shown is not None and shown.meeting_id == meeting_id

        self.saved_first.run(
            lambda: self._finish(meeting_id),
            self._refuse_unsaved,
            self._waited_too_long,
            still_shown,
        )

    def _waited_too_long(self) -> None:
        self._dialogs.information(
            self._parent,
            tr(_CONTEXT, "Entwurf abschließen"),
            tr(_CONTEXT, "Es wird noch gespeichert. Bitte versuchen Sie es gleich noch einmal."),
        )

    def _refuse_unsaved(self, trouble: str) -> None:
        self._warn(trouble + "\n\n" + tr(_CONTEXT, "Der Entwurf ist noch nicht abgeschlossen."))

    def _warn(self, text: str) -> None:
        self._dialogs.warning(self._parent, tr(_CONTEXT, "Entwurf abschließen"), text)

    def _finish(self, meeting_id: int) -> None:
        try:
            self._service.finish_draft(meeting_id)
        except ExpertenratError as error:
            self._warn(error.message)
            self._reread()
            return
        self._dialogs.information(
            self._parent,
            tr(_CONTEXT, "Entwurf abschließen"),
            tr(
                _CONTEXT,
                "Der Protokollentwurf ist abgeschlossen und kann versandt werden: Reiter "
                "„Genehmigung“ → „Protokoll versenden …“.",
            ),
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
