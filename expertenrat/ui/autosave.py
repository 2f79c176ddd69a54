"""Autosave: nothing typed is lost, and typing never waits for the database.

An editor reports every change of a record as a full snapshot, ``edit(key, payload)`` (a
key such as ``"item:12"``, a payload of JSON values). That call only remembers the snapshot
and restarts a timer: the save runs ``DELAY_MS`` after the user stops typing (at the
latest ``MAX_WAIT_S`` after the first unsaved change while the user keeps typing), at once
on ``save_now`` (focus leaves a field, another item is shown) and on ``flush`` (another
meeting, area or council, closing). Saves run in the worker, one at a time per record
(:mod:`autosave_saves`); text typed meanwhile waits and is saved next.

Unsaved text also goes to a local recovery file (:mod:`autosave_recovery`), written in the
worker shortly after the keystroke (:mod:`autosave_recovery_writes`) and synchronously on
``flush``; it is removed once the database has the text. A failed save (a lost server, a
locked file) keeps the text in the editor and in that file (a file that cannot be written
either, on a full disk, the line and ``indicator.unkept`` say) and is tried again every
``RETRY_MS``; input the service refuses (a ``ValidationError``: an end before the start, an
invisible character) is saved again once it is edited, and the line says so. So is text
whose failure ``final`` says no retry can mend (minutes approved meanwhile, or an item
deleted, perhaps on another PC): kept, not retried, and reported by ``gave_up``; the editor
may ``drop`` it once the user has seen it. A conflict (another PC saved the record since it
was read) stops saving that record until the editor calls :meth:`Autosave.resolve` with the
user's choice, or :meth:`Autosave.resolve_merged` with both changes where they touch other
fields: it is never overwritten silently.

The indicator text is "gespeichert · 16:42:05", "wird gespeichert …" or the error
(``indicator``; :mod:`autosave_records`: what is kept per record, and that text).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from expertenrat.domain.errors import StorageError
from expertenrat.ui.autosave_records import Conflict, Indicator, RecordState
from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore
from expertenrat.ui.autosave_recovery_writes import RecoveryWrites
from expertenrat.ui.autosave_saves import RecordSaves, SaveFunction, single_shot
from expertenrat.ui.i18n import tr
from expertenrat.ui.worker import Job

_CONTEXT = "Autosave"
DELAY_MS = 1000  # after the last keystroke: with the save itself well within 2 s
MAX_WAIT_S = 5.0  # someone who never pauses still gets a save this often
RETRY_MS = 5000


class Autosave(QObject):
    status_changed = Signal(str)
    saved = Signal(str, int)  # key, new version
    conflicted = Signal(str, object, object)  # key, my payload, their payload
    replaced = Signal(str, object)  # key, the payload the user chose over the typed one
    gave_up = Signal(str, object, object)  # key, the unsaved payload, the ``final`` error

    def __init__(
        self,
        save: SaveFunction,
        recovery: RecoveryStore,
        parent: QObject | None = None,
        *,
        delay_ms: int = DELAY_MS,
        retry_ms: int = RETRY_MS,
        clock: Callable[[], datetime] = datetime.now,
        final: Callable[[BaseException | None], bool] = lambda _error: False,
    ) -> None:
        super().__init__(parent)
        self.recovery = recovery
        self._clock = clock
        self._records: dict[str, RecordState] = {}
        self._number = 0
        self._unsaved_since: float | None = None
        self.indicator = Indicator(self._records, recovery.unwritten)
        self._writes = RecoveryWrites(recovery, self._unsaved_entry, self._update_status, self)
        self.saves = RecordSaves(
            save,
            final,  # the error of a failed save is one no retry can mend
            self,
            finished=self._finished,
            failed=self._failed,
            ended=self._ended,
            retry=self.save_now,
            retry_ms=retry_ms,
        )
        self._timer = single_shot(self, delay_ms, self.save_now)

    # --- what the editor calls ----------------------------------------------------------

    def track(self, key: str, version: int | None, meta: dict | None = None) -> None:
        """The stored version of a record as just read (kept while text of it is unsaved)."""
        record = self._records.setdefault(key, RecordState())
        if meta is not None:
            record.meta = meta
        if record.unsaved is None and record.conflict is None:
            record.version = version

    def edit(self, key: str, payload: dict) -> None:
        """A keystroke: remember the snapshot and restart the timer; nothing more."""
        record = self._records.get(key)
        if record is None:
            record = self._records[key] = RecordState()
        self._number += 1
        was_clean = record.unsaved is None
        record.pending = (payload, self._number)
        self._writes.mark(key, self._number)  # the entry is built when it is written
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        if not self._timer.isActive() or now - self._unsaved_since < MAX_WAIT_S:
            self._timer.start()
        if was_clean:
            self._update_status()

    def save_now(self, key: str | None = None) -> None:
        """Start the saves of ``key`` (or of every record) that wait, without delay."""
        if key is None:
            self._timer.stop()
            self._unsaved_since = None
        for name in [key] if key is not None else list(self._records):
            self._start(name)

    def flush(self) -> None:
        """Before a meeting, area or council switch or closing: the unsaved text goes to the
        recovery file now (synchronously) and every waiting save starts."""
        for key, record in self._records.items():
            unsaved = record.unsaved
            if unsaved is not None:
                self.recovery.write(record.entry(key, unsaved[0]), unsaved[1])
        self.save_now()

    def unsaved_payload(self, key: str) -> dict | None:
        """The text of ``key`` the database does not have yet (show it instead of the stored)."""
        record = self._records.get(key)
        return record.unsaved[0] if record is not None and record.unsaved else None

    def label_of(self, key: str) -> str:
        """The label the editor gave the record (``track``'s ``meta``), or ""."""
        record = self._records.get(key)
        return str((record.meta or {}).get("label") or "") if record is not None else ""

    def conflict_of(self, key: str) -> Conflict | None:
        record = self._records.get(key)
        return record.conflict if record is not None else None

    def is_busy(self) -> bool:
        """Text waits or is being saved (or waits for a retry or a conflict decision)."""
        return any(r.unsaved is not None for r in self._records.values())

    def resolve(self, key: str, keep_mine: bool) -> None:
        """The user's answer to a conflict: save the typed text over theirs, or take theirs."""
        record = self._records[key]
        if record.conflict is None:
            return
        theirs, record.version = record.conflict.theirs, record.conflict.version
        record.conflict = None
        if keep_mine:
            self._start(key)
        else:
            self._forget(key, record)
            self.replaced.emit(key, theirs)
        self._update_status()

    def resolve_merged(self, key: str, payload: dict) -> None:
        """A conflict settled without a question: ``payload`` holds both sides' changes
        (each changed other fields) and is saved over theirs."""
        record = self._records[key]
        if record.conflict is None:
            return
        record.version, record.conflict = record.conflict.version, None
        self._number += 1
        record.pending = (payload, self._number)
        self._start(key)
        self._update_status()

    def adopt(self, entry: RecoveryEntry) -> None:
        """Save recovered text (the editor has ``track``-ed the stored version first)."""
        record = self._records.setdefault(entry.key, RecordState())
        record.meta = entry.meta
        self._number += 1
        record.pending = (entry.payload, self._number)
        self._start(entry.key)

    def drop(self, key: str) -> None:
        """Forget the unsaved text of ``key`` that no save can store (``gave_up``), after the
        user has seen it: off the record and out of the recovery file, now."""
        record = self._records.get(key)
        if record is None or record.in_flight is not None:
            return
        record.pending, record.error = None, ""
        self._number += 1
        self._writes.remove_now(key, self._number)
        self._update_status()

    def discard(self, entry: RecoveryEntry) -> None:
        """Drop recovered text the user does not want (or the database has already)."""
        self._number += 1
        self.recovery.remove(entry.key, self._number)

    # --- the indicator ------------------------------------------------------------------

    def _update_status(self) -> None:
        if self.indicator.changed():
            self.status_changed.emit(self.indicator.shown)

    # --- saving -------------------------------------------------------------------------

    def _start(self, key: str) -> None:
        record = self._records.get(key)
        if record is None or record.pending is None or record.in_flight is not None:
            return
        if record.conflict is not None:
            return
        record.in_flight, record.pending = record.pending, None
        self.saves.start(key, record.in_flight[0], record.version)
        self._update_status()

    def _finished(self, key: str, result: int | Conflict) -> None:
        record = self._records[key]
        done, record.in_flight = record.in_flight, None
        if isinstance(result, Conflict):
            record.conflict = result
            record.pending = record.pending or done
            self._update_status()
            assert record.pending is not None
            self.conflicted.emit(key, record.pending[0], result.theirs)
            return
        record.version, record.error = result, ""
        self.indicator.last_saved = self._clock()
        if record.pending is not None:
            if not self._timer.isActive():
                self._start(key)
        elif done is not None:
            self._writes.mark(key, -done[1])  # negative: remove, unless newer text came
        self._update_status()
        self.saved.emit(key, result)

    def _failed(
        self,
        key: str,
        message: str,
        refused: bool = False,
        final: bool = False,
        error: BaseException | None = None,
    ) -> None:
        record = self._records[key]
        # A save tried again by itself says the case, not "versuchen Sie es erneut"
        # (found by a tester).
        case = error.case if isinstance(error, StorageError) else ""
        record.error, record.refused, record.final = case or message, refused, final
        newer = record.pending is not None  # typed while the save ran
        record.pending = record.pending or record.in_flight
        record.in_flight = None
        if not (refused or final):
            self.saves.retry_later()
        elif newer and not self._timer.isActive():
            self._start(key)  # refused input is saved again once edited: it was
        self._update_status()
        if final and record.pending is not None:
            self.gave_up.emit(key, record.pending[0], error)

    def _ended(self, key: str) -> None:
        """A save that neither finished nor failed was a bug (already reported): retry."""
        if self._records[key].in_flight is not None:
            self._failed(key, tr(_CONTEXT, "Beim Speichern ist ein Programmfehler aufgetreten."))

    def _forget(self, key: str, record: RecordState) -> None:
        record.pending = None
        self._number += 1
        self._writes.mark(key, -self._number)

    # --- the recovery file --------------------------------------------------------------

    def _unsaved_entry(self, key: str) -> tuple[RecoveryEntry, int] | None:
        return self._records[key].unsaved_entry(key)

    def idle(self) -> bool:
        """No save or recovery write runs, and none is due on a timer."""
        return self.saves.idle() and self._writes.idle() and not self._timer.isActive()

    def running_jobs(self) -> list[Job]:
        """The saves and the recovery write still running (tests wait for them)."""
        jobs = self.saves.running()
        if self._writes.job is not None:
            jobs.append(self._writes.job)
        return jobs
