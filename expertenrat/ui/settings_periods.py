"""Einstellungen: the council's appointment periods (Berufungsperioden), listed by their
start: name, first day and last day (or open). They name the OParl LegislativeTerms,
give a new member's term its default end and head the roster."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QWidget

from expertenrat.domain.appointment_periods import AppointmentPeriod, open_advice, usual_end
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import APPOINTMENT_PERIOD
from expertenrat.services.appointment_periods import AppointmentPeriodsService
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.ordered_list_editor import OrderedListEditor
from expertenrat.ui.table_model import Column
from expertenrat.ui.text_fields import LineEdit, show_text
from expertenrat.ui.widgets import in_row

_CONTEXT = "PeriodsSettings"


class PeriodsEditor(OrderedListEditor):
    """The periods in the order of their start (no moves); a new one starts the day after
    the last one ends (today, where there is none), open until an end is given."""

    MOVABLE = False

    def __init__(
        self,
        service: AppointmentPeriodsService,
        dialogs: DialogService,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        self._periods = service
        self._today = today
        super().__init__(
            tr(_CONTEXT, "Berufungsperioden"),
            tr(_CONTEXT, "Neue Berufungsperiode"),
            tr(_CONTEXT, "Berufungsperiode speichern"),
            (
                Column(tr(_CONTEXT, "Name"), lambda row: row[1].name),
                Column(tr(_CONTEXT, "Beginn"), lambda row: f"{row[1].start:%d.%m.%Y}"),
                Column(
                    tr(_CONTEXT, "Ende"),
                    lambda row: f"{row[1].end:%d.%m.%Y}" if row[1].end else tr(_CONTEXT, "offen"),
                ),
            ),
            service,
            dialogs,
            parent,
        )

    def empty_hint(self) -> str:
        return tr(
            _CONTEXT,
            "Noch keine Berufungsperioden. Eine Berufungsperiode ist der Zeitraum, für den die "
            "Mitglieder berufen werden: Sie gibt der Amtszeit eines neuen Mitglieds ihr Ende "
            "vor und steht über der Mitgliederliste. Legen Sie mit „Neue Berufungsperiode“ die "
            "erste an.",
        )

    def records(self, council_id: int) -> list[AppointmentPeriod]:
        return self._periods.periods(council_id)

    def add_fields(self, errors: FormErrors) -> None:
        self.name_edit = LineEdit()
        self.name_edit.setMaxLength(APPOINTMENT_PERIOD["name"].max_length)
        self.name_edit.setPlaceholderText(tr(_CONTEXT, "z. B. Berufungsperiode 2024–2027"))
        self.start_edit = date_edit()
        self.end_edit = date_edit()
        self.open_check = QCheckBox(tr(_CONTEXT, "offen"))
        self.open_check.toggled.connect(self._open_toggled)
        self.start_edit.dateChanged.connect(self._start_changed)
        errors.add_row(tr(_CONTEXT, "Name"), "name", self.name_edit)
        errors.add_row(tr(_CONTEXT, "Beginn"), "start", in_row(self.start_edit), self.start_edit)
        # "offen" first: the date beside it shows only while it is unticked (an open
        # period showed a greyed date, its start, under "Ende").
        errors.add_row(
            tr(_CONTEXT, "Ende"), "end", in_row(self.open_check, self.end_edit), self.end_edit
        )

    def _start_changed(self, start: QDate) -> None:
        """While "offen" is ticked the hidden end follows the start, so that unticking it
        proposes the usual end from the start as it is now (a start moved back left the
        end on the day the form opened: eleven months, found by a tester)."""
        if self.open_check.isChecked():
            self.end_edit.setDate(start)

    def _open_toggled(self, on: bool) -> None:
        """ "offen" unticked with no end after the start: the usual end (not a one-day
        period)."""
        self.end_edit.setHidden(on)
        if not on and self.end_edit.date() <= self.start_edit.date():
            self.end_edit.setDate(QDate(usual_end(self.start_edit.date().toPython())))

    def show_record(self, record: AppointmentPeriod) -> None:
        show_text(self.name_edit, record.name)
        self.start_edit.setDate(QDate(record.start))
        self.end_edit.setDate(QDate(record.start))
        self.open_check.setChecked(record.end is None)
        self.end_edit.setDate(QDate(record.end or record.start))  # after "offen" (above)
        self.end_edit.setHidden(record.end is None)

    def clear_form(self) -> None:
        """A new period from the day after the last one ends (today where there is none).
        After an open one, from the day after its usual end, with a hint that it needs an
        end first."""
        periods = self.model.templates()
        still_open = next((p for p in periods if p.end is None), None)
        if still_open is not None:
            start = usual_end(still_open.start) + timedelta(days=1)
        else:
            start = max((p.end for p in periods), default=self._today() - timedelta(days=1))
            start += timedelta(days=1)
        self.show_record(AppointmentPeriod(None, "", start))
        if still_open is not None:
            self.errors.show([FieldProblem("start", open_advice(still_open), warning=True)])

    def edited(self, selected: AppointmentPeriod | None) -> AppointmentPeriod:
        fields = {
            "name": self.name_edit.text(),
            "start": self.start_edit.date().toPython(),
            "end": None if self.open_check.isChecked() else self.end_edit.date().toPython(),
        }
        if selected is None:
            return AppointmentPeriod(None, **fields)
        return replace(selected, **fields)

    def delete_question(self, record: AppointmentPeriod) -> tuple[str, str]:
        return (
            tr(_CONTEXT, "Berufungsperiode löschen"),
            tr(_CONTEXT, "Die Berufungsperiode „{}“ löschen?").format(record.name),
        )

    def unsaved_question(self, record: AppointmentPeriod | None) -> tuple[str, str]:
        if record is None:
            text = tr(
                _CONTEXT,
                "Eine neue Berufungsperiode wurde eingegeben, aber nicht gespeichert. "
                "Die Eingaben verwerfen?",
            )
        else:
            text = tr(
                _CONTEXT,
                "Die Berufungsperiode „{}“ wurde geändert, aber nicht gespeichert. "
                "Die Änderungen verwerfen?",
            ).format(record.name)
        return tr(_CONTEXT, "Berufungsperiode nicht gespeichert"), text
