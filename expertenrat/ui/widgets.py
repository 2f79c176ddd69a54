"""Small widgets the pages share."""

from __future__ import annotations

import textwrap
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

Field = TypeVar("Field", bound=QWidget)

# Characters on a line of a text its widget does not wrap itself (a tooltip, a check box):
# about 450 px in the window's font.
LINE_AT_MOST = 72


def broken_into_lines(text: str, width: int = LINE_AT_MOST) -> str:
    """``text`` on lines of at most ``width`` characters, broken at spaces only, for a
    widget that shows it on one line however long it is."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines)


# How wide a short field of a settings form gets, in characters of its font (at 9 pt the
# 240, 320 and 160 pixels these were before): a number, a choice of a few words, a Land.
NARROW_FIELD_CHARACTERS = 40
WIDE_FIELD_CHARACTERS = 53
NUMBER_FIELD_CHARACTERS = 27


def in_row(*widgets: QWidget) -> QWidget:
    """Widgets side by side at their natural width, the rest of the row left empty (a form
    row holding several fields)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


def keep_narrow(field: Field, characters: int) -> Field:
    """``field`` at most about ``characters`` wide in its font, never narrower than its own
    text (the widest choice, value or suffix) needs. A cap in pixels did not follow the
    font: with Windows' larger text (150 %) the Beschlussfähigkeit choice was cut (found by
    a tester)."""
    room = field.fontMetrics().averageCharWidth() * characters
    field.setMaximumWidth(max(room, field.sizeHint().width()))
    return field


class _WheelOnlyWhenFocused(QObject):
    """Holds the mouse wheel back from the field it watches while the field has no focus,
    and hands it on to the field's parents (the form that scrolls)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # to the parents: Qt passes an ignored wheel on
            return True
        return super().eventFilter(watched, event)


def wheel_only_when_focused(field: Field) -> Field:
    """``field`` (a combo box, spin box, date or time field) takes the mouse wheel only when
    it has the focus (a click, Tab); the wheel does not give it the focus either. Passing over
    one while the form scrolled changed its value (a vote count, saved at once, "vertagt");
    now the form scrolls. Returns ``field``."""
    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not Qt's WheelFocus
    field.installEventFilter(_WheelOnlyWhenFocused(field))
    return field


def drop_widget(widget: QWidget) -> None:
    """Out of the layout and the Tab order at once, deleted later (a line of a list)."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class FocusCombo(QComboBox):
    """A combo box for a form that scrolls (:func:`wheel_only_when_focused`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wheel_only_when_focused(self)


class FocusSpin(QSpinBox):
    """A spin box for a form that scrolls (:func:`wheel_only_when_focused`); it takes Qt's
    properties as keywords, as a :class:`QSpinBox` does (``minimum=1, maximum=200``)."""

    def __init__(self, parent: QWidget | None = None, **properties: object) -> None:
        super().__init__(parent, **properties)
        wheel_only_when_focused(self)


def counted_spin(minimum: int, maximum: int, one: str, many: str) -> FocusSpin:
    """A spin box whose unit follows its number: "1 Monat", "2 Monate"."""
    spin = FocusSpin(minimum=minimum, maximum=maximum)

    def follow(value: int) -> None:
        spin.setSuffix(one if value == 1 else many)

    spin.valueChanged.connect(follow)
    follow(spin.value())
    return spin


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


class FigureCard(QFrame):
    """A big number with a caption, for the Übersicht page."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.value = QLabel("–")
        self.value.setObjectName("figureValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        self.caption.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setObjectName("figureCaption")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        # a card without a detail line, beside one with two, keeps its number at the top
        # in line with theirs
        layout.addStretch(1)
        self._name()

    def set_value(self, value: int | str, detail: str = "") -> None:
        self.value.setText(str(value))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._name()

    def _name(self) -> None:
        """What a screen reader says when the card has the focus (a frame has no text)."""
        parts = (self.caption.text(), self.value.text(), self.detail.text())
        self.setAccessibleName(" ".join(part for part in parts if part))


def colour_icon(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def action_button(action: QAction) -> QPushButton:
    """A button that triggers ``action`` and shows its text (without the "&" shortcut)."""
    button = QPushButton(action.text().replace("&", ""))
    button.clicked.connect(action.trigger)
    return button


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class WholeWrappingLabel(QLabel):
    """A label of plain text that wraps long lines and asks for the height its text needs at
    the width it has: a layout that places it by its minimum (a grid in a splitter pane, as
    high as its minimum) does not cut its last lines."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        if self.width() <= 0:
            return least
        return QSize(least.width(), max(least.height(), self.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # as many lines as the new width needs


def wrapping_label(text: str = "", *, name: str = "") -> QLabel:
    """A label that shows ``text`` literally (never as rich text) and wraps long lines;
    ``name`` its object name, by which the style sheet marks it ("hintLabel",
    "warningLabel", "errorLabel" …)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def keep_wrapped_height(label: QLabel) -> None:
    """A wrapping ``label`` with a style-sheet border (the Übersicht's lines, framed when
    focused) is measured at the width it is painted at. Without an indent, Qt indents a
    framed label's text by half an "x" when painting it but by a whole "x" when measuring
    its height for a width: a text that just fits two painted lines was given the height
    of three, shown with an empty half line above and below it. The style sheet's padding
    keeps the text off the border instead."""
    label.setIndent(0)
