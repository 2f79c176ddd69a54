"""Einstellungen: the council's appointment periods (Berufungsperioden), driven like a user
with the mouse and the keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from shown_windows import active_window

from expertenrat.domain.appointment_periods import AppointmentPeriod
from expertenrat.domain.councils import CouncilSettings
from tests.ui.settling import exposed

HOSTILE = """Periode "K" & <Co>; O'Neil 🚀 مرحبا"""


def _page(make_window, services):
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show_area(window.settings_page)
    return window.settings_page, council


def _rows(editor) -> list[tuple[str, str, str]]:
    model = editor.model
    return [
        tuple(model.index(row, column).data() for column in (1, 2, 3))
        for row in range(model.rowCount())
    ]


def test_periods_are_added_listed_by_start_edited_and_deleted(
    make_window, services, dialogs, qtbot, today
) -> None:
    page, council = _page(make_window, services)
    editor = page.periods
    assert _rows(editor) == []
    assert not editor.up_button.isVisibleTo(editor)  # listed by their start, not moved
    assert editor.start_edit.date().toPython() == today and editor.open_check.isChecked()

    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.name_edit.setText("Zweite")
    editor.start_edit.setDate(QDate(2027, 9, 25))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.name_edit.setText(HOSTILE)
    editor.start_edit.setDate(QDate(2024, 9, 25))
    editor.open_check.setChecked(False)
    editor.end_edit.setDate(QDate(2027, 9, 24))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert _rows(editor) == [
        (HOSTILE, "25.09.2024", "24.09.2027"),
        ("Zweite", "25.09.2027", "offen"),
    ]
    assert editor.selected().name == HOSTILE
    editor.view.selectRow(1)
    editor.open_check.setChecked(False)
    editor.end_edit.setDate(QDate(2030, 9, 24))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert services.appointment_periods.periods(council.id)[1].end == date(2030, 9, 24)
    # a new one starts the day after the last one ends
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.start_edit.date().toPython() == date(2030, 9, 25)

    editor.view.selectRow(0)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert dialogs.messages[-1][0] == "question"
    assert [p.name for p in services.appointment_periods.periods(council.id)] == ["Zweite"]


def test_a_bad_period_shows_its_problem_beside_the_field_and_keeps_what_was_typed(
    make_window, services, qtbot
) -> None:
    page, council = _page(make_window, services)
    editor = page.periods
    services.appointment_periods.add(
        council.id, AppointmentPeriod(None, "Erste", date(2024, 9, 25), date(2027, 9, 24))
    )
    page.refresh()

    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.start_edit.setDate(QDate(2027, 1, 1))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("name") == "Bitte geben Sie der Berufungsperiode einen Namen."

    editor.name_edit.setText("Überlappend")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "überschneidet sich mit „Erste“" in editor.errors.message("start")

    editor.start_edit.setDate(QDate(2027, 9, 25))
    editor.open_check.setChecked(False)
    editor.end_edit.setDate(QDate(2027, 9, 24))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "liegt vor dem Beginn" in editor.errors.message("end")
    assert editor.name_edit.text() == "Überlappend"
    assert [p.name for p in services.appointment_periods.periods(council.id)] == ["Erste"]


def test_a_period_is_entered_with_the_keyboard_alone(make_window, services, qtbot) -> None:
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = active_window(make_window, qtbot)
    window.show_area(window.settings_page)
    editor = window.settings_page.periods
    editor.new_button.setFocus()
    QTest.keyClick(editor.new_button, Qt.Key.Key_Space)  # the cursor goes into the name
    assert editor.name_edit.hasFocus()
    QTest.keyClicks(editor.name_edit, "Berufungsperiode 2026-2029")
    QTest.keyClick(editor.name_edit, Qt.Key.Key_Tab)
    assert editor.start_edit.hasFocus()
    QTest.keyClicks(editor.start_edit, "01.01.2026")
    editor.save_button.setFocus()
    QTest.keyClick(editor.save_button, Qt.Key.Key_Space)

    (saved,) = services.appointment_periods.periods(council.id)
    assert (saved.name, saved.start, saved.end) == (
        "Berufungsperiode 2026-2029",
        date(2026, 1, 1),
        None,
    )


def test_a_typed_period_asks_before_another_area(make_window, services, dialogs) -> None:
    page, _council = _page(make_window, services)
    page.periods.name_edit.setText("Getippt")
    dialogs.answers = [False]

    assert not page.flush(lambda: None)
    assert dialogs.messages[-1][1] == "Berufungsperiode nicht gespeichert"
    assert page.periods.name_edit.text() == "Getippt"


