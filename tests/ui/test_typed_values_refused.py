"""A date or time typed with a part the field cannot hold is not taken, and the field says
why (found by review): "24:00" became 02:00, "01.13.2027" 01.01.2027, and "12a" (12 AM) in
a field that may be empty 00:00, shown as no time; the form saved that without a word.
"30.02.2027" stays the month's last day, as Qt does it, and is said now."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QLineEdit,
    QTimeEdit,
    QToolTip,
    QWidget,
)
from typed_fields import empty_date_edit, in_active_window, paste

from expertenrat.ui.date_fields import DateEdit, date_edit
from expertenrat.ui.time_fields import (
    TimeEdit,
    optional_time,
    optional_time_edit,
    set_optional_time,
    time_edit,
)

SHOWN_DAY = date(2026, 12, 3)
SHOWN_TIME = time(14, 0)
NO_DATE = "„{typed}“ ist kein Datum, das sich lesen lässt, und wurde nicht übernommen. Bitte als TT.MM.JJJJ angeben, etwa 15.01.2027."  # noqa: E501
NO_TIME = "„{typed}“ ist keine Uhrzeit, die sich lesen lässt, und wurde nicht übernommen. Bitte als HH:MM angeben, etwa 16:30."  # noqa: E501
MIDNIGHT = "„{typed}“ ist 0:00 Uhr (Mitternacht) und wurde nicht übernommen: In diesem Feld heißt 00:00 keine Uhrzeit (––:––). Bitte 23:59 oder 00:01 angeben."  # noqa: E501


def in_window(qtbot, field: QWidget) -> tuple[QWidget, QLineEdit]:
    """``field`` in an active window (the focus leaves it only there) with a field after it;
    the window (kept while the test runs) and that field."""
    other = QLineEdit()
    return in_active_window(qtbot, field, other), other


@pytest.fixture
def day_field(qtbot) -> Iterator[tuple[DateEdit, QLineEdit]]:
    edit = date_edit(SHOWN_DAY)
    _window, other = in_window(qtbot, edit)
    yield edit, other


@pytest.fixture(params=["filled", "optional"])
def time_field(qtbot, request) -> Iterator[tuple[TimeEdit, QLineEdit]]:
    edit = time_edit() if request.param == "filled" else optional_time_edit()
    edit.setTime(QTime(SHOWN_TIME))
    _window, other = in_window(qtbot, edit)
    yield edit, other


def type_into(qtbot, edit: QDateEdit | QTimeEdit, text: str) -> None:
    """Click into the first part (the day, the hours) and type ``text``."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    first = edit.sectionAt(0)
    edit.setCurrentSection(first)
    edit.setSelectedSection(first)
    qtbot.keyClicks(edit, text)


def leave(qtbot, edit: QWidget, other: QLineEdit, how: str) -> None:
    if how == "tab":
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
    elif how == "click":
        qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.wait(10)


def said(qtbot, edit: DateEdit | TimeEdit, message: str, kind: str = "error") -> None:
    """``message`` is the field's, in its colour, and shown under it."""
    assert edit.notice.message == message
    assert edit.toolTip() == message and edit.accessibleDescription() == message
    assert edit.property(kind) is True
    qtbot.waitUntil(lambda: " ".join(QToolTip.text().split()) == message)


REFUSED = [
    *(("date", typed) for typed in ["01.13.2027", "32.01.2027", "15.13.27", "00.01.2027"]),
    *(("date", typed) for typed in ["0.6.2028", "15.0.2027"]),  # Qt kept the day before
    *((kind, typed) for kind in ("time", "optional") for typed in ["24:00", "25", "24", "23:60"]),
]


@pytest.mark.parametrize(("kind", "typed"), REFUSED)
@pytest.mark.parametrize("how", ["tab", "click", "enter", "right"])
def test_a_value_with_a_part_qt_refused_is_not_taken_and_said(qtbot, kind, typed, how):
    """(found by review) "01.13.2027" showed 01.01.2027 and "24:00" 02:00, and so they were
    saved. Enter and the arrow key stay in the field (Enter saves nothing)."""
    if kind == "date":
        edit, shown, message = date_edit(SHOWN_DAY), "03.12.2026", NO_DATE
    else:
        edit = time_edit() if kind == "time" else optional_time_edit()
        edit.setTime(QTime(SHOWN_TIME))
        shown, message = "14:00", NO_TIME
    _window, other = in_window(qtbot, edit)
    type_into(qtbot, edit, typed)
    if how == "right":
        qtbot.keyClick(edit, Qt.Key.Key_Right)
    else:
        leave(qtbot, edit, other, how)
    assert (edit.text(), edit.textFromDateTime(edit.dateTime())) == (shown, shown)
    said(qtbot, edit, message.format(typed=typed))
    if how != "tab":  # Tab may go on to the minutes ("24", Tab)
        assert edit.hasFocus() is (how != "click")


