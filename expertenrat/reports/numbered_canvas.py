"""The canvas every document is drawn on: it holds the pages back until the last, so that
the footer can say "Seite x von y", and binds the PDF's bookmarks to their pages."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from expertenrat.reports.house_style import FONT, MUTED
from expertenrat.reports.page_geometry import FOOTER_BASELINE, MARGINS
from expertenrat.reports.user_text import printable


class NumberedCanvas(Canvas):
    """A canvas that keeps pages back until the end, so the footer can say "Seite x von y".

    Bookmarks (the PDF outline) wait with their page: :meth:`outline_entry` notes them, and
    they are bound when the page is finally written (before that every page is page 1).
    A viewer shows the document's title, not its file name (``DisplayDocTitle``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setViewerPreference("DisplayDocTitle", "true")
        self._page_states: list[dict[str, Any]] = []
        self._page_outline: list[tuple[str, str, int, float]] = []

    def outline_entry(self, title: str, level: int = 0) -> None:
        """A bookmark titled ``title`` at the current position of the current page."""
        _, top = self.absolutePosition(0, 0)
        key = f"outline{len(self._page_states)}_{len(self._page_outline)}"
        self._page_outline.append((key, title, level, top))

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._page_outline = []
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            for key, title, level, top in self._page_outline:
                self.bookmarkPage(key, fit="XYZ", left=0, top=top)
                self.addOutlineEntry(printable(title), key, level)
            super().showPage()
        if any(state["_page_outline"] for state in self._page_states):
            self.showOutline()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(width - MARGINS.right, FOOTER_BASELINE, f"Seite {number} von {total}")
        self.restoreState()


class UnnumberedCanvas(NumberedCanvas):
    """A canvas without "Seite x von y": for the parts of a Sitzungsmappe, whose every
    page carries its number in the whole bundle instead (:mod:`pack_pages`)."""

    def _draw_page_number(self, number: int, total: int) -> None:
        pass
