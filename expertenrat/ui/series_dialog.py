"""Sitzungsreihe …: a rule for many meetings, with a live preview of the dates and warnings
(its widgets and where they sit: :mod:`expertenrat.ui.series_dialog_view`).

Every change of the rule recomputes the preview through the meetings service (dates in
the council's time zone, public holidays of its Bundesland, overlaps); a rule that gives
no dates or more than 200 says so in place of the preview and cannot be saved. "Anlegen"
saves all meetings in one transaction.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTime, Signal

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.meeting_series import Frequency, SeriesSpec, series_start
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.form_errors import announce
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_proposal import proposal_hint, proposed_meeting
from expertenrat.ui.series_dialog_view import (
    DAY_OF_MONTH,
    NTH_WEEKDAY,
    SAME_DAY,
    WEEKDAY,
    SeriesDialogView,
)

_CONTEXT = "SeriesDialog"


class SeriesDialog(SeriesDialogView):
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
        super().__init__(parent)  # the widgets
        proposed, pattern = proposed_meeting(meetings, council_id, today)
        first_day, first_ordinal = series_start(
            proposed.start.date(),
            pattern.starts_at.date() if pattern is not None else None,
            meetings.earliest_day(council_id, today),
        )
        self._meetings = meetings
        self._council_id = council_id
        self.spec: SeriesSpec | None = None
        self._said_problem = ""  # why "Anlegen" is off, as a screen reader was last told

        self.first_day_edit.setDate(_qdate(first_day))
        self.weekday_combo.setCurrentIndex(first_day.weekday())
        if pattern is not None:  # on the council's weekday ("am dritten Donnerstag")
            self.day_rule_combo.setCurrentIndex(self.day_rule_combo.findData(NTH_WEEKDAY))
            self.ordinal_combo.setCurrentIndex(self.ordinal_combo.findData(first_ordinal))
        self.day_spin.setValue(first_day.day)
        for edit, moment in ((self.start_edit, proposed.start), (self.end_edit, proposed.end)):
            edit.setTime(QTime(moment.hour, moment.minute))
        self.until_edit.setDate(_qdate(date(first_day.year + 1, 12, 31)))
        self.place_edit.setText(proposed.place)
        self.room_edit.setText(proposed.room)
        self.link_edit.setText(proposed.online_link)
        self.proposal_label.setText(proposal_hint(pattern) if pattern is not None else "")
        self.proposal_label.setVisible(pattern is not None)

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Before the preview: it reads the day rule this offers for the rhythm.
        self.frequency_combo.currentIndexChanged.connect(self._offer_day_rules)
        self._offer_day_rules()
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

    def _offer_day_rules(self) -> None:
        """The day rules the rhythm takes: "an einem Wochentag" is a weekly rule ("jeden
        Dienstag"), "an einem Tag des Monats" one of a month or longer. The other is off,
        its tooltip saying what to choose instead, which takes its place where it was
        chosen ("am n-ten Wochentag des Monats" with the weekday kept; for a weekly series
        the first meeting's weekday)."""
        weekly = self.frequency_combo.currentData() == Frequency.WEEKLY.value
        combo = self.day_rule_combo
        for rule, offered, instead, why in (
            (
                WEEKDAY,
                weekly,
                NTH_WEEKDAY,
                tr(
                    _CONTEXT,
                    "Nur für eine wöchentliche Reihe; für diesen Rhythmus „am n-ten "
                    "Wochentag des Monats“ wählen (etwa am zweiten Dienstag).",
                ),
            ),
            (
                DAY_OF_MONTH,
                not weekly,
                SAME_DAY,
                tr(
                    _CONTEXT,
                    "Eine wöchentliche Reihe trifft sich an einem Wochentag, nicht an einem "
                    "Tag des Monats.",
                ),
            ),
        ):
            index = combo.findData(rule)
            item = combo.model().item(index)
            item.setEnabled(offered)
            item.setToolTip("" if offered else why)
            if not offered and combo.currentIndex() == index:
                combo.setCurrentIndex(combo.findData(instead))

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
            self.fit_preview()
            self.warning_label.setText("\n".join(w.message for w in preview.warnings))
        self.save_button.setEnabled(self.spec is not None)
        self._say_problem()

    def _say_problem(self) -> None:
        """A screen reader hears why "Anlegen" went off ("… mehr als 200 Termine …"), once
        per new problem and after the keys typed: the line in the preview's place is not
        read by itself, and the focus stays in the field changed (found by a tester)."""
        problem = self.problem_label.text()
        if problem != self._said_problem:
            announce(self, problem, polite=True)
        self._said_problem = problem

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


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
