"""The file and folder dialogs of :class:`ui.dialog_service.DialogService`: where to save,
which file or folder to open, each starting in the folder last used for its kind
(:mod:`save_location`), and the message that a file was saved, offering its folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from expertenrat.ui.i18n import tr
from expertenrat.ui.message_box import MessageBox
from expertenrat.ui.save_location import FileKind, SaveLocations, documents_folder

_CONTEXT = "DialogService"
_FIRST_PATTERN = re.compile(r"\*\.(\w+)")


class FileDialogs:
    """``locations`` decides where file dialogs start; ``open_url`` opens a folder for
    "Ordner öffnen" (tests pass a stand-in)."""

    def __init__(
        self,
        locations: SaveLocations,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        self._locations = locations
        self._open_url = open_url

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


def _suffix(name_filter: str) -> str:
    """The ending of a filter's first pattern: "PDF-Dokumente (*.pdf)" → "pdf"."""
    match = _FIRST_PATTERN.search(name_filter)
    return match.group(1) if match else ""