@pytest.mark.parametrize("editor_name", ["periods", "phrases", "agenda_templates"])
def test_entf_in_an_ordered_list_deletes_the_selected_row_after_asking(
    make_window, demo_services, dialogs, qtbot, editor_name
) -> None:
    """(found by a tester) Entf did nothing in the periods' list (nor in the standard
    phrases' and agenda templates'), where the action fields above take it."""
    council_id = demo_services.settings.councils()[0].id
    demo_services.appointment_periods.add(
        council_id, AppointmentPeriod(None, "Erste", date(2024, 9, 25), date(2027, 9, 24))
    )
    window = make_window()
    window.show_area(window.settings_page)
    editor = getattr(window.settings_page, editor_name)
    listed = editor.model.rowCount()
    assert listed > 0
    editor.view.selectRow(0)
    dialogs.answers = [True]

    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)

    assert dialogs.messages[-1][0] == "question"
    assert editor.model.rowCount() == listed - 1


def test_after_an_open_period_the_form_says_it_needs_an_end_and_unticking_gives_one(
    make_window, services, dialogs, qtbot
) -> None:
    """(found by a tester) With an open period, a new one started today and every save
    overlapped; unticking "offen" gave a one-day period; a second "Erste" was stored."""
    page, council = _page(make_window, services)
    services.appointment_periods.add(
        council.id, AppointmentPeriod(None, "Erste", date(2024, 9, 25))
    )
    page.refresh()
    editor = page.periods

    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.start_edit.date().toPython() == date(2027, 9, 25)
    assert editor.errors.message("start") == (
        "„Erste“ ist offen (ab 25.09.2024): Eine neue Berufungsperiode kann erst nach ihrem "
        "Ende beginnen. Geben Sie „Erste“ zuerst ein Ende."
    )
    editor.name_edit.setText("Zweite")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("start") == (
        "Die Berufungsperiode überschneidet sich mit „Erste“ (ab 25.09.2024). Die "
        "Berufungsperioden eines Gremiums dürfen sich nicht überschneiden. Geben Sie „Erste“ "
        "zuerst ein Ende."
    )

    dialogs.answers = [True]  # drop the typed new one
    editor.view.selectRow(0)
    editor.open_check.setChecked(False)
    assert editor.end_edit.date().toPython() == date(2027, 9, 24)  # three years, not a day
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.start_edit.date().toPython() == date(2027, 9, 25)
    assert editor.errors.message("start") == ""
    editor.name_edit.setText("erste")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("name") == (
        "Die Berufungsperiode „Erste“ (25.09.2024 bis 24.09.2027) gibt es schon. "
        "Bitte geben Sie dieser einen anderen Namen."
    )
    editor.name_edit.setText("Zweite")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert _rows(editor) == [
        ("Erste", "25.09.2024", "24.09.2027"),
        ("Zweite", "25.09.2027", "offen"),
    ]


def test_an_open_period_shows_no_end_date_and_the_rows_stand_close(
    make_window, services, qtbot
) -> None:
    """(found by a tester) An open period showed a greyed date (its start) under "Ende"
    beside "offen"; empty message lines left gaps between the rows and some 50 px above
    "Berufungsperiode speichern"."""
    page, _council = _page(make_window, services)
    page.window().show()
    exposed(page.window())
    editor = page.periods

    assert editor.open_check.isChecked() and editor.end_edit.isHidden()
    editor.open_check.setChecked(False)
    assert not editor.end_edit.isHidden()
    editor.open_check.setChecked(True)
    assert editor.end_edit.isHidden()

    def top(widget) -> int:
        return widget.mapTo(editor, QPoint(0, 0)).y()

    line = editor.fontMetrics().height()
    assert top(editor.start_edit) - (top(editor.name_edit) + editor.name_edit.height()) < line
    assert top(editor.save_button) - (top(editor.open_check) + editor.open_check.height()) < line


def test_an_empty_list_says_what_a_period_is_for(make_window, services, qtbot) -> None:
    """(found by a tester) The empty list showed its headers alone."""
    page, _council = _page(make_window, services)
    editor = page.periods
    assert editor.view.isHidden() and not editor.empty_label.isHidden()
    assert editor.empty_label.text().startswith(
        "Noch keine Berufungsperioden. Eine Berufungsperiode ist der Zeitraum, für den die "
        "Mitglieder berufen werden"
    )
    editor.name_edit.setText("Erste")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.view.isHidden() and editor.empty_label.isHidden()
    assert not page.agenda_templates.view.isHidden()
    assert page.agenda_templates.empty_label.isHidden()


def test_unticking_offen_after_moving_the_start_back_proposes_the_usual_end(
    make_window, services, qtbot, today
) -> None:
    """A new period's start moved back to 01.01. of the year, then "offen" unticked: the
    end proposed was the day the form had opened (the hidden end kept the first start), a
    period of eleven months rather than three years less a day (found by a tester)."""
    page, _council = _page(make_window, services)
    editor = page.periods
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    start = today.replace(month=1, day=1)  # the fixed test day is in late November
    editor.start_edit.setDate(QDate(start))

    editor.open_check.setChecked(False)

    assert editor.end_edit.date().toPython() == start.replace(year=start.year + 3) - timedelta(1)
