"""The server dialog's check in the background (:class:`ServerChoice`)."""

from __future__ import annotations

from live_jobs import live_jobs
from PySide6.QtWidgets import QWidget
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
