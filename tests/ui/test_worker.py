"""The worker: long work off the GUI thread, with progress, failure, bugs and cancelling."""

from __future__ import annotations

import gc
import sys
import threading
import weakref

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import DataEntryError
from expertenrat.ui.worker import Job, start_with_progress

WAIT = 30_000  # ms; generous (a busy machine), the jobs below take milliseconds


def test_a_job_runs_while_the_event_loop_stays_responsive(qtbot):
    timer_fired = threading.Event()
    reports: list[tuple[int, int]] = []

    def work(progress):
        progress(0, 2)
        # Only the GUI thread's event loop can set this: it must keep running meanwhile.
        assert timer_fired.wait(WAIT / 1000)
        progress(2, 2)
        return "im Hintergrund" if threading.current_thread() is not threading.main_thread() else ""

    job = Job(work)
    job.progressed.connect(lambda done, total: reports.append((done, total)))
    QTimer.singleShot(50, timer_fired.set)
    with qtbot.waitSignal(job.finished, timeout=WAIT) as finished:
        job.start()
        assert job.running

    assert finished.args == ["im Hintergrund"]
    assert not job.running
    assert reports[-1] == (2, 2)  # the last report comes before the result


def test_the_worker_thread_is_handed_nothing_of_qt(qtbot):
    # The thread must not touch a QObject's Python wrapper; the work gets a plain callable.
    seen: list[object] = []

    def work(progress):
        seen.append(getattr(progress, "__self__", None))
        return not threading.current_thread().daemon  # the interpreter waits for it at exit

    job = Job(work)
    with qtbot.waitSignal(job.finished, timeout=WAIT) as finished:
        job.start()

    assert finished.args == [True]
    assert not isinstance(seen[0], QObject)


def test_emitting_a_signal_costs_no_reference_of_true(qtbot):
    # PySide6 6.12.0 dropped one reference of True per emit(): a job's many progress signals
    # then aborted the interpreter at exit ("bool_dealloc"). pyproject keeps that version out.
    job = Job(lambda progress: None)
    before = sys.getrefcount(True)
    for _ in range(1000):
        job.ended.emit()
    # Other code may hold a True more or less meanwhile; 6.12.0 lost all 1000.
    assert sys.getrefcount(True) > before - 10


def test_an_expected_error_becomes_its_german_message(qtbot):
    def work(progress):
        raise DataEntryError("Die Datei „a&b.csv“ ist leer.")

    job = Job(work)
    events: list[str] = []
    job.ended.connect(lambda: events.append("ended"))
    job.failed.connect(events.append)
    with qtbot.waitSignal(job.failed, timeout=WAIT), qtbot.assertNotEmitted(job.finished):
        job.start()

    assert events == ["ended", "Die Datei „a&b.csv“ ist leer."]


def test_a_bug_goes_to_the_unexpected_error_path(qtbot, monkeypatch):
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: reported.append(error))

    def work(progress):
        raise ZeroDivisionError("a bug")

    job = Job(work)
    with qtbot.waitSignal(job.ended, timeout=WAIT), qtbot.assertNotEmitted(job.failed):
        job.start()

    assert [type(e) for e in reported] == [ZeroDivisionError]


def test_cancel_stops_the_work_at_its_next_progress_report(qtbot):
    reached = threading.Event()
    go_on = threading.Event()
    steps: list[int] = []

    def work(progress):
        for step in range(10):
            progress(step, 10)
            steps.append(step)
            reached.set()
            assert go_on.wait(WAIT / 1000)
        return "done"

    job = Job(work)
    with (
        qtbot.waitSignal(job.cancelled, timeout=WAIT),
        qtbot.assertNotEmitted(job.finished),
    ):
        job.start()
        assert reached.wait(WAIT / 1000)
        job.cancel()
        go_on.set()

    assert steps == [0]


def test_a_job_may_use_the_database_from_the_worker_thread(qtbot, services):
    def work(progress):
        return services.settings.create_council(CouncilSettings(None, "Rat", "Rostock")).id

    job = Job(work)
    with qtbot.waitSignal(job.finished, timeout=WAIT) as finished:
        job.start()

    assert [c.id for c in services.settings.councils()] == finished.args


def test_a_job_kept_after_its_end_no_longer_holds_its_result(qtbot):
    """A job its parent keeps (or a handler that holds it) held the result of its work to
    the program's end: a PDF of megabytes per use in a window left open all week (found
    by a tester)."""

    class Rendered:  # a result that can tell when it is gone
        pass

    parent = QObject()
    job = Job(lambda _progress: Rendered(), parent)
    with qtbot.waitSignal(job.finished, timeout=WAIT) as finished:
        job.start()
    result = weakref.ref(finished.args[0])
    del finished

    gc.collect()
    assert result() is None
    assert job.parent() is parent and job.join(0)  # the job itself is still there


def test_a_running_job_cannot_be_started_twice(qtbot):
    release = threading.Event()
    job = Job(lambda progress: release.wait(WAIT / 1000))
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        job.start()
        with pytest.raises(RuntimeError):
            job.start()
        release.set()


def test_the_progress_dialog_shows_progress_and_abbrechen_cancels(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    reported = threading.Event()
    go_on = threading.Event()

    def work(progress):
        progress(3, 10)
        reported.set()
        assert go_on.wait(WAIT / 1000)
        progress(4, 10)

    job = Job(work)
    dialog = start_with_progress(job, parent, "Mitglieder importieren", "Die Datei wird geprüft …")
    assert dialog.isVisible() and dialog.labelText() == "Die Datei wird geprüft …"
    qtbot.waitUntil(lambda: dialog.value() == 3, timeout=WAIT)
    assert dialog.maximum() == 10

    with qtbot.waitSignal(job.cancelled, timeout=WAIT):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        assert dialog.labelText() == "Wird abgebrochen …"
        go_on.set()

    assert not dialog.isVisible()


def _start_under_a_dialog_only_its_slot_keeps(qtbot) -> Job:
    """A job under a parentless dialog that Python owns and only a lambda on the job's
    signal keeps alive once this function returns."""
    dialog = QDialog()
    job = Job(lambda _progress: 42, dialog)
    job.finished.connect(lambda value: dialog.setWindowTitle(str(value)))
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        start_with_progress(job, dialog, "Mitglied speichern", "Wird gespeichert …")
    return job


def test_a_job_under_a_dialog_its_slot_keeps_is_deleted_once(qtbot):
    """The dialog died inside the job's destructor and deleted the job a second time: a
    segfault after a member dialog's save in the tests (found by a helper)."""
    job = _start_under_a_dialog_only_its_slot_keeps(qtbot)
    QApplication.processEvents()
    QApplication.processEvents()

    assert not shiboken6.isValid(job)  # deleted once its work ended, and only once


def test_a_job_behind_the_progress_dialog_is_deleted_when_it_ends(qtbot):
    """Its parent, a page open all day, kept every job it ever started."""
    parent = QWidget()
    qtbot.addWidget(parent)
    job = Job(lambda _progress: 42, parent)
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        start_with_progress(job, parent, "Exportieren", "Die Datei wird erstellt …")
    QApplication.processEvents()

    assert not shiboken6.isValid(job) and shiboken6.isValid(parent)
