"""Saving the votes of the agenda item the minutes editor shows, and showing the outcome.

Each change of the votes box goes to :class:`VoteSaving` (in the worker, one save at a
time, the counts checked there). When a save ends, the vote lines still shown take their
ids and versions, the warnings about the counts show below the votes and the item with
its new votes goes to ``changed`` (its mark, the checklist). A refusal shows its German
reason there; after a conflict (another PC changed the votes) ``reread`` shows theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from expertenrat.domain.elections import election_line
from expertenrat.domain.enums import VoteMode
from expertenrat.domain.errors import ConcurrentEditError, ConnectionLostError, ExpertenratError
from expertenrat.domain.minutes import ItemMinutes, Minutes
from expertenrat.domain.votes import VoteDraft
from expertenrat.services.minutes_votes import SavedVotes
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_vote_saving import SaveVotes, VoteRequest, VoteSaving
from expertenrat.ui.minutes_votes import VotesBox
from expertenrat.ui.vote_line import VoteLine

_CONTEXT = "MinutesEditor"


class VoteActions:
    def __init__(
        self,
        parent: QWidget,
        dialogs: DialogService,
        save: SaveVotes,
        box: VotesBox,
        minutes: Callable[[], Minutes | None],
        current_item: Callable[[], ItemMinutes | None],
        changed: Callable[[ItemMinutes], None],
        reread: Callable[[], None],
    ) -> None:
        """``box`` shows the votes of ``current_item()``, an item of ``minutes()``."""
        self._parent = parent
        self._dialogs = dialogs
        self._box = box
        self._minutes = minutes
        self._current_item = current_item
        self._changed = changed
        self._reread = reread
        self.saving = VoteSaving(save, parent)
        # Votes typed and refused (too many counts …), per item, with the reason: shown
        # again with the item until corrected or let go, never dropped silently.
        self._refusals: dict[int, tuple[tuple[VoteDraft, ...], str]] = {}
        self.saving.saved.connect(self._saved)
        self.saving.failed.connect(self._refused)
        box.remove_asked.connect(self.ask_remove)

    def idle(self) -> bool:
        """No save runs or waits."""
        return self.saving.idle()

    def trouble(self) -> str:
        """Why votes typed are not saved (refused and not corrected, or waiting for a lost
        or locked server), or ""."""
        if self._refusals:
            return tr(
                _CONTEXT,
                "Diese Abstimmungen sind nicht gespeichert, weil ihre Angaben nicht stimmen "
                "({named}).",
            ).format(named=self._refused_named())
        if not self.saving.waiting_for_server():
            return ""
        return self._waiting()

    def _waiting(self) -> str:
        """Why the votes waiting for the server are not saved (a lost or locked one)."""
        if self.saving.locked:  # another PC's work holds the meeting (ServerBusyError)
            return tr(
                _CONTEXT,
                "Die zuletzt erfassten Abstimmungen sind nicht gespeichert: Die Datenbank ist "
                "gerade durch eine andere Arbeit gesperrt.",
            )
        return tr(
            _CONTEXT,
            "Die zuletzt erfassten Abstimmungen sind nicht gespeichert: Die Verbindung zum "
            "Datenbankserver ist unterbrochen.",
        )

    def _saved_later(self) -> str:
        """When the votes waiting for the server are saved: they are tried again by
        themselves."""
        if self.saving.locked:
            return tr(
                _CONTEXT,
                "Sie werden gespeichert, sobald sie frei ist, solange das Protokoll geöffnet "
                "bleibt.",
            )
        return tr(
            _CONTEXT,
            "Sie werden gespeichert, sobald er wieder erreichbar ist, solange das "
            "Protokoll geöffnet bleibt.",
        )

    def let_go(self, then: Callable[[], None]) -> bool:
        """Whether the editor may go on (leave the meeting, close): no votes wait for a
        lost server. Such votes have no recovery file: asked first; "Ja" drops them and
        calls ``then``."""
        saving = self.saving
        if self._refusals:
            return self._let_refusals_go(then)
        if not saving.waiting_for_server():
            return True

        def drop() -> None:
            saving.drop()
            then()

        self._ask_to_drop(f"{self._waiting()} {self._saved_later()}", drop)
        return False

    def _let_refusals_go(self, then: Callable[[], None]) -> bool:
        """Asked first whether to drop votes refused and not corrected: "Ja" drops them."""

        def drop() -> None:
            self._refusals.clear()
            if self.let_go(then):  # else it asks about votes waiting for the server
                then()

        self._ask_to_drop(self.trouble(), drop)
        return False

    def _ask_to_drop(self, trouble: str, drop: Callable[[], None]) -> None:
        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Abstimmungen nicht gespeichert"),
            trouble + " " + tr(_CONTEXT, "Trotzdem fortfahren und die Abstimmungen verwerfen?"),
            drop,
        )

    def _refused_named(self) -> str:
        """The votes refused, by item: its label, then each vote's subject or else its kind."""
        minutes = self._minutes()
        labels = {i.item_id: i.label for i in minutes.items} if minutes else {}
        return "; ".join(
            f"{labels.get(item_id, '')}: "
            + ", ".join(d.subject or tr(_CONTEXT, d.mode.label) for d in drafts)
            for item_id, (drafts, _reason) in self._refusals.items()
        )

    def show_refused(self, item_id: int) -> None:
        """The votes of ``item_id`` typed and refused, with the reason, if there are any
        (the item is shown again, or the minutes were read again)."""
        box = self._shown_box(item_id)
        refused = self._refusals.get(item_id)
        if box is not None and refused is not None:
            drafts, reason = refused
            box.show_drafts(drafts)
            box.show_message(reason, warning=False)

    def save(self, drafts: list) -> None:
        """Save the votes of the item shown, in the worker (the counts are checked there)."""
        item = self._current_item()
        if item is None:
            return
        lines = tuple(self._box.lines)
        self.saving.request(VoteRequest(item.item_id, lines, tuple(drafts), item.votes))

    def ask_remove(self, line: VoteLine) -> None:
        """Remove a stored vote from the minutes after asking (a slip loses its counts)."""
        draft = line.draft()
        what = _counts(draft)
        subject = " ".join(draft.subject.split())
        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Abstimmung entfernen"),
            (
                tr(_CONTEXT, "Die Abstimmung „{subject}“ ({what}) aus dem Protokoll entfernen?")
                if subject
                else tr(_CONTEXT, "Die Abstimmung ({what}) aus dem Protokoll entfernen?")
            ).format(subject=subject, what=what),
            lambda: self._box.remove(line),
        )

    def _shown_box(self, item_id: int) -> VotesBox | None:
        """The votes box if it shows the votes of ``item_id``."""
        item = self._current_item()
        return self._box if item is not None and item.item_id == item_id else None

    def _saved(self, request: VoteRequest, saved: SavedVotes) -> None:
        self._refusals.pop(request.item_id, None)
        box = self._shown_box(request.item_id)
        # none of the saved lines shown: the box was read again while the save waited (a
        # save of no votes, the last one removed, has no lines to be missing)
        reread = (
            box is not None
            and bool(request.lines)
            and not any(line in box.lines for line in request.lines)
        )
        if box is not None:
            for line, vote in zip(request.lines, saved.votes, strict=True):
                if line in box.lines:
                    line.stored_as(vote)  # type: ignore[attr-defined]
            box.show_message("\n".join(saved.warnings), warning=True)
        minutes = self._minutes()  # another meeting may be shown by now
        item = (
            next((i for i in minutes.items if i.item_id == request.item_id), None)
            if minutes
            else None
        )
        if item is not None:
            self._changed(replace(item, votes=saved.votes))
        if reread:  # the box was read again while the save waited (a lost server): as stored
            self._reread()

    def _refused(self, request: VoteRequest, error: ExpertenratError) -> None:
        box = self._shown_box(request.item_id)
        conflict = isinstance(error, ConcurrentEditError)
        if box is not None:
            text = _not_taken(error, request.drafts) if conflict else error.message
            if isinstance(error, ConnectionLostError):
                # Tried again by itself, as the text is: not "Bitte prüfen Sie das Netzwerk
                # und versuchen Sie es erneut" (found by review).
                text = f"{self._waiting()} {self._saved_later()}"
            box.show_message(text, warning=False)
        if isinstance(error, ConcurrentEditError):
            self._refusals.pop(request.item_id, None)
            self._reread()
        elif not isinstance(error, ConnectionLostError):  # that one is tried again
            self._refusals[request.item_id] = (request.drafts, error.message)


