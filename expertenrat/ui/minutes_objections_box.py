"""Einwände: the objections to circulated minutes (a box of the Genehmigung tab,
:mod:`ui.minutes_approval_panel`), raised with "Einwand erheben …" and decided with
"Berücksichtigen …" (a corrected Fassung) or "Zurückweisen …" (with a reason), or withdrawn
while open with "Zurückziehen …"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QPushButton, QVBoxLayout

from expertenrat.domain.enums import ObjectionState
from expertenrat.domain.minutes_approval import Choice
from expertenrat.domain.minutes_objections import ObjectionDraft, ObjectionRecord
from expertenrat.services.minutes_objections import MinutesObjectionsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_approval_models import ObjectionsTableModel
from expertenrat.ui.objection_dialogs import DecisionDialog, ObjectionDialog
from expertenrat.ui.one_line_table import one_line_table
from expertenrat.ui.record_table import TableOrEmpty
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "MinutesApprovalPanel"


class MinutesObjectionsBox(QGroupBox):
    def __init__(
        self,
        objections: MinutesObjectionsService,
        dialogs: DialogService,
        meeting_id: Callable[[], int | None],
        approving: Callable[[], list[Choice]],
        today: Callable[[], date],
        run: Callable[[Callable[[], object]], bool],
    ) -> None:
        """``meeting_id()`` is the meeting whose minutes are shown, ``approving()`` the
        meetings that may decide, ``run(change)`` makes a change (refusals shown) and
        tells whether it was made."""
        super().__init__(tr(_CONTEXT, "Einwände"))
        self._objections = objections
        self._dialogs = dialogs
        self._meeting_id = meeting_id
        self._approving = approving
        self._today = today
        self._run = run
        self._circulated = False
        self._due_on: date | None = None
        self.dialog: ObjectionDialog | DecisionDialog | None = None

        self.model = ObjectionsTableModel(self)
        self.view = one_line_table(
            self.model,
            [
                [ObjectionsTableModel.COLUMN_REASON, ObjectionsTableModel.COLUMN_ITEM],
                [ObjectionsTableModel.COLUMN_TEXT],
                [ObjectionsTableModel.COLUMN_RAISED_BY],
            ],
            wide=ObjectionsTableModel.COLUMN_TEXT,
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.raise_button = QPushButton(tr(_CONTEXT, "Einwand erheben …"))
        self.accept_button = QPushButton(tr(_CONTEXT, "Berücksichtigen …"))
        self.reject_button = QPushButton(tr(_CONTEXT, "Zurückweisen …"))
        self.withdraw_button = QPushButton(tr(_CONTEXT, "Zurückziehen …"))
        self.withdraw_button.setToolTip(
            tr(
                _CONTEXT,
                "Einen noch nicht entschiedenen Einwand zurückziehen (etwa einen versehentlich "
                "erfassten); er wird in keinem Protokoll genannt. Das Änderungsprotokoll "
                "behält ihn.",
            )
        )
        self.raise_button.clicked.connect(self.raise_objection)
        self.accept_button.clicked.connect(lambda: self.decide(accepting=True))
        self.reject_button.clicked.connect(lambda: self.decide(accepting=False))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.view.setAccessibleName(self.title())  # in the stack, no longer by the box
        self.table = TableOrEmpty(self.view)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        # On more rows where the tab is too narrow for one (the least window, 720 x 480).
        column.addWidget(
            WrappingRow(
                (
                    (self.raise_button,),
                    (self.accept_button, self.reject_button),
                    (self.withdraw_button,),
                ),
                packed_left=True,
            )
        )

    def set_rows(
        self,
        objections: Sequence[ObjectionRecord],
        *,
        circulated: bool,
        why_not: str = "",
        due_on: date | None = None,
    ) -> None:
        """Show ``objections``; they can be raised and decided once the minutes went out
        (``why_not``: why not yet or no longer, for the button's tooltip and in place of
        the empty table; ``due_on``: the deadline a new objection is raised against)."""
        self._circulated = circulated
        self._due_on = due_on
        self.model.set_rows(objections)
        self.raise_button.setToolTip(why_not)
        empty = tr(_CONTEXT, "Keine Einwände erhoben.") if circulated else why_not
        if objections or not empty:
            self.table.show_table()
        else:
            self.table.show_empty(empty)
        self._update_buttons()

    def selected(self) -> ObjectionRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def raise_objection(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            return
        objections = self._objections

        def submit(draft: ObjectionDraft) -> bool:
            return self._run(
                lambda: objections.raise_objection(meeting_id, draft, today=self._today())
            )

        self.dialog = ObjectionDialog(
            objections.attendees(meeting_id),
            objections.items(meeting_id),
            self._today(),
            submit,
            self,
            dialogs=self._dialogs,
            due_on=self._due_on,
        )
        self.dialog.open()

    def decide(self, *, accepting: bool) -> None:
        objection = self.selected()
        if objection is None:
            return
        objections = self._objections

        def submit(dialog: DecisionDialog) -> bool:
            reason = dialog.reason_edit.toPlainText()
            if accepting:
                return self._run(
                    lambda: objections.accept(
                        objection.id,
                        objection.version,
                        dialog.decided_on,
                        in_meeting_id=dialog.meeting_id,
                        passage=dialog.passage_edit.toPlainText(),
                        wording=dialog.wording_edit.toPlainText(),
                        reason=reason,
                        today=self._today(),
                    )
                )
            return self._run(
                lambda: objections.reject(
                    objection.id,
                    objection.version,
                    dialog.decided_on,
                    reason,
                    in_meeting_id=dialog.meeting_id,
                    today=self._today(),
                )
            )

        self.dialog = DecisionDialog(
            objection,
            accepting,
            self._approving(),
            self._today(),
            submit,
            self,
            dialogs=self._dialogs,
        )
        self.dialog.open()

    def withdraw(self) -> None:
        """Withdraw the selected open objection, after asking."""
        objection = self.selected()
        if objection is None:
            return
        objections = self._objections
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Einwand zurückziehen"),
            tr(
                _CONTEXT,
                "Den Einwand von {name} vom {day} zurückziehen? Er wird gelöscht und in "
                "keinem Protokoll genannt; das Änderungsprotokoll behält ihn.",
            ).format(name=objection.raised_by, day=f"{objection.raised_on:%d.%m.%Y}"),
            lambda: self._run(lambda: objections.withdraw(objection.id, objection.version)),
        )

    def _update_buttons(self) -> None:
        selected = self.selected()
        decidable = self._circulated and selected is not None
        decidable = decidable and selected.state is ObjectionState.OPEN  # type: ignore[union-attr]
        self.raise_button.setEnabled(self._circulated)
        self.accept_button.setEnabled(decidable)
        self.reject_button.setEnabled(decidable)
        self.withdraw_button.setEnabled(decidable)
