"""Where a line may not break in German text: "e. V.", "Dr. med.", "& Co. KG", "10 Mitglieder",
"5. Sitzung", "17:50 Uhr", before the "·" between facts ("Beratung eines Projekts ·
Projekt: …"), before a dash that joins two parts ("Expertenrat Rostock – Beirat für …": no
line begins with the dash), after a word cut short by a hyphen ("Hanse- und
Universitätsstadt").

:func:`keep_together` puts a no-break space (U+00A0) into such places; reportlab breaks
lines only at ordinary spaces. :func:`expertenrat.reports.user_text.esc` applies it to every
piece of user text before it is escaped for paragraph markup.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

# A space inside a chain of one-letter abbreviations: "e. V.", "a. D.", "z. B.", "u. a.",
# "d. h.", "i. R.", "o. Ä.", also initials "A. B. Meier".
_LETTER_ABBREVIATIONS = re.compile(r"(?<=\b\w\.) (?=\w\.)")
# Academic degrees: "Dr. med.", "Dr. rer. nat.", "Dr. h. c.", "Dipl.-Ing. (FH)" needs nothing.
_DEGREE = re.compile(r"\bDr\.(?: [a-zäöü]{1,6}\.)+")
# Company forms: "GmbH & Co. KG", "& Co.", "e. G."
_COMPANY = re.compile(r"(?:\S+ )?& Co\.(?: (?:KG|KGaA|OHG|oHG)\b)?")
# A sign or abbreviation before a number: "§ 93", "Nr. 5", "S. 12", "Abs. 2", "TOP 3".
_BEFORE_NUMBER = re.compile(r"(§§?|\b(?:Nr|S|Abs|Art|Kap|Bd)\.|\bTOP) (?=\d)")
# A number before its unit or noun: "10 Mitglieder", "5 km", "100 €", "50 %"; an ordinal
# too: "5. Sitzung", "10. März" (not a year ending a sentence).
_NUMBER_UNIT = re.compile(r"(?<![^\s(])(\d+(?:[.,]\d+)*|\d{1,3}\.) (?=[^\W\d_]|[%€$°‰])")
# A time stays with its "Uhr": "17:50 Uhr", "16:00–18:00 Uhr" (the minutes' attendance,
# the run sheet, the invitation, user text alike).
_CLOCK = re.compile(r"(?<=\d:\d\d) (?=Uhr\b)")
# The dot between facts stays with the fact before it: it ends a line, never begins one.
_SEPARATOR = " · "
# So does a dash between spaces (en, em, or a hyphen typed for one): "Rostock – Beirat".
_DASH = re.compile(r" (?=[–—-] )")
# A word cut short by a hyphen stays with the "und" that completes it: "Hanse- und …".
_SUSPENDED = re.compile(r"(?<=\w-) (?=(?:und|oder|bzw\.|sowie) )")


def _joined(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", NBSP)


def keep_indent(line: str) -> str:
    """``line`` with its leading spaces as no-break spaces: reportlab drops the spaces a
    paragraph starts with, so a line typed indented lost its indentation in the PDF
    (found by a tester)."""
    body = line.lstrip(" ")
    return NBSP * (len(line) - len(body)) + body


_TAB_BETWEEN_WORDS = re.compile(r"(?<=\S)\t+(?=\S)")
TAB_GAP = NBSP * 3 + " "


def tab_gaps(line: str) -> str:
    """``line`` with a tab between its words as a wide gap (three no-break spaces and a
    space, where the line may break): printed as one space, the cells of a table row pasted
    from Word ran together ("Anna Müller Vorsitz Universität Rostock", found by a tester)."""
    return _TAB_BETWEEN_WORDS.sub(TAB_GAP, line) if "\t" in line else line


def keep_together(text: str) -> str:
    """``text`` with no-break spaces where German typesetting forbids a line break."""
    if " " not in text:
        return text
    text = text.replace(_SEPARATOR, f"{NBSP}· ")
    text = _DASH.sub(NBSP, text)
    text = _SUSPENDED.sub(NBSP, text)
    text = _DEGREE.sub(_joined, text)
    text = _COMPANY.sub(_joined, text)
    text = _LETTER_ABBREVIATIONS.sub(NBSP, text)
    text = _BEFORE_NUMBER.sub(rf"\1{NBSP}", text)
    text = _CLOCK.sub(NBSP, text)
    return _NUMBER_UNIT.sub(rf"\1{NBSP}", text)
