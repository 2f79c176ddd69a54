"""The guests of a meeting on the attendance tab: a table, and the dialog for one guest
(:mod:`ui.guest_dialog`).

Guests never count for the quorum. A guest marked "nur im nichtöffentlichen Teil anwesend"
is left out of the public minutes and of all that publishes them; one marked "digital
zugeschaltet" is named so in the minutes. The box saves through the attendance service
itself and emits ``changed`` after each saved change.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.attendance_sheet import AttendanceEntry, GuestEntry
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.attendance import AttendanceService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.guest_dialog import GuestDialog
from expertenrat.ui.i18n import tr
from expertenrat.ui.one_line_table import one_line_table
from expertenrat.ui.record_selection import select_after_removal, selected_row
from expertenrat.ui.row_moves import focus_to_rows
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "AttendanceGuests"


def _taking_part(guest: GuestEntry) -> str:
    """ "digital", "nur nichtöffentlich", both, or empty (in the room, the whole meeting)."""
    marks = (
        tr(_CONTEXT, "digital") if guest.digital else "",
        tr(_CONTEXT, "nur nichtöffentlich") if guest.non_public_only else "",
    )
    return ", ".join(m for m in marks if m)


class GuestsTableModel(RowsTableModel):
    COLUMN_NAME, COLUMN_ORGANISATION, COLUMN_ROLE, COLUMN_PART = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                Column(tr(_CONTEXT, "Name"), lambda g: g.name),
                Column(tr(_CONTEXT, "Institution"), lambda g: g.organisation),
                Column(tr(_CONTEXT, "Rolle"), lambda g: g.role),
                Column(tr(_CONTEXT, "Teilnahme"), _taking_part),
            ),
            parent,
        )


GUEST_ROWS = 2  # the guests' rows the table shows at least


class GuestsBox(QGroupBox):
    """``changed``: a guest was saved or removed; ``reload_requested``: saving failed, the
    shown guests may be stale; ``disclosure_requested``: the Auskunft (Art. 15) about the
    selected guest, by name (also of a meeting whose guests can no longer change)."""

    changed = Signal()
    reload_requested = Signal()
    disclosure_requested = Signal(str)

    def __init__(
        self, attendance: AttendanceService, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr(_CONTEXT, "Gäste"), parent)
        self._attendance = attendance
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self.dialog: GuestDialog | None = None
        self.model = GuestsTableModel(self)
        # One line per guest, the columns as wide as their text (before, 100 px each:
        # "Amt für Mobilität" broke onto a second line beside an empty Rolle column).
        model = self.model
        self.view = one_line_table(
            model,
            [[model.COLUMN_ROLE, model.COLUMN_ORGANISATION], [model.COLUMN_NAME]],
            wide=model.COLUMN_ROLE,
        )
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # Two guests' rows at least (not three): in a low window the member lines above
        # get the room (found by a tester at 1366 x 768 and 125 %).
        self.view.setMinimumHeight(
            self.view.horizontalHeader().sizeHint().height()
            + GUEST_ROWS * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
        )
        self.view.activated.connect(lambda _index: self.edit_selected())  # Enter too
        self.add_button = QPushButton(tr(_CONTEXT, "Gast hinzufügen …"))
        self.edit_button = QPushButton(tr(_CONTEXT, "Bearbeiten …"))
        self.remove_button = QPushButton(tr(_CONTEXT, "Entfernen …"))
        self.disclosure_button = QPushButton(tr(_CONTEXT, "Auskunft (Art. 15) …"))
        self.disclosure_button.setToolTip(
            tr(
                _CONTEXT,
                "Alles, was das Programm über diesen Gast speichert (alle Sitzungen), als PDF "
                "für die betroffene Person",
            )
        )
        self.disclosure_button.clicked.connect(self.request_disclosure)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.disclosure_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._editable = False
        self._members: tuple[AttendanceEntry, ...] = ()

    def show_guests(
        self,
        meeting_id: int | None,
        guests: tuple[GuestEntry, ...],
        editable: bool,
        members: tuple[AttendanceEntry, ...] = (),
    ) -> None:
        """``members``: the council's, as the attendance lists them, of whom the guest
        dialog warns."""
        self._meeting_id = meeting_id
        self._members = members
        self._editable = editable and meeting_id is not None
        # "Teilnahme" only while a guest is marked: beside the quorum, the institution needs
        # the room.
        marked = any(g.non_public_only or g.digital for g in guests)
        self.view.setColumnHidden(self.model.COLUMN_PART, not marked)
        self.model.set_rows(guests)
        self._update_buttons()

    def selected(self) -> GuestEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def add(self) -> None:
        self._open(GuestEntry(None, ""))

    def edit_selected(self) -> None:
        guest = self.selected()
        if guest is not None and self._editable:
            self._open(guest)

    def request_disclosure(self) -> None:
        guest = self.selected()
        if guest is not None:
            self.disclosure_requested.emit(guest.name)

    def remove_selected(self) -> None:
        guest = self.selected()
        if guest is None or self._meeting_id is None:
            return
        meeting_id = self._meeting_id
        row = selected_row(self.view)
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Gast entfernen"),
            tr(_CONTEXT, "„{name}“ aus der Liste der Gäste entfernen?").format(name=guest.name),
            lambda: self._remove(meeting_id, guest, row),
        )

    def _remove(self, meeting_id: int, guest: GuestEntry, row: int) -> None:
        try:
            self._attendance.remove_guest(meeting_id, guest)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Gast entfernen"), error.message)
            self.reload_requested.emit()
            return
        # The guests are read again: the focus stays in them (on "Gast hinzufügen …" once
        # none is left), where Qt passed it on to the quorum beside (found by a tester).
        others = self.model.rowCount() > 1
        buttons = (self.edit_button, self.remove_button, self.disclosure_button)
        with focus_to_rows(self.view if others else self.add_button, *buttons):
            self.changed.emit()
            select_after_removal(self.view, row)

    def _open(self, guest: GuestEntry) -> None:
        if self._meeting_id is None or not self._editable:
            return
        meeting_id = self._meeting_id
        self.dialog = GuestDialog(
            guest,
            lambda g: self._save(meeting_id, g),
            self,
            dialogs=self._dialogs,
            members=self._members,
        )
        self.dialog.open()

    def _save(self, meeting_id: int, guest: GuestEntry) -> bool:
        try:
            self._attendance.save_guest(meeting_id, guest)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Gast speichern"), error.message)
            return False
        self.changed.emit()
        return True

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self._editable)
        self.edit_button.setEnabled(self._editable and chosen)
        self.remove_button.setEnabled(self._editable and chosen)
        self.disclosure_button.setEnabled(chosen)
