"""The area the main window shows, as its sidebar chooses it: the page left may ask first
(unsaved input, see :mod:`expertenrat.ui.page`), the page shown is reread; back in an area of
the council it last showed, the user's place stays (as for another PC's change, see
:func:`~expertenrat.ui.page_reread.reread_in_place`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.ui.main_window_view import MainWindowView
from expertenrat.ui.page_reread import reread_in_place


class AreaShowing:
    """Shows the areas of the window's frame by their row in the sidebar; ``leave_page``:
    the window's :meth:`~expertenrat.ui.main_window.MainWindow.leave_page`."""

    def __init__(
        self, window: MainWindowView, leave_page: Callable[[Callable[[], None]], bool]
    ) -> None:
        self._window = window
        self._leave_page = leave_page
        self._read_for: dict[QWidget, int] = {}  # the council each page was last read for

    def chosen(self, row: int) -> None:
        """The sidebar's ``row`` chosen: its area, unless the page shown asks to stay."""
        window = self._window
        if window.row_of(window.stack.currentWidget()) not in (-1, row) and not self._leave_page(
            lambda: self._go_to(row)
        ):
            window.select_row(window.row_of(window.stack.currentWidget()))  # stay
            return
        self.show(row)

    def _go_to(self, row: int) -> None:
        self._window.select_row(row)
        self.show(row)

    def show(self, row: int, *, reread: bool = True) -> None:
        """Show the area of ``row`` reread (unless its caller rereads it); back in an area of
        the council it last showed, the user's place stays."""
        window = self._window
        council_id = window.current_council_id()
        if not 0 <= row < len(window.areas) or council_id is None:
            return
        page = window.areas[row][1]
        if reread and self._read_for.get(page) == council_id:
            reread_in_place(page)
        elif reread:
            page.refresh()
        self._read_for[page] = council_id
        window.stack.setCurrentWidget(page)
