"""A tab widget whose tabs scroll in a short window instead of squeezing their content.

A plain :class:`QTabWidget` is as high as the minimum of its tallest tab, whichever tab
shows: the Sitzungen page's agenda editor made every meeting tab ask for ~440 pixels, more
than a 1280 x 800 window leaves below the meeting list. :class:`ScrollingTabs` puts each
tab in a :func:`~expertenrat.ui.widgets.plain_scroll_area`, which asks for next to
nothing; a tab shorter than its content's minimum scrolls. The tabs' own widgets stay
what :meth:`widget`, :meth:`currentWidget`, :meth:`indexOf` and :meth:`setCurrentWidget`
speak of, so callers never see the scroll areas.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from expertenrat.ui.widgets import plain_scroll_area


class ScrollingTabs(QTabWidget):
    def addTab(self, widget: QWidget, label: str) -> int:
        return super().addTab(plain_scroll_area(widget), label)

    def widget(self, index: int) -> QWidget | None:
        scroll = super().widget(index)
        return scroll.widget() if isinstance(scroll, QScrollArea) else scroll

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def indexOf(self, widget: QWidget) -> int:
        return next((i for i in range(self.count()) if self.widget(i) is widget), -1)

    def setCurrentWidget(self, widget: QWidget) -> None:
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)
