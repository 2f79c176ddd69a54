"""The frame of the main window and where things sit: the sidebar of areas beside the
shown one (Strg+1 … Strg+8 choose them; a page larger than a small window scrolls), the
start page until the database is open, and the council switcher
(:mod:`expertenrat.ui.council_toolbar`), hidden until there are councils;
:class:`~expertenrat.ui.main_window.MainWindow` adds the behaviour (the view/controller
split of the house style).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QSplitter, QWidget

from expertenrat.ui.app_style import follow_palette
from expertenrat.ui.council_toolbar import CouncilToolbar
from expertenrat.ui.i18n import tr
from expertenrat.ui.page import KeyboardStart
from expertenrat.ui.scrolling_tabs import ScrollingStack
from expertenrat.ui.start_page import StartPage, WaysOut

_CONTEXT = "MainWindow"


class MainWindowView(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas: list[tuple[str, QWidget]] = []
        self.setWindowTitle("Expertenrat")
        self.setMinimumSize(QSize(720, 480))
        # Tab goes in the order widgets join the window: the switcher first, as it is
        # shown above the sidebar and the page (joined after them, it came between the
        # sidebar and the page; found by a tester).
        self.toolbar = CouncilToolbar()
        self.council_combo = self.toolbar.combo
        self.addToolBar(self.toolbar)
        self.toolbar.setVisible(False)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(tr(_CONTEXT, "Bereiche"))  # for screen readers
        self.start_page = StartPage()
        self.stack = ScrollingStack()  # a page larger than a small window scrolls
        self.stack.addWidget(self.start_page)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        self.setCentralWidget(self.splitter)

    def changeEvent(self, event: QEvent) -> None:
        """A palette changed while the program runs (Windows switched to dark mode or a
        high-contrast theme): the style sheet's colours follow it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            follow_palette(QApplication.instance())

    def add_areas(self, areas: Sequence[tuple[str, QWidget]], welcome_page: QWidget) -> None:
        """The areas in the sidebar, by label, and in the stack; the welcome page (no
        council yet) only in the stack."""
        self.areas = list(areas)
        self.welcome_page = welcome_page
        for row, (label, page) in enumerate(self.areas):
            self.sidebar.addItem(label)
            self.stack.addWidget(page)
            self._add_area_key(row)
        self.stack.addWidget(welcome_page)
        self._fit_sidebar()

    def _add_area_key(self, row: int) -> None:
        """Strg+1 … Strg+8 choose the sidebar's areas in order, as a click does (a page with
        unsaved input still asks); the entry's tooltip names its key."""
        item = self.sidebar.item(row)
        key = row + 1
        item.setToolTip(tr(_CONTEXT, "{area} (Strg+{key})").format(area=item.text(), key=key))
        shortcut = QShortcut(QKeySequence(f"Ctrl+{key}"), self)
        shortcut.activated.connect(lambda: self._go_by_key(row))

    def _go_by_key(self, row: int) -> None:
        """The area of ``row``, and the keyboard in it: its first field or list, so that a
        screen reader says where one is and the Suche takes the words typed at once. The
        focus stayed where it was (often the council switcher, where a letter typed chose
        another council) and nothing was said (found by a tester). A page that names its
        :class:`~expertenrat.ui.page.KeyboardStart` gets it there: the Sitzungen their list,
        not "Neue Sitzung", which Enter would start (found by a tester)."""
        self.sidebar.setCurrentRow(row)
        page = self.areas[row][1]
        if self.stack.currentWidget() is not page:
            return  # it stays (unsaved input)
        start = page.keyboard_start() if isinstance(page, KeyboardStart) else None
        if start is not None and start.isVisibleTo(page) and start.isEnabled():
            start.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = page.nextInFocusChain()
        while widget is not page:
            tab_stop = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            shown = page.isAncestorOf(widget) and widget.isVisibleTo(page)
            if tab_stop and shown and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _fit_sidebar(self) -> None:
        """The area names are never clipped, however wide the page beside them wants to be;
        the page never goes: it does not fold away, and a remembered sidebar starts at
        twice its names at most. Dragged across the window, the page vanished, and
        remembered so, it stayed gone at the next start; a sidebar widened at the docking
        station's big monitor left the page 68 pixels on the laptop alone (found by a
        tester)."""
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sides = self.sidebar.contentsMargins()  # the frame (the style sheet's border)
        margin = sides.left() + sides.right() + 4
        least = self.sidebar.sizeHintForColumn(0) + margin
        self.sidebar.setMinimumWidth(least)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        remembered = self.splitter.sizes()
        if remembered[0] > 2 * least:
            self.splitter.setSizes([2 * least, sum(remembered) - 2 * least])

    def show_unusable(
        self,
        message: str,
        retry: Callable[[], object] | None,
        ways_out: WaysOut,
        detail: str = "",
    ) -> None:
        """The database could not be opened: say why in place of the areas (``detail``:
        the original text of a cause not named), and offer ``retry`` (opening it again) and
        ``ways_out`` (see :class:`WaysOut`)."""
        self.start_page.show_unusable(message, retry, ways_out, detail)
        self.stack.setCurrentWidget(self.start_page)

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome_page)

    def current_council_id(self) -> int | None:
        return self.council_combo.currentData()

    def welcome_shown(self) -> bool:
        return self.stack.currentWidget() is self.welcome_page

    def row_of(self, page: QWidget) -> int:
        return next((row for row, (_l, area) in enumerate(self.areas) if area is page), -1)

    def select_row(self, row: int) -> None:
        """Select the row of the sidebar without taking the user to its area."""
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)
