"""The window's one date field ("dd.MM.yyyy" with a calendar): it takes a date typed as
German offices type it, "15.01.2027", "15.1.27" or "15012027".

Qt's own field moves on to the next part by itself once a day or a month is complete, and
a dot typed right after that skipped the next part as well: "15.01.2027" became
"15.12.00001.2027", and a year typed with two digits ("1.1.27") was no year at all. When
the focus left, Qt threw such a text away and kept the date the field had before, without
a word: a meeting typed for 15.01.2027 was saved on 15.12.2026. And a day the month typed
does not have in the field's year then (29.02. while the field showed 2026) became the
month's last day, and stayed so when the year typed next had it: 29.02.2028 was saved as
28.02.2028 (found by a tester). A date pasted in another form ("2026-12-05", "05/12/2026"
from a spreadsheet on a PC set to English, "5.12.26", a table cell's text with its line
break) Qt refused without a word, keeping the old date; typed as "2026-12-05", its digits
filled day, month and year in turn: 20.02.6120 (found by a tester). One with slashes that
reads as two days ("3/1/2025": the 1 March in the USA, the 3 January in Great Britain),
or whose weekday it is not ("Dienstag, 14.01.2027", a Thursday), is not taken, and a
tooltip says why (found by review: it became the 3 January, the Thursday, unsaid).
A date typed with a part Qt refused ("01.13.2027", "32.01.2027") showed what was left of
it, 01.01.2027, and so it was saved; now the field keeps its date before and says why, and
Enter saves nothing (found by review; :mod:`ui.field_notice`).
"""

from __future__ import annotations

import contextlib
import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from expertenrat.domain.german_dates import ambiguous_date, copied_date, date_doubt, full_year
from expertenrat.domain.text_characters import copied_value
from expertenrat.ui.field_notice import FieldNotice
from expertenrat.ui.field_paste import PasteWatch, copied_texts, quoted, say_under
from expertenrat.ui.i18n import tr
from expertenrat.ui.refused_click import CLICKS
from expertenrat.ui.typed_keys import Run, TypedRun, is_tab
from expertenrat.ui.widgets import wheel_only_when_focused

# A dot (or what else people type between day, month and year) after a complete part.
_SEPARATORS = frozenset(".,/-")
_TWO_DIGIT_YEAR = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2})")
_WITHOUT_YEAR = re.compile(r"(\d{1,2})\.(\d{1,2})\.?")  # "24.12.", as it is typed too
_DIGITS_ONLY = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})")  # "24122026", "241226"
_DAY_AND_MONTH = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.\d*)?")  # "0.6.2028", typed in turn


