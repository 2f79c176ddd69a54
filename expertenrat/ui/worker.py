"""Long work off the GUI thread: a job with progress, cancellation and a German failure message.

Every export, print render, import or backup that can take longer than a blink runs as a
:class:`Job`: ``work(progress)`` runs in a thread of its own while the window stays
responsive. The worker thread touches no Qt object, not even the job (a QObject): it only
leaves its progress and its outcome in two attributes of a plain ``_Run``, which the GUI
thread polls every ``POLL_MS``; so every signal of the job is emitted on the GUI thread.
The thread is no daemon: the interpreter waits for it at exit instead of freezing it while
it holds Python objects; only work that merely reads, whose result nobody needs once the
program ends, may run in a daemon thread (``daemon=True``: a poll stuck on a hung server
must not keep the program alive). ``progress(done, total)`` reports how far the
work is and raises :class:`~expertenrat.domain.progress.Cancelled` once the user has asked to
stop, so the work ends where it is (a service rolls its transaction back). The work opens its
own database sessions (the services do, per call) in the worker thread.

An :class:`ExpertenratError` becomes ``failed(message)``; any other exception is a bug and
goes to ``sys.excepthook``, the application's unexpected-error dialog.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.progress import Cancelled, Progress
from expertenrat.ui.i18n import tr

_CONTEXT = "Worker"
POLL_MS = 50
THREAD_NAME = "expertenrat-job"


class _Run:
    """One run of a job's work: everything the worker thread touches, and nothing of Qt.

    The thread sees only this plain object (never the :class:`Job`, a QObject): it sets
    ``reported`` and ``outcome``, which the GUI thread reads when it polls.
    """

    def __init__(self, work: Callable[[Progress], object], daemon: bool) -> None:
        self.work = work
        self.stop = threading.Event()
        self.reported: tuple[int, int] | None = None
        self.outcome: tuple[str, object] | None = None
        self.thread = threading.Thread(target=self.run, name=THREAD_NAME, daemon=daemon)

    def run(self) -> None:
        """The body of the worker thread."""
        try:
            self.outcome = ("finished", self.work(self.progress))
        except Cancelled as stop:
            self.outcome = ("cancelled", stop)
        except ExpertenratError as error:
            self.outcome = ("failed", error)
        except Exception:  # a bug: shown on the GUI thread by the unexpected-error path
            self.outcome = ("crashed", sys.exc_info())

    def progress(self, done: int, total: int) -> None:
        if self.stop.is_set():
            raise Cancelled
        self.reported = (done, total)


class Job(QObject):
    """One piece of long work; start it once and listen to its signals."""

    progressed = Signal(int, int)  # done, total
    ended = Signal()  # first of all, whichever way the work ended
    finished = Signal(object)  # the work's result
    failed = Signal(str)  # the German message of an expected error
    cancelled = Signal()

    def __init__(
        self,
        work: Callable[[Progress], object],
        parent: QObject | None = None,
        *,
        daemon: bool = False,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._daemon = daemon  # see the module
        self._run: _Run | None = None
        self._shown: tuple[int, int] | None = None
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self.running = False
        self.error: ExpertenratError | None = None  # behind the last ``failed``
        self.stop: Cancelled | None = None  # behind the last ``cancelled`` (what was done)

    def start(self) -> None:
        if self.running:
            raise RuntimeError("the job is already running")
        self.running = True
        self._shown = None
        self._run = _Run(self._work, self._daemon)
        self._poll_timer.start()
        self._run.thread.start()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the work's thread has ended (at shutdown, before the database closes),
        at most ``timeout`` seconds; ``False``: it still runs."""
        if self._run is None:
            return True
        self._run.thread.join(timeout)
        return not self._run.thread.is_alive()

    def deliver(self) -> None:
        """Emit the outcome now if the work has ended but the poll has not yet seen it (before
        the job is deleted: a result the next poll would have handed on, such as a connection
        to close, is not dropped)."""
        if self.running and self._run is not None and self._run.outcome is not None:
            self._poll()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        if self._run is not None:
            self._run.stop.set()

    def _poll(self) -> None:
        run = self._run
        assert run is not None
        reported, outcome = run.reported, run.outcome
        if reported is not None:
            done, total = reported
            shown = (done * 100 // total if total else 0, total)
            if shown != self._shown:  # at most one report per percent
                self._shown = shown
                self.progressed.emit(done, total)
        if outcome is None:
            return
        self._poll_timer.stop()
        run.thread.join()
        # The run is over: a job kept after it (by its parent, or by a handler that holds
        # it) keeps neither the result, perhaps a PDF of megabytes, nor the thread.
        self._run = None
        self.running = False
        kind, value = outcome
        self.ended.emit()
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "failed":
            self.error = value  # type: ignore[assignment]
            self.failed.emit(self.error.message)  # type: ignore[union-attr]
        elif kind == "cancelled":
            self.stop = value  # type: ignore[assignment]
            self.cancelled.emit()
        else:
            sys.excepthook(*value)  # type: ignore[misc]


def start_with_progress(job: Job, parent: QWidget, title: str, label: str) -> QProgressDialog:
    """Start ``job`` behind a progress dialog whose "Abbrechen" cancels it.

    The dialog is window-modal but never blocks (``open()``); it closes when the job ends,
    and the job is deleted then (its ``finished``, ``failed`` or ``cancelled`` still follows):
    a caller's ``self.job`` keeps its Python attributes (``running``, ``error``, ``stop``) but
    no Qt method may be called on it after its end.
    """
    dialog = QProgressDialog(label, tr(_CONTEXT, "Abbrechen"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def cancel() -> None:
        dialog.setLabelText(tr(_CONTEXT, "Wird abgebrochen …"))
        job.cancel()

    def close() -> None:
        dialog.hide()
        dialog.deleteLater()

    def dispose() -> None:
        # Out of its parent first: a parent that only the job's slots keep alive (a lambda
        # holding a Python-owned dialog) would die inside the job's destructor and delete
        # the job a second time, a crash; without a parent the job dies exactly once.
        job.setParent(None)
        job.deleteLater()

    job.progressed.connect(show_progress)
    dialog.canceled.connect(cancel)
    job.ended.connect(close)
    job.ended.connect(dispose)
    dialog.open()
    job.start()
    return dialog
