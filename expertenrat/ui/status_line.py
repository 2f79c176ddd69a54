"""A status line of two lines: always as high as two lines, so nothing around it moves
when a message comes, goes or grows; a long message ends in "…" there, its tooltip and a
click give the whole of it (from the keyboard: Tab reaches a shortened line, Enter or the
space bar opens it). A one-line message stands in the middle of it.

``text()`` stays the whole text (the label paints the shortened one), so whoever reads the
line (a test, a screen reader through the accessible description) gets all of it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QTextLayout
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QToolTip,
    QWidget,
)

from expertenrat.ui.eliding_widgets import paint_label_text

MAX_LINES = 2


class StatusLine(QLabel):
    clicked = Signal()  # only while the text is shortened: show the whole of it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleDescription(text)
        self._follow_room()
        self.updateGeometry()
        self.update()

    # --- the lines ------------------------------------------------------------------------

    def lines_at(self, width: int) -> list[str]:
        """The text broken into lines for ``width`` pixels, every line of it, also at its
        line feeds (a message naming two fields too long: found by a tester, Qt's layout
        took the line feed for a letter and the line painted as two, the status line
        showed four lines in the room of two, cut at the top and at the bottom)."""
        return [piece.removesuffix("\n") for piece in self._pieces(width)]

    def _pieces(self, width: int) -> list[str]:
        """The lines of :meth:`lines_at` as cut from the text, each with its line feed:
        together they are the text."""
        text = self.text()
        if not text or width <= 0:
            return re.split(r"(?<=\n)", text) if text else []
        layout = QTextLayout(text.replace("\n", "\u2028"), self.font())
        layout.beginLayout()
        pieces = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            pieces.append(text[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        return pieces

    def shown_lines(self, width: int | None = None) -> list[str]:
        """The lines as painted: at most two, the second cut with "…" if more would follow.
        The second is the rest of the text, a line feed in it as a space: a word Qt broke
        in the middle (a long path) stays whole, no space put into it (found by review)."""
        room = self._room() if width is None else width
        pieces = self._pieces(room)
        lines = [piece.removesuffix("\n").rstrip() for piece in pieces[:MAX_LINES]]
        if len(pieces) <= MAX_LINES:
            return lines
        rest = " ".join(part.strip() for part in "".join(pieces[MAX_LINES - 1 :]).split("\n"))
        last = self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, room)
        return [*lines[: MAX_LINES - 1], last]

    def is_shortened(self) -> bool:
        return len(self.lines_at(self._room())) > MAX_LINES

    def _room(self) -> int:
        return self.contentsRect().width() - 2 * self.margin()

    # --- size -----------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return False  # two lines at any width (a wrapping QLabel would ask for all of them)

    def heightForWidth(self, _width: int) -> int:
        return self._height()

    def _height(self) -> int:
        margins = self.contentsMargins()
        return MAX_LINES * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 10, self._height())

    # --- painting and the whole text ------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_label_text(
            self,
            painter,
            "\n".join(self.shown_lines()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        )
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.is_shortened():
            QToolTip.showText(event.globalPos(), self.text(), self)  # a QHelpEvent
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._follow_room()

    def _follow_room(self) -> None:
        """A shortened text offers its whole: a hand cursor for the click, a Tab stop."""
        shortened = self.is_shortened()
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if shortened else Qt.CursorShape.ArrowCursor
        )
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if shortened else Qt.FocusPolicy.NoFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and not event.modifiers() and self.is_shortened():
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.is_shortened():
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)
