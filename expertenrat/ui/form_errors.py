"""Messages next to the fields of a form: errors in red, warnings in amber.

A field with a problem gets the dynamic property ``error`` or ``warning`` set to true, so
that the style sheet frames it (``app.qss``). Each message label keeps the height of one
line even while empty, so that the fields do not move when a message appears (a message
longer than one line still makes room for itself); in a form whose rows would stand
unevenly apart so (some fields have no message line), ``collapsed`` message lines are
hidden while empty instead. In a dialog the window grows as high as a message needs (a
wrapping label lets Qt set the dialog's minimum height to none, and a message that came
later was squeezed into one line over the field above it: found by review).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.errors import FieldProblem
from expertenrat.ui.dialog_parts import fit_height


def message_label() -> QLabel:
    """An empty label for messages that always takes the height of one line."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMinimumHeight(label.fontMetrics().height())
    return label


def announce(widget: QWidget, message: str, *, polite: bool = False) -> None:
    """Have a screen reader say ``message`` at once (an announcement, as Orca reads them):
    a refusal shown in a label under a form is not read by itself, and the focus stays on
    the button pressed, so a user who hears the screen learnt nothing. ``polite``: after
    what it is saying (the letters typed), not cutting it off (a search's hit count)."""
    if not message:
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Polite
        if polite
        else QAccessible.AnnouncementPoliteness.Assertive
    )
    QAccessible.updateAccessibility(event)


def set_style_property(widget: QWidget, name: str, on: bool) -> None:
    """Set a boolean property the style sheet selects on, and restyle the widget."""
    if bool(widget.property(name)) == on:
        return
    widget.setProperty(name, on)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_message_kind(label: QLabel, warning: bool) -> None:
    label.setObjectName("warningLabel" if warning else "errorLabel")
    label.style().unpolish(label)
    label.style().polish(label)


def plain_message(label: QLabel) -> None:
    """``label`` drawn as ordinary text again, no longer as a warning or an error."""
    label.setObjectName("")
    label.style().unpolish(label)
    label.style().polish(label)


def _label_input(label: QWidget | None, widget: QWidget) -> None:
    """Tie the row's label to its input rather than to the container around it: a click
    on the label (or its mnemonic) puts the cursor there, and a screen reader names the
    input after it. A row of several inputs (date, start, end) names them itself."""
    if (
        not isinstance(label, QLabel)
        or not label.text()
        or (widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget.focusProxy() is None)
    ):
        return
    label.setBuddy(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(label.text().replace("&", "").rstrip(":* "))


class FormErrors:
    """Keeps a message label under each registered field of a ``QFormLayout``."""

    def __init__(self, form: QFormLayout, *, collapsed: bool = False) -> None:
        """``collapsed``: an empty message line takes no room (the fields move down when a
        message comes)."""
        self._form = form
        self._collapsed = collapsed
        self._labels: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self.general = message_label()
        self.general.setObjectName("errorLabel")

    def add_row(
        self, label: str, field: str, widget: QWidget, input_widget: QWidget | None = None
    ) -> QWidget:
        """Add ``widget`` with a message line under it; ``input_widget`` gets the frame."""
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(widget)
        message = message_label()
        message.setHidden(self._collapsed)
        layout.addWidget(message)
        self._labels[field] = message
        self._inputs[field] = input_widget or widget
        self._form.addRow(label, container)
        _label_input(self._form.labelForField(container), input_widget or widget)
        return container

    def show_under(self, field: str, row: str, input_widget: QWidget | None = None) -> None:
        """Show the messages of ``field``, which has no row of its own (the number a
        meeting's date gives it), under the row of the field ``row``; ``input_widget``
        (else the row's input) gets the frame."""
        self._labels[field] = self._labels[row]
        self._inputs[field] = input_widget or self._inputs[row]

    def first_input(self) -> QWidget | None:
        """The input of the first registered field (where the cursor goes on "Neu")."""
        return next(iter(self._inputs.values()), None)

    def message(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None else ""

    def has_error(self, field: str) -> bool:
        widget = self._inputs.get(field)
        return widget is not None and bool(widget.property("error"))

    def clear(self) -> None:
        for label in (*self._labels.values(), self.general):
            label.clear()
        for label in self._labels.values():
            label.setHidden(self._collapsed)
        for widget in self._inputs.values():
            set_style_property(widget, "error", False)
            set_style_property(widget, "warning", False)
            widget.setAccessibleDescription("")

    def show(self, problems: Iterable[FieldProblem]) -> None:
        self.clear()
        general: list[FieldProblem] = []
        for problem in problems:
            label = self._labels.get(problem.field)
            if label is None:
                general.append(problem)
                continue
            widget = self._inputs[problem.field]
            text = "\n".join(t for t in (label.text(), problem.message) if t)
            label.setText(text)
            label.show()
            is_error = not problem.warning or bool(widget.property("error"))
            set_message_kind(label, warning=not is_error)
            set_style_property(widget, "error", is_error)
            set_style_property(widget, "warning", not is_error)
            widget.setAccessibleDescription(text)  # a screen reader says it with the field
        if general:
            # Warnings only (a holiday, an overlap) in amber, as under the fields.
            set_message_kind(self.general, warning=all(p.warning for p in general))
            self.general.setText("\n".join(p.message for p in general))
            announce(self.general, self.general.text())
        self._fit_dialog()

    def focus_first_error(self) -> None:
        """Put the cursor into the topmost field framed as an error (scrolled into sight),
        so that a keyboard user is where the message is and a screen reader says the field
        with its message; the focus stayed on "Speichern" before, and nothing was said."""
        wrong = next((w for w in self._inputs.values() if w.property("error")), None)
        if wrong is None or not wrong.isEnabled():
            return
        wrong.setFocus(Qt.FocusReason.OtherFocusReason)
        parent = wrong.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(wrong)
            parent = parent.parentWidget()

    def show_general(self, text: str) -> None:
        self.clear()
        set_message_kind(self.general, warning=False)
        self.general.setText(text)
        announce(self.general, text)
        self._fit_dialog()

    def _fit_dialog(self) -> None:
        """A dialog the form stands in grows as high as its messages need (the main window
        keeps its size)."""
        holder = self._form.parentWidget()
        window = holder.window() if holder is not None else None
        if isinstance(window, QDialog) and window.isVisible():
            fit_height(window)
