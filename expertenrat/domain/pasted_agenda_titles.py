"""A line of an agenda pasted as an item's title: a table or a numbered list of Word copies
the item's number and a tab before its title ("TOP 3<Tab>Genehmigung der Tagesordnung",
"3.<Tab>Genehmigung …"), and a typed agenda "TOP 3: Genehmigung …". The program numbers the
items itself: kept, the number stood twice in the invitation and the minutes ("TOP 3 TOP 3
Genehmigung …", found by a tester) and stayed 3 where the item moved. A list of an e-mail
(Outlook) copies its number or bullet with no-break spaces instead of the tab ("1.\u00a0\u00a0
\u00a0Begrüßung", "·\u00a0\u00a0\u00a0Begrüßung"), and a bulleted list of Word its bullet and a
tab ("•<Tab>Begrüßung", "o<Tab>…" a level further in): left out as well (found by a
tester: the invitation printed "TOP 1 • Begrüßung")."""

from __future__ import annotations

import re

from expertenrat.domain.text_characters import pasted_line, pasted_text

_NUMBER = r"\d{1,2}(?:\.\d{1,2})*"
_KEYWORD = r"(?:TOP|Tagesordnungspunkt)\s*"
# What a list sets its marks apart with: a tab (Word), or a run of spaces (an e-mail's list).
_LIST_GAP = r"(?:[ \u00a0]*\t|[ \u00a0]{2,})"
# "TOP 3" (or a bare "3.", "3.1", "3)") and a tab; or "TOP 3" and a colon or a dash.
_OWN_NUMBER = re.compile(
    rf"\A\s*(?:(?:{_KEYWORD})?{_NUMBER}[.:)]?{_LIST_GAP}|{_KEYWORD}{_NUMBER}\.?\s*[:–—-]\s)"
    r"\s*(?=\S)",
    re.IGNORECASE,
)
# A bullet (one that is nothing else also before a single space), or a list's letter or
# Roman numeral ("a)", "IV."), dash, "o" (Word's second level) or "§" (Wingdings' square of
# the third, as an e-mail copies it) before a tab or a run of spaces.
_LIST_MARK = re.compile(
    rf"\A\s*(?:[•·▪●■◦‣⁃➢✓❖❑○]\s|(?:[a-z][.)]|[ivx]{{1,4}}[.)]|[-–*o§]){_LIST_GAP})\s*(?=\S)",
    re.IGNORECASE,
)


def pasted_title(text: str) -> str:
    """``text`` as pasted into an item's title: as any one-line paste
    (:func:`~expertenrat.domain.text_characters.pasted_line`), without a number or a list's
    mark of the agenda it was copied from before it."""
    text = pasted_text(text)  # a symbol font's bullet as the bullet it shows
    without_number = _OWN_NUMBER.sub("", text, count=1)
    return pasted_line(_LIST_MARK.sub("", without_number, count=1))
