"""The server dialog's check in the background (:class:`ServerChoice`)."""

from __future__ import annotations

import socket

from live_jobs import live_jobs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.engine import make_url

from expertenrat.ui.server_choice import ServerChoice
from expertenrat.ui.worker import Job

UNREACHABLE = make_url("postgresql+psycopg://geschaeftsstelle:geheim@127.0.0.1:1/ratsdaten")


def test_a_server_checked_again_and_again_keeps_no_job_behind(qtbot, dialogs, finish_job):
    """Each server checked (a typo, a password mistyped) stayed in memory until the program
    ended: a lambda on the job's own signal held the job, Qt holds the lambda, and the
    choice kept it as well (found by a helper)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    choice = ServerChoice("Mit Server verbinden", parent, dialogs)
    refused = []
    choice.failed.connect(lambda url, error: refused.append(error.message))
    before = live_jobs()

    for _run in range(3):
        choice.check(UNREACHABLE, False)
        finish_job(choice)

    assert len(refused) == 3 and "nicht erreichbar" in refused[0]
    assert live_jobs() - before <= 1  # the last one, until the next
    assert choice.findChildren(Job) == []


def test_only_the_newest_check_is_reported_and_none_cancelled(qtbot, dialogs):
    """Esc closed the progress dialog while the check waited for a server that does not
    answer (up to the connect timeout); another address checked meanwhile, the first
    check's end was reported too, after Esc and with the second one's error (found by a
    helper)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    choice = ServerChoice("Mit Server verbinden", parent, dialogs)
    reported = []
    choice.failed.connect(lambda url, error: reported.append((url.port, error.message)))
    choice.checked.connect(lambda url, *_rest: reported.append((url.port, "")))
    with socket.socket() as listener:  # a "server" that takes the call and never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        silent = UNREACHABLE.set(port=listener.getsockname()[1])
        choice.check(silent, False)
        first = choice.job
        (progress,) = parent.findChildren(QProgressDialog)
        qtbot.waitUntil(progress.isVisible)
        qtbot.keyClick(progress, Qt.Key.Key_Escape)
        assert first.running and not progress.isVisible()

        choice.check(UNREACHABLE, False)
        qtbot.waitUntil(lambda: not first.running and not choice.job.running, timeout=60_000)

    assert len(reported) == 1, reported
    port, message = reported[0]
    assert port == 1 and "127.0.0.1:1" in message
