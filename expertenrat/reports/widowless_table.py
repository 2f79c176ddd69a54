"""A reportlab table that does not leave its last row alone on the next page.

A table that runs over by one row would put that row alone, under the repeated header, on
a page of its own (the run sheet's "Verschiedenes"). :class:`WidowlessTable` then breaks
one row earlier and goes on in the next frame (page), so that at least two rows go over,
unless that leaves nothing to break (the first part would keep no row): then it stays as
reportlab breaks it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, FrameBreak, Table


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
