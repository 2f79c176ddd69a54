"""A click on "Speichern" (or a dialog's OK) straight from a date or time field refusing
what was typed ("24:00", "01.13.2027") saves nothing: the field went back and said why,
and the click saved the form with the value before, one the user did not type (found by
review)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from functools import partial

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLineEdit, QPushButton, QToolButton
from test_date_fields import page  # noqa: F401  (the Sitzungen page, active)
from typed_fields import in_active_window

from expertenrat.ui.close_recommendation_dialog import CloseRecommendationDialog
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.series_dialog import SeriesDialog
from expertenrat.ui.time_fields import optional_time_edit, time_edit


def type_first(qtbot, edit, typed: str) -> None:
    """Put the focus in ``edit``'s first part and type ``typed``."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setSelectedSection(edit.sectionAt(0))
    qtbot.keyClicks(edit, typed)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)


@pytest.mark.parametrize("button_kind", [QPushButton, QToolButton])
@pytest.mark.parametrize(
    ("make", "typed", "good", "value"),
    [
        (lambda: date_edit(date(2026, 12, 3)), "01.13.2027", "15.01.2027", "date"),
        (time_edit, "24:00", "16:30", "time"),
        (optional_time_edit, "24:00", "16:30", "time"),
        (optional_time_edit, "12a", "16:30", "time"),
    ],
)
def test_a_click_from_a_field_refusing_its_keys_does_nothing(
    qtbot, button_kind, make, typed, good, value
):
    """A button that takes the focus (Speichern) and one that does not (a tool button)."""
    edit, other = make(), QLineEdit()
    if value == "time":
        edit.setTime(QTime(14, 0))
    button = button_kind()
    clicked: list[object] = []
    button.clicked.connect(lambda: clicked.append(getattr(edit, value)()))
    _window = in_active_window(qtbot, edit, other, button)
    shown = edit.text()

    type_first(qtbot, edit, typed)
    click(qtbot, button)
    assert clicked == []
    assert edit.text() == shown and edit.hasFocus()
    assert edit.notice.message.startswith(f"„{typed}“ ist ")

    shape = "dd.MM.yyyy" if value == "date" else "HH:mm"
    click(qtbot, button)  # seen, and clicked again: the value the field shows, as Enter
    assert [c.toString(shape) for c in clicked] == [shown.replace("––:––", "00:00")]

    clicked.clear()
    type_first(qtbot, edit, good)
    click(qtbot, button)
    assert [c.toString(shape) for c in clicked] == [good]


def refused_then_taken(qtbot, edit, button, typed: tuple[str, str], saved: Callable) -> None:
    """The first of ``typed`` typed into ``edit`` and ``button`` clicked: nothing
    ``saved()``, the field goes back and says why, the focus in it; then the second typed
    and ``button`` clicked."""
    refused, good = typed
    shown = edit.text()
    type_first(qtbot, edit, refused)
    click(qtbot, button)
    assert not saved()
    assert edit.text() == shown and edit.hasFocus()
    assert edit.notice.message.startswith(f"„{refused}“ ist kein")
    type_first(qtbot, edit, good)
    click(qtbot, button)


@pytest.mark.parametrize(("field", "typed"), [("date_edit", "01.13.2027"), ("start_edit", "24:00")])
def test_a_click_on_speichern_saves_no_meeting_with_a_value_not_typed(
    page,  # noqa: F811
    qtbot,
    services,
    council_id,
    field,
    typed,
):
    """The new meeting was saved on the day the form proposed, at the time it proposed."""
    page.new_button.click()
    form = page.form
    form.place_edit.setText("Rathaus")
    good = "15.01.2027" if field == "date_edit" else "16:30"
    meetings = partial(services.meetings.list, council_id)
    refused_then_taken(qtbot, getattr(form, field), form.save_button, (typed, good), meetings)
    starts_at = services.meetings.list(council_id)[0].starts_at
    typed_value = starts_at.date() if field == "date_edit" else starts_at.time()
    assert typed_value == (date(2027, 1, 15) if field == "date_edit" else time(16, 30))


@pytest.mark.parametrize(
    ("field", "typed"), [("first_day_edit", "32.01.2027"), ("start_edit", "24:00")]
)
def test_a_click_on_anlegen_makes_no_series_with_a_value_not_typed(
    qtbot, services, council_id, dialogs, field, typed
):
    """ "Sitzungsreihe anlegen": the series was made from the first day or the time the
    dialog proposed."""
    dialog = SeriesDialog(services.meetings, council_id, date(2026, 11, 2), dialogs=dialogs)
    _window = in_active_window(qtbot, dialog)
    dialog.place_edit.setText("Rathaus")
    good = "16.11.2026" if field == "first_day_edit" else "16:30"
    meetings = partial(services.meetings.list, council_id)
    refused_then_taken(qtbot, getattr(dialog, field), dialog.save_button, (typed, good), meetings)
    starts = [m.starts_at for m in services.meetings.list(council_id)]
    assert starts
    if field == "first_day_edit":
        assert min(starts).date() == date(2026, 11, 16)
    else:
        assert {s.time() for s in starts} == {time(16, 30)}


def test_a_click_on_abschliessen_closes_no_recommendation_on_a_day_not_typed(qtbot, today):
    """A step dialog of the register (here "Abschließen"): its accept button saved the step
    on the day proposed, today."""
    closings: list[date] = []
    dialog = CloseRecommendationDialog(
        None, "E-2026-01", today, lambda closing: closings.append(closing.on)
    )
    _window = in_active_window(qtbot, dialog)
    refused_then_taken(
        qtbot, dialog.date_edit, dialog.accept_button, ("01.13.2026", "02.11.2026"), closings.copy
    )
    assert closings == [date(2026, 11, 2)]
