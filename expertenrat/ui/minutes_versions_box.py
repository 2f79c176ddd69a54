"""Fassungen: the versions of a meeting's minutes (a box of the Genehmigung tab,
:mod:`ui.minutes_approval_panel`) and "Unterschiede anzeigen", which shows what changed
between the selected version and its predecessor, or between two selected ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes_approval import VersionRecord
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_approval_dialogs import DiffDialog
from expertenrat.ui.minutes_approval_models import VersionsTableModel
from expertenrat.ui.one_line_table import one_line_table
from expertenrat.ui.record_table import TableOrEmpty

_CONTEXT = "MinutesApprovalPanel"


class MinutesVersionsBox(QGroupBox):
    def __init__(
        self,
        service: MinutesApprovalService,
        dialogs: DialogService,
        meeting_id: Callable[[], int | None],
    ) -> None:
        """``meeting_id()`` is the meeting whose minutes are shown."""
        super().__init__(tr(_CONTEXT, "Fassungen"))
        self._service = service
        self._dialogs = dialogs
        self._meeting_id = meeting_id
        self.dialog: DiffDialog | None = None
        self.model = VersionsTableModel(self)
        self.view = one_line_table(self.model, [])
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.selectionModel().selectionChanged.connect(self._update_button)
        self.diff_button = QPushButton(tr(_CONTEXT, "Unterschiede anzeigen"))
        self.diff_button.setToolTip(
            tr(_CONTEXT, "Die gewählte Fassung mit der vorigen vergleichen, oder zwei gewählte")
        )
        self.diff_button.clicked.connect(self.show_diff)
        self.view.setAccessibleName(self.title())  # in the stack, no longer by the box
        self.table = TableOrEmpty(self.view)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.diff_button)
        row.addStretch()
        column.addLayout(row)

    def set_rows(self, versions: Sequence[VersionRecord]) -> None:
        self.model.set_rows(versions)
        if versions:
            self.table.show_table()
        else:
            self.table.show_empty(
                tr(
                    _CONTEXT,
                    "Noch keine Fassung: Die erste wird gespeichert, wenn das Protokoll "
                    "versandt wird.",
                )
            )
        self._update_button()

    def show_diff(self) -> None:
        pair, meeting_id = self._diff_pair(), self._meeting_id()
        if pair is None or meeting_id is None:
            return
        old, new = pair
        try:
            diff = self._service.diff(meeting_id, old, new)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Unterschiede"), error.message)
            return
        title = tr(_CONTEXT, "Unterschiede von Fassung {old} zu Fassung {new}").format(
            old=old, new=new
        )
        self.dialog = DiffDialog(title, diff.text(), self)
        self.dialog.open()

    def _diff_pair(self) -> tuple[int, int] | None:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        numbers = sorted(self.model.row(r).number for r in rows)
        if len(numbers) == 2:
            return numbers[0], numbers[1]
        if len(numbers) == 1 and numbers[0] > 1:
            return numbers[0] - 1, numbers[0]
        return None

    def _update_button(self) -> None:
        self.diff_button.setEnabled(self._diff_pair() is not None)
