"""The window's date field takes a date as it is typed in German offices (found by a
tester): Qt's own field kept its old date, without a word, for "15.01.2027" typed with dots,
for a two-digit year, and cut 29.02.2028 to the 28th."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QLineEdit, QToolTip
from typed_fields import empty_date_edit, focused, in_active_window, paste

from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.meetings_page import MeetingsPage

SHOWN = date(2026, 12, 3)


def type_date(qtbot, edit: QDateEdit, text: str) -> None:
    """Click into the day and type ``text``, as the user does."""
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, text)


@pytest.fixture
def fields(qtbot) -> Iterator[tuple[QDateEdit, QLineEdit]]:
    """A date field showing 03.12.2026 and a field the focus moves on to, in an active
    window."""
    edit, other = date_edit(SHOWN), QLineEdit()
    _window = in_active_window(qtbot, edit, other)
    yield edit, other  # the window lives on


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("15.01.2027", date(2027, 1, 15)),
        ("15.1.2027", date(2027, 1, 15)),
        ("15012027", date(2027, 1, 15)),
        ("1.1.27", date(2027, 1, 1)),
        ("01.01.27", date(2027, 1, 1)),
        ("3.10.90", date(1990, 10, 3)),  # as the member import reads it (Excel's rule)
        ("29.02.2028", date(2028, 2, 29)),
        ("29.2.28", date(2028, 2, 29)),
        ("31.03.2027", date(2027, 3, 31)),
        ("3/1/2025", date(2025, 1, 3)),  # typed in the field's order, day first
        ("1/2/27", date(2027, 2, 1)),
    ],
)
def test_a_typed_date_is_taken_when_the_focus_leaves(qtbot, fields, typed, day):
    edit, other = fields
    type_date(qtbot, edit, typed)
    other.setFocus()
    assert edit.date().toPython() == day
    assert edit.text() == f"{day:%d.%m.%Y}"


@pytest.mark.parametrize("typed", ["24.12.", "24.12", "24122026", "241226"])
@pytest.mark.parametrize("where", ["whole", "end"])
def test_a_date_typed_over_the_whole_field_or_after_it_is_taken(qtbot, fields, typed, where):
    """(found by a tester) With the whole field selected (Ctrl+A), or clicked into at its
    end, Qt refused the first digit of "24.12." or every one of "24122026" and kept the
    old date without a word."""
    edit, other = fields
    edit.setFocus()
    if where == "whole":
        edit.selectAll()
    else:
        edit.lineEdit().deselect()
        edit.lineEdit().setCursorPosition(len(edit.text()))
    qtbot.keyClicks(edit, typed)
    other.setFocus()
    assert edit.date().toPython() == date(2026, 12, 24)


@pytest.mark.parametrize("leave", ["tab", "enter"])
def test_a_typed_date_changed_by_an_arrow_key_stays_as_shown(qtbot, fields, leave):
    """(found by review) 15.01.2027 typed, then Up to the 16th: the field went back to the
    15th as the focus left it, or Enter saved the form."""
    edit, other = fields
    type_date(qtbot, edit, "15.01.2027")
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.text() == "16.01.2027"
    if leave == "tab":
        other.setFocus()
        assert not edit.hasFocus()
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date().toPython() == date(2027, 1, 16)


def test_a_date_typed_year_first_is_taken_when_the_focus_leaves_or_on_enter(qtbot, fields):
    """(found by a tester) "2027-01-15" filled day, month and year in turn: 20.02.7011."""
    edit, other = fields
    type_date(qtbot, edit, "2027-01-15")
    other.setFocus()
    assert edit.date().toPython() == date(2027, 1, 15)
    type_date(qtbot, edit, "2028-02-29")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date().toPython() == date(2028, 2, 29)


def test_a_two_digit_year_is_taken_on_enter(qtbot, fields):
    edit, _ = fields
    type_date(qtbot, edit, "1.1.27")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date().toPython() == date(2027, 1, 1)


@pytest.mark.parametrize(
    "copied",
    [
        "2027-01-15",
        "15/01/2027",
        "01/15/2027",  # month first, as an Excel set to US English writes it
        "15.1.27",
        "15.01.27",  # Qt's check finds it incomplete, then makes it the year 27 (found by a tester)
        "15.01.2027\n",
        "2027-01-15 00:00:00",
        "15.01.2027 16:30",  # a date and time cell of a list (found by review)
        "Freitag, 15. Januar 2027, 16:30 Uhr",
        "Friday, January 15, 2027 4:30 PM",  # an Outlook set to English (found by review)
        "Freitag, 15. Januar 2027",  # as an invitation writes it (found by a tester)
        "Fr., 15.01.2027",
        # invisible marks and quotation marks copied along (found by a tester): "„15.01.2027“
        # ist kein Datum" was said of a date that looked right
        "\u200e15.\u200e01.\u200e2027",  # as Windows writes it in a file's properties
        "\u200eFreitag, \u200e15. \u200eJanuar \u200e2027",
        "15.01.2027\u200b",  # a zero-width space of a web page
        "15.\u00ad01.2027",
        "„15.01.2027“",  # quoted in a mail
    ],
)
def test_a_date_pasted_in_another_form_is_taken(qtbot, fields, copied):
    """(found by a tester) Copied from a spreadsheet on a PC set to English, from a file
    or a table cell, Qt refused it without a word and the field kept its old date."""
    edit, _ = fields
    edit.setFocus()
    edit.selectAll()
    paste(qtbot, edit, copied)
    qtbot.waitUntil(lambda: edit.date().toPython() == date(2027, 1, 15))
    assert edit.text() == "15.01.2027"


@pytest.mark.parametrize("copied", ["15.01.2027", "2027-01-15", "Freitag, 15. Januar 2027"])
def test_a_date_pasted_as_the_focus_came_by_tab_is_taken(qtbot, copied):
    """(found by review) Tab selects the field's day, and Qt put the pasted text into it,
    "15.01.2027.12.2026": refused without a word, the field kept its old date; only a
    field whose whole text was selected took it."""
    before, edit = QLineEdit(), date_edit(SHOWN)
    _window = in_active_window(qtbot, before, edit)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert edit.hasFocus() and edit.lineEdit().selectedText() == "03"
    paste(qtbot, edit, copied)
    qtbot.waitUntil(lambda: edit.date().toPython() == date(2027, 1, 15), timeout=2000)
    assert edit.text() == "15.01.2027"


@pytest.mark.parametrize("whole", [True, False])
def test_a_date_pasted_without_its_year_is_in_the_year_shown(qtbot, fields, whole):
    """(found by a tester) "24.12." typed is the 24 December of the year shown; pasted, it
    was said to be no date."""
    edit, _ = fields
    edit.setFocus()
    if whole:
        edit.selectAll()
    else:
        edit.setSelectedSection(QDateEdit.Section.DaySection)
    paste(qtbot, edit, "24.12.")
    qtbot.waitUntil(lambda: edit.date().toPython() == date(2026, 12, 24), timeout=2000)


def test_a_pasted_text_that_is_no_date_leaves_the_field_s_date_and_says_so(qtbot, fields):
    """(found by review) Refused without a word, the old date looked taken."""
    edit, _ = fields
    edit.setFocus()
    edit.selectAll()
    for copied in ("Dezember 2026", "2027-13-01", "1.05", "15.01.2027 bis 20.01.2027"):
        paste(qtbot, edit, copied)
    assert QToolTip.text() == (
        "„15.01.2027 bis 20.01.2027“ ist kein Datum, das sich lesen lässt. Bitte\n"
        "als TT.MM.JJJJ angeben, etwa 15.01.2027."
    )
    qtbot.wait(10)
    assert edit.date().toPython() == SHOWN


def test_a_pasted_date_that_reads_as_two_days_is_refused_with_why(qtbot, fields):
    """(found by review) "3/1/2025" from a spreadsheet on a PC set to US English, the 1
    March, became the 3 January without a word. The why is said on short lines: on one,
    it was about 1,000 px wide, as wide as a window of 1024 px (found by a tester)."""
    edit, _ = fields
    edit.setFocus()
    edit.selectAll()
    paste(qtbot, edit, "3/1/2025")
    qtbot.wait(10)
    assert edit.date().toPython() == SHOWN
    assert QToolTip.text() == (
        "„3/1/2025“ ist kein eindeutiges Datum: In den USA steht der Monat\n"
        "zuerst, in Großbritannien der Tag. Bitte geben Sie es als TT.MM.JJJJ an,\n"
        "03.01.2025 oder 01.03.2025."
    )
    assert max(len(line) for line in QToolTip.text().splitlines()) <= 72


def test_a_pasted_date_its_weekday_is_not_on_is_refused_with_why(qtbot, fields):
    """(found by review) An invitation copied from the year before and half corrected,
    "Dienstag, 14.01.2027" (a Thursday), became the Thursday without a word."""
    edit, _ = fields
    edit.setFocus()
    edit.selectAll()
    paste(qtbot, edit, "Dienstag, 14.01.2027")
    qtbot.wait(10)
    assert edit.date().toPython() == SHOWN
    assert QToolTip.text() == (
        "„Dienstag, 14.01.2027“: Der 14.01.2027 ist ein Donnerstag. Bitte prüfen\n"
        "Sie Wochentag und Datum."
    )


def test_a_day_the_month_never_has_becomes_its_last(qtbot, fields):
    """31.04. is no date: the field shows the 30th, visibly, as Qt does."""
    edit, other = fields
    type_date(qtbot, edit, "31.04.2027")
    other.setFocus()
    assert edit.date().toPython() == date(2027, 4, 30)


@pytest.fixture
def page(qtbot, services, dialogs, council_id, today) -> MeetingsPage:
    """The Sitzungen page, active (the focus moves, and leaves, only in the active window)."""
    page = MeetingsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council_id)
    page.refresh()
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_a_meeting_typed_for_january_is_saved_in_january(page, qtbot, services, council_id):
    """The meeting form saved "15.01.27" as the date it proposed."""
    page.new_button.click()
    form = page.form
    form.place_edit.setText("Rathaus")
    type_date(qtbot, form.date_edit, "15.01.27")
    form.place_edit.setFocus()
    form.save_button.click()
    assert services.meetings.list(council_id)[0].starts_at.date() == date(2027, 1, 15)


def test_enter_in_the_date_saves_the_meeting_on_the_day_typed(page, qtbot, services, council_id):
    page.new_button.click()
    form = page.form
    form.place_edit.setText("Rathaus")
    type_date(qtbot, form.date_edit, "1.2.27")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Return)  # the form's Enter: "Speichern"
    assert services.meetings.list(council_id)[0].starts_at.date() == date(2027, 2, 1)


def test_ctrl_s_saves_the_meeting_as_enter_does(page, qtbot, services, council_id):
    """Strg+S is "Speichern", as in every desktop program (found by a tester)."""
    page.new_button.click()
    form = page.form
    form.place_edit.setText("Rathaus")
    type_date(qtbot, form.date_edit, "1.2.27")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.meetings.list(council_id)[0].starts_at.date() == date(2027, 2, 1)
    assert form.save_button.toolTip() == "Speichern (Strg+S)"


@pytest.mark.parametrize(("field", "typed"), [("date_edit", "01.13.2027"), ("start_edit", "24:00")])
@pytest.mark.parametrize(
    "control", [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier]
)
def test_enter_or_ctrl_s_saves_no_meeting_with_a_value_not_typed(
    page, qtbot, services, council_id, field, typed, control
):
    """(found by review) The form's Enter or Strg+S ("Speichern") saved the meeting on
    01.01.2027 or at 02:00, what Qt had left of the keys; the field now keeps its value and
    says why."""
    page.new_button.click()
    form = page.form
    form.place_edit.setText("Rathaus")
    edit = getattr(form, field)
    shown = edit.text()
    edit.setFocus()
    edit.setSelectedSection(edit.sectionAt(0))
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_S if control else Qt.Key.Key_Return, control)
    assert services.meetings.list(council_id) == []
    assert edit.text() == shown and edit.hasFocus()
    assert edit.notice.message.startswith(f"„{typed}“ ist kein")


@pytest.mark.parametrize("copied", ["15.01.2027", "2027-01-15"])
def test_a_date_pasted_into_an_empty_field_is_taken(qtbot, copied):
    """(found by a tester) The empty field ("–": a consent's date, the Änderungsprotokoll's
    days) kept its "–" before the pasted date, and no date came of it."""
    edit = focused(qtbot, empty_date_edit())
    paste(qtbot, edit, copied)
    qtbot.waitUntil(lambda: edit.date().toPython() == date(2027, 1, 15), timeout=2000)


def test_a_date_typed_into_an_empty_field_digit_by_digit_is_taken(qtbot):
    """(found by a tester) "15012027" typed into the empty field ("–") went after its "–"
    and left no date; a field left untouched keeps its "–"."""
    typed, untouched = empty_date_edit(), empty_date_edit()
    _window = in_active_window(qtbot, typed, untouched)
    typed.setFocus()
    qtbot.waitUntil(typed.hasFocus)
    qtbot.keyClicks(typed, "15012027")
    untouched.setFocus()
    qtbot.waitUntil(untouched.hasFocus)
    untouched.clearFocus()

    assert typed.date().toPython() == date(2027, 1, 15) and typed.text() == "15.01.2027"
    assert untouched.text() == "–"


def test_a_day_typed_again_after_an_arrow_key_back_stays_as_shown(qtbot, fields):
    """(found by review) "05.", the arrow key back to the day, "07.": Qt showed the 7th,
    and as the focus left, the keys typed since it came, "05.07.", made it 5 July."""
    edit, other = fields
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, "05.")
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, "07.")
    shown = edit.date().toPython()
    other.setFocus()
    assert (shown, edit.date().toPython()) == (date(2026, 12, 7), date(2026, 12, 7))


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("5122026", date(2026, 12, 5)),
        ("05.12.", date(2026, 12, 5)),
        ("512", date(2026, 12, 5)),
        ("1122027", date(2027, 2, 11)),
    ],
)
@pytest.mark.parametrize("leave", ["tab", "enter"])
def test_a_date_qt_took_key_by_key_is_kept_as_shown(qtbot, fields, typed, day, leave):
    """(found by review, as in the time fields: "145" showed 14:05 and became 01:45) What
    Qt took key by key into the day is kept as shown; only keys it refused are read again."""
    edit, other = fields
    type_date(qtbot, edit, typed)
    shown = edit.text()
    if leave == "tab":
        other.setFocus()
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert (shown, edit.text(), edit.date().toPython()) == (f"{day:%d.%m.%Y}",) * 2 + (day,)
