"""Anwesenheit: the attendance tab of a meeting (see ``widget_contract`` in the meetings page).

Each member's line saves as soon as the user changes it (status, voting right, arrival or
departure and their times); the quorum of the meeting and of each agenda item updates at
once. A refused change is explained and the line shows what is stored again; a line
another PC recorded first shows what it recorded, and the warning names it and what was
chosen here (nothing is said where both chose the same). A cancelled
meeting is shown read-only with a hint.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.attendance_sheet import (
    AHEAD_ALLOWED,
    CANCELLED_HINT,
    AgendaRef,
    AttendanceEntry,
    AttendanceSheet,
    ahead_hint,
)
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.context import Services
from expertenrat.ui.attendance_guests import GuestsBox
from expertenrat.ui.attendance_row import HEADERS, ITEM_COLUMNS, AttendanceRow
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint
from expertenrat.ui.scroll_areas import plain_scroll_area

_CONTEXT = "AttendancePanel"


def _plain_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _paragraphs(heading: str, lines: list[str]) -> str:
    """``heading`` and ``lines`` as rich text: each line a paragraph whose wrapped
    continuation is indented, so that each item stays apart from the next."""
    para = "<p style='margin-top:0; margin-bottom:3px; margin-left:{0}px; text-indent:-{0}px'>"
    return "".join(
        para.format(indent) + html.escape(text) + "</p>"
        for indent, text in [(0, heading), *((16, line) for line in lines)]
    )


class AttendancePanel(KeepsNoMeetingHint, QWidget):
    changed = Signal()

    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._sheet: AttendanceSheet | None = None
        self.rows: dict[int, AttendanceRow] = {}
        self._items_of_rows: tuple[AgendaRef, ...] = ()  # the agenda the rows' combos list
        self._no_meeting_hint = no_meeting_hint()

        self.hint_label = _plain_label("hintLabel")
        self.quorum_label = _plain_label("quorumLabel")
        self.item_quorum_label = _plain_label("itemQuorumLabel")
        # Rich text for hanging indents; the lines wrap, so a long title never pushes the
        # verdict out of sight.
        self.item_quorum_label.setTextFormat(Qt.TextFormat.RichText)
        self.item_quorum_label.setMargin(4)
        self.item_quorum_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.item_quorum_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)  # in line with the labels above
        # Spare width goes to the agenda items' titles first (up to their widest), what is
        # left stays right of the lines: they stay together on the left.
        for column in ITEM_COLUMNS:
            self._grid.setColumnStretch(column, 8)
        self._grid.setColumnStretch(len(HEADERS), 1)
        self.scroll = scroll = plain_scroll_area(self._grid_host)
        items_scroll = self.item_quorum_scroll = QScrollArea()
        items_scroll.setWidgetResizable(True)
        items_scroll.setWidget(self.item_quorum_label)
        items_scroll.setAccessibleName(tr(_CONTEXT, "Beschlussfähigkeit je Tagesordnungspunkt"))
        self.rest_present_button = QPushButton(tr(_CONTEXT, "Übrige als anwesend erfassen"))
        self.rest_present_button.setToolTip(
            tr(_CONTEXT, "Alle noch nicht erfassten Mitglieder auf „anwesend“ setzen")
        )
        self.rest_present_button.clicked.connect(self.record_rest_present)
        self.guests = GuestsBox(services.attendance, dialogs, self)
        self.guests.changed.connect(self._guests_changed)
        self.guests.reload_requested.connect(self.refresh)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.guests)
        lower.addWidget(items_scroll)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([360, 240])
        lower.setSizes([450, 550])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        quorum_line = QHBoxLayout()
        quorum_line.addWidget(self.quorum_label, 1)
        quorum_line.addWidget(self.rest_present_button)
        layout.addLayout(quorum_line)
        layout.addWidget(splitter, 1)
        self.set_meeting(None)

    # --- contract -------------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self._meeting_id:
            self._clear_rows()
        self._meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        if self._meeting_id is None:
            self._sheet = None
            self._clear_rows()
            self._show_texts(None, self._no_meeting_hint)
            self.guests.show_guests(None, (), False)
            return
        try:
            sheet = self._services.attendance.sheet(self._meeting_id)
        except ExpertenratError as error:
            self._sheet = None
            self._clear_rows()
            self._show_texts(None, error.message)
            self.guests.show_guests(None, (), False)
            return
        self._show(sheet)

    def flush(self, then: Callable[[], None]) -> bool:
        """Save a line whose time was typed but not yet confirmed; False if that failed."""
        return all(self._save(member) for member in list(self.rows))

    def has_unsaved_changes(self) -> bool:
        """A line holds a status or time typed but not yet saved."""
        return self._sheet is not None and any(
            (entry := row.entry()) != row.stored() and entry.status is not None
            for row in self.rows.values()
        )

    # --- showing --------------------------------------------------------------------------

    def _show(self, sheet: AttendanceSheet) -> None:
        self._sheet = sheet
        wanted = [e.membership_id for e in sheet.entries]
        items_changed = self._items_of_rows != sheet.items
        if list(self.rows) != wanted or items_changed:
            self._build_rows(sheet)
        else:
            for entry in sheet.entries:
                self.rows[entry.membership_id].show_entry(entry)
        allowed = AHEAD_ALLOWED if sheet.ahead_of is not None else None
        for row in self.rows.values():
            row.set_editable(not sheet.read_only)
            row.offer_only(allowed)
        hint = tr(_CONTEXT, CANCELLED_HINT) if sheet.cancelled else ""
        if sheet.ahead_of is not None and not sheet.read_only:
            hint = ahead_hint(sheet.ahead_of)
        if sheet.frozen:
            hint = tr(_CONTEXT, FROZEN_HINT)
        if not sheet.entries:
            hint = tr(_CONTEXT, "Am Tag der Sitzung hat das Gremium keine aktiven Mitglieder.")
        self._show_texts(sheet, hint)
        self.guests.show_guests(sheet.meeting_id, sheet.guests, not sheet.read_only)

    def _build_rows(self, sheet: AttendanceSheet) -> None:
        self._clear_rows()
        for column, header in enumerate(HEADERS):
            label = QLabel(tr(_CONTEXT, header))
            label.setObjectName("columnHeader")
            self._grid.addWidget(label, 0, column)
        for position, entry in enumerate(sheet.entries, start=1):
            row = AttendanceRow(entry, sheet.items, self)
            row.place(self._grid, position)
            row.edited.connect(self._save)
            self.rows[entry.membership_id] = row
        # New widgets join the end of the window's tab order; the lines come before the
        # guests, as they are shown (after "Übrige als anwesend erfassen").
        previous: QWidget = self.rest_present_button
        for row in self.rows.values():
            for widget in row.widgets[1:]:
                QWidget.setTabOrder(previous, widget)
                previous = widget
        self._grid.setRowStretch(len(sheet.entries) + 1, 1)
        self._items_of_rows = sheet.items

    def _clear_rows(self) -> None:
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for row in self.rows.values():
            row.deleteLater()
        self.rows = {}
        self._items_of_rows = ()

    def _show_texts(self, sheet: AttendanceSheet | None, hint: str) -> None:
        self.rest_present_button.setEnabled(
            sheet is not None
            and not sheet.read_only
            and sheet.ahead_of is None  # who came is known on the day
            and sheet.recorded < len(sheet.entries)
        )
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        if sheet is None:
            self.quorum_label.setText("")
            self.item_quorum_label.setText("")
            return
        text = tr(_CONTEXT, "Beschlussfähigkeit: {statement}").format(
            statement=sheet.quorum_statement
        )
        open_lines = len(sheet.entries) - sheet.recorded
        if open_lines and not sheet.unrecorded:  # else the statement says so already
            text += tr(_CONTEXT, " · {count} noch nicht erfasst").format(count=open_lines)
        self.quorum_label.setText(text)
        # The title is isolated (FSI … PDI): an Arabic or Hebrew one keeps the ":" after it.
        lines = [
            f"\u2068{q.item.label}\u2069: {sheet.item_statement(q)}" for q in sheet.item_quorums
        ]
        if sheet.problem:
            lines = [sheet.problem]
        self.item_quorum_label.setText(
            _paragraphs(tr(_CONTEXT, "Je Tagesordnungspunkt:"), lines) if lines else ""
        )

    # --- saving ---------------------------------------------------------------------------

    def _save(self, membership_id: int) -> bool:
        row = self.rows.get(membership_id)
        if row is None or self._meeting_id is None or self._sheet is None:
            return True
        entry = row.entry()
        if entry == row.stored() or entry.status is None:
            return True
        try:
            sheet = self._services.attendance.save_entry(self._meeting_id, entry)
        except ConcurrentEditError as error:
            # Another PC recorded the line first: the panel shows what it recorded; the
            # same as chosen here needs no word, anything else is said in full.
            self.refresh()
            now = self._stored_entry(membership_id)
            if now is None:
                self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
                return False
            if _same_attendance(now, entry):
                return True
            self._dialogs.warning(
                self,
                tr(_CONTEXT, "Anwesenheit"),
                tr(
                    _CONTEXT,
                    "Die Anwesenheit von „{name}“ wurde inzwischen an einem anderen PC "
                    "erfasst: {now}. Ihre Angabe ({yours}) ist nicht gespeichert; die Liste "
                    "zeigt jetzt, was der andere PC erfasst hat. Wählen Sie Ihre Angabe dort "
                    "erneut, wenn sie gelten soll.",
                ).format(
                    name=now.name,
                    now=self._describe(now),
                    yours=self._describe(entry),
                ),
            )
            return False
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
            self.refresh()
            return False
        self._show(sheet)
        self.changed.emit()
        return True

    def _stored_entry(self, membership_id: int) -> AttendanceEntry | None:
        """The line of ``membership_id`` as the sheet shown has it (None if it has none)."""
        if self._sheet is None:
            return None
        return next((e for e in self._sheet.entries if e.membership_id == membership_id), None)

    def _describe(self, entry: AttendanceEntry) -> str:
        """``entry`` in words: "anwesend, ohne Stimmrecht, kommt zu TOP 2 Bericht"."""
        if entry.status is None:
            return tr(_CONTEXT, "nicht erfasst")
        items = {} if self._sheet is None else {i.id: i.label for i in self._sheet.items}
        parts = [entry.status.label]
        if not entry.voting_right:
            parts.append(tr(_CONTEXT, "ohne Stimmrecht"))
        if entry.arrived_item_id in items:
            parts.append(tr(_CONTEXT, "kommt zu {item}").format(item=items[entry.arrived_item_id]))
        if entry.left_item_id in items:
            parts.append(tr(_CONTEXT, "geht nach {item}").format(item=items[entry.left_item_id]))
        return ", ".join(parts)

    def record_rest_present(self) -> None:
        if self._meeting_id is None or not self.flush(lambda: None):
            return
        try:
            sheet = self._services.attendance.record_unrecorded(
                self._meeting_id, AttendanceStatus.PRESENT
            )
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Anwesenheit"), error.message)
            self.refresh()
            return
        self._show(sheet)
        self.changed.emit()

    def _guests_changed(self) -> None:
        self.refresh()
        self.changed.emit()


def _same_attendance(one: AttendanceEntry, other: AttendanceEntry) -> bool:
    """``one`` and ``other`` record the same (their row's id and version aside)."""
    return replace(one, id=None, version=0) == replace(other, id=None, version=0)
