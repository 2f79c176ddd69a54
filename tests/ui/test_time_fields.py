"""The window's time fields read a time typed as on a PC set to English (found by a
tester: "4:30 PM" became 04:30, Qt's field dropped the "PM")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QLineEdit, QTimeEdit, QToolTip
from typed_fields import focused, in_active_window, paste

from expertenrat.ui.time_fields import optional_time, optional_time_edit, time_edit


def typed(qtbot, edit: QTimeEdit, text: str) -> None:
    focused(qtbot, edit, whole=False)
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, text)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("4:30 PM", time(16, 30)),
        ("4:30pm", time(16, 30)),
        ("12:15 PM", time(12, 15)),
        ("12:15 AM", time(0, 15)),
        ("9:05 am", time(9, 5)),
        ("16:30", time(16, 30)),
        ("16:30 PM", time(16, 30)),
    ],
)
def test_a_time_typed_with_pm_or_am_is_taken_as_meant(qtbot, text, meant):
    edit = time_edit()
    typed(qtbot, edit, text)
    assert edit.time().toPython() == meant


@pytest.mark.parametrize(
    ("text", "meant"),
    [("4:30 PM", time(16, 30)), ("4:30 pm", time(16, 30)), ("12:15 AM", time(0, 15))],
)
def test_a_time_typed_with_a_space_before_pm_stays_so_when_the_focus_leaves(qtbot, text, meant):
    """(found by a tester) The space Qt refused made the field go back to 04:30 as the
    focus left it: "4:30 PM" showed 16:30 while typed and was saved as 04:30."""
    edit, other = time_edit(), QLineEdit()
    _window = in_active_window(qtbot, edit, other)
    edit.setTime(QTime(14, 0))
    edit.setFocus()
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, text)
    other.setFocus()
    qtbot.wait(10)  # Qt went back to the time before in an event of its own
    assert edit.time().toPython() == meant


@pytest.fixture
def field(qtbot) -> Iterator[tuple[QTimeEdit, QLineEdit]]:
    """A time field showing 14:00, focused in an active window, and a field after it."""
    edit, other = time_edit(), QLineEdit()
    _window = in_active_window(qtbot, edit, other)
    edit.setTime(QTime(14, 0))
    edit.setFocus()
    yield edit, other


@pytest.mark.parametrize("text", ["16:30", "1630", "4:30 PM", "16.30 Uhr"])
@pytest.mark.parametrize("where", ["whole", "end"])
def test_a_time_typed_over_the_whole_field_or_after_it_is_taken(qtbot, field, text, where):
    """(found by a tester) With the whole field selected (Ctrl+A), Qt refused "1" and "6"
    of "16:30" and put "30" into the minutes: 14:30, without a word; typed after the end,
    every key was refused."""
    edit, other = field
    if where == "whole":
        edit.selectAll()
    else:
        edit.lineEdit().deselect()
        edit.lineEdit().setCursorPosition(len(edit.text()))
    qtbot.keyClicks(edit, text)
    other.setFocus()
    qtbot.wait(10)
    assert edit.time().toPython() == time(16, 30)


def test_a_typed_time_changed_by_an_arrow_key_stays_as_shown(qtbot, field):
    edit, other = field
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, "1630")
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    other.setFocus()
    qtbot.wait(10)
    assert edit.time().toPython() == time(17, 30)


def test_an_hour_typed_again_after_an_arrow_key_back_stays_as_shown(qtbot, field):
    """(found by review) "09", the arrow key back to the hour, "10": Qt showed 10:00, and
    as the focus left, the keys typed since it came, "0910", made it 09:10."""
    edit, other = field
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, "09")
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, "10")
    shown = edit.time().toPython()
    other.setFocus()
    qtbot.wait(10)
    assert (shown, edit.time().toPython()) == (time(10, 0), time(10, 0))


@pytest.mark.parametrize(
    ("text", "shown", "meant"),
    [
        ("145", "14:5", time(14, 5)),
        ("100", "10:0", time(10, 0)),
        ("200", "20:0", time(20, 0)),
        ("1430", "14:30", time(14, 30)),
    ],
)
@pytest.mark.parametrize("leave", ["tab", "enter"])
def test_a_time_qt_took_key_by_key_is_kept_as_shown(qtbot, field, text, shown, meant, leave):
    """(found by review) "145" showed 14:05 while typed and became 01:45 as the focus left
    (or on Enter), "100" 01:00 and "200" 02:00: the keys were read again as a time typed
    in one go, though Qt had taken every one of them."""
    edit, other = field
    emitted = []
    edit.timeChanged.connect(lambda value: emitted.append(value.toPython()))
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, text)
    assert edit.text() == shown  # "14:5" until the minutes are complete
    if leave == "tab":
        other.setFocus()
        qtbot.wait(10)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert (edit.text(), edit.time().toPython(), emitted[-1]) == (f"{meant:%H:%M}", meant, meant)


def test_the_empty_time_field_reads_pm_too(qtbot):
    edit = optional_time_edit()
    typed(qtbot, edit, "5:45 PM")
    assert optional_time(edit) == time(17, 45)


def test_a_letter_with_alt_or_ctrl_is_no_pm(qtbot):
    edit = time_edit()
    typed(qtbot, edit, "4:30")
    qtbot.keyClick(edit, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert edit.time().toPython() == time(4, 30)


@pytest.mark.parametrize(
    "copied",
    [
        "16.30 Uhr",
        "16:30 Uhr",
        "16.30",
        "16:30:00",
        " 16:30\n",
        "4:30 PM",  # from an invitation in English (found by review)
        "4:30 p.m.",
        "04:30pm",
        "\u200f\u200e16:30",  # as Windows writes it in a file's properties (found by a tester)
        "16:30\u200b Uhr",
        "„16:30 Uhr“",
    ],
)
@pytest.mark.parametrize("make", [time_edit, optional_time_edit])
def test_a_time_pasted_as_an_invitation_writes_it_is_taken(qtbot, make, copied):
    """(found by a tester) Qt refused "16.30 Uhr" without a word and kept the old time."""
    edit = focused(qtbot, make())
    paste(qtbot, edit, copied)
    qtbot.waitUntil(lambda: edit.time().toPython() == time(16, 30), timeout=2000)
    assert edit.text() == "16:30"


@pytest.mark.parametrize(
    ("copied", "meant"), [("10 Uhr", time(10)), ("um 10 Uhr", time(10)), ("4 PM", time(16))]
)
def test_a_time_pasted_as_its_hour_alone_is_taken(qtbot, copied, meant):
    """(found by a tester) "10 Uhr", as German invitations write the hour, was refused as
    no time that can be read."""
    edit = focused(qtbot, time_edit())
    paste(qtbot, edit, copied)
    qtbot.wait(10)
    assert edit.time().toPython() == meant


@pytest.mark.parametrize("make", [time_edit, optional_time_edit])
def test_a_time_pasted_as_the_focus_came_by_tab_is_taken(qtbot, make):
    """(found by review) Tab selects the hours, and Qt put the pasted text into them,
    "16.30 Uhr:00": refused without a word, the field kept its old time."""
    before, edit = QLineEdit(), make()
    _window = in_active_window(qtbot, before, edit)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert edit.hasFocus()
    paste(qtbot, edit, "16.30 Uhr")
    qtbot.waitUntil(lambda: edit.time().toPython() == time(16, 30), timeout=2000)


@pytest.mark.parametrize(("copied", "meant"), [("16:30", time(16, 30)), ("09:05", time(9, 5))])
def test_a_time_pasted_into_the_minutes_is_the_time_pasted(qtbot, copied, meant):
    """(found by a tester) "16:30" pasted into the minutes of 14:00 (clicked into) made
    Qt's text "14:16:30", read as 14:16 with 30 seconds: a wrong time without a word."""
    edit = focused(qtbot, time_edit(), QTime(14, 0), whole=False)
    edit.setSelectedSection(QTimeEdit.Section.MinuteSection)
    paste(qtbot, edit, copied)
    qtbot.wait(10)
    assert edit.time().toPython() == meant


