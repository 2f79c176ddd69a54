"""Reading one cell of a members file (CSV or Excel) as the value of a member's attribute.

A cell is text or a ``date``: dates 01.03.2025, 1.3.2025, 01.03.25 and 2025-03-01 (also with
a time of day, which is left out); phone numbers as written, but not one Excel abridged to
"4,93815E+11" (a date or phone number without the apostrophe that marks it as text in
Excel, "'0381 123"); booleans ja/nein/j/n/x/1/0/true/false/wahr/falsch (empty means
"nein"); roles and sectors by their labels (a role also as a council's own list writes it).
A cell that cannot be read raises a ``ValueError`` with the German message, naming the
column's header. (An e-mail address loses a link's "mailto:" and enclosing angle brackets
where every member's texts are cleaned, ``domain.members.clean_member``.)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from expertenrat.domain.enums import LabelledEnum, MemberRole, Sector
from expertenrat.domain.german_dates import full_year
from expertenrat.domain.pasted_phone_numbers import without_phone_label
from expertenrat.domain.text_characters import copied_value, without_refused
from expertenrat.exchange.member_columns import Cell, format_date

_TRUE = frozenset({"ja", "j", "x", "1", "true", "wahr", "yes"})
_FALSE = frozenset({"nein", "n", "0", "false", "falsch", "no", ""})
# a time of day after the date, as a database or a web form writes a date ("2025-03-01
# 14:23:11", "01.03.2025 00:00"): the day is what counts
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: Uhr)?)?"
_DATE_DE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})" + _TIME)
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
# as an Excel set to English writes a date into a CSV file: month first (en-US) or day first
# (en-GB), which the text does not tell
_DATE_SLASHED = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})" + _TIME)
# Excel's serial day numbers, shown where a date column is formatted as a number: 1.1.1960 to
# 31.12.2099 (counted from 30.12.1899, as Excel counts after its leap day of 1900)
_EXCEL_DAY_ZERO = date(1899, 12, 30)
_EXCEL_DAYS = (21916, 73050)
_NUMBER_STARTS = frozenset("0123456789(")
_EXCEL_SCIENTIFIC = re.compile(r"\d[,.]?\d*E\+\d+", re.IGNORECASE)


def shown(value: str) -> str:
    """A value as quoted in a message: on one line, at most 60 characters."""
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:59] + "…"


def cell_text(cell: Cell) -> str:
    """A cell's text without the invisible characters the text rule refuses (a soft hyphen
    pasted into Excel from a web page: found by a tester, the row was refused and its
    value had to be typed anew, as Excel shows nothing of it either)."""
    return without_refused(cell) if isinstance(cell, str) else format_date(cell)


def read_date(header: str, required: bool, cell: Cell) -> date | None:
    # Read without its invisible characters (a zero-width space after "01.06.2025" from a
    # web page made the row an error, "kein gültiges Datum"; found by review), its direction
    # marks and quotation marks too, as a date field of the window reads a date pasted.
    value = cell if isinstance(cell, date) else _parse_date(header, copied_value(cell))
    if value is None and required:
        raise ValueError(f"{header} fehlt.")
    return value


def read_line(cell: Cell) -> str:
    """A one-line cell's text; a tab in it a space, as a paste into the form's field makes
    it (text pasted from Word into a cell's edit line keeps its tabs: found by a tester,
    "Die Funktion enthält ein unsichtbares Steuerzeichen (U+0009)", and nothing was
    imported). A line break stays the row's error: "Neu\nmann" is no name to guess at."""
    return cell_text(cell).replace("\t", " ").strip()


def read_phone(header: str, cell: Cell) -> str:
    """A phone number; one German Excel cut to a number in its scientific form ("4,93815E+11":
    a number of 12 or more digits, saved as CSV as Excel shows it) is no number any more. The
    apostrophe that marks a number as text in Excel ("'0381 123") is not part of it, nor
    the label it was copied with from a signature ("Tel.: 0381 123"; the roster printed
    "Tel. Tel.: 0381 123")."""
    text = _without_text_mark(without_phone_label(read_line(cell)))
    if _EXCEL_SCIENTIFIC.fullmatch(text):
        raise ValueError(
            f"{header} „{shown(text)}“ ist keine vollständige Nummer mehr: Excel hat sie als "
            "Zahl abgekürzt. Bitte formatieren Sie die Spalte in Excel als Text, tragen Sie "
            "die Nummer erneut ein und speichern Sie die Datei noch einmal."
        )
    return text


