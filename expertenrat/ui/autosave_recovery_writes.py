"""The autosave's writes to the recovery file (:mod:`autosave_recovery`), off the GUI thread.

A changed record is marked with its running number (negative: its entry is to be removed)
and written ``RECOVERY_MS`` later in the worker, the marks of that time in one batch and
one batch at a time; what is marked while a batch runs waits for the next. The entry of a
record is built when it is written (``unsaved(key)``: its newest unsaved text, or None),
so a burst of keystrokes costs one write.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore
from expertenrat.ui.worker import Job

RECOVERY_MS = 300

UnsavedEntry = Callable[[str], "tuple[RecoveryEntry, int] | None"]


class RecoveryWrites(QObject):
    def __init__(
        self,
        store: RecoveryStore,
        unsaved: UnsavedEntry,
        written: Callable[[], None],
        parent: QObject,
    ) -> None:
        """``written()``: a batch ended (written or not: see ``store.unwritten``)."""
        super().__init__(parent)
        self._store = store
        self._unsaved = unsaved
        self._after_batch = written
        self._marks: dict[str, int] = {}  # key → running number; negative: remove
        self.job: Job | None = None  # the write running, if any
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOVERY_MS)
        self._timer.timeout.connect(lambda: self._write())

    def mark(self, key: str, number: int) -> None:
        """The text of ``key`` changed: write it soon (a negative ``number``: remove it)."""
        self._marks[key] = number
        if not self._timer.isActive():
            self._timer.start()

    def remove_now(self, key: str, number: int) -> None:
        """Remove the entry of ``key`` now, in this thread; a write still due is dropped."""
        self._marks.pop(key, None)
        self._store.remove(key, number)

    def idle(self) -> bool:
        """No write runs, is marked or is due on the timer."""
        return self.job is None and not self._marks and not self._timer.isActive()

    def _write(self) -> None:
        """Write the marked entries in the worker, one batch at a time."""
        if self.job is not None:
            self._timer.start()
            return
        batch: list[tuple[str, RecoveryEntry | None, int]] = []
        for key, number in self._marks.items():
            if number < 0:  # a removal
                batch.append((key, None, -number))
            elif (unsaved := self._unsaved(key)) is not None:
                batch.append((key, *unsaved))
        self._marks = {}
        if not batch:
            return
        store = self._store

        def work(_progress: object) -> None:
            for key, entry, number in batch:
                if entry is None:
                    store.remove(key, number)
                else:
                    store.write(entry, number)

        job = self.job = Job(work, self)
        job.ended.connect(self._written)
        job.start()

    def _written(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
            self.job = None
        self._after_batch()