def test_a_key_the_field_refuses_is_no_paste_of_the_time_copied(qtbot):
    """ "x" typed at the end of "16:30" is "16:30x" to Qt's check, which holds the "6:30"
    copied before: no paste of it."""
    edit = focused(qtbot, time_edit(), QTime(16, 30), whole=False)
    edit.lineEdit().deselect()
    edit.lineEdit().setCursorPosition(5)
    QApplication.clipboard().setText("6:30")  # copied before, not pasted
    qtbot.keyClicks(edit, "x")
    qtbot.wait(10)
    assert edit.time().toPython() == time(16, 30)


def test_a_pasted_text_that_is_no_time_leaves_the_field_s_time_and_says_so(qtbot):
    """(found by review) Refused without a word, the old time looked taken."""
    edit = focused(qtbot, time_edit(), QTime(10, 0))
    paste(qtbot, edit, "nachmittags\nim Rathaus, Raum 1.05 und anschließend im Foyer")
    assert QToolTip.text() == (
        "„nachmittags im Rathaus, Raum 1.05 und an…“ ist keine Uhrzeit, die sich\n"
        "lesen lässt. Bitte als HH:MM angeben, etwa 16:30."
    )
    qtbot.wait(10)
    assert edit.time().toPython() == time(10, 0)
