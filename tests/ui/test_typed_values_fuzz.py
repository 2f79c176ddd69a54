"""Random dates, times and strings typed into the date and time fields (found by review: a
value typed was silently another). The field takes what is a date or time, or keeps its
value before and says why; a day the month does not have is its last, said. Never an
exception. The cases are drawn with a fixed seed: the same on every run."""

from __future__ import annotations

import calendar
import random
from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLineEdit, QWidget
from typed_fields import in_active_window

from expertenrat.domain.german_dates import full_year
from expertenrat.ui.date_fields import DateEdit, date_edit
from expertenrat.ui.time_fields import TimeEdit, time_edit

BEFORE_DAY = date(2026, 12, 3)
BEFORE_TIME = time(14, 0)
_DRAW = random.Random(20261205)


def _times() -> list[tuple[str, time | None]]:
    """Times as "H:MM" or "HH:M", some no time; with the time meant or ``None``."""
    cases = []
    for _ in range(40):
        hour, minute = _DRAW.randrange(30), _DRAW.randrange(70)
        text = f"{hour:0{_DRAW.choice((1, 2))}d}:{minute:0{_DRAW.choice((1, 2))}d}"
        cases.append((text, time(hour, minute) if hour < 24 and minute < 60 else None))
    return cases


def _days() -> list[tuple[str, date | None, bool]]:
    """Dates as "D.M.YYYY" or "DD.MM.YY", some no date; with the date shown (``None``: the
    one before) and whether it is the month's last for a day the month does not have."""
    cases = []
    for _ in range(60):
        day = _DRAW.choice([*range(36), 29, 30, 31, 29, 30, 31])  # the month's end more often
        month, year = _DRAW.randrange(15), _DRAW.randrange(2020, 2031)
        width = _DRAW.choice((1, 2))
        shown_year = f"{year % 100:02d}" if _DRAW.random() < 0.3 else f"{year}"
        text = f"{day:0{width}d}.{month:0{width}d}.{shown_year}"
        year = full_year(year % 100) if len(shown_year) == 2 else year
        if not (1 <= month <= 12 and 1 <= day <= 31):
            cases.append((text, None, False))
            continue
        last = calendar.monthrange(year, month)[1]
        cases.append((text, date(year, month, min(day, last)), day > last))
    return cases


def _strings() -> list[str]:
    """Strings of digits, separators, letters and spaces, as a hand slips."""
    keys = "0123456789..::--//  apAPmxUhr,"
    return ["".join(_DRAW.choice(keys) for _ in range(_DRAW.randrange(1, 12))) for _ in range(60)]


TIMES, DAYS, STRINGS = _times(), _days(), _strings()


@pytest.fixture
def window(qtbot) -> QWidget:
    day, clock = date_edit(BEFORE_DAY), time_edit()
    clock.setTime(QTime(BEFORE_TIME))
    return in_active_window(qtbot, day, clock, QLineEdit())


def typed(qtbot, edit: DateEdit | TimeEdit, text: str, window: QWidget) -> None:
    """Type ``text`` into ``edit``'s first part and leave it for the text field."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setCurrentSection(edit.sectionAt(0))
    edit.setSelectedSection(edit.sectionAt(0))
    qtbot.keyClicks(edit, text)
    window.findChild(QLineEdit).setFocus()
    qtbot.waitUntil(lambda: not edit.hasFocus())


@pytest.mark.parametrize(("text", "meant"), TIMES, ids=[text for text, _ in TIMES])
def test_a_random_time_is_taken_or_refused_and_said(qtbot, window, text, meant):
    edit = window.findChild(TimeEdit)
    typed(qtbot, edit, text, window)
    assert (edit.time().toPython(), bool(edit.notice.message)) == (
        (meant, False) if meant else (BEFORE_TIME, True)
    )


@pytest.mark.parametrize(("text", "shown", "cut"), DAYS, ids=[text for text, _, _ in DAYS])
def test_a_random_date_is_taken_or_refused_and_said(qtbot, window, text, shown, cut):
    edit = window.findChild(DateEdit)
    typed(qtbot, edit, text, window)
    kind = "warning" if cut else "error" if shown is None else ""
    assert (edit.date().toPython(), kind and bool(edit.property(kind))) == (
        shown or BEFORE_DAY,
        kind and True,
    )
    assert bool(edit.notice.message) is bool(kind)


@pytest.mark.parametrize("text", STRINGS)
@pytest.mark.parametrize("field", [DateEdit, TimeEdit])
def test_a_random_string_leaves_a_value_shown_as_kept(qtbot, window, text, field):
    """What is shown is the value kept, and a value refused is the one before."""
    edit = window.findChild(field)
    typed(qtbot, edit, text, window)
    value = edit.dateTime()
    assert edit.text() == edit.textFromDateTime(value)
    if edit.property("error"):
        before = BEFORE_DAY if field is DateEdit else BEFORE_TIME
        assert (edit.date() if field is DateEdit else edit.time()).toPython() == before
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # nothing raised on Enter either
