"""A value to choose in the merge dialog (:mod:`merge_dialog`): a radio button showing the
value on one line, which gives way down to a dozen characters and ends in "…" where cut,
its tooltip then showing the value whole."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QRadioButton, QSizePolicy, QStyle, QWidget

from expertenrat.ui.i18n import tr
from expertenrat.ui.tooltips import literal_tip

_CONTEXT = "MergeDialog"
SHOWN_CHARACTERS = 60  # the room a value asks for; a longer one ends in "…" where cut
LEAST_CHARACTERS = 12  # the room a value gets by with
LINE_CHARACTERS = 500  # of a long value (notes) put on its one line at most
TOOLTIP_CHARACTERS = 2_000


class ValueButton(QRadioButton):
    """A radio button showing a value on one line: where the button is narrower than the
    value, the value ends in "…" (never cut off at the edge) and its tooltip shows it whole
    (also for a long or multi-line value). ``whole`` is the value, ``line`` the value on one
    line (what a screen reader says), ``text()`` what shows."""

    def __init__(self, whole: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = whole
        line = " ⏎ ".join(whole.splitlines())
        if len(line) > LINE_CHARACTERS:
            line = line[: LINE_CHARACTERS - 1] + "…"
        self.line = line or tr(_CONTEXT, "(leer)")
        self._show(self.line)
        # gives way down to its least width (a radio button's own policy would not)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _indicator_room(self) -> int:
        style = self.style()
        return (
            style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
            + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, self)
            + 8  # the focus frame's margins around the text
        )

    def _width_for(self, characters: int) -> int:
        metrics = self.fontMetrics()
        whole = metrics.horizontalAdvance(self.line)
        return self._indicator_room() + min(whole, metrics.averageCharWidth() * characters)

    def sizeHint(self) -> QSize:
        return QSize(self._width_for(SHOWN_CHARACTERS), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_for(LEAST_CHARACTERS), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = max(0, event.size().width() - self._indicator_room())
        self._show(self.fontMetrics().elidedText(self.line, Qt.TextElideMode.ElideRight, room))

    def is_cut(self) -> bool:
        """The button shows less than the whole value."""
        return self.text().replace("&&", "&") != self.whole

    def _show(self, line: str) -> None:
        self.setText(line.replace("&", "&&"))  # "&" as itself, not a keyboard shortcut
        cut = self.is_cut() and bool(self.whole)
        self.setToolTip(literal_tip(self.whole[:TOOLTIP_CHARACTERS]) if cut else "")
