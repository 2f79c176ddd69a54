"""A time span pasted into a time field (found by a tester: "16:00–18:00 Uhr" was refused
as no time that can be read, though a date field takes a date followed by it)."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QToolTip
from typed_fields import in_active_window, paste

from expertenrat.ui.meeting_form_view import MeetingFormView
from expertenrat.ui.time_fields import optional_time, optional_time_edit, pair_times, time_edit


@pytest.fixture
def pair(qtbot):
    """A start and an end field with no time, paired as the minutes' Beginn and Ende."""
    start, end = optional_time_edit(), optional_time_edit()
    pair_times(start, end)
    window = in_active_window(qtbot, start, end)
    yield start, end
    window.close()


def pasted_into(qtbot, edit, copied: str) -> str:
    """``copied`` pasted into ``edit`` over its whole text; what is said under it."""
    edit.setFocus()
    edit.selectAll()
    paste(qtbot, edit, copied)
    qtbot.waitUntil(lambda: bool(QToolTip.text()), timeout=2000)
    return QToolTip.text().replace("\n", " ")


@pytest.fixture(autouse=True)
def _no_tooltip_left() -> None:
    QToolTip.hideText()


@pytest.mark.parametrize("copied", ["16:00–18:00 Uhr", "von 16 bis 18 Uhr", "4–6 PM"])
def test_a_span_pasted_into_the_start_takes_it_and_fills_the_empty_end(qtbot, pair, copied):
    start, end = pair
    said = pasted_into(qtbot, start, copied)
    assert (optional_time(start), optional_time(end)) == (time(16), time(18))
    assert said == "Eingefügt war die Zeitspanne 16:00–18:00 Uhr: Beginn und Ende sind übernommen."


def test_a_span_pasted_into_the_end_takes_its_end_and_fills_the_empty_start(qtbot, pair):
    start, end = pair
    pasted_into(qtbot, end, "16:00 - 18:30")
    assert (optional_time(start), optional_time(end)) == (time(16), time(18, 30))


def test_an_end_already_there_is_kept_and_the_message_says_so(qtbot, pair):
    """Never a time changed unsaid: the end typed before stays, and the field says which."""
    start, end = pair
    end.setTime(QTime(17, 45))
    said = pasted_into(qtbot, start, "16:00–18:00 Uhr")
    assert (optional_time(start), optional_time(end)) == (time(16), time(17, 45))
    assert said == (
        "Eingefügt war die Zeitspanne 16:00–18:00 Uhr; übernommen ist ihr Beginn. "
        "Das Ende bleibt 17:45 Uhr: bitte prüfen."
    )


def test_a_start_already_there_is_kept_when_the_span_goes_into_the_end(qtbot, pair):
    start, end = pair
    start.setTime(QTime(15, 30))
    said = pasted_into(qtbot, end, "16:00–18:00 Uhr")
    assert (optional_time(start), optional_time(end)) == (time(15, 30), time(18))
    assert said.endswith("übernommen ist ihr Ende. Der Beginn bleibt 15:30 Uhr: bitte prüfen.")


def test_a_field_alone_takes_the_start_and_says_so(qtbot):
    edit = time_edit()
    _window = in_active_window(qtbot, edit)
    edit.setTime(QTime(10, 0))
    said = pasted_into(qtbot, edit, "16:00–18:00 Uhr")
    assert edit.time().toPython() == time(16)
    assert said == "Eingefügt war die Zeitspanne 16:00–18:00 Uhr; übernommen ist ihr Beginn."


def test_a_span_that_is_no_time_is_refused_as_before(qtbot, pair):
    """ "16–18" without "Uhr" may be anything (pages, rooms): no time taken."""
    start, end = pair
    said = pasted_into(qtbot, start, "16–18")
    assert (optional_time(start), optional_time(end)) == (None, None)
    assert said.startswith("„16–18“ ist keine Uhrzeit")


def test_the_meeting_form_s_start_takes_a_span_and_keeps_its_end_with_a_word(qtbot):
    view = MeetingFormView()
    _window = in_active_window(qtbot, view)
    view.start_edit.setTime(QTime(14, 0))
    view.end_edit.setTime(QTime(16, 0))
    said = pasted_into(qtbot, view.start_edit, "16:00–19:00 Uhr")
    assert (view.start_edit.time().toPython(), view.end_edit.time().toPython()) == (
        time(16),
        time(16),
    )
    assert said.endswith("Das Ende bleibt 16:00 Uhr: bitte prüfen.")
