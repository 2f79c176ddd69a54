"""A meeting that does not end on the day it began: the council's Klausur Friday 16:00 to
Saturday 13:00, a meeting running past midnight (found by a tester). The form's "Termin"
row has the end's own date beside its time."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate
from test_meetings_page import _shown_page, cells, type_meeting

from expertenrat.domain.enums import MeetingKind
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.meetings_table_model import MeetingsTableModel


@pytest.fixture
def page(qtbot, services, dialogs, council_id, today) -> MeetingsPage:
    return _shown_page(qtbot, services, dialogs, council_id, today)


def test_a_klausur_over_two_days_is_planned_in_the_form(page, services, council_id):
    page.new_button.click()
    form = page.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(MeetingKind.WORKSHOP.value))
    form.title_edit.setText("Datenstrategie 2030")
    type_meeting(page, date(2026, 12, 11), "Tagungshaus", start=(16, 0), end=(13, 0))
    assert form.end_date_edit.date() == QDate(2026, 12, 11)  # one day until told otherwise
    form.end_date_edit.setDate(QDate(2026, 12, 12))

    form.save_button.click()

    (saved,) = services.meetings.list(council_id)
    assert saved.starts_at.replace(tzinfo=None) == datetime(2026, 12, 11, 16)
    assert saved.ends_at.replace(tzinfo=None) == datetime(2026, 12, 12, 13)
    assert not form.errors.message("end")  # a Klausur over two days: no "12 Stunden"
    assert cells(page, MeetingsTableModel.COLUMN_TIME) == ["16:00–13:00 (bis 12.12.)"]
    page.refresh()
    assert form.end_date_edit.date() == QDate(2026, 12, 12)  # shown back as stored


def test_moving_the_day_moves_the_end_along(page):
    page.new_button.click()
    form = page.form
    type_meeting(page, date(2026, 10, 15), "Rathaus", start=(19, 0), end=(0, 30))
    form.end_date_edit.setDate(QDate(2026, 10, 16))
    form.date_edit.setDate(QDate(2026, 10, 22))  # a week later, still past midnight
    assert form.end_date_edit.date() == QDate(2026, 10, 23)
    assert form.draft().end == datetime(2026, 10, 23, 0, 30)


def test_an_end_past_midnight_on_the_same_day_tells_how(page, services, council_id):
    page.new_button.click()
    type_meeting(page, date(2026, 10, 15), "Rathaus", start=(19, 0), end=(0, 30))

    page.form.save_button.click()

    assert page.form.errors.message("end") == (
        "Das Ende muss nach dem Beginn liegen. Endet die Sitzung erst am folgenden Tag, "
        "wählen Sie bitte beim Ende dessen Datum."
    )
    assert services.meetings.list(council_id) == []
    page.form.end_date_edit.setDate(QDate(2026, 10, 16))
    page.form.save_button.click()
    (saved,) = services.meetings.list(council_id)
    assert saved.ends_at.replace(tzinfo=None) == datetime(2026, 10, 16, 0, 30)


def test_an_end_a_week_on_is_refused_as_a_typo(page, services, council_id):
    page.new_button.click()
    type_meeting(page, date(2026, 12, 11), "Rathaus", start=(16, 0), end=(13, 0))
    page.form.end_date_edit.setDate(QDate(2026, 12, 19))

    page.form.save_button.click()

    assert page.form.errors.message("end") == (
        "Das Ende (19.12.2026) liegt mehr als 3 Tage nach dem Beginn. "
        "Bitte prüfen Sie das Datum des Endes."
    )
    assert services.meetings.list(council_id) == []