def read_bool(header: str, cell: Cell) -> bool:
    return _parse_bool(header, cell_text(cell))


# "stellv. Vorsitzender", "stv. Vorsitzende", "Vizevorsitz"; a club's "2. Vorsitzende" or
# "Zweiter Vorsitzender" is the deputy: she was imported as the chair (found by a tester)
_VICE_CHAIR_WORD = re.compile(r"(?:stellv|stv|vize|(?:2|zweite[rn]?)vorsitz)")
_CHAIR_WORD = re.compile(r"(?:1|erste[rn]?)?vorsitz")


def _role_by_word(text: str) -> MemberRole | None:
    """A role as a council's own list writes it: "Vorsitzende", "1. Vorsitzender",
    "stellv. Vorsitzender", "2. Vorsitzende", "ordentliches Mitglied"."""
    word = re.sub(r"[^a-zäöüß0-9]", "", text.casefold())
    if _VICE_CHAIR_WORD.match(word):
        return MemberRole.VICE_CHAIR
    if _CHAIR_WORD.match(word):
        return MemberRole.CHAIR
    if word.endswith("mitglied"):
        return MemberRole.MEMBER
    return None


def read_choice(header: str, enum: type[LabelledEnum], cell: Cell) -> LabelledEnum:
    text = cell_text(cell)
    if not text.strip():
        return Sector.OTHER if enum is Sector else MemberRole.MEMBER
    found = enum.from_label(text)
    if found is None and enum is MemberRole:
        found = _role_by_word(text)
    if found is None:
        allowed = ", ".join(m.label for m in enum)
        raise ValueError(f"{header} „{shown(text)}“ ist unbekannt (möglich: {allowed}).")
    return found


def _without_text_mark(text: str) -> str:
    """``text`` without Excel's apostrophe before a number ("'0381 123", "'01.03.2025"),
    which some programs write into a CSV file for Excel: it was imported with the number
    (found by a tester)."""
    return text[1:] if text[:1] == "'" and text[1:2] in _NUMBER_STARTS else text


def _parse_date(header: str, text: str) -> date | None:
    text = _without_text_mark(text.strip())
    if not text:
        return None
    if match := _DATE_DE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year = full_year(year)
    elif match := _DATE_ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif _DATE_SLASHED.fullmatch(text):
        raise ValueError(
            f"{header} „{text}“ ist kein eindeutiges Datum: So schreibt ein Excel mit "
            "englischen Einstellungen ein Datum, in den USA den Monat zuerst, in Großbritannien "
            "den Tag. Bitte geben Sie das Datum als TT.MM.JJJJ an, z. B. 01.03.2025; eine "
            "CSV-Datei aus einem solchen Excel speichern Sie besser als Excel-Arbeitsmappe "
            "(.xlsx) und importieren diese."
        )
    elif text.isdigit() and _EXCEL_DAYS[0] <= int(text) <= _EXCEL_DAYS[1]:
        meant = format_date(_EXCEL_DAY_ZERO + timedelta(days=int(text)))
        raise ValueError(
            f"{header} „{text}“ ist kein gültiges Datum, sondern wohl ein Datum, wie Excel es "
            f"intern zählt ({meant}). Bitte formatieren Sie die Spalte in Excel als Datum "
            "(TT.MM.JJJJ) und speichern Sie die Datei noch einmal."
        )
    else:
        raise ValueError(
            f"{header} „{shown(text)}“ ist kein gültiges Datum. "
            "Bitte im Format TT.MM.JJJJ angeben, z. B. 01.03.2025."
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{header} „{text}“ ist kein gültiges Datum.") from None


def _parse_bool(header: str, text: str) -> bool:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{header} „{shown(text)}“ ist kein gültiger Wert (ja oder nein).")
