"""The Übersicht's lists: lines that open what they talk about, a few at most."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from expertenrat.domain.overview import Line, Target
from expertenrat.ui.activation import Activation
from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import keep_wrapped_height

_CONTEXT = "OverviewPage"
SHOWN_LINES = 6  # more than one more: the rest behind "… und 4 weitere"


class LinkLine(QLabel):
    """One line of a list; a click (or Enter) emits ``opened`` with its target."""

    opened = Signal(object)

    def __init__(self, line: Line, parent: QWidget | None = None) -> None:
        super().__init__(line.text, parent)
        self.line = line
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        keep_wrapped_height(self)
        self.setObjectName("overviewUrgent" if line.urgent else "overviewLink")
        self.setToolTip(tr(_CONTEXT, "Öffnen"))
        Activation(self).activated.connect(lambda: self.opened.emit(self.line.target))


class LineList(QGroupBox):
    """A titled list of lines; hidden while it has none unless it has an ``empty`` text.

    ``more`` is where "… und 4 weitere" leads (the area that lists them all); ``action``,
    where given, is a last line under any lines: what to do about them ("Erinnerungen an
    die Projekte …")."""

    opened = Signal(object)

    def __init__(
        self, title: str, more: Target, empty: str = "", parent=None, *, action: Line | None = None
    ) -> None:
        super().__init__(title, parent)
        self._more = more
        self._empty = empty
        self._action = action
        self.lines: list[LinkLine] = []
        self.more_line: LinkLine | None = None
        self.action_line: LinkLine | None = None
        self.empty_label = QLabel(empty)
        self.empty_label.setObjectName("figureCaption")
        self.empty_label.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.empty_label)

    def show_lines(self, lines: tuple[Line, ...]) -> None:
        for widget in (*self.lines, self.more_line, self.action_line):
            if widget is not None:
                self._layout.removeWidget(widget)
                widget.deleteLater()
        # One line more is shown rather than counted ("… und 1 weitere" takes its room).
        shown = lines if len(lines) <= SHOWN_LINES + 1 else lines[:SHOWN_LINES]
        self.lines = [self._add(line) for line in shown]
        hidden = len(lines) - len(shown)
        self.more_line = (
            self._add(Line(tr(_CONTEXT, "… und {} weitere").format(hidden), self._more))
            if hidden > 0
            else None
        )
        self.action_line = self._add(self._action) if lines and self._action else None
        self.empty_label.setVisible(not lines)
        self.setVisible(bool(lines or self._empty))

    def _add(self, line: Line) -> LinkLine:
        widget = LinkLine(line, self)
        widget.opened.connect(self.opened)
        self._layout.addWidget(widget)
        return widget
