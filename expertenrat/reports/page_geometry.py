"""Where things sit on a document's page: A4 upright or across, the house margins (which
hold the header and footer bands) and the room they leave for the content."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm


@dataclass(frozen=True, slots=True)
class Margins:
    left: float = 20 * mm
    right: float = 15 * mm
    top: float = 27 * mm  # includes the header band
    bottom: float = 20 * mm  # includes the footer


MARGINS = Margins()
FOOTER_BASELINE = 9.5 * mm  # of the footer's note and page count, above the page's edge


def page_size(landscape_: bool = False) -> tuple[float, float]:
    return landscape(A4) if landscape_ else A4


def content_width(landscape_: bool = False) -> float:
    return page_size(landscape_)[0] - MARGINS.left - MARGINS.right


def content_height(landscape_: bool = False) -> float:
    return page_size(landscape_)[1] - MARGINS.top - MARGINS.bottom
