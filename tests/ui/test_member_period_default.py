"""A new member's term ends with the council's current appointment period by default (only
a default: it stays editable); without a current period it is open-ended as before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate

from expertenrat.domain.appointment_periods import AppointmentPeriod
from expertenrat.ui.members_table_model import MembersTableModel

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


@pytest.fixture
def page(make_window, demo_services):
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    return window.members_page


def _council_id(services) -> int:
    return services.settings.councils()[0].id


def test_a_new_member_s_term_ends_with_the_current_period_and_can_be_changed(
    page, demo_services, today, qtbot
):
    end = today + timedelta(days=400)
    demo_services.appointment_periods.add(
        _council_id(demo_services), AppointmentPeriod(None, "Laufend", date(2024, 9, 25), end)
    )

    page.new_button.click()
    dialog = page.steps.dialog
    form = dialog.form
    assert not form.open_ended_check.isChecked()
    assert form.term_end_edit.isEnabled()
    assert form.term_end_edit.date().toPython() == end
    assert form.member().term_start == today

    form.given_name_edit.setText("Zoë")
    form.family_name_edit.setText("Periodisch")
    form.primary_field_combo.setCurrentIndex(1)
    form.term_end_edit.setDate(QDate(end - timedelta(days=30)))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    assert page.selected().term_end == end - timedelta(days=30)


def test_the_default_end_is_no_change_to_ask_about(page, demo_services, today, dialogs):
    demo_services.appointment_periods.add(
        _council_id(demo_services),
        AppointmentPeriod(None, "Laufend", date(2024, 9, 25), today + timedelta(days=10)),
    )
    page.new_button.click()
    dialog = page.steps.dialog

    dialog.reject()  # "Abbrechen" asks nothing: nothing was typed

    assert not [m for m in dialogs.messages if m[0] == "question"]
    assert not dialog.isVisible()


def test_without_a_current_period_a_new_member_s_term_is_open_ended(page, demo_services, today):
    demo_services.appointment_periods.add(
        _council_id(demo_services),
        AppointmentPeriod(None, "Vorbei", date(2020, 1, 1), today - timedelta(days=1)),
    )

    page.new_button.click()

    assert page.steps.dialog.form.open_ended_check.isChecked()
    assert page.steps.dialog.form.member().term_end is None
    page.steps.dialog.reject()


def _select(page, family_name: str):
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(MembersTableModel.ObjectRole).family_name == family_name:
            page.view.selectRow(row)
    return page.selected()


def _further_term_of_abendroth(page):
    """ "Weitere Amtszeit …" for Dr. Abendroth, whose term ended before today."""
    page.filters.status_combo.setCurrentIndex(page.filters.status_combo.findText("Ehemalige"))
    _select(page, "Abendroth")
    page.next_term_button.click()
    return page.steps.dialog


def test_a_further_term_ends_with_the_period_covering_its_start(
    page, demo_services, today, dialogs, qtbot
):
    """(found by a tester) A re-appointment's term was open-ended, where a new member's
    ends with the current Berufungsperiode."""
    end = today + timedelta(days=400)
    demo_services.appointment_periods.add(
        _council_id(demo_services), AppointmentPeriod(None, "Laufend", date(2024, 9, 25), end)
    )

    dialog = _further_term_of_abendroth(page)
    form = dialog.form
    assert form.member().term_start == today
    assert not form.open_ended_check.isChecked()
    assert form.term_end_edit.isEnabled()
    assert form.term_end_edit.date().toPython() == end
    dialog.reject()  # only a default: "Abbrechen" asks nothing
    assert not [m for m in dialogs.messages if m[0] == "question"]
    assert not dialog.isVisible()


def test_a_further_term_starting_after_the_period_stays_open_ended(page, demo_services, today):
    demo_services.appointment_periods.add(
        _council_id(demo_services),
        AppointmentPeriod(None, "Vorbei", date(2020, 1, 1), today - timedelta(days=1)),
    )

    dialog = _further_term_of_abendroth(page)

    assert dialog.form.open_ended_check.isChecked()
    assert dialog.form.member().term_end is None
    dialog.reject()


def test_the_default_end_follows_the_start_into_the_next_period_until_the_end_is_changed(
    page, demo_services, today, dialogs, qtbot
):
    """(found by a tester) The default end came from the period holding today: a start set
    to the first day of the next period kept the end before it, and saving was refused."""
    council_id = _council_id(demo_services)
    current_end = today + timedelta(days=100)
    next_start, next_end = current_end + timedelta(days=1), current_end + timedelta(days=1096)
    for name, start, end in (
        ("Laufend", date(2024, 9, 25), current_end),
        ("Nächste", next_start, next_end),
    ):
        demo_services.appointment_periods.add(council_id, AppointmentPeriod(None, name, start, end))
    page.new_button.click()
    dialog = page.steps.dialog
    form = dialog.form
    assert form.member().term_end == current_end

    form.term_start_edit.setDate(QDate(next_start))
    assert form.member().term_end == next_end
    form.term_start_edit.setDate(QDate(next_end + timedelta(days=1)))  # no period: open
    assert form.open_ended_check.isChecked() and form.member().term_end is None
    form.term_start_edit.setDate(QDate(next_start))
    assert form.member().term_end == next_end

    form.term_end_edit.setDate(QDate(next_end - timedelta(days=1)))  # the user's own end
    form.term_start_edit.setDate(QDate(today))
    assert form.member().term_end == next_end - timedelta(days=1)

    form.term_start_edit.setDate(QDate(next_start))
    form.given_name_edit.setText("Zoë")
    form.family_name_edit.setText("Nächste")
    form.primary_field_combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    assert page.selected().term_start == next_start


def test_a_further_term_s_default_end_follows_its_start(page, demo_services, today):
    council_id = _council_id(demo_services)
    end = today + timedelta(days=100)
    demo_services.appointment_periods.add(
        council_id, AppointmentPeriod(None, "Laufend", date(2024, 9, 25), end)
    )
    demo_services.appointment_periods.add(
        council_id, AppointmentPeriod(None, "Nächste", end + timedelta(days=1))
    )
    form = _further_term_of_abendroth(page).form
    assert form.member().term_start == end + timedelta(days=1)  # the next period's first day
    assert form.open_ended_check.isChecked()  # the next period is open

    form.term_start_edit.setDate(QDate(today))

    assert form.member().term_end == end
    page.steps.dialog.reject()


def test_a_further_term_is_proposed_for_the_next_period_set_up(page, demo_services, today):
    """(found by a tester) opened ten days before the changeover, the re-appointment of a
    member who had left was proposed for those ten days, the rest of the old period."""
    council = _council_id(demo_services)
    changeover = today + timedelta(days=4)
    next_end = changeover + timedelta(days=1094)
    for name, start, end in (
        ("1. Berufungsperiode", date(2024, 1, 1), changeover - timedelta(days=1)),
        ("2. Berufungsperiode", changeover, next_end),
    ):
        demo_services.appointment_periods.add(council, AppointmentPeriod(None, name, start, end))

    form = _further_term_of_abendroth(page).form

    assert (form.member().term_start, form.member().term_end) == (changeover, next_end)
    page.steps.dialog.reject()


def test_a_vice_chair_s_further_term_in_the_next_period_begins_as_member(page, demo_services):
    """(found by a tester) re-appointed for the next Berufungsperiode, Dr. Brüggemann came
    back as "Stellv. Vorsitz", which the new council elects at its constituent meeting."""
    vice_chair = _select(page, "Brüggemann")
    assert vice_chair.role.label == "Stellv. Vorsitz"
    ends = vice_chair.term_end
    council = _council_id(demo_services)
    for name, start, end in (
        ("1. Berufungsperiode", date(2025, 1, 1), ends),
        ("2. Berufungsperiode", ends + timedelta(days=1), ends + timedelta(days=1095)),
    ):
        demo_services.appointment_periods.add(council, AppointmentPeriod(None, name, start, end))

    page.next_term_button.click()

    form = page.steps.dialog.form
    assert form.member().term_start == ends + timedelta(days=1)
    assert form.role_combo.currentText() == "Mitglied"
    page.steps.dialog.reject()


def test_a_chair_s_further_term_in_the_only_period_set_up_begins_as_member(page, demo_services):
    """(found by a tester) with no period set up for the ended term, the role was kept: a
    chair re-appointed for the first period set up came back as chair before its election.
    Without any period, a term continued the day after its end keeps the role."""
    chair = _select(page, "Lindqvist")
    assert chair.role.label == "Vorsitz"
    page.next_term_button.click()
    assert page.steps.dialog.form.role_combo.currentText() == "Vorsitz"
    page.steps.dialog.reject()
    ends = chair.term_end
    period = AppointmentPeriod(None, "2. Berufungsperiode", ends + timedelta(days=1))
    demo_services.appointment_periods.add(_council_id(demo_services), period)

    page.next_term_button.click()

    form = page.steps.dialog.form
    assert form.member().term_start == ends + timedelta(days=1)
    assert form.role_combo.currentText() == "Mitglied"
    page.steps.dialog.reject()
