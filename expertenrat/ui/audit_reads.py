"""Reading the pages of the Änderungsprotokoll without freezing the window.

A search for a text looks through the descriptions one by one (the database cannot fold
them as the search does, see :mod:`~expertenrat.services.audit_reading`): where few
entries match, through the whole trail, seconds for tens of thousands of entries (found by
review: 5.8 s for 50,000, the window frozen). Such a read runs in the worker; the newest
request wins: an earlier read still running is told to stop, and what it found is dropped.
A read without a text (the database filters it, a page at a time) is done at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.audit_reading import AuditFilter, AuditPage, AuditService
from expertenrat.ui.worker import Job


class AuditReads(QObject):
    def __init__(
        self, audit: AuditService, failed: Callable[[str], None], parent: QObject | None = None
    ) -> None:
        """``failed(message)``: the newest read could not be done."""
        super().__init__(parent)
        self._audit = audit
        self._failed = failed
        self.job: Job | None = None  # the newest request's search, while it runs

    def idle(self) -> bool:
        """No search runs whose page is still to be shown."""
        return self.job is None

    def read(
        self,
        wanted: AuditFilter,
        limit: int | None,
        before_id: int | None,
        show: Callable[[AuditPage], None],
    ) -> None:
        """Read the page of ``wanted`` (see ``AuditService.search``) and ``show`` it, at
        once without a text, else when the worker has it, unless another read came first."""
        self.drop()
        if not wanted.text.strip():
            try:
                page = self._audit.search(wanted, limit, before_id)
            except ExpertenratError as error:
                self._failed(error.message)
                return
            show(page)
            return
        search = self._audit.search
        # Only reads: a hung server must not keep the ending program alive (see worker).
        job = self.job = Job(
            lambda progress: search(wanted, limit, before_id, progress), self, daemon=True
        )
        job.finished.connect(lambda page: self._newest(job) and show(page))
        job.failed.connect(lambda message: self._newest(job) and self._failed(message))
        job.ended.connect(job.deleteLater)  # its finished or failed still follows
        job.start()

    def drop(self) -> None:
        """Stop the search that runs, if any: what it finds is not shown."""
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _newest(self, job: Job) -> bool:
        """Whether ``job`` is the newest request's (which is then no longer running)."""
        if job is not self.job:
            return False
        self.job = None
        return True
