"""The Übersicht's figures per action field for the year: consultations, recommendations,
share answered and share accepted; a field's name opens its recommendations. The year's
recommendations without an action field have a last row ("ohne Handlungsfeld", as in the
status chart), which opens the whole register."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from expertenrat.domain.overview import Area, FieldFigures, Line, Target
from expertenrat.ui.i18n import tr
from expertenrat.ui.overview_lists import LinkLine

_CONTEXT = "OverviewPage"


def share_text(share: float | None) -> str:
    """ "67 %" (German: a space before the sign), "–" without a base."""
    return "–" if share is None else f"{round(share * 100)} %"


class FieldFiguresGrid(QGroupBox):
    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Handlungsfelder"), parent)
        self._grid = QGridLayout(self)
        self._cells: list[QWidget] = []
        self.name_lines: list[LinkLine] = []
        # The headers break at their soft hyphens where the page is narrow ("Empfeh-" over
        # "lungen"): in one line each they needed ~585 px, and a window of 720 px with a
        # 12 pt font scrolled sideways (found by review).
        self.headers = (
            tr(_CONTEXT, "Handlungs\u00adfeld"),
            tr(_CONTEXT, "Bera\u00adtungen"),
            tr(_CONTEXT, "Empfeh\u00adlungen"),
            tr(_CONTEXT, "beant\u00adwortet"),
            tr(_CONTEXT, "ange\u00adnommen"),
        )
        for column, text in enumerate(self.headers):
            header = QLabel(text)
            header.setObjectName("figureCaption")
            header.setWordWrap(True)
            side = _alignment(column) or Qt.AlignmentFlag.AlignLeft
            header.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
            header.setAccessibleName(text.replace("\u00ad", ""))
            self._grid.addWidget(header, 0, column, _alignment(column))
        self._grid.setColumnStretch(0, 1)

    def show_figures(self, year: int, figures: tuple[FieldFigures, ...]) -> None:
        self.setTitle(tr(_CONTEXT, "Handlungsfelder {}").format(year))
        for cell in self._cells:
            self._grid.removeWidget(cell)
            cell.deleteLater()
        self._cells, self.name_lines = [], []
        for row, item in enumerate(figures, start=1):
            # A long name ("ohne Handlungsfeld") wraps rather than widening the Übersicht
            # past a window of 837 px with a 12 pt font.
            name = LinkLine(_name_line(item), self)
            name.opened.connect(self.opened)
            self.name_lines.append(name)
            values = (
                str(item.consultations),
                str(item.recommendations),
                share_text(item.answered_share),
                share_text(item.accepted_share),
            )
            cells: list[QWidget] = [name, *(QLabel(value) for value in values)]
            for column, cell in enumerate(cells):
                self._grid.addWidget(cell, row, column, _alignment(column))
            self._cells.extend(cells)

    def row_texts(self) -> list[list[str]]:
        """What the grid shows, row by row (for tests and accessibility checks)."""
        texts = []
        for row in range(1, self._grid.rowCount()):
            cells = [self._grid.itemAtPosition(row, c) for c in range(len(self.headers))]
            if all(cell is not None for cell in cells):
                texts.append([cell.widget().text() for cell in cells])  # type: ignore[union-attr]
        return texts


def _name_line(item: FieldFigures) -> Line:
    if item.field is None:
        return Line(tr(_CONTEXT, "ohne Handlungsfeld"), Target(Area.RECOMMENDATIONS))
    return Line(item.field.name, Target(Area.RECOMMENDATIONS, action_field_id=item.field.id))


def _alignment(column: int) -> Qt.AlignmentFlag:
    """The figures to the right; the names fill their column (their text on the left): a
    wrapping name placed by its own width would break where the column has room."""
    return Qt.AlignmentFlag(0) if column == 0 else Qt.AlignmentFlag.AlignRight
