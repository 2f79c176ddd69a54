"""A tab widget whose tabs scroll in a short window instead of squeezing their content,
and a stack of pages (the main window's areas) that does the same in a small window.

A plain :class:`QTabWidget` is as high as the minimum of its tallest tab, whichever tab
shows: the Sitzungen page's agenda editor made every meeting tab ask for ~440 pixels, more
than a 1280 x 800 window leaves below the meeting list. :class:`ScrollingTabs` puts each
tab in a :func:`~expertenrat.ui.scroll_areas.plain_scroll_area`, which asks for next to
nothing; a tab shorter than its content's minimum scrolls. The tabs' own widgets stay
what :meth:`widget`, :meth:`currentWidget`, :meth:`indexOf` and :meth:`setCurrentWidget`
speak of, so callers never see the scroll areas.

Each tab's content sits in a :class:`_Holder` without a layout of its own. A scroll area
sizes content whose layout has a height for its width (any word-wrapped label) by that
height, which a box layout works out from its items' *preferred* sizes: a tab with a
one-line hint then scrolled at 1280 x 800 while its tables could have shrunk, and showed
two scroll bars, its own and its lists'. The holder offers the content's minimum instead,
its wrapped text counted at the width it is shown.

:class:`ScrollingStack` does the same for the main window's areas: the window may be made
smaller (down to its minimum) than a page needs (Mitglieder: a table beside the roster);
that page then scrolls, where a plain stack squeezed its widgets over one another.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from expertenrat.ui.scroll_areas import plain_scroll_area

LEAST_TAB_WIDTH = 60  # the narrowest a tab gets by giving way, before the bar scrolls


class _Holder(QWidget):
    """``content`` at the holder's whole size; as small as the content's minimum allows."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.content = content
        content.setParent(self)
        content.setAutoFillBackground(False)

    def minimumSizeHint(self) -> QSize:
        """The content's minimum, as high as its wrapped text needs at the width it has: a
        layout's minimum counts a word-wrapped label as one short line, so a tab whose
        hint wraps to four lines squeezed the fields below it (the agenda editor of a held
        meeting at 1024 x 640: the item's fields cut in half) instead of scrolling."""
        least = self.content.minimumSizeHint().expandedTo(self.content.minimumSize())
        layout = self.content.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            least.setHeight(max(least.height(), layout.totalMinimumHeightForWidth(self.width())))
        return least

    def sizeHint(self) -> QSize:
        return self.content.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.content.setGeometry(self.rect())
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped text's height, so the minimum, may change

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the content's minimum changed
            self.updateGeometry()
        return super().event(event)


class _ByContent:
    """:meth:`indexOf` and :meth:`setCurrentWidget` of a tab widget or stack that speaks of
    the held widgets (its ``widget``), not of the scroll areas around them."""

    def indexOf(self, widget: QWidget) -> int:
        return next((i for i in range(self.count()) if self.widget(i) is widget), -1)

    def setCurrentWidget(self, widget: QWidget) -> None:
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)


class _YieldingTabBar(QTabBar):
    """Where the tabs need more width than the tab widget has, the widest give way first
    (their labels cut: "Tagesord…"), each down to the width of the others, not below
    ``LEAST_TAB_WIDTH``; only then does the bar scroll. Qt's own eliding narrowed every
    tab alike: 11 pixels too few cut all seven labels."""

    def tabSizeHint(self, index: int) -> QSize:
        hint = super().tabSizeHint(index)
        cap = self._cap()
        if cap is not None and hint.width() > cap:
            hint.setWidth(cap)
        return hint

    def _cap(self) -> int | None:
        """The width the widest tabs give way to, ``None`` where all fit."""
        holder = self.parentWidget()
        if holder is None:
            return None
        rest = holder.width()
        widths = sorted(super(_YieldingTabBar, self).tabSizeHint(i).width()
                        for i in range(self.count()))  # fmt: skip
        if sum(widths) <= rest:
            return None
        for position, width in enumerate(widths):
            left = len(widths) - position
            if width * left >= rest:
                return max(LEAST_TAB_WIDTH, rest // left)
            rest -= width
        return None

    def lay_out_again(self) -> None:
        """The tabs measured anew (the tab widget's width changed)."""
        self.setElideMode(self.elideMode())  # Qt lays the tabs out again
        self.updateGeometry()


class ScrollingTabs(_ByContent, QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(_YieldingTabBar(self))
        # In a narrow window the tab bar scrolls; its arrows are for the mouse (the arrow
        # keys go from tab to tab): the Tab key goes from the tab bar into the tab.
        for arrow in self.tabBar().findChildren(QToolButton):
            arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Before it scrolls, the widest labels give way ("Tagesord…", the tooltip whole):
        # at 1366 x 768 and 150 % the last tab was reached only by the arrows (found by a
        # tester).
        self.setElideMode(Qt.TextElideMode.ElideRight)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            bar = self.tabBar()
            if isinstance(bar, _YieldingTabBar):
                bar.lay_out_again()
        super().resizeEvent(event)

    def addTab(self, widget: QWidget, label: str) -> int:
        index = super().addTab(plain_scroll_area(_Holder(widget)), label)
        self.setTabToolTip(index, label)
        return index

    def widget(self, index: int) -> QWidget | None:
        return _content(super().widget(index))

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def preferred_height(self) -> int:
        """The height at which every tab has the room it prefers (so none scrolls): the
        tallest content's size hint, with the tab bar and the frame."""
        areas = [QTabWidget.widget(self, i) for i in range(self.count())]
        held = [a.widget() for a in areas if isinstance(a, QScrollArea)]
        tallest = max(
            (max(h.sizeHint().height(), h.minimumSizeHint().height()) for h in held), default=0
        )
        shown = QTabWidget.currentWidget(self)
        if shown is not None and shown.height() > 0:  # laid out: the bar and frame as they are
            return tallest + self.height() - shown.height()
        frame = 2 * self.style().pixelMetric(
            self.style().PixelMetric.PM_DefaultFrameWidth, None, self
        )
        return tallest + self.tabBar().sizeHint().height() + frame


def _content(scroll: QWidget | None) -> QWidget | None:
    """The page or tab held in ``scroll`` (a scroll area around a :class:`_Holder`)."""
    holder = scroll.widget() if isinstance(scroll, QScrollArea) else scroll
    return holder.content if isinstance(holder, _Holder) else holder


class ScrollingStack(_ByContent, QStackedWidget):
    """A stack of pages, each in a scroll area that scrolls only where the stack is smaller
    than the page's minimum. The pages themselves are what :meth:`widget`,
    :meth:`currentWidget`, :meth:`indexOf` and :meth:`setCurrentWidget` speak of."""

    def addWidget(self, widget: QWidget) -> int:
        return super().addWidget(plain_scroll_area(_Holder(widget)))

    def widget(self, index: int) -> QWidget | None:
        return _content(super().widget(index))

    def currentWidget(self) -> QWidget | None:
        return _content(super().currentWidget())
