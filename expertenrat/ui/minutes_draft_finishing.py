""" "Entwurf abschließen": the minutes draft is complete and may be sent.

Everything typed and every vote is saved first (:mod:`ui.minutes_pending_saves`): a save
still running (in the worker) is waited for, without blocking the window, and the draft is
finished when it ends (found by a tester: the click only said "Bitte versuchen Sie es gleich
noch einmal"; a vote count was not waited for, found by a helper). Input that is not saved
for a reason (refused, no connection, a conflict), before the click or when the save waited
for fails, is named instead and the draft stays open; a save that takes longer than
``FINISH_WAIT_MS`` (a server that answers nothing) ends the wait with the request to try
again in a moment. The service checks the draft once more and refuses with its reason;
either way the editor rereads the minutes (``reread``), and a finished draft also tells
the meetings page (``finished``). "Abschluss aufheben" (``reopen``) undoes the finishing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes import Minutes
from expertenrat.services.minutes import MinutesService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_pending_saves import PendingSaves

_CONTEXT = "MinutesEditor"
FINISH_WAIT_MS = 15_000  # the longest wait for the saves of the text and the votes


class DraftFinishing:
    def __init__(
        self,
        parent: QWidget,
        service: MinutesService,
        dialogs: DialogService,
        saves: PendingSaves,
        minutes: Callable[[], Minutes | None],
        reread: Callable[[], None],
        finished: Callable[[], None],
    ) -> None:
        """``minutes()`` are the minutes shown."""
        self._parent = parent
        self._service = service
        self._dialogs = dialogs
        self._saves = saves
        self._minutes = minutes
        self._reread = reread
        self._finished = finished
        self._waiting_for: int | None = None  # the meeting whose finishing waits for a save
        self.wait_timer = QTimer(parent)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.setInterval(FINISH_WAIT_MS)
        self.wait_timer.timeout.connect(self._waited_too_long)
        saves.moved.connect(self._saves_moved)

    def finish(self) -> None:
        minutes = self._minutes()
        if minutes is None:
            return
        self._saves.flush()
        trouble = self._saves.trouble()
        if trouble:  # waiting would not help: the reason, not "gleich noch einmal"
            self._stop_waiting()
            self._refuse_unsaved(trouble)
        elif self._saves.busy():  # finished once the text and votes typed last are saved
            self._waiting_for = minutes.meeting_id
            self.wait_timer.start()
        else:
            self._stop_waiting()
            self._finish(minutes.meeting_id)

    def _saves_moved(self) -> None:
        """A save ended or the saves' state changed: a finishing that waits goes on
        once the editor has taken the outcome (its slots come after this one)."""
        if self._waiting_for is not None:
            QTimer.singleShot(0, self._parent, self._go_on)

    def _go_on(self) -> None:
        """The finishing that waits goes on, or stops with the reason the text or a vote
        is not saved."""
        meeting_id = self._waiting_for
        if meeting_id is None:
            return
        minutes = self._minutes()
        trouble = self._saves.trouble()
        if minutes is None or minutes.meeting_id != meeting_id:
            self._stop_waiting()  # other minutes shown: that click is over
        elif trouble:
            self._stop_waiting()
            self._refuse_unsaved(trouble)
        elif not self._saves.busy():
            self._stop_waiting()
            self._finish(meeting_id)

    def _waited_too_long(self) -> None:
        self._waiting_for = None
        self._dialogs.information(
            self._parent,
            tr(_CONTEXT, "Entwurf abschließen"),
            tr(_CONTEXT, "Es wird noch gespeichert. Bitte versuchen Sie es gleich noch einmal."),
        )

    def _stop_waiting(self) -> None:
        self._waiting_for = None
        self.wait_timer.stop()

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
