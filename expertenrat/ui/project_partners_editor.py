"""The partners of a project as an editable list: add, rename in place, remove, reorder."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.row_moves import focus_to_rows

_CONTEXT = "ProjectPartnersEditor"


class ProjectPartnersEditor(QWidget):
    """A list of partner names. Double-click or F2 edits a name; Alt+Up/Down move it, Entf
    removes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStringListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setAccessibleName(tr(_CONTEXT, "Partner"))
        self.add_button = QPushButton(tr(_CONTEXT, "Hinzufügen"))
        self.remove_button = QPushButton(tr(_CONTEXT, "Entfernen"))
        self.up_button = QPushButton(tr(_CONTEXT, "Nach oben"))
        self.down_button = QPushButton(tr(_CONTEXT, "Nach unten"))
        self.up_button.setToolTip(tr(_CONTEXT, "Partner nach oben schieben (Alt+Pfeil nach oben)"))
        self.down_button.setToolTip(
            tr(_CONTEXT, "Partner nach unten schieben (Alt+Pfeil nach unten)")
        )
        self.add_button.clicked.connect(lambda: self.add(""))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        alt = Qt.KeyboardModifier.AltModifier
        KeyActions(
            self.view,
            {
                (Qt.Key.Key_Up, alt): lambda: self.move_current(-1),
                (Qt.Key.Key_Down, alt): lambda: self.move_current(1),
                (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self.remove_current,
            },
        )
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.setMinimumHeight(self.view.fontMetrics().lineSpacing() * 5)
        self._update_buttons()

    def names(self) -> tuple[str, ...]:
        return tuple(self.model.stringList())

    def set_names(self, names: tuple[str, ...]) -> None:
        self.model.setStringList(list(names))
        self._update_buttons()

    def add(self, name: str) -> None:
        """Add a partner at the end; an empty one opens for typing."""
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        index = self.model.index(row)
        self.model.setData(index, name)
        self.view.setCurrentIndex(index)
        if not name:
            self.view.edit(index)

    def remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.removeRows(index.row(), 1)

    def move_current(self, step: int) -> None:
        """Move the current partner one place up (``-1``) or down (``1``)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row, target = index.row(), index.row() + step
        if not 0 <= target < self.model.rowCount():
            return
        # moveRows takes the row *before which* to insert: one further when moving down.
        self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (step > 0))
        self.view.setCurrentIndex(self.model.index(target))
        self._update_buttons()  # the current index moved with its row: no signal

    def _update_buttons(self) -> None:
        index = self.view.currentIndex()
        has = index.isValid()
        with focus_to_rows(self.view, self.remove_button, self.up_button, self.down_button):
            self.remove_button.setEnabled(has)
            self.up_button.setEnabled(has and index.row() > 0)
            self.down_button.setEnabled(has and index.row() < self.model.rowCount() - 1)