def test_the_message_goes_when_a_time_is_typed_again(qtbot, time_field):
    edit, other = time_field
    type_into(qtbot, edit, "24:00")
    leave(qtbot, edit, other, "tab")
    type_into(qtbot, edit, "16:30")
    assert edit.notice.message == "" and not edit.property("error")
    leave(qtbot, edit, other, "tab")
    assert edit.time().toPython() == time(16, 30) and edit.toolTip() == ""


@pytest.mark.parametrize("typed", ["12a", "12A", "12:00 AM", "12 am", "12:00a"])
@pytest.mark.parametrize("before", [None, time(10, 0)])
@pytest.mark.parametrize("how", ["tab", "enter"])
def test_twelve_am_is_no_time_where_00_00_means_none(qtbot, typed, before, how):
    """(found by review) "12a" made 00:00, which the field shows as "––:––": no time."""
    edit = optional_time_edit()
    set_optional_time(edit, before)
    _window, other = in_window(qtbot, edit)
    type_into(qtbot, edit, typed)
    leave(qtbot, edit, other, how)
    assert optional_time(edit) == before
    assert edit.text() == (f"{before:%H:%M}" if before else "––:––")
    said(qtbot, edit, MIDNIGHT.format(typed=typed))


@pytest.mark.parametrize(("typed", "meant"), [("12:30a", time(0, 30)), ("12p", time(12))])
def test_other_times_before_noon_are_taken_where_00_00_means_none(qtbot, typed, meant):
    edit = optional_time_edit()
    _window, other = in_window(qtbot, edit)
    type_into(qtbot, edit, typed)
    leave(qtbot, edit, other, "tab")
    assert optional_time(edit) == meant and edit.notice.message == ""


def test_twelve_am_is_midnight_in_a_field_that_is_never_empty(qtbot):
    edit = time_edit()
    edit.setTime(QTime(SHOWN_TIME))
    _window, other = in_window(qtbot, edit)
    type_into(qtbot, edit, "12a")
    leave(qtbot, edit, other, "tab")
    assert edit.time().toPython() == time(0, 0) and edit.notice.message == ""


@pytest.mark.parametrize("copied", ["12:00 AM", "12 AM", "12:00 a.m."])
def test_twelve_am_pasted_is_no_time_where_00_00_means_none(qtbot, copied):
    edit = optional_time_edit()
    set_optional_time(edit, time(10, 0))
    _window, _ = in_window(qtbot, edit)
    edit.setFocus()
    edit.selectAll()
    paste(qtbot, edit, copied)
    qtbot.wait(10)
    assert optional_time(edit) == time(10, 0)
    said(qtbot, edit, MIDNIGHT.format(typed=copied))


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("30.02.2027", "28.02.2027"), ("31.04.2027", "30.04.2027"), ("29.02.2027", "28.02.2027")],
)
@pytest.mark.parametrize("how", ["tab", "enter"])
def test_a_day_the_month_does_not_have_is_its_last_and_said(qtbot, day_field, typed, shown, how):
    """By design the field shows the month's last day, as Qt does; it was not said."""
    edit, other = day_field
    type_into(qtbot, edit, typed)
    leave(qtbot, edit, other, how)
    assert edit.text() == shown
    message = f"Den {typed} gibt es nicht. Das Feld zeigt den letzten Tag des Monats, den {shown}."
    said(qtbot, edit, message, "warning")


def test_a_day_every_month_of_the_date_has_is_said_nothing_of(qtbot, day_field):
    edit, other = day_field
    type_into(qtbot, edit, "29.02.2028")
    leave(qtbot, edit, other, "tab")
    assert edit.text() == "29.02.2028" and edit.notice.message == ""


def test_an_empty_date_field_stays_empty_for_a_date_it_cannot_read(qtbot):
    edit = empty_date_edit()
    _window, other = in_window(qtbot, edit)
    type_into(qtbot, edit, "01.13.2027")
    leave(qtbot, edit, other, "enter")
    assert edit.date() == edit.minimumDate() and edit.text() == "–"
    said(qtbot, edit, NO_DATE.format(typed="01.13.2027"))
