"""The widgets of the Protokoll tab and where they sit; :class:`MinutesEditor` adds the
behaviour (the view/controller split of the house style).

Above everything a German hint when there are no minutes to show (``body`` hidden then).
Left: "Kopfdaten" and the agenda items, under them the live completeness check. Right: the
header form or the selected item's form (``pages``, scrolling downwards only, and so that
a field given the focus, or the message under the votes, is in view), and a line with the
autosave indicator, the phrase button and the item steps (these under it where the tab is
narrow). The indicator keeps
its place beside the buttons and the height of two lines whatever it says (a longer
message ends in "…"; its tooltip and a click give the whole), so neither it nor the form
above moves when a message comes or goes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_checklist_panel import ChecklistPanel
from expertenrat.ui.minutes_header_form import MinutesHeaderForm
from expertenrat.ui.minutes_item_form import MinutesItemForm
from expertenrat.ui.minutes_item_list import MinutesItemList
from expertenrat.ui.scroll_areas import plain_scroll_area
from expertenrat.ui.status_line import StatusLine
from expertenrat.ui.widgets import wrapping_label
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "MinutesEditor"
_FORM_LEAST_LETTERS = 53  # the least width of the form column, in average letters


class MinutesEditorView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint_label = wrapping_label(name="hintLabel")
        # At the top like the other tabs' hints, also when it fills the tab (no minutes)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.items = MinutesItemList()
        self.checklist = ChecklistPanel()
        self.header_form = MinutesHeaderForm()
        self.item_form = MinutesItemForm()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.header_form)
        self.pages.addWidget(self.item_form)
        self.scroll = plain_scroll_area(self.pages, sideways=False)
        self.indicator = StatusLine()
        self.indicator.setObjectName("autosaveIndicator")
        self.previous_button = QPushButton(tr(_CONTEXT, "◀ Zurück"))
        self.previous_button.setToolTip(
            tr(_CONTEXT, "Vorheriger Punkt (Strg+Umschalt+Eingabetaste)")
        )
        self.next_button = QPushButton(tr(_CONTEXT, "Weiter ▶"))
        self.next_button.setToolTip(tr(_CONTEXT, "Nächster Punkt (Strg+Eingabetaste)"))
        # A screen reader says the words, not "black left-pointing triangle" (found by a tester).
        self.previous_button.setAccessibleName(tr(_CONTEXT, "Zurück"))
        self.next_button.setAccessibleName(tr(_CONTEXT, "Weiter"))
        self.phrase_button = QPushButton(tr(_CONTEXT, "&Textbaustein"))
        self.phrase_button.setToolTip(
            tr(_CONTEXT, "Einen Standardsatz an der Schreibmarke einfügen (Einstellungen)")
        )
        self.body = self._layout(self.scroll)
        # A field given the focus by a jump, a step or a new vote scrolls into view (Qt does
        # it only for the Tab key).
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._follow_focus)
        self.item_form.votes.message_shown.connect(self._follow_vote_message)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.pages.isAncestorOf(new):
            self._scroll_to(new)

    def _follow_vote_message(self) -> None:
        """The verdict on the votes (counts too high, no quorum) comes into view under them
        (found by a tester: at 1280 x 800 it lay below the fold, unseen by the user who had
        just typed the count), unless the user has gone on to another field of the form."""
        focus = QApplication.focusWidget()
        votes = self.item_form.votes
        if focus is None or not self.pages.isAncestorOf(focus) or votes.isAncestorOf(focus):
            self._scroll_to(votes.message_label)

    def _scroll_to(self, widget: QWidget) -> None:
        # The form may just have changed (another item, its votes, a message): lay it out
        # first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll.ensureWidgetVisible(widget)

    def scroll_to_top(self) -> None:
        """Another item or the Kopfdaten are shown: from their start."""
        self.scroll.verticalScrollBar().setValue(0)

    def _layout(self, scroll: QScrollArea) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_splitter = QSplitter(Qt.Orientation.Vertical)
        left_splitter.addWidget(self.items)
        left_splitter.addWidget(self.checklist)
        # The check has a heading and a button besides its lines: the larger share, so that
        # its lines get about as much room as the items (found by a tester at 1024 x 640).
        left_splitter.setSizes([260, 340])
        left_layout.addWidget(left_splitter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.indicator, 1)
        # The item steps go under "Textbaustein" where the tab is narrow (the least window,
        # 720 x 480): in one row the tab was 3 px wider than its room and scrolled sideways.
        self.buttons = WrappingRow(
            ((self.phrase_button,), (self.previous_button, self.next_button))
        )
        bar.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignVCenter)
        right_layout.addLayout(bar)
        # Where the tab is narrow the list beside it gives way first: the form keeps room
        # to type in (as wide as it was with the buttons in one row, less the 3 px).
        right.setMinimumWidth(self.fontMetrics().averageCharWidth() * _FORM_LEAST_LETTERS)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(splitter, 1)
        return splitter
