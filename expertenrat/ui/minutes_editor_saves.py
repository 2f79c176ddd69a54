"""Whether what is typed into the Protokoll tab is saved: the tab's ``flush``,
``has_unsaved_changes`` and ``idle`` (the saves themselves: :mod:`ui.autosave`,
:mod:`ui.minutes_vote_actions`, :mod:`ui.minutes_outcome_actions`).

:class:`MinutesEditorSaves` adds this to the widgets (:mod:`ui.minutes_editor_view`),
:mod:`ui.minutes_editor_showing` the minutes read;
:class:`~expertenrat.ui.minutes_editor.MinutesEditor` makes the saves.
"""

from __future__ import annotations

from collections.abc import Callable

from shiboken6 import isValid

from expertenrat.ui.autosave import Autosave
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_checklist_refresh import ChecklistRefresh
from expertenrat.ui.minutes_editor_view import MinutesEditorView
from expertenrat.ui.minutes_outcome_actions import OutcomeActions
from expertenrat.ui.minutes_vote_actions import VoteActions

_CONTEXT = "MinutesEditor"


class MinutesEditorSaves(MinutesEditorView):
    """The minutes editor's saves seen from the meetings page (and the tests). The editor
    (``MinutesEditor``) makes them."""

    autosave: Autosave
    _dialogs: DialogService
    _unkept_let_go = False  # "Ja" to leave text kept nowhere else: while its page goes on
    vote_actions: VoteActions
    outcome_actions: OutcomeActions
    checklist_refresh: ChecklistRefresh

    def flush(self, then: Callable[[], None]) -> bool:
        """Everything typed goes to the recovery file now and is being saved: go on. Votes
        that wait for a lost server have no recovery file: asked first
        (:meth:`~expertenrat.ui.minutes_vote_actions.VoteActions.let_go`); so is text whose
        save failed and which the recovery file could not take either (a full disk: closing
        the program would lose it; found by a tester). "Nein" stays."""
        self._hand_on()
        unkept = "" if self._unkept_let_go else self.autosave.indicator.unkept()
        if not unkept:
            return self.vote_actions.let_go(then)

        def go_on() -> None:
            # The page's flush runs again after a "Ja" (the next tab saves or asks): this
            # question is answered (it was asked again and again).
            self._unkept_let_go = True
            try:
                if self.vote_actions.let_go(then):
                    then()
            finally:
                self._unkept_let_go = False

        question = tr(
            _CONTEXT,
            "Trotzdem fortfahren? Beim Beenden des Programms ginge der Text verloren.",
        )
        title = tr(_CONTEXT, "Protokolltext nicht gesichert")
        self._dialogs.question(self, title, f"{unkept} {question}", go_on)
        return False

    def _hand_on(self) -> None:
        """Every change still pending goes to its save, the text to the recovery file."""
        self.outcome_actions.commit()  # a step of "Behandlung", the combo still focused
        self.item_form.votes.commit()  # a count typed, its field still focused (Ctrl+Q)
        self.autosave.flush()

    def has_unsaved_changes(self) -> bool:
        """A save is due or running (the text is safe in the recovery file meanwhile), or a
        vote holds a count typed into a field that still has the focus. Not for an editor
        already deleted (see :meth:`idle`)."""
        if not isValid(self):
            return False
        return not self._saves_idle() or self.item_form.votes.has_typed()

    def idle(self) -> bool:
        """No save, recovery write or checklist read runs or is due (tests wait for it).

        An editor already deleted is idle: its timers and jobs went with it, so nothing of
        it is due and no outcome reaches it. A wait that polls this runs Qt's deferred
        deletes (``qWait``), so it may outlive the editor; before, the autosave's deleted
        timers raised "Internal C++ object (QTimer) already deleted"."""
        if not isValid(self):
            return True
        return self._saves_idle() and self.checklist_refresh.idle()

    def _saves_idle(self) -> bool:
        return self.autosave.idle() and self.vote_actions.idle() and self.outcome_actions.idle()
