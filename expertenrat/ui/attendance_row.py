"""One member's line on the attendance sheet: status, voting right, arrival and departure,
and a time away ("Unterbrechung": a button that shows it and opens
:class:`~expertenrat.ui.step_out_dialog.StepOutDialog`).

The status offers "digital" after "anwesend": present by video or phone, not in the room
(stored as present with the mark; the minutes say "digital zugeschaltet"). A choice in the
status list, not a column of its own: at 1024 px the line has no room for one more.

The widgets sit in the columns of the panel's grid. Every change the user makes emits
``edited`` with the membership id; filling the widgets from the stored entry does not.
Arrival and departure name an agenda item ("kommt zu TOP", "geht nach TOP") and,
optionally, a time; a time edit at 00:00 shows "––:––" and means no time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QToolButton, QWidget

from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.minutes_attendees import time_away
from expertenrat.ui.agenda_item_combo import agenda_item_combo
from expertenrat.ui.eliding_widgets import ElidedLabel
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_out_dialog import StepOutDialog
from expertenrat.ui.time_fields import NO_TIME, optional_time, optional_time_edit
from expertenrat.ui.tooltips import literal_tip
from expertenrat.ui.widgets import FocusCombo

_CONTEXT = "AttendancePanel"
HEADERS = (
    "Mitglied",
    "Status",
    "Stimmrecht",
    "Kommt zu",
    "um",
    "Geht nach",
    "um",
    "Unterbrechung",
)
# What a screen reader says for each input of a line, after the member's name (the column
# headers are plain labels beside the grid and "um" twice is no name).
_INPUT_NAMES = (
    "Status",
    "Stimmrecht",
    "Kommt zu TOP",
    "Kommt um",
    "Geht nach TOP",
    "Geht um",
    "Unterbrechung",
)
_AWAY_FIELDS = ("away_item_id", "away_at", "back_item_id", "back_at")
DIGITAL = "digital"  # the status list's data for "present, by video or phone"


AWAY_COLUMN = 7  # "Unterbrechung": a narrow button, its header reaching into the spare room
_AWAY_CHARACTERS = 5  # the button's widest text: "4–5", "12–13"; longer ones are "…"
ITEM_COLUMNS = (3, 5)  # "Kommt zu", "Geht nach": they take the room the line has left
# The narrowest an item's combo and a name get: at 1024 px, and on a 1366 x 768 laptop at
# 125 % (a window of 1006 x 565, the tab scrolling down), the line fits the tab beside
# status, voting right and times. Wider, a name takes room up to its whole text (at most
# _NAME_COMFORT letters) first, then the combos take the rest (up to their widest, see
# :mod:`ui.agenda_item_combo`).
_ITEM_CHARACTERS = 10  # "TOP 12.3 B…"
_NAME_CHARACTERS = 20  # "Prof. Anneliese Köhle…"
_NAME_COMFORT = 40


def _status_of(data: str | None) -> AttendanceStatus | None:
    """The status a choice of the status list records ("digital": present)."""
    if data is None:
        return None
    return AttendanceStatus.PRESENT if data == DIGITAL else AttendanceStatus(data)


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class AttendanceRow(QObject):
    edited = Signal(int)

    def __init__(self, entry: AttendanceEntry, items: Sequence[AgendaRef], parent: QObject) -> None:
        super().__init__(parent)
        self._stored = entry
        # A very long name ends in "…" (whole in the tooltip), not widen the sheet.
        self.name_label = ElidedLabel(entry.name, _NAME_CHARACTERS, _NAME_COMFORT)
        self.name_label.setToolTip(literal_tip(entry.affiliation))
        self.status_combo = FocusCombo()
        self.status_combo.setPlaceholderText(tr(_CONTEXT, "nicht erfasst"))
        for status in AttendanceStatus:
            self.status_combo.addItem(status.label, status.value)
            if status is AttendanceStatus.PRESENT:
                self.status_combo.addItem(tr(_CONTEXT, "digital"), DIGITAL)
                self.status_combo.setItemData(
                    self.status_combo.count() - 1,
                    tr(_CONTEXT, "Anwesend, per Video oder Telefon zugeschaltet (nicht im Raum)"),
                    Qt.ItemDataRole.ToolTipRole,
                )
        self.voting_check = QCheckBox()
        self.voting_check.setToolTip(tr(_CONTEXT, "Stimmrecht in dieser Sitzung"))
        self.arrives_combo = agenda_item_combo(tr(_CONTEXT, "von Beginn"), items, _ITEM_CHARACTERS)
        self.arrived_time = optional_time_edit()
        self.leaves_combo = agenda_item_combo(tr(_CONTEXT, "bis zum Ende"), items, _ITEM_CHARACTERS)
        self.left_time = optional_time_edit()
        self._items = tuple(items)
        self._away = AttendanceEntry(0, "", "")  # the time away shown: its four fields
        self.away_button = QToolButton()
        self.away_button.setMaximumWidth(
            self.away_button.fontMetrics().averageCharWidth() * (_AWAY_CHARACTERS + 2)
        )
        self.away_button.clicked.connect(self._choose_away)
        for widget, name in zip(self.widgets[1:], _INPUT_NAMES, strict=True):
            widget.setAccessibleName(f"{entry.name}: {tr(_CONTEXT, name)}")
        self.show_entry(entry)
        user_edits = (
            self.status_combo.currentIndexChanged,
            self.voting_check.toggled,
            self.arrives_combo.currentIndexChanged,
            self.leaves_combo.currentIndexChanged,
            self.arrived_time.editingFinished,
            self.left_time.editingFinished,
        )
        for signal in user_edits:
            signal.connect(self._emit_edited)

    @property
    def widgets(self) -> tuple[QWidget, ...]:
        return (
            self.name_label,
            self.status_combo,
            self.voting_check,
            self.arrives_combo,
            self.arrived_time,
            self.leaves_combo,
            self.left_time,
            self.away_button,
        )

    def place(self, grid: QGridLayout, row: int) -> None:
        for column, widget in enumerate(self.widgets):
            grid.addWidget(widget, row, column)

    def stored(self) -> AttendanceEntry:
        return self._stored

    def show_entry(self, entry: AttendanceEntry) -> None:
        """Show the stored ``entry`` without emitting ``edited``."""
        self._stored = entry
        self.show_input(entry)

    def show_input(self, entry: AttendanceEntry) -> None:
        """Show ``entry`` as chosen but not saved (the stored one stays) without emitting
        ``edited``."""
        blockers = [QSignalBlocker(w) for w in self.widgets]
        status = entry.status
        digital = entry.digital and status is AttendanceStatus.PRESENT
        self.status_combo.setCurrentIndex(
            -1
            if status is None
            else self.status_combo.findData(DIGITAL if digital else status.value)
        )
        self.voting_check.setChecked(entry.voting_right)
        _select(self.arrives_combo, entry.arrived_item_id)
        _select(self.leaves_combo, entry.left_item_id)
        self.arrived_time.setTime(QTime(entry.arrived_at) if entry.arrived_at else NO_TIME)
        self.left_time.setTime(QTime(entry.left_at) if entry.left_at else NO_TIME)
        self._show_away(entry)
        for blocker in blockers:
            blocker.unblock()
        self._update_enabled()

    def entry(self) -> AttendanceEntry:
        """What the widgets show, as an entry with the stored id and version."""
        data = self.status_combo.currentData()
        status = _status_of(data)
        present = status is AttendanceStatus.PRESENT
        arrived = self.arrives_combo.currentData() if present else None
        left = self.leaves_combo.currentData() if present else None
        return replace(
            self._stored,
            status=status,
            digital=data == DIGITAL,
            voting_right=self.voting_check.isChecked(),
            arrived_item_id=arrived,
            arrived_at=optional_time(self.arrived_time) if arrived is not None else None,
            left_item_id=left,
            left_at=optional_time(self.left_time) if left is not None else None,
            **{f: getattr(self._away, f) if present else None for f in _AWAY_FIELDS},
        )

    def offer_only(self, allowed: frozenset[AttendanceStatus] | None) -> None:
        """Let the status list offer only ``allowed`` (the others greyed out); ``None``
        offers every status. Before the meeting's day only an apology can be recorded."""
        model = self.status_combo.model()
        for index in range(self.status_combo.count()):
            status = _status_of(self.status_combo.itemData(index))
            model.item(index).setEnabled(allowed is None or status in allowed)  # type: ignore[attr-defined]

    def set_editable(self, editable: bool) -> None:
        for widget in self.widgets[1:]:
            widget.setEnabled(editable)
        if editable:
            self._update_enabled()

    def _update_enabled(self) -> None:
        if not self.status_combo.isEnabled():
            return
        status = _status_of(self.status_combo.currentData())
        present = status is AttendanceStatus.PRESENT
        self.voting_check.setEnabled(status is not None)  # saved with the status
        self.arrives_combo.setEnabled(present)
        self.leaves_combo.setEnabled(present)
        self.arrived_time.setEnabled(present and self.arrives_combo.currentData() is not None)
        self.left_time.setEnabled(present and self.leaves_combo.currentData() is not None)
        self.away_button.setEnabled(present and bool(self._items))

    def _show_away(self, entry: AttendanceEntry) -> None:
        """The button shows the items ``entry`` missed, "4–5" (left during TOP 4, back
        from TOP 6; the whole wording as tooltip), "4" for one, "…" for a longer text,
        or "–" for none."""
        self._away = replace(self._away, **{f: getattr(entry, f) for f in _AWAY_FIELDS})
        ids = [item.id for item in self._items]
        away, back = entry.away_item_id, entry.back_item_id
        if away not in ids or back not in ids or ids.index(back) <= ids.index(away):
            self.away_button.setText("–")
            self.away_button.setToolTip(
                tr(_CONTEXT, "Unterbrechung: verlässt das Mitglied die Sitzung und kehrt zurück?")
            )
            return
        missed = self._items[ids.index(away) : ids.index(back)]
        text = missed[0].number if len(missed) == 1 else f"{missed[0].number}–{missed[-1].number}"
        self.away_button.setText(text if len(text) <= _AWAY_CHARACTERS else "…")
        number = {item.id: item.number for item in self._items}
        self.away_button.setToolTip(
            time_away(number[away], entry.away_at, number[back], entry.back_at)
        )

    def _choose_away(self) -> None:
        dialog = StepOutDialog(self.entry(), self._items, self.away_button)
        dialog.chosen.connect(self._away_chosen)
        dialog.open()

    def _away_chosen(self, entry: AttendanceEntry) -> None:
        self._show_away(entry)
        self._emit_edited()

    def _emit_edited(self, *_args: object) -> None:
        self._update_enabled()
        self.edited.emit(self._stored.membership_id)
