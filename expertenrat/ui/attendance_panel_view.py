"""The widgets of the Anwesenheit tab and where they sit: the hint, the meeting's quorum
beside "Übrige als anwesend erfassen", the member lines (:class:`ui.attendance_row.AttendanceRow`)
in a grid as high as all of them (the tab scrolls, not the grid), and below them the guests
beside the quorum of each agenda item. :class:`~expertenrat.ui.attendance_panel.AttendancePanel`
adds the behaviour (showing a sheet, saving the lines; the view/controller split of the
house style)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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

from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceSheet
from expertenrat.services.context import Services
from expertenrat.ui.attendance_guests import GuestsBox
from expertenrat.ui.attendance_quorum_text import item_quorum_text, quorum_text
from expertenrat.ui.attendance_row import AWAY_COLUMN, HEADERS, ITEM_COLUMNS, AttendanceRow
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.eliding_widgets import ElidedLabel
from expertenrat.ui.i18n import tr
from expertenrat.ui.scroll_areas import up_down_scroll_area
from expertenrat.ui.widgets import WholeWrappingLabel, wrapping_label

_CONTEXT = "AttendancePanel"


class AttendancePanelView(QWidget):
    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rows: dict[int, AttendanceRow] = {}
        self._items_of_rows: tuple[AgendaRef, ...] = ()  # the agenda the rows' combos list

        self.hint_label = wrapping_label(name="hintLabel")
        # As high as its lines at its width: the meeting's quorum over several spans of
        # items (members left early) takes three lines at 1024 px, and the tab's minimum
        # counted one, so the guests lay over the fifth member line (found by a tester).
        self.quorum_label = WholeWrappingLabel()
        self.quorum_label.setObjectName("quorumLabel")
        self.item_quorum_label = wrapping_label(name="itemQuorumLabel")
        # Rich text for hanging indents; the lines wrap, so a long title never pushes the
        # verdict out of sight.
        self.item_quorum_label.setTextFormat(Qt.TextFormat.RichText)
        self.item_quorum_label.setMargin(4)
        self.item_quorum_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.item_quorum_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._grid_host = QWidget()
        host_layout = QVBoxLayout(self._grid_host)
        host_layout.setContentsMargins(0, 0, 0, 0)  # in line with the labels above
        self._grid = QGridLayout()
        host_layout.addLayout(self._grid)
        # For a meeting over midnight: which day a time before its start's is read as.
        self.next_day_label = wrapping_label(name="nextDayLabel")
        self.next_day_label.setVisible(False)
        host_layout.addWidget(self.next_day_label)
        host_layout.addStretch(1)
        # Spare width goes to the agenda items' titles first (up to their widest), what is
        # left stays right of the lines: they stay together on the left.
        for column in ITEM_COLUMNS:
            self._grid.setColumnStretch(column, 8)
        self._grid.setColumnStretch(len(HEADERS), 1)
        # Up and down only: a narrow tab scrolls sideways itself, where a sideways scroll bar
        # of the lines took the height of their last one and made them scroll up and down.
        self.scroll = scroll = up_down_scroll_area(self._grid_host)
        items_scroll = self.item_quorum_scroll = QScrollArea()
        items_scroll.setWidgetResizable(True)
        items_scroll.setWidget(self.item_quorum_label)
        items_scroll.setAccessibleName(tr(_CONTEXT, "Beschlussfähigkeit je Tagesordnungspunkt"))
        # "Anwesenheit wird gespeichert …", then saved or not (shown while there is a text).
        self.save_label = QLabel()
        self.save_label.setObjectName("saveStatusLabel")
        self.save_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_label.setVisible(False)
        self.rest_present_button = QPushButton(tr(_CONTEXT, "Übrige als anwesend erfassen"))
        self.rest_present_button.setToolTip(
            tr(_CONTEXT, "Alle noch nicht erfassten Mitglieder auf „anwesend“ setzen")
        )
        self.guests = GuestsBox(services.attendance, dialogs, self)

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
        quorum_line.addWidget(self.save_label)
        quorum_line.addWidget(self.rest_present_button)
        layout.addLayout(quorum_line)
        layout.addWidget(splitter, 1)

    # --- the member lines -----------------------------------------------------------------

    def _build_rows(self, sheet: AttendanceSheet, edited: Callable[[int], object]) -> None:
        """A line for each of ``sheet``'s members; a line's change calls ``edited`` with
        its member."""
        self._clear_rows()
        for column, header in enumerate(HEADERS):
            # "Unterbrechung": over the narrow buttons and the spare room right of them,
            # shortened with "…" in a window of 1024 px: no wider a line than before for it.
            label = (
                ElidedLabel(tr(_CONTEXT, header), 4, len(header))
                if column == AWAY_COLUMN
                else QLabel(tr(_CONTEXT, header))
            )
            label.setObjectName("columnHeader")
            self._grid.addWidget(label, 0, column, 1, 2 if column == AWAY_COLUMN else 1)
        for position, entry in enumerate(sheet.entries, start=1):
            row = AttendanceRow(entry, sheet.items, self)
            row.place(self._grid, position)
            row.edited.connect(edited)
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
        # Widgets added to a grid on screen are shown by Qt only later (a queued call), and
        # its minimum counts no hidden widget: lines built as the tab is shown (it reads its
        # meeting then) were measured as none, and scrolled inside the tab.
        for index in range(self._grid.count()):
            self._grid.itemAt(index).widget().show()
        self._keep_lines_in_sight()

    def _keep_lines_in_sight(self) -> None:
        """The member lines all in sight: in a low window the tab scrolls rather than
        leave them two lines between the quorum and the guests (found by a tester at
        1366 x 768 and 125 %), and the lines do not scroll inside the scrolling tab (at
        1024 x 640 two scroll bars side by side showed five of nine members; found by a
        tester)."""
        if not self.rows:
            self.scroll.setMinimumHeight(0)
            return
        # The grid's own minimum, its widgets as the style sheet makes them (a sum of the
        # lines' size hints fell 9 px short once the time fields grew to the text fields'
        # height, and the lines scrolled again).
        height = self._grid_host.minimumSizeHint().height()
        self.scroll.setMinimumHeight(height + 2 * self.scroll.frameWidth())

    def _clear_rows(self) -> None:
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for row in self.rows.values():
            row.deleteLater()
        self.rows = {}
        self._items_of_rows = ()
        self.scroll.setMinimumHeight(0)

    def _show_texts(self, sheet: AttendanceSheet | None, hint: str) -> None:
        self.rest_present_button.setEnabled(
            sheet is not None
            and not sheet.read_only
            and sheet.ahead_of is None  # who came is known on the day
            and sheet.recorded < len(sheet.entries)
        )
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.next_day_label.setText(sheet.next_day_hint if sheet is not None else "")
        self.next_day_label.setVisible(self.next_day_label.text() != "")
        if sheet is None:
            self.quorum_label.setText("")
            self.item_quorum_label.setText("")
            return
        self.quorum_label.setText(quorum_text(sheet))
        self.item_quorum_label.setText(item_quorum_text(sheet))
