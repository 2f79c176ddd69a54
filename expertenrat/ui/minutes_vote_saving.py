"""The votes of an agenda item saved in the worker, one save at a time, never on a keystroke.

The editor hands over each change of the votes box as a :class:`VoteRequest` (the item, the
vote lines and their drafts, the votes it read). A save runs in a :class:`Job`; a change
made meanwhile waits, newest per item, and is saved next. A vote line saved for the first
time gets its id and version only when that save ends, so a waiting request takes them
over from the save before it (matched by line): it updates the votes just stored instead
of adding them a second time, and the conflict check (``replacing``) compares with them.
A refused save (counts too high) keeps what waits, which may well correct it; a conflict
(another PC changed the votes) drops it, as the editor rereads the votes and shows theirs.
A save that lost the server waits (unless a newer change of the item waits already) and is
tried again after ``retry_ms`` or with the next change, as the minutes' text is: until then
the votes count as unsaved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer, Signal

from expertenrat.domain.errors import (
    ConcurrentEditError,
    ConnectionLostError,
    ExpertenratError,
    ServerBusyError,
)
from expertenrat.domain.votes import Vote, VoteDraft
from expertenrat.services.minutes_votes import SavedVotes
from expertenrat.ui.worker import Job

RETRY_MS = 5000  # as the minutes' text (``ui.autosave``)

SaveVotes = Callable[[int, Sequence[VoteDraft], Sequence[Vote]], SavedVotes]


@dataclass(frozen=True)
class VoteRequest:
    item_id: int
    lines: tuple[object, ...]  # the vote lines (widgets) the drafts were read from
    drafts: tuple[VoteDraft, ...]
    replacing: tuple[Vote, ...]  # the item's votes as the editor read or last saved them

    def after(self, sent: VoteRequest, saved: SavedVotes) -> VoteRequest:
        """This request once ``sent`` is stored as ``saved``: ids and versions taken over."""
        stored = {id(line): vote for line, vote in zip(sent.lines, saved.votes, strict=True)}
        drafts = tuple(
            replace(draft, id=vote.id, version=vote.version)
            if (vote := stored.get(id(line))) is not None
            else draft
            for line, draft in zip(self.lines, self.drafts, strict=True)
        )
        return replace(self, drafts=drafts, replacing=saved.votes)


class VoteSaving(QObject):
    saved = Signal(object, object)  # VoteRequest, SavedVotes
    failed = Signal(object, object)  # VoteRequest, ExpertenratError
    settled = Signal()  # a save ended and the next one, if any, started (or waits a retry)

    def __init__(
        self, save: SaveVotes, parent: QObject | None = None, *, retry_ms: int = RETRY_MS
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.job: Job | None = None
        self._sent: VoteRequest | None = None
        self._waiting: dict[int, VoteRequest] = {}
        self._lost = False  # the save that ended lost the server: wait before the next
        self._offline = False  # since a save lost the server, none has gone through
        self.locked = False  # the last one lost it to a lock: the server is there, busy
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(retry_ms)
        self.retry_timer.timeout.connect(self._next)

    def request(self, request: VoteRequest) -> None:
        """Save ``request`` now, or after the save running (replacing an older wait)."""
        if self.job is None:
            self.retry_timer.stop()  # a change is a retry too
            self._waiting.pop(request.item_id, None)  # an older change of the item left
            self._start(request)
        else:
            self._waiting[request.item_id] = request

    def idle(self) -> bool:
        return self.job is None and not self._waiting

    def waiting_for_server(self) -> bool:
        """A save that lost the server waits to be tried again (or is being tried)."""
        return self._offline

    def drop(self) -> None:
        """Forget the saves waiting for the server (the user lets them go)."""
        self.retry_timer.stop()
        self._waiting.clear()
        self._lost = self._offline = False

    def _start(self, request: VoteRequest) -> None:
        save = self._save
        job = self.job = Job(
            lambda _progress: save(request.item_id, request.drafts, request.replacing), self
        )
        self._sent = request
        job.finished.connect(self._finished)
        job.failed.connect(lambda _message: self._failed(job.error))
        job.ended.connect(self._ended)
        job.start()

    def _finished(self, saved: SavedVotes) -> None:
        sent = self._sent
        assert sent is not None
        self._offline = self._offline and bool(self._waiting)  # the rest waits still
        waiting = self._waiting.get(sent.item_id)
        if waiting is not None:
            self._waiting[sent.item_id] = waiting.after(sent, saved)
        self.saved.emit(sent, saved)

    def _failed(self, error: ExpertenratError | None) -> None:
        sent = self._sent
        assert sent is not None and error is not None
        if isinstance(error, ConcurrentEditError):  # the editor rereads the votes
            self._waiting.pop(sent.item_id, None)
        if isinstance(error, ConnectionLostError):  # tried again, unless newer input waits
            self._waiting.setdefault(sent.item_id, sent)
            self._lost = self._offline = True
            self.locked = isinstance(error, ServerBusyError)
        self.failed.emit(sent, error)

    def _ended(self) -> None:
        # ``ended`` comes before ``finished`` or ``failed``: the next save starts after them.
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        job, self.job, self._sent = self.job, None, None
        if job is not None:
            job.deleteLater()
        if self._lost:
            self._lost = False
            self.retry_timer.start()
        elif self._waiting and self.job is None:
            item_id = next(iter(self._waiting))
            self._start(self._waiting.pop(item_id))
        self.settled.emit()
