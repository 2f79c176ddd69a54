"""Approving minutes in the background (:class:`MinutesApproving`)."""

from __future__ import annotations

from datetime import date

from live_jobs import live_jobs
from PySide6.QtWidgets import QDialog, QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.ui.minutes_approving import MinutesApproving

TODAY = date(2026, 4, 20)


class _Refusing:
    """An approval service that refuses every approval, as a lost server does."""

    def approval_question(self, meeting_id: int, in_meeting: int) -> str:
        return ""  # the approving meeting's agenda has its item: nothing to ask

    def approve(self, *args, **kwargs):
        raise ExpertenratError("Der Server ist nicht erreichbar.")


def test_an_approval_refused_again_and_again_keeps_no_job_behind(qtbot, dialogs, finish_job):
    """Each approval refused (and each one made) kept its job and the approval dialog in
    memory until the program ended: the handler of the job's ``failed`` held the job, and
    Qt holds the handler (found by a helper)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    reread = []
    approving = MinutesApproving(
        _Refusing(),
        dialogs,
        parent,
        today=lambda: TODAY,
        reread=lambda: reread.append(True),
        approved=lambda: None,
    )
    before = live_jobs()

    for _run in range(3):
        dialog = QDialog(parent)
        approving._ask_then_approve(dialog, 1, 2, TODAY)
        finish_job(approving)
        dialog.deleteLater()

    assert dialogs.warnings() == ["Der Server ist nicht erreichbar."] * 3
    assert len(reread) == 3
    assert live_jobs() - before <= 1  # the last one, until the next
