"""The page header's two texts side by side: the council's name on the left, the document's
title on the right, each fitted to the room the other leaves (:func:`title_and_name`)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from expertenrat.reports.house_style import FONT_BOLD
from expertenrat.reports.line_breaks import keep_together
from expertenrat.reports.user_text import fit_lines, printable

_TITLE_SIZE = 9.5
_TWO_LINE_TITLE_SIZE = 8.5  # a title on two lines, in the size of the name's two lines
_NAME_SIZES = (9.5, 9.0, 8.5)  # a long name gets a little smaller before it takes two lines
_TWO_LINE_SIZES = (8.5, 8.0, 7.5)  # and on two lines smaller still before it is cut
# The forms the title tries, until the name beside it is whole: the most of the width it
# takes and on how many lines (a long title shortened with "…" where it has to be).
_TITLE_FORMS = ((0.48, 1), (0.48, 2), (0.3, 1), (0.3, 2), (0.2, 2))
GAP = 8 * mm  # between the texts on the left and those on the right


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
    title: str, name: str, room: float, usable: float
) -> tuple[HeaderTitle, HeaderName]:
    """The header's title and, beside it in ``room`` less the title, the council's name.

    A name is an identity and is shown whole wherever it can be: on one line, a little
    smaller if need be, else on two lines. The name and the title stand side by side,
    neither runs on under the other. Beside a name on two lines the title may take two
    lines as well, to show itself whole or to leave the name more room; where even that is
    too little it gives up some of its width (shortened with "…"). A name that does not
    fit even then is cut at two lines beside the title on one.
    """
    tried = [
        (shown, _fitted_name(name, room - shown.width() - GAP))
        for shown in (_title(title, usable * share, lines) for share, lines in _TITLE_FORMS)
    ]
    first = tried[0]
    if first[1].whole and len(first[1].lines) == 1:
        return first
    whole = [pair for pair in tried if pair[1].whole]
    return next((pair for pair in whole if pair[0].whole), whole[0] if whole else first)


def _title(title: str, widest: float, lines: int) -> HeaderTitle:
    """``title`` on one line no wider than ``widest``, or on two as even as German line
    breaking allows (at least two lines wherever it can be broken), shortened with "…"
    where it does not fit."""
    if lines == 1:
        shown, whole = fit_lines(title, FONT_BOLD, _TITLE_SIZE, [widest])
        return HeaderTitle(tuple(shown), _TITLE_SIZE, whole)
    size = _TWO_LINE_TITLE_SIZE
    words = keep_together(" ".join(printable(title).split())).split(" ")
    longest = max(pdfmetrics.stringWidth(word, FONT_BOLD, size) for word in words)
    width = min(max(pdfmetrics.stringWidth(title, FONT_BOLD, size) / 2, longest), widest)
    while True:
        shown, whole = fit_lines(title, FONT_BOLD, size, [width, width])
        if (whole and len(shown) == 2) or width >= widest:
            return HeaderTitle(tuple(shown), size, whole)
        width = min(width + 2 * mm, widest)


def _fitted_name(name: str, beside: float) -> HeaderName:
    """``name`` on one line of ``beside``, in the largest size that shows it whole, else on
    two such lines, in the largest size that shows it whole or cut in the smallest."""
    for size in _NAME_SIZES:
        lines, whole = fit_lines(name, FONT_BOLD, size, [beside])
        if whole:
            return HeaderName(tuple(lines), size, whole)
    for size in _TWO_LINE_SIZES:
        lines, whole = fit_lines(name, FONT_BOLD, size, [beside, beside])
        if whole:
            break
    return HeaderName(tuple(lines), size, whole)
