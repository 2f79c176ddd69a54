"""The PDF outline (the bookmarks a viewer lists beside the pages): a mark drawn where its
section begins, and a section heading that carries one. For the minutes, the annual report
and the recommendations report."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from expertenrat.reports import theme


class Bookmark(Flowable):
    """An invisible mark that puts ``title`` into the PDF outline where it is drawn."""

    def __init__(self, title: str, level: int = 0) -> None:
        super().__init__()
        self.title = theme.clip(" ".join(title.split()), 120)
        self.level = level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.outline_entry(self.title, self.level)  # type: ignore[attr-defined]


def bookmarked_heading(text: str, *, keep_space: float = 40 * mm) -> list[Flowable]:
    heading = theme.section_heading(text, keep_space=keep_space)
    return [heading[0], Bookmark(text), *heading[1:]]
