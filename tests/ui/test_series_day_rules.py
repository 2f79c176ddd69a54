"""The day rules "Sitzungsreihe anlegen" offers for a rhythm (pytest-qt): "an einem
Wochentag" is a weekly rule; for a monthly or longer rhythm it is off (not offered, then
refused), its tooltip pointing to "am n-ten Wochentag des Monats", which takes its place
where it was chosen. "an einem Tag des Monats" is off for a weekly one (its day was
shown and ignored)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from expertenrat.ui.series_dialog import SeriesDialog
from expertenrat.ui.series_dialog_view import DAY_OF_MONTH, NTH_WEEKDAY, SAME_DAY, WEEKDAY
from tests.ui.wheeling import fields_the_wheel_changed


@pytest.fixture
def dialog(qtbot, services, council_id, dialogs) -> SeriesDialog:
    widget = SeriesDialog(services.meetings, council_id, date(2026, 11, 2), dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _choose(dialog: SeriesDialog, frequency: str) -> None:
    dialog.frequency_combo.setCurrentIndex(dialog.frequency_combo.findData(frequency))


def _weekday_item(dialog: SeriesDialog):
    combo = dialog.day_rule_combo
    return combo.model().item(combo.findData(WEEKDAY))


def test_a_weekday_is_offered_for_a_weekly_series_only(dialog, qtbot) -> None:
    _choose(dialog, "weekly")
    dialog.day_rule_combo.setCurrentIndex(dialog.day_rule_combo.findData(WEEKDAY))
    dialog.weekday_combo.setCurrentIndex(3)  # Donnerstag
    assert _weekday_item(dialog).isEnabled() and dialog.save_button.isEnabled()

    _choose(dialog, "monthly")

    assert not _weekday_item(dialog).isEnabled()
    assert "am n-ten Wochentag des Monats" in _weekday_item(dialog).toolTip()
    # Chosen before, the rule became the n-th weekday, the weekday kept: no refusal.
    assert dialog.day_rule_combo.currentData() == NTH_WEEKDAY
    assert dialog.weekday_combo.currentData() == 3
    assert dialog.problem_label.text() == "" and dialog.save_button.isEnabled()
    # The keyboard steps over it: from the n-th weekday, down lands on the day of month.
    dialog.day_rule_combo.setFocus()
    qtbot.keyClick(dialog.day_rule_combo, Qt.Key.Key_Down)
    assert dialog.day_rule_combo.currentData() != WEEKDAY

    _choose(dialog, "weekly")
    assert _weekday_item(dialog).isEnabled() and _weekday_item(dialog).toolTip() == ""


@pytest.mark.parametrize("frequency", ["quarterly", "yearly"])
def test_a_longer_rhythm_does_not_offer_a_weekday_either(dialog, frequency) -> None:
    _choose(dialog, frequency)

    assert not _weekday_item(dialog).isEnabled()


def test_a_day_of_the_month_is_not_offered_for_a_weekly_series(dialog) -> None:
    _choose(dialog, "monthly")
    combo = dialog.day_rule_combo
    combo.setCurrentIndex(combo.findData(DAY_OF_MONTH))
    assert dialog.day_spin.isVisible()

    _choose(dialog, "weekly")

    item = combo.model().item(combo.findData(DAY_OF_MONTH))
    assert not item.isEnabled() and "wöchentliche Reihe" in item.toolTip()
    # Chosen before, the rule became the first meeting's day: no day shown and ignored.
    assert combo.currentData() == SAME_DAY and dialog.day_spin.isHidden()
    assert dialog.save_button.isEnabled()


def test_the_wheel_changes_no_field_without_the_focus(dialog) -> None:
    """The wheel passing over the rhythm, a day, a time or the count chose the next entry or
    stepped the value; only a field given the focus (a click, Tab) takes it."""
    _choose(dialog, "monthly")
    dialog.day_rule_combo.setCurrentIndex(dialog.day_rule_combo.findData(DAY_OF_MONTH))
    dialog.count_radio.setChecked(True)

    assert fields_the_wheel_changed(dialog) == []


def test_a_screen_reader_hears_why_anlegen_went_off_once(dialog, announced) -> None:
    """The problem shows in the preview's place, which a screen reader does not read by
    itself; the focus stays in the field changed (found by a tester)."""
    for days_before in (1, 2):  # the same problem again: not said twice
        dialog.until_edit.setDate(dialog.first_day_edit.date().addDays(-days_before))

    assert not dialog.save_button.isEnabled()
    assert announced == [dialog.problem_label.text()] and announced[0]
