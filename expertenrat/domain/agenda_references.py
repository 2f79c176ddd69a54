"""Where a German free text names agenda items: by number ("TOP 7", "die TOPs 7 und 10",
"Tagesordnungspunkte 2.1 bis 2.3") or by title as a whole phrase.

What counts as a reference by number (:func:`referenced_numbers`):

- a keyword, in any case: "TOP", "TOPs", "TOP's", "Tagesordnungspunkt" with its
  endings ("-e", "-es", "-s", "-en"), then a blank, a hyphen or nothing ("TOP 7",
  "TOP-7", "TOP7"), and an optional "Nr.";
- then a number with sub-numbers ("7", "7.1"); one with letters joined to it ("7a",
  "7.1b") names no item, but the list goes on after it;
- then more numbers, joined by "," ";" "/" "&" "und" "sowie" "oder" "bzw." (the keyword
  may be repeated: "TOP 7 und TOP 10");
- a range "7 bis 10" (or "7-10", "7–10") names each number from the first to the last at
  the level of its ends: "1 bis 7" names the items 1 to 7, not their sub-items 3.1 or
  3.2 (an item below is moved among its siblings, and named where it is meant);
  "2.1 bis 2.3" names 2.1, 2.2 and 2.3. A range whose ends are not on the same level
  below the same item, or run backwards, or span more than :data:`_LONGEST_RANGE`
  numbers, names only its ends.

A bare "Punkt 7" does not count: it is as often a point of a paper as of the agenda. A
number after a comma counts as listed even where the sentence moves on ("TOP 7, 10
Minuten später" names 10 too): the text is the minute-taker's, and naming one item too
many only keeps a hint away, never prints anything.
"""

from __future__ import annotations

import re

_KEYWORD = r"(?:TOP(?:'?s)?|Tagesordnungspunkt(?:es|en|e|s)?)"
_NUMBER = r"\d+(?:\.\d+)*[^\W_]*"  # letters joined to it are taken along, to refuse it
_JOIN = r"(?:\s*(?:,|;|/|&)\s*|\s+(?:und|sowie|oder|bzw\.?)\s+|\s*,\s*(?:und|sowie|oder)\s+)"
_RANGE = r"(?:\s+bis\s+|\s*[-–]\s*)"
_AGAIN = rf"(?:{_KEYWORD}(?:\s*[-–]\s*|\s*)(?:Nr\.\s*)?)?"  # "TOP 7 und TOP 10"
_LIST = re.compile(
    rf"(?<!\w){_KEYWORD}(?:\s*[-–]\s*|\s*)(?:Nr\.\s*)?"
    rf"(?P<list>{_NUMBER}(?:(?:{_JOIN}|{_RANGE}){_AGAIN}{_NUMBER})*)",
    re.IGNORECASE,
)
_PART = re.compile(rf"(?P<join>^|{_JOIN}|{_RANGE}){_AGAIN}(?P<number>{_NUMBER})", re.IGNORECASE)
_VALID = re.compile(r"\d+(?:\.\d+)*")
_LONGEST_RANGE = 100


def referenced_numbers(text: str) -> frozenset[str]:
    """The agenda numbers ``text`` names ("7", "2.1"), without leading zeros."""
    found: set[str] = set()
    for match in _LIST.finditer(text):
        previous: str | None = None
        for part in _PART.finditer(match.group("list")):
            number = _number(part.group("number"))
            is_range = bool(re.fullmatch(_RANGE, part.group("join"), re.IGNORECASE))
            if number is not None and previous is not None and is_range:
                found.update(_between(previous, number))
            elif number is not None:
                found.add(number)
            previous = number
    return frozenset(found)


def _number(token: str) -> str | None:
    """``token`` as an agenda number ("07.1" → "7.1"); None where it is none ("7a")."""
    if _VALID.fullmatch(token) is None:
        return None
    return ".".join(str(int(part)) for part in token.split("."))


def _between(first: str, last: str) -> set[str]:
    """The numbers of the range ``first`` to ``last``: each at their level below the same
    item, or the two ends alone."""
    *above, start = first.split(".")
    *above_last, end = last.split(".")
    low, high = int(start), int(end)
    if above != above_last or not low <= high < low + _LONGEST_RANGE:
        return {first, last}
    return {".".join([*above, str(n)]) for n in range(low, high + 1)}


def title_pattern(title: str) -> re.Pattern[str] | None:
    """``title`` as a whole phrase in any case, any run of blanks for each blank in it
    ("Bericht" is not found in "Berichte der Projekte"); None for an empty title."""
    words = title.split()
    if not words:
        return None
    phrase = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE)


def names_title(text: str, title: str) -> bool:
    """Whether ``text`` names ``title`` as a whole phrase (:func:`title_pattern`)."""
    pattern = title_pattern(title)
    return pattern is not None and pattern.search(text) is not None
