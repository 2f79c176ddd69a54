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

from expertenrat.domain.text_characters import line_feeds, pasted_line, pasted_text

_NUMBER = r"\d{1,2}(?:\.\d{1,2})*"
_KEYWORD = r"(?:TOP|Tagesordnungspunkt)\s*"
# What a list sets its marks apart with: a tab (Word), or no-break spaces (an e-mail's list).
# A mark that is also a word or a number ("10", "o") needs one of these: before a run of
# plain spaces it begins a title ("10   Jahre Smart City", "o  Sole mio": found by review).
_LIST_GAP = r"(?:[ \u00a0]*\t|(?=[ ]*\u00a0)[ \u00a0]{2,})"
# A mark that is nothing else ("3.", "a)", "TOP 3") also before a run of plain spaces.
_MARK_GAP = r"(?:[ \u00a0]*\t|[ \u00a0]{2,})"
# "TOP 3" (or a bare "3.", "3.1", "3)") and a tab; or "TOP 3" and a colon or a dash.
_OWN_NUMBER = re.compile(
    rf"\A\s*(?:(?:{_KEYWORD}{_NUMBER}[.:)]?|{_NUMBER}[.)]){_MARK_GAP}|{_NUMBER}:?{_LIST_GAP}"
    rf"|{_KEYWORD}{_NUMBER}\.?\s*[:–—-]\s)"
    r"\s*(?=\S)",
    re.IGNORECASE,
)
# A bullet (one that is nothing else also before a single space), or a list's letter or
# Roman numeral ("a)", "IV.") or dash before a tab or a run of spaces; an "o" (Word's second
# level) or "§" (Wingdings' square of the third, as an e-mail copies it) before a tab or
# no-break spaces.
_LIST_MARK = re.compile(
    rf"\A\s*(?:[•·▪●■◦‣⁃➢✓❖❑○]\s|(?:[a-z][.)]|[ivx]{{1,4}}[.)]|[-–*]){_MARK_GAP}|[o§]{_LIST_GAP})"
    r"\s*(?=\S)",
    re.IGNORECASE,
)

# Where lines follow each other that all begin so, each is an item of an agenda: also "TOP 3
# Genehmigung", "3. Genehmigung", "3) …" and "- Genehmigung" before a single space, which a
# title alone keeps ("1. Lesung des Haushalts").
_LINE_MARKS = (
    _OWN_NUMBER,
    re.compile(
        rf"\A\s*(?:{_KEYWORD}{_NUMBER}[.)]?|{_NUMBER}[.)]|[-–*])[ \u00a0]+(?=\S)",
        re.IGNORECASE,
    ),
    _LIST_MARK,
)


def pasted_title(text: str) -> str:
    """``text`` as pasted into an item's title: as any one-line paste
    (:func:`~expertenrat.domain.text_characters.pasted_line`), without a number or a list's
    mark of the agenda it was copied from before it."""
    text = pasted_text(text)  # a symbol font's bullet as the bullet it shows
    without_number = _OWN_NUMBER.sub("", text, count=1)
    return pasted_line(_LIST_MARK.sub("", without_number, count=1))


def agenda_lines(text: str) -> list[str]:
    """The titles of the items of an agenda pasted whole into one item's title ("1.
    Begrüßung", "2. Genehmigung …" on lines of their own; found by a tester: it became the
    one title "Begrüßung 2. Genehmigung …"), each without its number or list mark; a line
    without one goes on the title before it (a long title a PDF broke). Empty where
    ``text`` is no such agenda: fewer than two such lines, or text before the first."""
    titles: list[list[str]] = []
    for line in line_feeds(pasted_text(text)).split("\n"):
        mark = next(filter(None, (marks.match(line) for marks in _LINE_MARKS)), None)
        if mark is not None:
            titles.append([line[mark.end() :]])
        elif titles and line.strip():
            titles[-1].append(line)
        elif line.strip():
            return []  # text before the agenda's first line
    found = [
        title for title in (pasted_title("\n".join(lines)).strip() for lines in titles) if title
    ]
    return found if len(found) > 1 else []
