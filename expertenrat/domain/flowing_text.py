"""Text copied from a PDF as flowing text: a PDF copies a line break at the end of every
printed line and the hyphen of every word it divided there ("Bürger-" over "beteiligung").
Pasted so into the minutes, each printed line of the source stayed a line of its own (the
minutes PDF broke it again, short), and the search for "Bürgerbeteiligung" did not find it.
A mail quoted in a reply (Outlook, as plain text) copies a "> " before each of its lines,
which ended up inside the joined line (found by a tester).
"""

from __future__ import annotations

import re

from expertenrat.domain.list_points import bullet_alone, list_point

_LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029]")
# The quote markers of a mail's line ("> ", nested "> > " or ">> "), indented or not.
_QUOTE_MARKERS = re.compile(r"(?:[ \t]*>)+ ?")
# A letter or digit and the hyphen at a line's end: a divided word's ("Bürger-"), or one of
# the word itself ("Open-", "CO2-": a number is never divided so).
_HYPHEN_AT_END = re.compile(r"[^\W_]-\Z")
# The word after a hyphen that is no divided word's: "Hanse- und Universitätsstadt".
_SUSPENDED = re.compile(r"(?:und|oder|bzw\.|sowie|als auch)\b")
# A number and the dash or hyphen of a range a PDF divided there: "2025–" over "2030".
_RANGE = re.compile(r"\d[-–]\Z")
# A last word that is a web or e-mail address (found by a tester: a link divided at its hyphen).
_ADDRESS = re.compile(r"(?:://|www\.|@)\S*\Z", re.IGNORECASE)
# A line ending in an article, a preposition or a conjunction goes on, whatever the next
# begins with: "am" over "15. Dezember", "in der" over "7. Sitzung" is no list's point (found
# by a tester), nor "am 10. und" over "24. März" (found by review). Not the prepositions
# that end a sentence as a verb's particle: "… schlägt folgende Termine vor".
_GOES_ON = re.compile(
    r"(?<!\S)(?:am|im|vom|zum|zur|beim|bis|seit|in|von|für|und|oder|sowie|bzw\.|"
    r"der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines)\Z",
    re.IGNORECASE,
)


def flowing_text(text: str) -> str:
    """``text`` with the lines of each paragraph joined: by a space, or without one after a
    hyphen that divided a word ("Bürger-" "beteiligung": "Bürgerbeteiligung"; "Open-"
    "Data": "Open-Data"; "CO2-" "neutral": "CO2-neutral"; "Hanse-" "und": "Hanse- und";
    "2025–" "2030": "2025–2030"). A blank line still parts two paragraphs, and a list's
    point (see :func:`~expertenrat.domain.list_points.list_point`) still begins a line, also
    where its bullet stood alone on the line before, unless the line before ends in an
    article, a preposition or a conjunction ("am" over "15. Dezember", "und" over "24.
    März"). A mail quoted in a reply loses its quote markers ("> ") at the lines' starts,
    where all its lines have them; a quote in a quote in it is a paragraph of its own. Line
    breaks become line feeds."""
    lines = _LINE_BREAK.split(text)
    if len(lines) == 1:
        return text  # a line of its own, as most of what is pasted into a one-line field
    lines, levels = _unquoted(lines)
    joined: list[str] = []
    for line, level, level_before in zip(lines, levels, [0, *levels], strict=False):
        before = joined[-1] if joined else ""
        if (
            not line.strip()
            or not before.strip()
            or level != level_before  # a quote in a quote begins or ends
            or _starts_point(line, before)
        ):
            joined.append(line)
            continue
        joined[-1] = _joined(before.rstrip(), line.strip())
    return "\n".join(joined)


def _unquoted(lines: list[str]) -> tuple[list[str], list[int]]:
    """``lines`` without the quote markers of a quoted mail, and each line's quote level
    (how many markers it had; a quote in a quote has two): only where every line that is
    not blank begins with a marker and two or more lines hold text (a line beginning with
    ">" alone is no quote: "> 5 Stimmen" and its line's end); else as they are, level 0."""
    marked = [(_QUOTE_MARKERS.match(line), line) for line in lines]
    if any(marks is None and line.strip() for marks, line in marked):
        return lines, [0] * len(lines)
    texts = [line if marks is None else line[marks.end() :] for marks, line in marked]
    if sum(1 for text in texts if text.strip()) < 2:
        return lines, [0] * len(lines)
    return texts, [0 if marks is None else marks.group().count(">") for marks, _ in marked]


def _starts_point(line: str, before: str) -> bool:
    """Whether ``line`` begins a list's point: the bullet and its text, or a bullet alone
    (its text on the next line, which joins it); not where ``before`` goes on into it."""
    if _GOES_ON.search(before.rstrip()):
        return False
    return list_point(line) is not None or bullet_alone(line)


def _joined(before: str, after: str) -> str:
    if _RANGE.search(before) and after[:1].isdigit():
        return before + after  # "2025–" "2030": a range, whole again
    if _HYPHEN_AT_END.search(before) is None or _SUSPENDED.match(after):
        return f"{before} {after}"
    if _ADDRESS.search(before):
        return before + after  # its hyphen is the address's: "…/smart-" "city", a link
    if after[:1].islower() and not before[-2].isdigit():
        return before[:-1] + after  # the hyphen only divided the word
    return before + after  # a hyphen of the word itself: "Open-Data", "CO2-neutral"
