"""A reportlab table that leaves neither its header with one row at the foot of a page nor
its last row alone on the next page.

A table that runs over by one row would put that row alone, under the repeated header, on
a page of its own (the run sheet's "Verschiedenes"). :class:`WidowlessTable` then breaks
one row earlier and goes on in the next frame (page), so that at least two rows go over,
unless that leaves nothing to break (the first part would keep no row), or, at the top of
a page (a table that cannot move), fewer than two rows under the header: then it stays as
reportlab breaks it, as no page may end with a single row of a table that goes on.
Where the room left on a page holds the header and fewer than two rows, the whole table
starts on the next page (unless it stands at the top of a page already: there it breaks
where reportlab breaks it). :class:`ContinuedTable` says its section's heading again over
the part on the next page; :class:`AtPageTop` says it again over a part of the section
that happens to start a page (the next project of an action field).

:class:`KeepWithStart` is the documents' ``keepTogetherClass``: a heading with
``keepWithNext`` goes to the next page unless the start of what follows it fits below it
(a table's header and two rows, a paragraph's first lines), not the whole of it.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, FrameBreak, KeepTogether, Table
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import _listWrapOn

MIN_BODY_ROWS = 2  # rows under the header at the foot of a page, at least


def _at_top(flowable: Flowable) -> bool:
    """Whether ``flowable`` is being laid out at the top of its frame (or where, unknown)."""
    frame = getattr(flowable, "_frame", None)
    return frame is None or bool(getattr(frame, "_atTop", True))


def pass_frame(source: Flowable, target: Flowable) -> None:
    """Let ``target``, split on behalf of ``source``, see the frame ``source`` is laid out
    in (reportlab tells only the flowable it splits)."""
    target._frame = getattr(source, "_frame", None)  # type: ignore[attr-defined]


class WidowlessTable(Table):
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self._rows_run_on(availHeight, super().split(availWidth, availHeight))
        rows = len(self._cellvalues)
        if len(parts) == 2 and self._too_few(parts[0]):
            if not _at_top(self):
                return []  # all of it on the next page
            return self._filled(availHeight, parts[0]) or parts
        if len(parts) != 2 or len(parts[0]._cellvalues) != rows - 1:  # type: ignore[attr-defined]
            return parts  # no split, or more than the last row goes over
        earlier = super().split(availWidth, availHeight - self._rowHeights[rows - 2])
        if len(earlier) != 2:
            return parts
        if self._too_few(earlier[0]):
            # Breaking earlier would leave one row at this page's foot: the whole table
            # goes to the next page, or, at the top of a page already (it cannot move),
            # it breaks where reportlab breaks it and the last row goes over alone.
            return parts if _at_top(self) else []
        return [earlier[0], FrameBreak(), earlier[1]]  # not the rest in the room left

    def _rows_run_on(self, availHeight: float, parts: list[Flowable]) -> list[Flowable]:
        """``parts`` (reportlab's break between rows), or, where rows may split
        (``splitInRow``: at least that many points of a row on either page), the break
        inside the row that does not fit here.

        reportlab splits a row only where no break between rows is left, so a tall row
        (the run sheet's item with its notes) went whole to the next page and left the
        room above it empty, up to most of a page."""
        if not self.splitInRow or len(parts) != 2:
            return parts
        first = parts[0]
        kept = len(first._cellvalues)  # type: ignore[attr-defined]
        if kept >= len(self._rowHeights):
            return parts
        used = sum(first._rowHeights)  # type: ignore[attr-defined]
        # the room for the row here, less what the next page needs of it
        room = min(availHeight - used, self._rowHeights[kept] - self.splitInRow)
        if room < self.splitInRow:
            return parts
        inside = self._splitRows(used + room, doInRowSplit=True)  # type: ignore[attr-defined]
        if len(inside) == 2 and len(inside[0]._cellvalues) > kept:
            return inside
        return parts

    def _filled(self, availHeight: float, first: Flowable) -> list[Flowable]:
        """At the top of a page where only one row fits whole: the page filled with the
        start of the next row too, if rows may split (``splitInRow``, at least that many
        points on either side); else nothing."""
        if not self.splitInRow:
            return []
        parts = self._splitRows(availHeight, doInRowSplit=True)  # type: ignore[attr-defined]
        if len(parts) == 2 and len(parts[0]._cellvalues) > len(first._cellvalues):  # type: ignore[attr-defined]
            return parts
        return []

    def _too_few(self, first: Flowable) -> bool:
        """Whether ``first``, the part on this page, keeps fewer than two rows under the
        header of a table that has more."""
        body = len(self._cellvalues) - self.repeatRows
        kept = len(first._cellvalues) - self.repeatRows  # type: ignore[attr-defined]
        return kept < min(MIN_BODY_ROWS, body)


class KeepWithStart(KeepTogether):
    """What reportlab groups for ``keepWithNext`` (a heading and what follows it): on the
    next page unless the heading and the start of the last flowable fit here.

    reportlab's :class:`KeepTogether` moves the group whenever the last flowable does not
    fit whole, so a heading over a table longer than the room left would always start a
    new page. Here the last flowable is split on trial in the room the others leave: if it
    splits (a table keeps its header and two rows, a paragraph its first lines) or fits,
    the group stays.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        content = list(self._content)
        *before, last = content
        if _at_top(self) or not before:
            return content
        height = self._height(before, aW)
        room = aH - height - last.getSpaceBefore()
        if room > 0:
            pass_frame(self, last)
            try:
                _, needed = last.wrapOn(self.canv, aW, room)
                if needed <= room:
                    return content
                parts = last.splitOn(self.canv, aW, room)
                if parts and not isinstance(parts[0], ActionFlowable):  # not a page break
                    return content
            finally:
                last._frame = None  # type: ignore[attr-defined]
        return [FrameBreak(), *content]

    def _height(self, flowables: list[Flowable], width: float) -> float:
        total = 0.0
        for n, flowable in enumerate(flowables):
            total += flowable.wrapOn(self.canv, width, 0xFFFFFF)[1] + flowable.getSpaceAfter()
            if n:
                total += flowable.getSpaceBefore()
        return total


class TableWithClosing(Flowable):
    """A table with its heading, and what must follow it on the same page (a letter's
    closing lines).

    Where the table ends on a page without room for the closing below it, the table
    breaks so that its last two rows go on to the next page with the closing; a table of
    up to three rows goes over whole, with its heading (breaking three would leave one
    row alone at the page's foot). At the top of a page, where going over gains no room,
    the table's end goes on with the closing where two rows stay (else the closing
    alone). So the greeting rarely stands alone on a page of its own. The closing itself
    is kept together and is not broken.
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
            pass_frame(self, table)
            parts = table.split(availWidth, availHeight - self._height(head, availWidth))
            if not parts:
                return []  # all of it on the next page
            return [*head, *parts[:-1], TableWithClosing(parts[-1], self._closing)]
        heights = table._rowHeights  # type: ignore[attr-defined]
        body = len(heights) - table.repeatRows  # type: ignore[attr-defined]
        # The last two rows go over only where two stay here: no single row at the foot.
        if body >= 2 + MIN_BODY_ROWS:
            parts = table.split(availWidth, sum(heights[:-2]) + 0.5)
            if len(parts) == 2:
                return [*head, parts[0], FrameBreak(), TableWithClosing(parts[1], self._closing)]
        if not (self._moved or _at_top(self)):
            return [FrameBreak(), TableWithClosing(table, self._closing, head, moved=True)]
        # At the top of a page (a new page has no more room): the table's end goes over
        # with the closing where at least two rows (or a row and the start of the next,
        # where rows may split) stay here, else the closing goes over alone.
        room = availHeight - self._height([*head, *self._closing], availWidth)
        pass_frame(self, table)
        parts = table.split(availWidth, room) if room > 0 else []
        if len(parts) in (2, 3) and not isinstance(parts[0], ActionFlowable):
            kept = len(parts[0]._cellvalues) - table.repeatRows  # type: ignore[attr-defined]
            if kept >= MIN_BODY_ROWS:
                rest = TableWithClosing(parts[-1], self._closing, moved=True)
                return [*head, parts[0], FrameBreak(), rest]
        return [*head, table, closing]


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
        pass_frame(self, self._table)
        parts = self._table.split(availWidth, availHeight)
        if len(parts) < 2:
            return parts  # [] (all of it on the next page) or whole
        first, rest = parts[0], parts[-1]
        # The rest goes on the next page, its heading with it (not left below the first
        # part where a row less than the page holds was kept back for the next). One
        # break only: the table's own, where it broke a row earlier, left a page empty.
        return [first, FrameBreak(), *self._continued(), ContinuedTable(rest, self._continued)]

    def draw(self) -> None:
        self._table.drawOn(self.canv, 0, 0)


class AtPageTop(Flowable):
    """What stands only where it comes first on a page, and takes no room elsewhere: a
    section's heading again over a part of the section that starts a page ("Stadtdaten
    (Fortsetzung)" over the next project of that action field), so that a reader of the
    page knows which section they are in. Whether it is first is known only when the page
    frame lays it out (a trial by :class:`KeepWithStart` counts it as nothing); space
    left below the flowable before it must be its space after, not a spacer, which would
    go over and come first instead."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self._content = content
        self._shown = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self._shown = frame is not None and bool(getattr(frame, "_atTop", False))
        if not self._shown:
            return availWidth, 0
        return self._content.wrap(availWidth, availHeight)

    def getSpaceAfter(self) -> float:
        return self._content.getSpaceAfter() if self._shown else 0

    def draw(self) -> None:
        if self._shown:
            self._content.drawOn(self.canv, 0, 0)
