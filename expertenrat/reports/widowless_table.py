"""A reportlab table that does not leave its last row alone on the next page.

A table that runs over by one row would put that row alone, under the repeated header, on
a page of its own (the run sheet's "Verschiedenes"). :class:`WidowlessTable` then breaks
one row earlier and goes on in the next frame (page), so that at least two rows go over,
unless that leaves nothing to break (the first part would keep no row): then it stays as
reportlab breaks it. :class:`ContinuedTable` says its section's heading again over the
part on the next page.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, FrameBreak, KeepTogether, Table
from reportlab.platypus.flowables import _listWrapOn


class WidowlessTable(Table):
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        rows = len(self._cellvalues)
        if len(parts) != 2 or len(parts[0]._cellvalues) != rows - 1:  # type: ignore[attr-defined]
            return parts  # no split, or more than the last row goes over
        earlier = super().split(availWidth, availHeight - self._rowHeights[rows - 2])
        if len(earlier) != 2:
            return parts
        return [earlier[0], FrameBreak(), earlier[1]]  # not the rest in the room left


class TableWithClosing(Flowable):
    """A table with its heading, and what must follow it on the same page (a letter's
    closing lines).

    Where the table ends on a page without room for the closing below it, the table
    breaks so that its last two rows go on to the next page with the closing; a table of
    one or two rows goes over whole, with its heading. So the greeting never stands alone
    on a page of its own. The closing itself is kept together and is not broken.
    """

    def __init__(
        self,
        table: Table,
        closing: list[Flowable],
        heading: list[Flowable] | None = None,
        *,
        moved: bool = False,
    ) -> None:
        super().__init__()
        self._table = table
        self._closing = closing
        self._heading = heading or []
        self._moved = moved  # already sent to a new page: do not send it on again

    def _height(self, flowables: list[Flowable], width: float) -> float:
        if not flowables:
            return 0.0
        return flowables[0].getSpaceBefore() + _listWrapOn(flowables, width, self.canv)[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 0xFFFFFF  # as KeepTogether: always split, split decides

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        head, table, closing = self._heading, self._table, KeepTogether(self._closing)
        upto_table = self._height([*head, table], availWidth)
        if self._height([*head, table, *self._closing], availWidth) <= availHeight:
            return [*head, table, closing]
        if upto_table > availHeight:  # runs over anyway: carry the closing along
            parts = table.split(availWidth, availHeight - self._height(head, availWidth))
            if not parts:
                return []  # all of it on the next page
            return [*head, *parts[:-1], TableWithClosing(parts[-1], self._closing)]
        heights = table._rowHeights  # type: ignore[attr-defined]
        if len(heights) - table.repeatRows >= 3:  # type: ignore[attr-defined]
            parts = table.split(availWidth, sum(heights[:-2]) + 0.5)
            if len(parts) == 2:
                return [*head, parts[0], FrameBreak(), TableWithClosing(parts[1], self._closing)]
        if self._moved:
            return [*head, table, closing]
        return [FrameBreak(), TableWithClosing(table, self._closing, head, moved=True)]


class ContinuedTable(Flowable):
    """A table under a section heading that says the heading again where the table goes
    on to the next page ("Stadtdaten (Fortsetzung)"): the repeated header row names the
    columns, not the section a reader of that page is in.

    ``continued`` makes the flowables that stand before each part after the first.
    """

    def __init__(self, table: Table, continued: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self._table = table
        self._continued = continued

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self._table.wrap(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self._table.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self._table.getSpaceAfter()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self._table.split(availWidth, availHeight)
        if len(parts) < 2:
            return parts  # [] (all of it on the next page) or whole
        *first, rest = parts
        return [*first, *self._continued(), ContinuedTable(rest, self._continued)]

    def draw(self) -> None:
        self._table.drawOn(self.canv, 0, 0)
