"""Fitting a record table's columns to its width: each as wide as its content, the wide
text columns narrower where the shown ones would not fit, again whenever the width changes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView, QWidget

MIN_SHRUNK_WIDTH = 100  # the narrowest a column gets while its header's text shows whole
COMFORT_WIDTH = 200  # the widest a capped column stays where the others are cut
LAST_WIDTH = 60  # the narrowest a column gets (its header cut) before the table scrolls
CONTENT_WIDTH = 320  # the widest a column grows for its content (by hand: more if wide)
WIDE_WIDTH = 720  # the widest the ``wide`` column of fit_columns is measured to (its content)
FIT_ROWS = 200  # the rows a column's fit measures (see record_table_view)
_DROPPED = "fitDroppedColumns"  # the view's property: the columns left out for its width


def columns_header(view: QTableView | QTreeView) -> QHeaderView:
    """The header above the columns of a table or a tree."""
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def fit_columns(
    view: QTableView | QTreeView,
    shrinkable: Sequence[Sequence[int]],
    wide: int | None = None,
    capped: Collection[int] = (),
    wide_least: int = 0,
    droppable: Sequence[int] = (),
) -> None:
    """Columns as wide as their content; the wide text columns narrower if needed, so that
    the shown columns fit without sideways scrolling (cut text shows as "…"). Room left
    over goes to the ``wide`` column (a title), not to the last one, so that the columns
    end at the table's edge.

    ``shrinkable`` lists groups of columns, the first to give way first; within a group
    each column gives in proportion to its width above its floor. Where the shown columns
    do not fit, they give way in four steps, each only as far as needed:

    1. the ``capped`` columns down to ``COMFORT_WIDTH`` (a name: one long entry does not
       take the room of every row's institution);
    2. the groups in turn down to their header's text, at least ``MIN_SHRUNK_WIDTH`` (the
       ``wide`` column not below ``wide_least``: what a title must show to be read comes
       before the other headers' whole text);
    3. the groups in turn down to their header's text (each header still whole, the
       content cut; the ``wide`` column not below ``wide_least`` nor ``LAST_WIDTH``);
    4. the groups in turn down to ``LAST_WIDTH`` (the header cut, its tooltip whole).

    In steps 2 and 4 no column gets narrower than a column of an earlier group: the last
    group (a title) keeps the most room. Only then does the table scroll sideways.

    Before step 4 cuts a header, and before step 3 cuts the content of the last group
    (a name, a title), the ``droppable`` columns (the least needed first) are left out,
    one at a time, for as long as the table is that narrow (the user's choice of columns
    stays as it was: :func:`dropped_columns`); the fit then starts again without them, so
    that the columns that stay show their content. The column the table is sorted by
    stays.
    """
    header = columns_header(view)
    for column in dropped_columns(view):  # back where the width allows them again
        header.setSectionHidden(column, False)
    dropped: list[int] = []
    kept = {wide, header.sortIndicatorSection()}  # the title and what the user sorts by
    measured: dict[int, int] = {}  # each column's content width, measured once per fit
    while True:
        left = [c for c in droppable if c not in kept and not header.isSectionHidden(c)]
        excess = _fit_to_headers(view, shrinkable, wide, capped, wide_least, bool(left), measured)
        if excess <= 0 or not left:
            break
        header.setSectionHidden(left[0], True)
        dropped.append(left[0])
    view.setProperty(_DROPPED, dropped)
    if excess > 0:
        # Cut headers rather than a table that scrolls sideways (each header's tooltip
        # says it).
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        groups = [[c for c in group if c in shown] for group in shrinkable]
        _give_way(header, [g for g in groups if g], excess, lambda c: LAST_WIDTH, ranked=True)


def dropped_columns(view: QTableView | QTreeView) -> list[int]:
    """The columns :func:`fit_columns` left out for the table's present width (not the
    ones the user hid)."""
    return [int(c) for c in view.property(_DROPPED) or ()]


def forget_dropped(view: QTableView | QTreeView, column: int) -> None:
    """``column`` is no longer one that :func:`fit_columns` left out (the user hid or
    showed it)."""
    view.setProperty(_DROPPED, [c for c in dropped_columns(view) if c != column])


def _fit_to_headers(
    view: QTableView | QTreeView,
    shrinkable: Sequence[Sequence[int]],
    wide: int | None,
    capped: Collection[int],
    wide_least: int,
    keep_last: bool = False,
    measured: dict[int, int] | None = None,
) -> int:
    """Steps 1 to 3 of :func:`fit_columns` (``keep_last``: step 3 without the last
    group); the width still missing (0 if none or if the table is not shown: then its
    width is not known). ``measured``: the columns' content widths of an earlier pass of
    the same fit (only a column left out since), taken instead of measuring again; filled
    where empty."""
    header = columns_header(view)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    has_wide = wide in shown
    header.setStretchLastSection(not has_wide)  # a stretched one is at least 100 wide
    header.setMaximumSectionSize(WIDE_WIDTH if has_wide else CONTENT_WIDTH)
    visible = view.isVisible()
    # Qt's fit measures each column's content once (the slow part: up to 1,000 rows) and
    # keeps room for a sort arrow in every header; shown, only the sorted column and the
    # wide one keep that room, so the fit runs with the arrow off and they get it after.
    if measured and has_wide and all(c in measured for c in shown):
        # A pass after one that left a column out: the others' content is as measured
        # (with a stretched last column, whose width is not its content, Qt measures).
        for column in shown:
            header.resizeSection(column, measured[column])
    else:
        with _sort_arrow_off(header, visible):
            if isinstance(view, QTableView):
                view.resizeColumnsToContents()
            else:
                for column in shown:
                    view.resizeColumnToContents(column)
        if measured is not None:
            measured.update((c, header.sectionSize(c)) for c in shown)
    arrow_room = {header.sortIndicatorSection(), wide} if visible else set()
    for column in shown:
        width = header.sectionSize(column)
        if column in arrow_room:
            width = max(width, _bounded(header, header.sectionSizeHint(column)))
        if column != wide:
            width = min(width, CONTENT_WIDTH)
        if width != header.sectionSize(column):
            header.resizeSection(column, width)
    if not visible:
        return 0
    floors = header_floors(header)
    excess = sum(header.sectionSize(c) for c in shown) - view.viewport().width()
    if excess < 0 and has_wide:
        # The title takes the rest, also beyond WIDE_WIDTH: at 1920 px the Sitzungen list
        # ended 270 px short of its edge.
        width = header.sectionSize(wide) - excess
        header.setMaximumSectionSize(max(WIDE_WIDTH, width))
        header.resizeSection(wide, width)
    elif excess < 0 and shown:
        # The last column takes the rest: Qt stretches it only when the width changes,
        # and the fit's own sizes had left the header ending short of the table's edge.
        header.resizeSection(shown[-1], header.sectionSize(shown[-1]) - excess)
    if excess <= 0:
        return 0
    groups = [[c for c in group if c in shown] for group in shrinkable]
    groups = [group for group in groups if group]
    capped_shown = [[c for c in capped if c in shown]]
    excess = _give_way(header, capped_shown, excess, lambda c: max(COMFORT_WIDTH, floors[c]))
    excess = _give_way(
        header,
        groups,
        excess,
        lambda c: max(MIN_SHRUNK_WIDTH, floors[c], wide_least if c == wide else 0),
        ranked=True,
    )
    # Then down to their headers' text: where a title's floor of MIN_SHRUNK_WIDTH leaves
    # too little room, the others' headers stay whole (they were cut to "Eingela…" in a
    # 1006 px window while the first group gave room only down to its own floor).
    return _give_way(
        header,
        groups[:-1] if keep_last else groups,
        excess,
        lambda c: max(floors[c], max(LAST_WIDTH, wide_least) if c == wide else 0),
    )


def _give_way(
    header: QHeaderView,
    groups: Sequence[Sequence[int]],
    excess: int,
    floor: Callable[[int], int],
    *,
    ranked: bool = False,
) -> int:
    """Make ``groups`` narrower by up to ``excess``, the first group first, none below its
    ``floor``; ``ranked``: no column narrower than a column of an earlier group. Within a
    group each column gives in proportion to its width above its floor. The excess left."""
    earlier = 0  # the widest column of the groups before
    for columns in groups:
        if excess <= 0:
            break
        spare = {
            c: room
            for c in columns
            if (room := header.sectionSize(c) - max(floor(c), earlier if ranked else 0)) > 0
        }
        total_spare = sum(spare.values())
        to_cut = excess  # each column of the group gives its share of the same excess
        for column, room in spare.items():
            cut = min(room, -(-to_cut * room // total_spare), excess)
            header.resizeSection(column, header.sectionSize(column) - cut)
            excess -= cut
        earlier = max([earlier, *(header.sectionSize(c) for c in columns)])
    return excess


@contextmanager
def _sort_arrow_off(header: QHeaderView, off: bool) -> Iterator[None]:
    """The header's size hints without the room for the sort arrow in the block."""
    shown = header.isSortIndicatorShown()
    header.setSortIndicatorShown(shown and not off)
    try:
        yield
    finally:
        header.setSortIndicatorShown(shown)


