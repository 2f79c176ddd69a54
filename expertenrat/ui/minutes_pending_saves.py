"""The saves the minutes editor runs in the worker, seen as one: the typed text
(:mod:`ui.autosave`) and the votes (:mod:`ui.minutes_vote_actions`).

"Entwurf abschließen" (:mod:`ui.minutes_draft_finishing`) and the documents of the
Sitzungen page (:meth:`ui.meeting_tabs.MeetingTabs.saved_first`) go on once everything
typed is saved (:class:`SavedFirst`): it hands on what waits (``flush``), waits while
``busy`` (``moved`` says when to look again), and names why something typed is not saved
(``trouble``) instead of going on. Outcomes and recommendations are saved at once, not in
the worker: ``flush`` hands on a step of "Behandlung" still pending.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from expertenrat.ui.autosave import Autosave
from expertenrat.ui.minutes_vote_actions import VoteActions

SAVES_WAIT_MS = 15_000  # the longest wait for the saves of the text and the votes


class PendingSaves(QObject):
    moved = Signal()  # a save ended or the state of the saves changed: look again

    def __init__(
        self,
        autosave: Autosave,
        votes: VoteActions,
        hand_on: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        """``hand_on()`` gives every change still pending to its save (the text to the
        autosave, a count whose field has the focus to the votes)."""
        super().__init__(parent)
        self._autosave = autosave
        self._votes = votes
        self._hand_on = hand_on
        autosave.status_changed.connect(lambda _status: self.moved.emit())
        autosave.saved.connect(lambda _key, _version: self.moved.emit())
        votes.saving.settled.connect(self.moved.emit)

    def flush(self) -> None:
        self._hand_on()

    def busy(self) -> bool:
        """A save waits or runs (or waits for a retry or a conflict decision)."""
        return self._autosave.is_busy() or not self._votes.idle()

    def trouble(self) -> str:
        """Why something typed is not saved (a conflict, a refusal, a failure), or ""."""
        return self._autosave.indicator.trouble() or self._votes.trouble()


@dataclass(frozen=True)
class _Waiting:
    go_on: Callable[[], None]
    refuse: Callable[[str], None]
    too_long: Callable[[], None]
    still: Callable[[], bool]


class SavedFirst(QObject):
    """Goes on with an action once everything typed in the minutes is saved, without
    blocking the window; one action waits at a time (a new one ends the wait before)."""

    def __init__(self, saves: PendingSaves, parent: QObject) -> None:
        super().__init__(parent)
        self._saves = saves
        self._waiting: _Waiting | None = None
        self.wait_timer = QTimer(self)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.setInterval(SAVES_WAIT_MS)
        self.wait_timer.timeout.connect(self._waited_too_long)
        saves.moved.connect(self._saves_moved)

    def run(
        self,
        go_on: Callable[[], None],
        refuse: Callable[[str], None],
        too_long: Callable[[], None],
        still: Callable[[], bool] = lambda: True,
    ) -> None:
        """Hand on every change pending, then ``go_on()`` once all is saved (at once if it
        is); ``refuse(why)`` where something typed is not saved for a reason (refused, no
        connection, a conflict), before or when the save waited for fails; ``too_long()``
        once the saves take longer than ``SAVES_WAIT_MS`` (a server that answers nothing).
        ``still()``: whether the action is still wanted when a save ends (else it is
        dropped quietly)."""
        self._saves.flush()
        self._stop_waiting()
        self._waiting = _Waiting(go_on, refuse, too_long, still)
        self._go_on()
        if self._waiting is not None:
            self.wait_timer.start()

    def _saves_moved(self) -> None:
        """A save ended or the saves' state changed: an action that waits goes on once
        the editor has taken the outcome (its slots come after this one)."""
        if self._waiting is not None:
            QTimer.singleShot(0, self, self._go_on)

    def _go_on(self) -> None:
        waiting = self._waiting
        if waiting is None:
            return
        trouble = self._saves.trouble()
        if not waiting.still():
            self._stop_waiting()
        elif trouble:
            self._stop_waiting()
            waiting.refuse(trouble)
        elif not self._saves.busy():
            self._stop_waiting()
            waiting.go_on()

    def _waited_too_long(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting.too_long()

    def _stop_waiting(self) -> None:
        self._waiting = None
        self.wait_timer.stop()
