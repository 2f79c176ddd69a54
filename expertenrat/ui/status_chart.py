"""A small stacked bar chart drawn with QPainter: recommendations per status, one bar per
action field, with a legend. A click on a bar emits the action field's id. The statuses
have the colours of the printed charts (:func:`status_colour`), each segment and legend
box framed in a shade that stands out from the window (:func:`status_edge`).
:class:`StatusChartBox` is the Übersicht's box around it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.overview import FieldStatuses
from expertenrat.domain.status_colours import STATUS_COLOURS
from expertenrat.ui.i18n import tr
from expertenrat.ui.theme_colours import is_dark, readable

_CONTEXT = "OverviewPage"
_BAR_HEIGHT = 18
_GAP = 8
_MARGIN = 4
_LEGEND_COLUMNS = 2


# What a bar segment needs against the window (WCAG's 3:1 for graphics).
_GRAPHIC_CONTRAST = 3.0


def status_colour(status: RecommendationStatus, palette: QPalette) -> QColor:
    """The status's colour, as printed (:mod:`domain.status_colours`); on a dark palette
    (dark mode, a high-contrast theme) lightened where it would vanish in the window
    ("zurückgezogen", near black, did), hue kept (:func:`theme_colours.readable`)."""
    colour = QColor(STATUS_COLOURS[status])
    if not is_dark(palette):
        return colour
    window = palette.color(QPalette.ColorRole.Window)
    return readable(colour, window, minimum=_GRAPHIC_CONTRAST)


def status_edge(status: RecommendationStatus, palette: QPalette) -> QColor:
    """The frame of a status's segment and legend box: its :func:`status_colour` where that
    stands out from the window by 3:1, else the first darker shade of its hue that does.
    On a light window the pale statuses ("Entwurf" 1.3:1, "beschlossen" 1.6:1, "übermittelt"
    2.1:1, "beantwortet" 2.8:1 on #efefef) all but vanished (found by a helper); the fill
    keeps the printed colour, so the lightness order that tells the statuses apart in a
    black-and-white print stays on screen too."""
    window = palette.color(QPalette.ColorRole.Window)
    return readable(status_colour(status, palette), window, minimum=_GRAPHIC_CONTRAST)


def _fill_framed(painter: QPainter, rect: QRect, fill: QColor, edge: QColor) -> None:
    """``rect`` in ``fill`` inside a one-pixel frame of ``edge`` (where it is wide enough)."""
    painter.fillRect(rect, edge)
    inside = rect.adjusted(1, 1, -1, -1)
    if inside.isValid():
        painter.fillRect(inside, fill)


class StatusChart(QWidget):
    fieldActivated = Signal(object)  # the action field's id, or None for "ohne Handlungsfeld"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[FieldStatuses, ...] = ()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_rows(self, rows: tuple[FieldStatuses, ...]) -> None:
        self.rows = rows
        self.setAccessibleDescription("; ".join(self._describe(row) for row in rows))
        self.updateGeometry()
        self.update()

    # --- geometry ------------------------------------------------------------------------

    def _statuses(self) -> list[RecommendationStatus]:
        present = {status for row in self.rows for status, _n in row.counts}
        return [status for status in RecommendationStatus if status in present]

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(_name(row)) for row in self.rows), default=0) + 12

    def _legend_top(self) -> int:
        return _MARGIN + len(self.rows) * (_BAR_HEIGHT + _GAP)

    def _legend_height(self) -> int:
        rows = -(-len(self._statuses()) // _LEGEND_COLUMNS)
        return self.fontMetrics().height() * max(1, rows) + _GAP

    def sizeHint(self) -> QSize:
        return QSize(360, self._legend_top() + self._legend_height() + _MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def bar_rect(self, index: int) -> QRect:
        """Where the bar of row ``index`` may extend (its full width)."""
        left = self._label_width()
        top = _MARGIN + index * (_BAR_HEIGHT + _GAP)
        return QRect(left, top, max(10, self.width() - left - 40), _BAR_HEIGHT)

    def row_at(self, point: QPoint) -> int:
        for index in range(len(self.rows)):
            band = self.bar_rect(index).adjusted(-self._label_width(), 0, 40, 0)
            if band.contains(point):
                return index
        return -1

    # --- drawing -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        largest = max((row.total for row in self.rows), default=0) or 1
        text_colour = self.palette().windowText().color()
        for index, row in enumerate(self.rows):
            rect = self.bar_rect(index)
            painter.setPen(text_colour)
            label = QRect(0, rect.top(), rect.left() - 8, rect.height())
            painter.drawText(
                label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, _name(row)
            )
            x = rect.left()
            for status, count in row.counts:
                width = round(rect.width() * count / largest)
                _fill_framed(
                    painter,
                    QRect(x, rect.top(), width, rect.height()),
                    status_colour(status, self.palette()),
                    status_edge(status, self.palette()),
                )
                x += width
            painter.setPen(text_colour)
            total = QRect(x + 4, rect.top(), 40, rect.height())
            painter.drawText(total, Qt.AlignmentFlag.AlignVCenter, str(row.total))
        self._paint_legend(painter, text_colour)
        painter.end()

    def legend_box(self, position: int) -> QRect:
        """The coloured box of the legend's ``position``-th status (in the statuses' order)."""
        metrics = self.fontMetrics()
        column = max(1, self.width() // _LEGEND_COLUMNS)
        x = (position % _LEGEND_COLUMNS) * column
        y = self._legend_top() + (position // _LEGEND_COLUMNS) * metrics.height()
        box = metrics.ascent() - 2
        return QRect(x, y + 2, box, box)

    def _paint_legend(self, painter: QPainter, text_colour: QColor) -> None:
        ascent = self.fontMetrics().ascent()
        for position, status in enumerate(self._statuses()):
            box = self.legend_box(position)
            palette = self.palette()
            _fill_framed(painter, box, status_colour(status, palette), status_edge(status, palette))
            painter.setPen(text_colour)
            painter.drawText(QPoint(box.right() + 5, box.top() - 2 + ascent), status.label)

    # --- interaction ---------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.row_at(event.position().toPoint())
        if index >= 0:
            QToolTip.showText(
                event.globalPosition().toPoint(), self._describe(self.rows[index]), self
            )
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.row_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            field = self.rows[index].field
            self.fieldActivated.emit(field.id if field is not None else None)

    def _describe(self, row: FieldStatuses) -> str:
        parts = ", ".join(f"{count} {status.label}" for status, count in row.counts)
        return f"{_name(row)}: {parts or tr(_CONTEXT, 'keine Empfehlungen')}"


class StatusChartBox(QGroupBox):
    """ "Empfehlungen nach Status": the chart at the top of its box, or, while the council has
    no recommendation, one line saying so in its place, as the Übersicht's lists do (found by
    a tester: an empty band, the fields' names with a "0" each, and room for a legend)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Empfehlungen nach Status"), parent)
        self.chart = StatusChart()
        self.empty_label = QLabel(tr(_CONTEXT, "Noch keine Empfehlungen."))
        self.empty_label.setObjectName("figureCaption")
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.chart)
        layout.addStretch(1)  # beside a taller box, the chart stays at the top of its own
        self.set_rows(())

    def set_rows(self, rows: tuple[FieldStatuses, ...]) -> None:
        self.chart.set_rows(rows)
        empty = not any(row.total for row in rows)
        self.chart.setVisible(not empty)
        self.empty_label.setVisible(empty)


def _name(row: FieldStatuses) -> str:
    return row.field.name if row.field is not None else tr(_CONTEXT, "ohne Handlungsfeld")