def _bounded(header: QHeaderView, width: int) -> int:
    """``width`` within the header's minimum and maximum section size (as Qt's fit)."""
    return max(header.minimumSectionSize(), min(width, header.maximumSectionSize()))


def header_floors(header: QHeaderView) -> dict[int, int]:
    """The width of each column's header text with its margins; with the room for the sort
    arrow only in the sorted column (Qt's size hint keeps that room in every column)."""
    sorted_column = header.sortIndicatorSection()
    if not header.isSortIndicatorShown():
        return {c: header.sectionSizeHint(c) for c in range(header.count())}
    header.setSortIndicatorShown(False)
    try:
        floors = {c: header.sectionSizeHint(c) for c in range(header.count())}
    finally:
        header.setSortIndicatorShown(True)
    if sorted_column in floors:
        floors[sorted_column] = header.sectionSizeHint(sorted_column)
    return floors


class _WidthWatch(QObject):
    """Calls ``fit`` whenever the width of the watched widget changes."""

    def __init__(self, watched: QWidget, fit: Callable[[], None]) -> None:
        super().__init__(watched)
        self._fit = fit
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            resized: QResizeEvent = event  # type: ignore[assignment]
            if resized.size().width() != resized.oldSize().width():
                self._fit()
        return False


def refit_on_width_change(view: QTableView | QTreeView, fit: Callable[[], None]) -> None:
    """Fit the columns again whenever the table's width changes (the window or a splitter
    resized, the detail panel beside it grown), not only when the page is shown; and when
    the table is sorted by another column (whose header then needs room for the arrow)."""
    _WidthWatch(view.viewport(), fit)
    columns_header(view).sortIndicatorChanged.connect(lambda *_: fit())
