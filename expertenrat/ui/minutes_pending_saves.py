"""The saves the minutes editor runs in the worker, seen as one: the typed text
(:mod:`ui.autosave`) and the votes (:mod:`ui.minutes_vote_actions`).

"Entwurf abschließen" (:mod:`ui.minutes_draft_finishing`) hands on what waits (``flush``),
waits while ``busy`` (``moved`` says when to look again) and names why something typed is
not saved (``trouble``). Outcomes and recommendations are saved at once, not in the worker:
``flush`` hands on a step of "Behandlung" still pending.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from expertenrat.ui.autosave import Autosave
from expertenrat.ui.minutes_vote_actions import VoteActions


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
        return self._autosave.trouble() or self._votes.trouble()