def _not_taken(error: ConcurrentEditError, drafts: Sequence[VoteDraft]) -> str:
    """The box shows the votes the other PC saved now: what was typed here, to be entered
    again where it holds (it said to reload, which the editor had done, and what was typed
    was gone without a trace; found by a tester)."""
    typed = "; ".join(_typed_line(d) for d in drafts) or tr(_CONTEXT, "keine Abstimmung")
    return tr(
        _CONTEXT,
        "{changed} Sie sehen jetzt die gespeicherten. Ihre Eingabe „{typed}“ ist nicht "
        "gespeichert; bitte tragen Sie sie erneut ein, wenn sie gilt.",
    ).format(changed=error.changed, typed=typed)


def _typed_line(vote: VoteDraft) -> str:
    counts = _counts(vote)
    return f"{vote.subject}: {counts}" if vote.subject else counts


def _counts(vote: VoteDraft) -> str:
    """ "Ja 5 · Nein 0 · Enthaltung 1", an election's line ("Dr. A 6 Stimmen · … –
    gewählt: Dr. A"), or the kind of vote ("einstimmig")."""
    if vote.mode is VoteMode.COUNTED:
        return tr(_CONTEXT, "Ja {yes} · Nein {no} · Enthaltung {abstain}").format(
            yes=vote.yes, no=vote.no, abstain=vote.abstain
        )
    if vote.mode is VoteMode.ELECTION and vote.election is not None:
        return election_line(vote.election, vote.abstain)
    return tr(_CONTEXT, vote.mode.label)
