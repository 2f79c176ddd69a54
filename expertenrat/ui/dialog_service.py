"""Every question to the user goes through one small service that tests replace.

Dialogs open with ``open()`` and report through callbacks, so nothing blocks a test.
Their message boxes wrap long unbroken text such as a path (:mod:`message_box`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from expertenrat.ui.date_question_dialog import DateQuestionDialog
from expertenrat.ui.i18n import tr
from expertenrat.ui.message_box import MessageBox
from expertenrat.ui.save_location import FileKind, SaveLocations, documents_folder
from expertenrat.ui.text_choice_dialog import TextChoiceDialog
from expertenrat.ui.text_question_dialog import TextQuestionDialog

_CONTEXT = "DialogService"
_FIRST_PATTERN = re.compile(r"\*\.(\w+)")


class DialogService:
    """``locations`` decides where file dialogs start; ``open_url`` opens a folder for
    "Ordner öffnen" (tests pass a stand-in)."""

    def __init__(
        self,
        locations: SaveLocations,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        self._locations = locations
        self._open_url = open_url

    def question(
        self,
        parent: QWidget,
        title: str,
        text: str,
        on_yes: Callable[[], None],
        on_no: Callable[[], None] | None = None,
    ) -> None:
        """``on_no``: called for "Nein" and for a question closed without an answer."""
        box = MessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the text may quote names with "<"
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        no = on_no or (lambda: None)
        box.finished.connect(
            lambda result: on_yes() if result == QMessageBox.StandardButton.Yes else no()
        )
        box.finished.connect(box.deleteLater)
        box.open()

    def information(self, parent: QWidget, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Information, title, text)

    def warning(
        self,
        parent: QWidget,
        title: str,
        text: str,
        detail: str = "",
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        """``detail``: shown on asking ("Details einblenden …"), e.g. a server's own text;
        ``on_closed``: called once the user has closed the message."""
        self._message(parent, QMessageBox.Icon.Warning, title, text, detail, on_closed)

    def choose_text(
        self,
        parent: QWidget,
        title: str,
        intro: str,
        left: tuple[str, str, str],
        right: tuple[str, str, str],
        on_left: Callable[[], None],
        on_right: Callable[[], None],
    ) -> None:
        """Two texts side by side; ``left``/``right`` = (caption, text, button label)."""
        dialog = TextChoiceDialog(parent, title, intro, left, right)
        dialog.left_chosen.connect(on_left)
        dialog.right_chosen.connect(on_right)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_text(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: str,
        on_text: Callable[[str], None],
    ) -> None:
        dialog = TextQuestionDialog(parent, title, label, initial)
        dialog.accepted.connect(lambda: on_text(dialog.editor.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_text_and_choice(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: str,
        choice: tuple[str, Sequence[str], int],
        on_answer: Callable[[str, int], None],
    ) -> None:
        """:meth:`ask_text` with a choice under the field: ``choice`` = (its label, the
        texts to choose from, the index chosen first); ``on_answer`` gets the text and the
        index chosen."""
        choice_label, choices, chosen = choice
        dialog = TextQuestionDialog(parent, title, label, initial, choice_label, choices, chosen)
        dialog.accepted.connect(lambda: on_answer(dialog.editor.text(), dialog.chosen()))
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
        hint: Callable[[date], str] | None = None,
    ) -> None:
        """``hint``: a line under the date for the date chosen ("" for none), e.g. that it
        is a holiday; the date is taken all the same."""
        dialog = DateQuestionDialog(parent, title, label, initial, hint)
        dialog.accepted.connect(lambda: on_date(dialog.day()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_date_and_checks(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: date,
        checks: tuple[Sequence[str], str],
        on_answer: Callable[[date, tuple[int, ...]], None],
    ) -> None:
        """:meth:`ask_date` with check boxes, all checked first: ``checks`` = (their texts,
        the message for none checked); ``on_answer`` gets the date and the indexes checked."""
        dialog = DateQuestionDialog(parent, title, label, initial, None, *checks)
        dialog.accepted.connect(lambda: on_answer(dialog.day(), dialog.checked()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_open_file(
        self,
        parent: QWidget,
        title: str,
        name_filter: str,
        on_path: Callable[[str], None],
        kind: FileKind | None = None,
        fallback: Path | None = None,
    ) -> None:
        """Ask for an existing file; with ``kind`` the dialog starts in its remembered folder
        or, before one is remembered, in ``fallback`` (e.g. the daily backups)."""
        self._file_dialog(
            parent,
            title,
            name_filter,
            QFileDialog.AcceptMode.AcceptOpen,
            on_path,
            kind,
            fallback=fallback,
        )

    def ask_folder(
        self,
        parent: QWidget,
        title: str,
        initial: str,
        on_folder: Callable[[str], None],
        kind: FileKind | None = None,
    ) -> None:
        """Ask for an existing folder, starting in ``initial`` (or the Documents folder);
        with ``kind``, in the folder last chosen for it, which the choice then becomes."""
        dialog = QFileDialog(parent, title)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        start = Path(initial) if initial else None
        if kind is not None:
            start = self._locations.folder(kind)
            remember = self._locations.remember_folder
            dialog.fileSelected.connect(lambda chosen: remember(kind, chosen))
        dialog.setDirectory(str(start if start and start.is_dir() else documents_folder()))
        dialog.fileSelected.connect(on_folder)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_save_file(
        self,
        parent: QWidget,
        title: str,
        name_filter: str,
        suggested: str,
        on_path: Callable[[str], None],
        kind: FileKind,
    ) -> None:
        """Ask where to save; starts in the folder last used for ``kind`` (at first the
        Documents folder) with the file name ``suggested``. A name typed without an ending
        gets the one of the chosen filter."""
        self._file_dialog(
            parent, title, name_filter, QFileDialog.AcceptMode.AcceptSave, on_path, kind, suggested
        )

    def _file_dialog(
        self,
        parent: QWidget,
        title: str,
        name_filter: str,
        mode: QFileDialog.AcceptMode,
        on_path: Callable[[str], None],
        kind: FileKind | None,
        suggested: str = "",
        fallback: Path | None = None,
    ) -> None:
        dialog = QFileDialog(parent, title)
        dialog.setAcceptMode(mode)
        dialog.setNameFilter(name_filter)
        if mode == QFileDialog.AcceptMode.AcceptOpen:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        else:
            dialog.setDefaultSuffix(_suffix(dialog.selectedNameFilter()))
            dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix(_suffix(chosen)))
        if kind is not None:
            dialog.setDirectory(str(self._locations.folder(kind, fallback)))
        if suggested:
            dialog.selectFile(suggested)
        if kind is not None:
            dialog.fileSelected.connect(lambda path: self._locations.remember(kind, path))
        dialog.fileSelected.connect(on_path)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def file_saved(self, parent: QWidget, title: str, text: str, path: str) -> None:
        """Say that ``path`` was saved, and offer to open its folder."""
        folder = Path(path).parent
        message = tr(_CONTEXT, "{text}\n\nOrdner: {folder}").format(text=text, folder=folder)
        box = MessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        open_button = box.addButton(
            tr(_CONTEXT, "Ordner öffnen"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        url = QUrl.fromLocalFile(str(folder))
        box.buttonClicked.connect(
            lambda button: self._open_url(url) if button is open_button else None
        )
        box.finished.connect(box.deleteLater)
        box.open()

    def _message(
        self,
        parent: QWidget,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        detail: str = "",
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        box = MessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if detail:
            box.setDetailedText(detail)
        if on_closed is not None:
            box.finished.connect(lambda _result: on_closed())
        box.finished.connect(box.deleteLater)
        box.open()


def _suffix(name_filter: str) -> str:
    """The ending of a filter's first pattern: "PDF-Dokumente (*.pdf)" → "pdf"."""
    match = _FIRST_PATTERN.search(name_filter)
    return match.group(1) if match else ""
