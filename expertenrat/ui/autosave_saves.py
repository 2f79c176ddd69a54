"""The autosave's saves in the worker: one :class:`Job` per record at a time.

``start`` runs ``save(key, payload, version)`` in the worker thread; it returns the new
version, or a :class:`Conflict` with the other text, and an ``ExpertenratError`` is a
failure with a German message. That goes to the autosave's callbacks: the new version or
the :class:`Conflict` (``finished``); a
failure with its German message, whether the service refused the input (a
``ValidationError``) and whether ``final`` says no retry can mend it (``failed``); and,
once the job is gone and no other save of the record runs, ``ended``: a save that then
neither finished nor failed was a bug (already reported). After a failure the autosave
asks for a retry (``retry_later``): ``retry`` is called ``retry_ms`` later, once however
many saves failed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from expertenrat.domain.errors import ValidationError
from expertenrat.ui.autosave_records import Conflict
from expertenrat.ui.worker import Job

SaveFunction = Callable[[str, dict, "int | None"], "int | Conflict"]
Finished = Callable[[str, "int | Conflict"], None]  # key, new version or conflict
# key, message, refused, final, the error
Failed = Callable[[str, str, bool, bool, "BaseException | None"], None]


class RecordSaves:
    """The saves in flight by record key; ``parent`` owns their jobs."""

    def __init__(
        self,
        save: SaveFunction,
        final: Callable[[BaseException | None], bool],
        parent: QObject,
        *,
        finished: Finished,
        failed: Failed,
        ended: Callable[[str], None],
        retry: Callable[[], None],
        retry_ms: int,
    ) -> None:
        self._save = save
        self._final = final
        self._parent = parent
        self._finished = finished
        self._failed = failed
        self._after = ended
        self.jobs: dict[str, Job] = {}  # the save in flight per key
        self.retry_timer = single_shot(parent, retry_ms, retry)

    def start(self, key: str, payload: dict, version: int | None) -> None:
        save = self._save
        job = Job(lambda _progress: save(key, payload, version), self._parent)
        job.finished.connect(lambda result: self._finished(key, result))
        job.failed.connect(
            lambda message: self._failed(
                key,
                message,
                isinstance(job.error, ValidationError),
                self._final(job.error),
                job.error,
            )
        )
        job.ended.connect(lambda: QTimer.singleShot(0, self._parent, lambda: self._ended(key, job)))
        self.jobs[key] = job
        job.start()

    def _ended(self, key: str, job: Job) -> None:
        """Forget the job; say so once no save of ``key`` runs any more."""
        if self.jobs.get(key) is job:
            del self.jobs[key]
        job.deleteLater()
        if not job.running and self.jobs.get(key) is None:
            self._after(key)

    def retry_later(self) -> None:
        """Call ``retry`` in ``retry_ms`` (unless it is due already)."""
        if not self.retry_timer.isActive():
            self.retry_timer.start()

    def idle(self) -> bool:
        """No save runs, and no retry is due."""
        return not self.running() and not self.retry_timer.isActive()

    def running(self) -> list[Job]:
        return [job for job in self.jobs.values() if job.running]


def single_shot(parent: QObject, interval: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(lambda: slot())
    return timer
