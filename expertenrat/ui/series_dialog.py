"""Sitzungsreihe …: a rule for many meetings, with a live preview of the dates and warnings.

Every change of the rule recomputes the preview through the meetings service (dates in
the council's time zone, public holidays of its Bundesland, overlaps); a rule that gives
no dates or more than 200 says so in place of the preview and cannot be saved. "Anlegen"
saves all meetings in one transaction.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.german_dates import WEEKDAYS
from expertenrat.domain.meeting_draft import (
    MAX_LINK_LENGTH,
    MAX_PLACE_LENGTH,
    MAX_TITLE_LENGTH,
)
from expertenrat.domain.meeting_series import (
    MAX_OCCURRENCES,
    ORDINALS,
    Frequency,
    SeriesSpec,
    series_start,
)
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.form_errors import message_label, set_message_kind
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_proposal import proposal_hint, proposed_meeting
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import in_row

_CONTEXT = "SeriesDialog"
# How the day of each meeting is chosen.
SAME_DAY, NTH_WEEKDAY, WEEKDAY, DAY_OF_MONTH = range(4)


class SeriesDialog(QDialog):
    created = Signal(list)  # the ids of the new meetings

    def __init__(
        self,
        meetings: MeetingsService,
        council_id: int,
        today: date,
        parent=None,
        *,
        dialogs: DialogService | None = None,
    ) -> None:
        """The rule starts as a new single meeting would (``proposed_meeting``): on the
        proposed day, with the place, room, link and times of the council's latest
        meeting, which a hint names."""
        super().__init__(parent)
        proposed, pattern = proposed_meeting(meetings, council_id, today)
        first_day, first_ordinal = series_start(
            proposed.start.date(),
            pattern.starts_at.date() if pattern is not None else None,
            meetings.earliest_day(council_id, today),
        )
        self.setWindowTitle(tr(_CONTEXT, "Sitzungsreihe anlegen"))
        self._meetings = meetings
        self._council_id = council_id
        self.spec: SeriesSpec | None = None

        self.frequency_combo = QComboBox()
        for frequency, label in (
            (Frequency.WEEKLY, tr(_CONTEXT, "wöchentlich")),
            (Frequency.MONTHLY, tr(_CONTEXT, "monatlich")),
            (Frequency.QUARTERLY, tr(_CONTEXT, "vierteljährlich")),
            (Frequency.YEARLY, tr(_CONTEXT, "jährlich")),
        ):
            self.frequency_combo.addItem(label, frequency.value)
        self.frequency_combo.setCurrentIndex(2)
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 99)
        self.interval_spin.setPrefix(tr(_CONTEXT, "alle "))  # the unit: _name_interval
        self.first_day_edit = _date_edit(first_day)
        self.day_rule_combo = QComboBox()
        self.day_rule_combo.addItem(tr(_CONTEXT, "am selben Tag wie der erste Termin"), SAME_DAY)
        self.day_rule_combo.addItem(tr(_CONTEXT, "am n-ten Wochentag des Monats"), NTH_WEEKDAY)
        self.day_rule_combo.addItem(tr(_CONTEXT, "an einem Wochentag"), WEEKDAY)
        self.day_rule_combo.addItem(tr(_CONTEXT, "an einem Tag des Monats"), DAY_OF_MONTH)
        self.ordinal_combo = QComboBox()
        for ordinal, word in ORDINALS.items():
            self.ordinal_combo.addItem(word, ordinal)
        self.weekday_combo = QComboBox()
        for number, name in enumerate(WEEKDAYS):
            self.weekday_combo.addItem(name, number)
        self.weekday_combo.setCurrentIndex(first_day.weekday())
        if pattern is not None:  # on the council's weekday ("am dritten Donnerstag")
            self.day_rule_combo.setCurrentIndex(self.day_rule_combo.findData(NTH_WEEKDAY))
            self.ordinal_combo.setCurrentIndex(self.ordinal_combo.findData(first_ordinal))
        self.day_spin = QSpinBox()
        self.day_spin.setRange(1, 31)
        self.day_spin.setValue(first_day.day)
        self.day_spin.setSuffix(".")
        self.start_edit = _time_edit(proposed.start.time())
        self.end_edit = _time_edit(proposed.end.time())
        self.until_radio = QRadioButton(tr(_CONTEXT, "bis"))
        self.count_radio = QRadioButton(tr(_CONTEXT, "Anzahl"))
        self.until_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.until_radio)
        group.addButton(self.count_radio)
        self.until_edit = _date_edit(date(first_day.year + 1, 12, 31))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_OCCURRENCES)
        self.count_spin.setValue(4)
        self.kind_combo = QComboBox()
        for kind in MeetingKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.title_edit = LineEdit()
        self.title_edit.setMaxLength(MAX_TITLE_LENGTH)
        self.place_edit = LineEdit()
        self.place_edit.setMaxLength(MAX_PLACE_LENGTH)
        self.room_edit = LineEdit()
        self.room_edit.setMaxLength(MAX_PLACE_LENGTH)
        self.link_edit = LineEdit()
        self.link_edit.setMaxLength(MAX_LINK_LENGTH)
        self.link_edit.setPlaceholderText("https://")
        self.place_edit.setText(proposed.place)
        self.room_edit.setText(proposed.room)
        self.link_edit.setText(proposed.online_link)
        self.proposal_label = QLabel(proposal_hint(pattern) if pattern is not None else "")
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setVisible(pattern is not None)
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

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for combo in (
            self.frequency_combo,
            self.day_rule_combo,
            self.ordinal_combo,
            self.weekday_combo,
        ):
            combo.currentIndexChanged.connect(self.update_preview)
        for spin in (self.interval_spin, self.day_spin, self.count_spin):
            spin.valueChanged.connect(self.update_preview)
        for edit in (self.first_day_edit, self.until_edit):
            edit.dateChanged.connect(self.update_preview)
        for edit in (self.start_edit, self.end_edit):
            edit.timeChanged.connect(self.update_preview)
        self.until_radio.toggled.connect(self.update_preview)
        self.frequency_combo.currentIndexChanged.connect(self._name_interval)
        self.interval_spin.valueChanged.connect(self._name_interval)
        self._name_interval()
        self.update_preview()
        self._discard = DiscardCheck(self, dialogs, self._typed)

    def _typed(self) -> tuple[object, ...]:
        """The rule (as far as it makes dates) and the texts entered."""
        texts = (self.title_edit, self.place_edit, self.room_edit, self.link_edit)
        return (self.spec, *(edit.text() for edit in texts))

    def reject(self) -> None:
        self._discard.reject(super().reject)

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
        rule = QFormLayout()
        rule.addRow(tr(_CONTEXT, "Rhythmus"), in_row(self.frequency_combo, self.interval_spin))
        rule.addRow(tr(_CONTEXT, "Erster Termin"), self.first_day_edit)
        rule.addRow(
            tr(_CONTEXT, "Tag"),
            in_row(self.day_rule_combo, self.ordinal_combo, self.weekday_combo, self.day_spin),
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
        preview = QVBoxLayout()
        preview.addWidget(QLabel(tr(_CONTEXT, "Vorschau der Termine")))
        preview.addWidget(self.description_label)
        preview.addWidget(self.preview_list, 1)
        preview.addWidget(self.warning_label)
        columns = QHBoxLayout()
        columns.addLayout(rule, 3)
        columns.addLayout(preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    # --- the rule -----------------------------------------------------------------------

    def entered_spec(self) -> SeriesSpec:
        frequency = Frequency(self.frequency_combo.currentData())
        rule = self.day_rule_combo.currentData()
        weekly = frequency is Frequency.WEEKLY
        by_count = self.count_radio.isChecked()
        return SeriesSpec(
            frequency=frequency,
            first_day=self.first_day_edit.date().toPython(),
            start_time=self.start_edit.time().toPython(),
            end_time=self.end_edit.time().toPython(),
            interval=self.interval_spin.value(),
            weekday=self.weekday_combo.currentData() if rule in (NTH_WEEKDAY, WEEKDAY) else None,
            # weekly: every such weekday (a week has no "third Thursday"), as the day of
            # month is left out there
            ordinal=self.ordinal_combo.currentData()
            if rule == NTH_WEEKDAY and not weekly
            else None,
            day_of_month=self.day_spin.value() if rule == DAY_OF_MONTH and not weekly else None,
            until=None if by_count else self.until_edit.date().toPython(),
            count=self.count_spin.value() if by_count else None,
        )

    def _name_interval(self) -> None:
        """ "jeden Monat", "alle 2 Monate": the spin box says what it counts."""
        units = {
            Frequency.WEEKLY.value: (tr(_CONTEXT, "jede Woche"), tr(_CONTEXT, " Wochen")),
            Frequency.MONTHLY.value: (tr(_CONTEXT, "jeden Monat"), tr(_CONTEXT, " Monate")),
            Frequency.QUARTERLY.value: (tr(_CONTEXT, "jedes Quartal"), tr(_CONTEXT, " Quartale")),
            Frequency.YEARLY.value: (tr(_CONTEXT, "jedes Jahr"), tr(_CONTEXT, " Jahre")),
        }
        every, plural = units[self.frequency_combo.currentData()]
        self.interval_spin.setSpecialValueText(every)  # shown at the minimum, 1
        self.interval_spin.setSuffix(plural)

    def update_preview(self) -> None:
        """Recompute the dates and warnings of the rule as entered."""
        rule = self.day_rule_combo.currentData()
        weekly = self.frequency_combo.currentData() == Frequency.WEEKLY.value
        self.ordinal_combo.setVisible(rule == NTH_WEEKDAY and not weekly)
        self.weekday_combo.setVisible(rule in (NTH_WEEKDAY, WEEKDAY))
        self.day_spin.setVisible(rule == DAY_OF_MONTH)
        self.until_edit.setEnabled(self.until_radio.isChecked())
        self.count_spin.setEnabled(self.count_radio.isChecked())
        self.preview_list.clear()
        self.warning_label.clear()
        self.problem_label.clear()
        self.description_label.clear()
        self.spec = None
        try:
            spec = self.entered_spec()
            preview = self._meetings.preview_series(self._council_id, spec)
        except ValidationError as error:
            self.problem_label.setText(error.message)
        except ExpertenratError as error:
            self.problem_label.setText(error.message)
        else:
            self.spec = spec
            self.description_label.setText(preview.description)
            self.preview_list.addItems(list(preview.lines))
            self.warning_label.setText("\n".join(w.message for w in preview.warnings))
        self.save_button.setEnabled(self.spec is not None)

    def save(self) -> None:
        if self.spec is None:
            return
        try:
            ids = self._meetings.create_series(
                self._council_id,
                self.spec,
                kind=MeetingKind(self.kind_combo.currentData()),
                title=self.title_edit.text(),
                place=self.place_edit.text(),
                room=self.room_edit.text(),
                online_link=self.link_edit.text(),
            )
        except ExpertenratError as error:
            self.problem_label.setText(error.message)
            return
        self.created.emit(ids)
        self.accept()


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


def _time_edit(moment: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(moment.hour, moment.minute))
    edit.setDisplayFormat("HH:mm")
    return edit
