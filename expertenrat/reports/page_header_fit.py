"""The page header's two texts side by side: the council's name on the left, the document's
title on the right, each fitted to the room the other leaves (:func:`title_and_name`), and
beside the logo (:func:`beside_logo`), which gives up a little of its size, and where
that is not enough the texts take a third line, to show both whole."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from expertenrat.reports.house_style import FONT_BOLD
from expertenrat.reports.line_breaks import keep_together
from expertenrat.reports.user_text import fit_lines, printable

_TITLE_SIZE = 9.5
_TWO_LINE_TITLE_SIZE = 8.5  # a title on two lines, in the size of the name's two lines
_THREE_LINE_TITLE_SIZE = 8.0  # on three: the header's rows close up to four
_NAME_SIZES = (9.5, 9.0, 8.5)  # a long name gets a little smaller before it takes two lines
_TWO_LINE_SIZES = (8.5, 8.0, 7.5)  # and on two lines smaller still before it is cut
_THREE_LINE_SIZES = (8.0, 7.5)  # on three lines where the header has four rows
# The forms the title tries, until the name beside it is whole: the most of the width it
# takes and on how many lines (a long title shortened with "…" where it has to be).
_TITLE_FORMS = ((0.48, 1), (0.48, 2), (0.3, 1), (0.3, 2), (0.2, 2))
# On three lines (the header's rows close up to four), where two do not show both whole.
_THREE_LINE_FORMS = ((0.35, 3), (0.3, 3), (0.25, 3))
GAP = 8 * mm  # between the texts on the left and those on the right
# The header's tries until name and title are whole: the most lines of each and the logo's
# scale (a little smaller first, then a third line, then the logo smaller still).
_TRIES = ((2, 1.0), (2, 0.85), (3, 1.0), (3, 0.85), (3, 0.7))


@dataclass(frozen=True, slots=True)
class HeaderName:
    """The council's name as the header shows it."""

    lines: tuple[str, ...]
    size: float
    whole: bool  # nothing of the name is cut off


@dataclass(frozen=True, slots=True)
class HeaderTitle:
    """The document's title as the header shows it."""

    lines: tuple[str, ...]
    size: float
    whole: bool  # not shortened

    def width(self) -> float:
        return max(pdfmetrics.stringWidth(line, FONT_BOLD, self.size) for line in self.lines)


def title_and_name(
    title: str, name: str, room: float, usable: float, most: int = 2
) -> tuple[HeaderTitle, HeaderName]:
    """The header's title and, beside it in ``room`` less the title, the council's name.

    A name is an identity and is shown whole wherever it can be: on one line, a little
    smaller if need be, else on two lines. The name and the title stand side by side,
    neither runs on under the other: each on one line in full size where the room holds
    both. Otherwise the title may take two lines, to show itself whole or to leave the
    name more room; where even that is too little it gives up some of its width
    (shortened with "…"). A name that does not fit even then is cut at two lines beside
    the title on one. With ``most`` 3 the title takes three lines and the name up to three
    (the header's rows close up to four).
    """
    both = _on_one_line(title, name, room)
    if both is not None:
        return both
    forms = _TITLE_FORMS if most == 2 else _THREE_LINE_FORMS
    # Last: the title in all the width a short name leaves it on one line (a reminder's
    # long subject beside "Smart City Expert*innenrat"), rather than cut at half the page.
    left = room - pdfmetrics.stringWidth(printable(name), FONT_BOLD, _NAME_SIZES[0]) - GAP
    if usable > 0 and left / usable > forms[0][0]:
        forms = (*forms, *((left / usable, lines) for lines in range(2, most + 1)))
    tried = [
        (shown, _fitted_name(name, room - shown.width() - GAP, most))
        for shown in (_title(title, usable * share, lines) for share, lines in forms)
    ]
    first = tried[0]
    if first[0].whole and first[1].whole and len(first[1].lines) == 1:
        return first
    whole = [pair for pair in tried if pair[1].whole]
    return next((pair for pair in whole if pair[0].whole), whole[0] if whole else first)


def beside_logo(
    title: str, name: str, room: float, logo: float, usable: float
) -> tuple[HeaderTitle, HeaderName, float]:
    """:func:`title_and_name` in ``room`` less a logo ``logo`` wide (0: none; ``room``
    without the logo's gap), and the scale the logo is drawn at. Where the logo's full size
    leaves too little room (a long name beside a long title), the :data:`_TRIES` follow
    until one shows both whole; where none does, the one that shows the most of the title
    beside the whole name."""
    tried = [(*title_and_name(title, name, room - logo, usable), 1.0)]
    for most, scale in _TRIES[1:] if logo else _TRIES[2:3]:
        if tried[-1][0].whole and tried[-1][1].whole:
            return tried[-1]
        tried.append((*title_and_name(title, name, room - logo * scale, usable, most), scale))
    named = [t for t in tried if t[1].whole] or tried[:1]
    return max(named, key=lambda t: (t[0].whole, len("".join(t[0].lines))))  # the first best


def _on_one_line(title: str, name: str, room: float) -> tuple[HeaderTitle, HeaderName] | None:
    """Title and name each whole on one line in full size, where ``room`` holds both."""
    shown, whole = fit_lines(title, FONT_BOLD, _TITLE_SIZE, [room])
    if not whole:
        return None
    header_title = HeaderTitle(tuple(shown), _TITLE_SIZE, True)
    size = _NAME_SIZES[0]
    lines, whole = fit_lines(name, FONT_BOLD, size, [room - header_title.width() - GAP])
    return (header_title, HeaderName(tuple(lines), size, True)) if whole else None


def _title(title: str, widest: float, lines: int) -> HeaderTitle:
    """``title`` on one line no wider than ``widest``, or on ``lines`` lines as even as German
    line breaking allows (as many lines wherever it can be broken), shortened with "…"
    where it does not fit."""
    if lines == 1:
        shown, whole = fit_lines(title, FONT_BOLD, _TITLE_SIZE, [widest])
        return HeaderTitle(tuple(shown), _TITLE_SIZE, whole)
    size = _TWO_LINE_TITLE_SIZE if lines == 2 else _THREE_LINE_TITLE_SIZE
    words = keep_together(" ".join(printable(title).split())).split(" ")
    longest = max(pdfmetrics.stringWidth(word, FONT_BOLD, size) for word in words)
    width = min(max(pdfmetrics.stringWidth(title, FONT_BOLD, size) / lines, longest), widest)
    while True:
        shown, whole = fit_lines(title, FONT_BOLD, size, [width] * lines)
        if (whole and len(shown) == lines) or width >= widest:
            return HeaderTitle(tuple(shown), size, whole)
        width = min(width + 2 * mm, widest)


def _fitted_name(name: str, beside: float, most: int = 2) -> HeaderName:
    """``name`` on one line of ``beside``, in the largest size that shows it whole, else on
    two such lines (up to ``most``), in the largest size that shows it whole or cut in the
    smallest."""
    for size in _NAME_SIZES:
        lines, whole = fit_lines(name, FONT_BOLD, size, [beside])
        if whole:
            return HeaderName(tuple(lines), size, whole)
    sizes = [(2, size) for size in _TWO_LINE_SIZES]
    sizes += [(3, size) for size in _THREE_LINE_SIZES] if most == 3 else []
    for count, size in sizes:
        lines, whole = fit_lines(name, FONT_BOLD, size, [beside] * count)
        if whole:
            break
    return HeaderName(tuple(lines), size, whole)