class DateEdit(QDateEdit):
    """A :class:`QDateEdit` that skips a dot typed after a part it completed itself, reads
    a two-digit year as the member import does ("1.1.27" is 2027, "3.10.90" 1990; see
    :func:`~expertenrat.domain.german_dates.full_year`) when the focus leaves or Enter is
    pressed, keeps the day typed once the year typed has it (29.02.2028), and takes a date
    pasted, or typed in one go, as :func:`~expertenrat.domain.german_dates.copied_date`
    reads it ("2026-12-05")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paste = PasteWatch(self)  # what is pasted, known as it is pasted
        self._moved_on = False  # the last digit completed a part and moved to the next
        self._typed_day: int | None = None  # the day typed, before Qt cut it to the month
        # typed since the focus came or another key was pressed
        self._keys = TypedRun(self, self.date, self.take_typed)
        self._hidden_empty = ""  # the empty field's "–", hidden while a date is typed
        self.notice = FieldNotice(self)  # why a date typed is not the field's

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._keys.press(event, self._key_pressed)

    def _key_pressed(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and self.specialValueText() and self.date() == self.minimumDate():
            # The empty field's "–" gives way to a date with the day selected; Qt appended
            # the digits to it and made "15.01.2027" 05.01.2027 (found by a tester).
            self._hidden_empty = self.specialValueText()
            self.setSpecialValueText("")
            self.setCurrentSection(QDateEdit.Section.DaySection)
            self.setSelectedSection(QDateEdit.Section.DaySection)
        if self._moved_on and text and text in _SEPARATORS:
            self._moved_on = False
            event.accept()
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before
        if not text.isdigit():
            return
        if before is QDateEdit.Section.DaySection:
            typed = self.sectionText(QDateEdit.Section.DaySection)
            self._typed_day = int(typed) if typed.isdigit() else None
        elif self.lineEdit().text() == self.textFromDateTime(self.dateTime()):
            self._take(self.date().year(), self.date().month(), self.date().day())

    def event(self, event: QEvent) -> bool:
        if is_tab(event):  # to another part ("24", Tab: 02:00, not a word; found by review)
            self.take_typed()
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._keys.clear()
        CLICKS.came(self)
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.take_typed()  # a click into another part: what follows is typed anew
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        CLICKS.left(self, self.take_typed(), event.reason())
        self._moved_on = False
        self._typed_day = None
        super().focusOutEvent(event)
        if self._hidden_empty:  # shown again where no date was typed after all
            self.setSpecialValueText(self._hidden_empty)
            self._hidden_empty = ""

    def validate(self, text: str, pos: int) -> object:
        """Qt's check of a text put into the field; one Qt refuses that is a date as it is
        copied (pasted, dropped) becomes the field's date once Qt has put its text back."""
        checked = super().validate(text, pos)
        # Pasted into an empty field, the date follows its "–", which Qt keeps.
        special = self.specialValueText()
        copied = text.removeprefix(special) if special else text
        if checked[0] is QValidator.State.Acceptable and copied == text:
            return checked
        # pasted over the whole field, or into a part of it
        pasted = self._paste.pasted_in(text, self.text())
        whole = pasted is not None and pasted == copied_value(copied)
        if checked[0] is QValidator.State.Intermediate and copied == text and not whole:
            return checked  # typed, not complete yet ("05.12.20" on the way to 2026)
        # Pasted over the whole field, "15.01.27" is incomplete to Qt's check, which then
        # made it the year 27 and kept the old date without a word (found by a tester).
        readings = ((copied_date(c), date_doubt(c)) for c in copied_texts(copied, pasted))
        day, doubt = next((found for found in readings if any(found)), (None, None))
        if day is None and doubt is None and pasted and pasted.endswith("."):  # not "1.05"
            day = self._in_year_shown(pasted)
        if day is not None:
            QTimer.singleShot(0, self, lambda: self._take_copied(day))
        elif doubt is not None:
            # Said under the field: "3/1/2025" became the 3 January where an Excel set to US
            # English meant the 1 March, "Dienstag, 14.01.2027" a Thursday (found by review).
            say_under(self, doubt)
        elif pasted is not None:  # refused without a word before (found by review)
            message = tr(
                "DateFields",
                "{pasted} ist kein Datum, das sich lesen lässt. Bitte als TT.MM.JJJJ angeben, "
                "etwa 15.01.2027.",
            )
            say_under(self, message.format(pasted=quoted(pasted)))
        return checked

    def _in_year_shown(self, text: str) -> date | None:
        """``text``, pasted or typed, as a day and month without the year ("24.12.",
        "24.12"), in the year the field shows (found by a tester: pasted, it was said to be
        no date; typed over the whole field, the old date stayed); not in an empty field,
        which shows no year."""
        found = _WITHOUT_YEAR.fullmatch(text)
        if found is None or (self.specialValueText() and self.date() == self.minimumDate()):
            return None
        with contextlib.suppress(ValueError):
            return date(self.date().year(), int(found[2]), int(found[1]))
        return None

    def _take_copied(self, day: date) -> bool:
        self._typed_day = None
        return self._take(day.year, day.month, day.day)

    def take_typed(self) -> bool:
        """What was typed in one go where Qt refused a key of it, where it reads as a date
        ("2026-12-05"), becomes the field's date; else where the text reads "1.1.27", the
        field's date becomes 01.01.2027 (either if it is a date the field allows). Where Qt
        refused a digit of it ("01.13.2027") and it reads as no date, the field goes back to
        its date before and says why: false. A day cut to the month's last is said.
        A date changed since the last key typed stays as it is shown (see
        :class:`~expertenrat.ui.typed_keys.TypedRun`)."""
        run = self._keys.take()
        keys = run.keys  # Qt refused a key of them
        day = copied_date(keys)
        if day is None and (days := ambiguous_date(keys)) is not None:
            day = days[0]  # typed in the field's order, day first ("3/1/2025": 03.01.2025)
        # typed over the whole field (Ctrl+A) or after its end, where Qt refused the first
        # digit of "24.12." or every one of "24122026" (found by a tester)
        day = day or self._in_year_shown(keys) or _digits_typed(keys)
        if day is not None and self._take_copied(day):
            return True
        if run.wrong or (run.as_typed and _no_day_or_month(run.typed)):
            self._refuse(run)
            return False
        found = _TWO_DIGIT_YEAR.fullmatch(self.lineEdit().text())
        if found is not None:
            day, month, year = (int(part) for part in found.groups())
            self._take(full_year(year), month, day)
        self._say_day_cut(run.as_typed)
        return True

    def _refuse(self, run: Run) -> None:
        """Go back to the date before ``run`` and say that it is no date."""
        self._typed_day = None
        self.setDateTime(run.before)
        if self._hidden_empty and self.date() == self.minimumDate():
            self.setSpecialValueText(self._hidden_empty)
            self._hidden_empty = ""
        message = tr(
            "DateFields",
            "{typed} ist kein Datum, das sich lesen lässt, und wurde nicht übernommen. "
            "Bitte als TT.MM.JJJJ angeben, etwa 15.01.2027.",
        )
        self.notice.refuse(message.format(typed=quoted(run.typed)))

    def _say_day_cut(self, as_typed: bool) -> None:
        """Say where the day typed is not in the month typed and the field shows the month's
        last day ("30.02.2027": 28.02.2027), as Qt does it; it was not said (found by
        review); not where the date was changed since the last key typed (``as_typed`` false)."""
        shown, typed = self.date(), self._typed_day
        self._typed_day = None
        if typed is None or not as_typed or not typed > shown.day() == shown.daysInMonth():
            return
        message = tr(
            "DateFields",
            "Den {typed} gibt es nicht. Das Feld zeigt den letzten Tag des Monats, den {shown}.",
        )
        typed_text = f"{typed:02d}.{shown.month():02d}.{shown.year()}"
        self.notice.warn(message.format(typed=typed_text, shown=self.text()))

    def _take(self, year: int, month: int, day: int) -> bool:
        """Show the date typed, with the day typed where the month has it in that year;
        false where it is no date the field allows."""
        typed = QDate(year, month, self._typed_day or day)
        if not typed.isValid():
            typed = QDate(year, month, day)
        allowed = self.minimumDate() <= typed <= self.maximumDate()
        if typed.isValid() and allowed and typed != self.date():
            self.setDate(typed)
        return typed.isValid() and allowed


def _no_day_or_month(keys: str) -> bool:
    """Whether ``keys`` typed in turn name a day or month no calendar has: "0.6.2028" was
    03.06.2028, Qt keeping the day before for the 0 without a word (found by review)."""
    found = _DAY_AND_MONTH.fullmatch(keys)
    return found is not None and not (0 < int(found[1]) < 32 and 0 < int(found[2]) < 13)


def _digits_typed(keys: str) -> date | None:
    """The day ``keys`` name as digits alone, day first as the field shows it: "24122026",
    "241226" (a two-digit year by :func:`full_year`); ``None`` for any other keys."""
    found = _DIGITS_ONLY.fullmatch(keys)
    if found is None:
        return None
    year = full_year(int(found[3])) if len(found[3]) == 2 else int(found[3])
    with contextlib.suppress(ValueError):
        return date(year, int(found[2]), int(found[1]))
    return None


def date_edit(initial: date | None = None) -> DateEdit:
    """A date field "dd.MM.yyyy" with a calendar to pick from, showing ``initial``; it
    takes the mouse wheel only when focused (the wheel passing over it scrolls the form)."""
    edit = wheel_only_when_focused(DateEdit())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    if initial is not None:
        edit.setDate(QDate(initial))
    return edit
