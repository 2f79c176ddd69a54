"""Approving a meeting's minutes from the Genehmigung tab (:mod:`ui.minutes_approval_panel`):
the dialog choosing the approving meeting and day, the question where that meeting's
agenda has no item approving these minutes, and the approval rendered and frozen in the
background (two PDFs of a long meeting take seconds: the window must not freeze).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from expertenrat.domain.errors import QuestionChangedError
from expertenrat.domain.minutes_approval import Choice, MinutesStatus, VersionRecord
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_approval_dialogs import ApproveDialog
from expertenrat.ui.refusals import attempt
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "MinutesApprovalPanel"


class MinutesApproving:
    """Ask for the approving meeting and day, then approve in a job; ``reread()`` shows
    the tab as now, ``approved()`` tells the page (after the tab is reread)."""

    def __init__(
        self,
        approval: MinutesApprovalService,
        dialogs: DialogService,
        parent: QWidget,
        *,
        today: Callable[[], date],
        reread: Callable[[], None],
        approved: Callable[[], None],
    ) -> None:
        self._approval = approval
        self._dialogs = dialogs
        self._parent = parent
        self._today = today
        self._reread = reread
        self._approved = approved
        self.dialog: ApproveDialog | None = None
        self.job: Job | None = None  # the approval, rendered in the background

    def ask(self, meeting_id: int, status: MinutesStatus | None, approving: list[Choice]) -> None:
        """Open the dialog choosing the approving meeting (``approving``) and day."""
        dialog = ApproveDialog(
            status.approving(approving) if status else [],
            lambda in_meeting, on: self._ask_then_approve(dialog, meeting_id, in_meeting, on),
            self._parent,
            today=self._today(),
            earliest=status.earliest_approval() if status else None,
            warning=status.change_note() if status else "",
        )
        self.dialog = dialog
        dialog.open()

    def _ask_then_approve(
        self, dialog: ApproveDialog, meeting_id: int, in_meeting: int, on: date, lead: str = ""
    ) -> bool:
        """Ask first where the approving meeting's agenda has no item approving these
        minutes ("Nein": the dialog stays; ``lead`` says why it asks again), then approve
        (:meth:`_approve_in_background`). Returns ``False``: the dialog is closed by it."""
        title = tr(_CONTEXT, "Genehmigung des Protokolls")
        question: list[str] = []
        if not attempt(
            self._dialogs,
            dialog,
            title,
            lambda: question.append(self._approval.approval_question(meeting_id, in_meeting)),
        ):
            return False
        if not question[0]:
            return self._approve_in_background(dialog, meeting_id, in_meeting, on, "")
        self._dialogs.question(
            dialog,
            title,
            f"{lead} {question[0]}" if lead else question[0],
            lambda: self._approve_in_background(dialog, meeting_id, in_meeting, on, question[0]),
        )
        return False

    def _approve_in_background(
        self, dialog: ApproveDialog, meeting_id: int, in_meeting: int, on: date, asked: str
    ) -> bool:
        """Render and store the approved PDFs in a job; the dialog closes once they are
        stored, and stays with a refusal, or asks again where the question ``asked``
        (answered "Ja") changed meanwhile. Returns ``False``: the dialog is closed by the
        job."""
        if self.job is not None and self.job.running:
            return False
        title = tr(_CONTEXT, "Genehmigung des Protokolls")
        approve = self._approval.approve
        today = self._today()
        # ``refused`` reads the job as ``self.job``: holding ``job`` on the job's own signal
        # (Qt holds the handler), each approval kept its job and this dialog to the end.
        self.job = Job(
            lambda _progress: approve(meeting_id, in_meeting, on, today=today, asked=asked)
        )

        def stored(record: VersionRecord) -> None:
            dialog.done(QDialog.DialogCode.Accepted)
            self._reread()
            self._approved()
            if record.agenda_note:  # an approval item left on a later agenda
                self._dialogs.information(self._parent, title, record.agenda_note)

        def refused(message: str) -> None:
            self._reread()
            error = self.job.error if self.job is not None else None
            if isinstance(error, QuestionChangedError):  # the agenda changed meanwhile
                self._ask_then_approve(dialog, meeting_id, in_meeting, on, error.changed)
                return
            self._dialogs.warning(dialog, title, message)

        self.job.finished.connect(stored)
        self.job.failed.connect(refused)
        progress = start_with_progress(
            self.job,
            dialog,
            title,
            tr(_CONTEXT, "Das Protokoll wird als PDF gespeichert und eingefroren …"),
        )
        progress.setCancelButton(None)  # the approval is one transaction: it cannot stop
        return False
