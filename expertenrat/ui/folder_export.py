"""Writing an export into a folder the user chose (the open data, OParl and the
Archivpaket): a folder that is not empty is replaced only after "Ja", and only if it
holds an earlier export of the kind; else the user is told why not; what was written is
said with the warnings of making it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from expertenrat.services.files import FileWriteError
from expertenrat.services.folder_writing import FolderNotEmptyError, WrittenFolder, check_folder
from expertenrat.ui.dialog_service import DialogService


def write_into_folder(
    dialogs: DialogService,
    parent: QWidget,
    title: str,
    folder: Path,
    mark: str,
    replace_question: str,
    write: Callable[[bool], None],
) -> None:
    """``write(force)`` into ``folder``: at once where it is empty or missing; where it
    holds an earlier export (its file ``mark``) after "Ja" to ``replace_question`` (its
    "{}" the folder); else a warning says why not."""
    try:
        check_folder(folder, force=False, mark=mark)
    except FolderNotEmptyError:
        dialogs.question(parent, title, replace_question.format(folder), lambda: write(True))
    except FileWriteError as error:
        dialogs.warning(parent, title, error.message)
    else:
        write(False)


def say_written(
    dialogs: DialogService,
    parent: QWidget,
    title: str,
    text: str,
    written: WrittenFolder,
    entry: str,
) -> None:
    """``text`` and the warnings of making the export; "Ordner öffnen" shows its file
    ``entry``."""
    dialogs.file_saved(
        parent, title, "\n\n".join((text, *written.warnings)), str(written.folder / entry)
    )
