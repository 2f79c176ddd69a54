"""The widgets of "Sitzungsreihe anlegen" and where they sit: the rule (Rhythmus, erster
Termin, Tag, Uhrzeit, Ende der Reihe) and the meetings' kind, title, place, room and link
on the left, the preview of the dates and its warnings on the right, a problem and "Anlegen"
below; :class:`~expertenrat.ui.series_dialog.SeriesDialog` adds the behaviour (the
view/controller split of the house style).
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.german_dates import WEEKDAYS
from expertenrat.domain.meeting_draft import MAX_LINK_LENGTH, MAX_PLACE_LENGTH, MAX_TITLE_LENGTH
from expertenrat.domain.meeting_series import MAX_OCCURRENCES, ORDINALS, Frequency
from expertenrat.domain.pasted_links import pasted_link
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_parts import name_choice_boxes
from expertenrat.ui.form_errors import message_label, set_message_kind
from expertenrat.ui.i18n import tr
from expertenrat.ui.scroll_areas import up_down_scroll_area
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.time_fields import pair_times, time_edit
from expertenrat.ui.widgets import FocusCombo, FocusSpin, in_row
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "SeriesDialog"
_SCREEN_MARGIN = 40  # px the dialog leaves of its screen's width, for its frame
_SCREEN_SHARE = 0.9  # the most of the screen's height the dialog opens at
# How the day of each meeting is chosen.
SAME_DAY, NTH_WEEKDAY, WEEKDAY, DAY_OF_MONTH = range(4)


class SeriesDialogView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(_CONTEXT, "Sitzungsreihe anlegen"))
        self.frequency_combo = FocusCombo()
        for frequency, label in (
            (Frequency.WEEKLY, tr(_CONTEXT, "wöchentlich")),
            (Frequency.MONTHLY, tr(_CONTEXT, "monatlich")),
            (Frequency.QUARTERLY, tr(_CONTEXT, "vierteljährlich")),
            (Frequency.YEARLY, tr(_CONTEXT, "jährlich")),
        ):
            self.frequency_combo.addItem(label, frequency.value)
        self.frequency_combo.setCurrentIndex(2)
        self.interval_spin = FocusSpin()
        self.interval_spin.setRange(1, 99)
        self.interval_spin.setPrefix(tr(_CONTEXT, "alle "))  # the unit: the dialog names it
        self.first_day_edit = date_edit()
        self.day_rule_combo = FocusCombo()
        self.day_rule_combo.addItem(tr(_CONTEXT, "am selben Tag wie der erste Termin"), SAME_DAY)
        self.day_rule_combo.addItem(tr(_CONTEXT, "am n-ten Wochentag des Monats"), NTH_WEEKDAY)
        self.day_rule_combo.addItem(tr(_CONTEXT, "an einem Wochentag"), WEEKDAY)
        self.day_rule_combo.addItem(tr(_CONTEXT, "an einem Tag des Monats"), DAY_OF_MONTH)
        self.ordinal_combo = FocusCombo()
        for ordinal, word in ORDINALS.items():
            self.ordinal_combo.addItem(word, ordinal)
        self.weekday_combo = FocusCombo()
        for number, name in enumerate(WEEKDAYS):
            self.weekday_combo.addItem(name, number)
        self.day_spin = FocusSpin()
        self.day_spin.setRange(1, 31)
        self.day_spin.setSuffix(".")
        self.start_edit = time_edit()
        self.end_edit = time_edit()
        pair_times(self.start_edit, self.end_edit)  # a span pasted into either fills both
        self.until_radio = QRadioButton(tr(_CONTEXT, "bis"))
        self.count_radio = QRadioButton(tr(_CONTEXT, "Anzahl"))
        self.until_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.until_radio)
        group.addButton(self.count_radio)
        self.until_edit = date_edit()
        self.count_spin = FocusSpin()
        self.count_spin.setRange(1, MAX_OCCURRENCES)
        self.count_spin.setValue(4)
        self.kind_combo = FocusCombo()
        for kind in MeetingKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.title_edit = LineEdit()
        self.title_edit.setMaxLength(MAX_TITLE_LENGTH)
        self.place_edit = LineEdit()
        self.place_edit.setMaxLength(MAX_PLACE_LENGTH)
        self.room_edit = LineEdit()
        self.room_edit.setMaxLength(MAX_PLACE_LENGTH)
        self.link_edit = LineEdit(cleaning=pasted_link)  # the address of a line copied
        self.link_edit.setMaxLength(MAX_LINK_LENGTH)
        self.link_edit.setPlaceholderText("https://")
        self.proposal_label = QLabel()
        self.proposal_label.setWordWrap(True)
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.preview_list = QListWidget()
        self.problem_label = message_label()
        self.warning_label = message_label()
        set_message_kind(self.warning_label, warning=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr(_CONTEXT, "Anlegen"))
        self._layout()

    def _name_inputs(self) -> None:
        """The rows of several inputs name each for a screen reader (a row's label names
        only a single input)."""
        for widget, name in (
            (self.frequency_combo, tr(_CONTEXT, "Rhythmus")),
            (self.interval_spin, tr(_CONTEXT, "Abstand")),
            (self.day_rule_combo, tr(_CONTEXT, "Tag")),
            (self.ordinal_combo, tr(_CONTEXT, "Der wievielte Wochentag")),
            (self.weekday_combo, tr(_CONTEXT, "Wochentag")),
            (self.day_spin, tr(_CONTEXT, "Tag des Monats")),
            (self.start_edit, tr(_CONTEXT, "Beginn")),
            (self.end_edit, tr(_CONTEXT, "Ende")),
            (self.until_edit, tr(_CONTEXT, "Letzter möglicher Termin")),
            (self.count_spin, tr(_CONTEXT, "Anzahl der Termine")),
        ):
            widget.setAccessibleName(name)

    def _layout(self) -> None:
        self._name_inputs()
        rule_fields = QWidget()
        rule = QFormLayout(rule_fields)
        rule.setContentsMargins(0, 0, 0, 0)
        rule.addRow(tr(_CONTEXT, "Rhythmus"), in_row(self.frequency_combo, self.interval_spin))
        rule.addRow(tr(_CONTEXT, "Erster Termin"), self.first_day_edit)
        # The day's parts go under the rule where the dialog is narrow: on one line they
        # made it wider than the screen at 200 % with larger text (found by a tester).
        day = (self.ordinal_combo, self.weekday_combo, self.day_spin)
        rule.addRow(
            tr(_CONTEXT, "Tag"), WrappingRow(((self.day_rule_combo,), day), packed_left=True)
        )
        rule.addRow(
            tr(_CONTEXT, "Uhrzeit"),
            in_row(self.start_edit, QLabel(tr(_CONTEXT, "bis")), self.end_edit),
        )
        rule.addRow(
            tr(_CONTEXT, "Ende der Reihe"),
            in_row(self.until_radio, self.until_edit, self.count_radio, self.count_spin),
        )
        rule.addRow(tr(_CONTEXT, "Art"), self.kind_combo)
        rule.addRow(tr(_CONTEXT, "Titel"), self.title_edit)
        rule.addRow(tr(_CONTEXT, "Ort"), self.place_edit)
        rule.addRow(tr(_CONTEXT, "Raum"), self.room_edit)
        rule.addRow(tr(_CONTEXT, "Online-Link"), self.link_edit)
        rule.addRow(self.proposal_label)
        name_choice_boxes(rule)  # Art (the rows of several are named one by one)
        preview = self._preview_column = QVBoxLayout()
        caption = QLabel(tr(_CONTEXT, "Vorschau der Termine"))
        caption.setBuddy(self.preview_list)  # a screen reader's name for the list
        preview.addWidget(caption)
        preview.addWidget(self.description_label)
        preview.addWidget(self.preview_list, 1)
        preview.addWidget(self.warning_label)
        columns = QHBoxLayout()
        # The fields scroll up and down where the screen is too short for them (200 % with
        # larger text): squeezed, the hint under them was cut (found by a tester).
        self._rule_scroll = up_down_scroll_area(rule_fields)
        columns.addWidget(self._rule_scroll, 3)
        columns.addLayout(preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def fit_preview(self) -> None:
        """The preview as wide as its dates ("Do, 17.06.2027, 16:00–18:30"): they were cut
        and scrolled sideways (found by a tester). On a screen too small for that the
        dialog keeps a margin to its edges (its frame) and the preview gives way."""
        preview = self.preview_list
        preview.setMinimumWidth(0)  # what the rest of the dialog needs without it
        lines = preview.sizeHintForColumn(0) if preview.count() else 0
        frame = 2 * preview.frameWidth() + preview.verticalScrollBar().sizeHint().width()
        # the rest beside the preview's column (its caption may be wider than the list)
        others = self.minimumSizeHint().width() - self._preview_column.minimumSize().width()
        screen = self.screen()
        room = screen.availableGeometry().width() - _SCREEN_MARGIN - others if screen else 0
        preview.setMinimumWidth(max(0, min(lines + frame, room)))

    def showEvent(self, event: QShowEvent) -> None:
        """As high as the fields need, within the screen: Qt opens a dialog at most two
        thirds of the screen high, and the fields scrolled with room left below."""
        super().showEvent(event)
        if event.spontaneous():
            return
        fields = self._rule_scroll.widget()
        width = self._rule_scroll.viewport().width()
        needed = fields.heightForWidth(width) if fields.hasHeightForWidth() else -1
        missing = (
            max(needed, fields.minimumSizeHint().height()) - self._rule_scroll.viewport().height()
        )
        screen = self.screen()
        if missing > 0 and screen is not None:
            most = int(screen.availableGeometry().height() * _SCREEN_SHARE)
            self.resize(self.width(), min(self.height() + missing, max(most, self.height())))
