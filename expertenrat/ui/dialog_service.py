"""Every question to the user goes through one small service that tests replace.

Dialogs open with ``open()`` and report through callbacks, so nothing blocks a test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)


class DialogService:
    def question(self, parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the text may quote names with "<"
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda result: on_yes() if result == QMessageBox.StandardButton.Yes else None
        )
        box.finished.connect(box.deleteLater)
        box.open()

    def information(self, parent: QWidget, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Information, title, text)

    def warning(self, parent: QWidget, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Warning, title, text)

    def ask_text(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: str,
        on_text: Callable[[str], None],
    ) -> None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(initial)
        dialog.textValueSelected.connect(on_text)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_colour(
        self, parent: QWidget, title: str, initial: str, on_colour: Callable[[str], None]
    ) -> None:
        dialog = QColorDialog(QColor(initial), parent)
        dialog.setWindowTitle(title)
        dialog.colorSelected.connect(lambda colour: on_colour(colour.name()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_date(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: date,
        on_date: Callable[[date], None],
    ) -> None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        editor = QDateEdit(initial)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("dd.MM.yyyy")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QFormLayout(dialog)
        layout.addRow(label, editor)
        layout.addRow(buttons)
        dialog.accepted.connect(lambda: on_date(editor.date().toPython()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_open_file(
        self, parent: QWidget, title: str, name_filter: str, on_path: Callable[[str], None]
    ) -> None:
        self._file_dialog(parent, title, name_filter, QFileDialog.AcceptMode.AcceptOpen, on_path)

    def ask_save_file(
        self,
        parent: QWidget,
        title: str,
        name_filter: str,
        suggested: str,
        on_path: Callable[[str], None],
    ) -> None:
        self._file_dialog(
            parent, title, name_filter, QFileDialog.AcceptMode.AcceptSave, on_path, suggested
        )

    @staticmethod
    def _file_dialog(
        parent: QWidget,
        title: str,
        name_filter: str,
        mode: QFileDialog.AcceptMode,
        on_path: Callable[[str], None],
        suggested: str = "",
    ) -> None:
        dialog = QFileDialog(parent, title)
        dialog.setAcceptMode(mode)
        dialog.setNameFilter(name_filter)
        if mode == QFileDialog.AcceptMode.AcceptOpen:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if suggested:
            dialog.selectFile(suggested)
        dialog.fileSelected.connect(on_path)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _message(self, parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(box.deleteLater)
        box.open()
