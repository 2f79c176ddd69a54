"""A reportlab table that does not leave its last row alone on the next page.

A table that runs over by one row would put that row alone, under the repeated header, on
a page of its own (the run sheet's "Verschiedenes"). :class:`WidowlessTable` then breaks
one row earlier and goes on in the next frame (page), so that at least two rows go over,
unless that leaves nothing to break (the first part would keep no row): then it stays as
reportlab breaks it.
"""

from __future__ import annotations

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
    """A table and what must follow it on the same page (a letter's closing lines).

    Where the table ends on a page without room for the closing below it, the table
    breaks so that its last two rows go on to the next page with the closing: the
    greeting never stands alone on a page of its own. The closing itself is kept
    together and is not broken.
    """

    def __init__(self, table: Table, closing: list[Flowable]) -> None:
        super().__init__()
        self._table = table
        self._closing = closing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._table_height = self._table.wrapOn(self.canv, availWidth, availHeight)[1]
        self._closing_height = _listWrapOn(self._closing, availWidth, self.canv)[1]
        return availWidth, 0xFFFFFF  # as KeepTogether: always split, split decides

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrapOn(self.canv, availWidth, availHeight)
        closing = KeepTogether(self._closing)
        if self._table_height + self._closing_height <= availHeight:
            return [self._table, closing]
        if self._table_height > availHeight:  # runs over anyway: carry the closing along
            parts = self._table.split(availWidth, availHeight)
            if not parts:
                return []
            return [*parts[:-1], TableWithClosing(parts[-1], self._closing)]
        heights = self._table._rowHeights  # type: ignore[attr-defined]
        data_rows = len(heights) - self._table.repeatRows  # type: ignore[attr-defined]
        if data_rows < 3:  # nothing sensible to break: the closing goes over alone
            return [self._table, closing]
        parts = self._table.split(availWidth, self._table_height - sum(heights[-2:]) + 0.5)
        if len(parts) != 2:
            return [self._table, closing]
        return [parts[0], FrameBreak(), TableWithClosing(parts[1], self._closing)]
