"""The file and folder dialogs of :class:`ui.dialog_service.DialogService`: where to save,
which file or folder to open, each starting in the folder last used for its kind
(:mod:`save_location`), and the message that a file was saved, offering its folder.

A name chosen to save to gets the chosen filter's ending unless it has one of the filter's:
Qt's dialog adds it only to a name without a dot, so "Mitglieder Stand 05.12.2026" or
"Protokoll 3. Sitzung" was saved without an ending, or got it later, after the dialog's
"ersetzen?", and an existing file of that name was replaced without a question (found by a
tester). A file that the added ending names is replaced only on a "Ja".
"""

from __future__ import annotations

import os
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
_PATTERN = re.compile(r"\*(\.\w+)?(?=[\s)])")


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
        *,
        new_only: bool = False,
    ) -> None:
        """Ask where to save; starts in the folder last used for ``kind`` (at first the
        Documents folder) with the file name ``suggested``. A name without one of the
        filter's endings gets the chosen filter's (see the module); a file that names then is
        replaced only on a "Ja", else the dialog opens again. ``new_only``: no file is
        replaced, ``on_path`` refuses one that exists, so no "ersetzen?" is asked (found by a
        tester: a new database's name was asked to replace a file, then refused on "Ja")."""

        def chosen(path: str, selected_filter: str) -> None:
            target = saved_file_name(path, name_filter, selected_filter)
            if target == path or new_only or not Path(target).exists():
                on_path(target)
                return
            self.question(
                parent,
                title,
                tr(
                    _CONTEXT,
                    "Die Datei „{name}“ gibt es schon im Ordner „{folder}“.\n\n"
                    "Soll sie ersetzt werden?",
                ).format(name=Path(target).name, folder=Path(target).parent),
                lambda: on_path(target),
                lambda: self.ask_save_file(
                    parent, title, name_filter, Path(target).name, on_path, kind
                ),
            )

        self._file_dialog(
            parent,
            title,
            name_filter,
            QFileDialog.AcceptMode.AcceptSave,
            chosen,
            kind,
            suggested,
            new_only=new_only,
        )

    def _file_dialog(
        self,
        parent: QWidget,
        title: str,
        name_filter: str,
        mode: QFileDialog.AcceptMode,
        on_path: Callable[[str], None] | Callable[[str, str], None],
        kind: FileKind | None,
        suggested: str = "",
        fallback: Path | None = None,
        *,
        new_only: bool = False,
    ) -> None:
        """``on_path``: for a save dialog, called with the path and the chosen filter;
        ``new_only``: the dialog asks no "ersetzen?" (see :meth:`ask_save_file`)."""
        dialog = QFileDialog(parent, title)
        dialog.setAcceptMode(mode)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, new_only)
        dialog.setNameFilter(name_filter)
        if mode == QFileDialog.AcceptMode.AcceptOpen:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.fileSelected.connect(on_path)
        else:
            dialog.fileSelected.connect(lambda path: on_path(path, dialog.selectedNameFilter()))
            dialog.setDefaultSuffix(_suffix(dialog.selectedNameFilter()))
            dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix(_suffix(chosen)))
        if kind is not None:
            dialog.setDirectory(str(self._locations.folder(kind, fallback)))
        if suggested:
            dialog.selectFile(suggested)
        if kind is not None:
            dialog.fileSelected.connect(lambda path: self._locations.remember(kind, path))
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


def saved_file_name(path: str, name_filter: str, selected_filter: str) -> str:
    """``path`` as chosen in a save dialog offering ``name_filter`` ("Excel-Arbeitsmappe
    (*.xlsx);;CSV-Datei (*.csv)"), with ``selected_filter``'s ending added unless it ends in
    one of the filter's, in any case (".XLSX"), or ``selected_filter`` takes any name ("*").
    A dot or space at the name's end goes, which Windows drops ("Sitzung 3." was saved as
    "Sitzung 3..pdf"; found by a tester)."""
    selected = _PATTERN.findall(selected_filter)
    if "" in selected or not selected:
        return path
    folder, name = os.path.split(path)
    trimmed = os.path.join(folder, name.rstrip(" .")) if name.strip(" .") else path
    endings = {ending.casefold() for ending in _PATTERN.findall(name_filter)}
    if Path(trimmed).suffix.casefold() in endings:
        return trimmed
    return f"{trimmed}{selected[0]}"


def _suffix(name_filter: str) -> str:
    """The ending of a filter's first pattern: "PDF-Dokumente (*.pdf)" → "pdf"."""
    match = _FIRST_PATTERN.search(name_filter)
    return match.group(1) if match else ""
