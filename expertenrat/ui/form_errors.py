"""Messages next to the fields of a form: errors in red, warnings in amber."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from expertenrat.domain.errors import FieldProblem


class FormErrors:
    """Keeps a message label under each registered field of a ``QFormLayout``."""

    def __init__(self, form: QFormLayout) -> None:
        self._form = form
        self._labels: dict[str, QLabel] = {}
        self.general = QLabel()
        self.general.setObjectName("errorLabel")
        self.general.setWordWrap(True)
        self.general.setTextFormat(Qt.TextFormat.PlainText)
        self.general.hide()

    def add_row(self, label: str, field: str, widget: QWidget) -> QWidget:
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        message = QLabel()
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.hide()
        layout.addWidget(message)
        self._labels[field] = message
        self._form.addRow(label, container)
        return container

    def message(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear(self) -> None:
        for label in (*self._labels.values(), self.general):
            label.clear()
            label.hide()

    def show(self, problems: Iterable[FieldProblem]) -> None:
        self.clear()
        general: list[str] = []
        for problem in problems:
            label = self._labels.get(problem.field)
            if label is None:
                general.append(problem.message)
                continue
            text = "\n".join(t for t in (label.text(), problem.message) if t)
            label.setText(text)
            label.setObjectName("warningLabel" if problem.warning else "errorLabel")
            label.style().unpolish(label)
            label.style().polish(label)
            label.show()
        if general:
            self.general.setText("\n".join(general))
            self.general.show()

    def show_general(self, text: str) -> None:
        self.clear()
        self.general.setText(text)
        self.general.show()
