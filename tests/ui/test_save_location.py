"""Save dialogs start in Documents, remember the folder per kind of file, offer "Ordner öffnen"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.save_location import FileKind, SaveLocations, documents_folder


@pytest.fixture
def documents() -> Path:
    folder = Path.home() / "Documents"  # conftest points HOME into tmp
    folder.mkdir()
    return folder


@pytest.fixture
def locations(qsettings) -> SaveLocations:
    return SaveLocations(qsettings)


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_first_dialog_starts_in_documents(locations, documents) -> None:
    assert documents_folder() == documents
    assert locations.folder(FileKind.PDF) == documents
    assert locations.folder(FileKind.MEMBERS) == documents


def test_the_folder_is_remembered_per_kind_of_file(
    locations, qsettings, documents, tmp_path
) -> None:
    reports = tmp_path / "Berichte"
    reports.mkdir()

    locations.remember(FileKind.PDF, str(reports / "liste.pdf"))

    assert locations.folder(FileKind.PDF) == reports
    assert locations.folder(FileKind.MEMBERS) == documents
    assert SaveLocations(qsettings).folder(FileKind.PDF) == reports


def test_without_a_documents_folder_the_home_folder_is_used(locations) -> None:
    assert locations.folder(FileKind.PDF) == Path.home()


def test_a_folder_that_is_gone_falls_back_to_documents(locations, documents, tmp_path) -> None:
    gone = tmp_path / "USB-Stick"
    locations.remember(FileKind.PDF, str(gone / "liste.pdf"))

    assert locations.folder(FileKind.PDF) == documents


def _file_dialog(parent: QWidget) -> QFileDialog:
    (dialog,) = [d for d in parent.findChildren(QFileDialog) if d.isVisible()]
    return dialog


def test_a_real_save_dialog_starts_in_the_remembered_folder_and_remembers_the_new_one(
    qtbot, parent, locations, documents, tmp_path
) -> None:
    service = DialogService(locations)
    chosen: list[str] = []
    target_folder = tmp_path / "Ablage äöü"
    target_folder.mkdir()

    service.ask_save_file(
        parent, "Speichern", "PDF-Dokumente (*.pdf)", "liste.pdf", chosen.append, FileKind.PDF
    )
    dialog = _file_dialog(parent)
    assert Path(dialog.directory().absolutePath()) == documents
    assert dialog.defaultSuffix() == "pdf"
    dialog.fileSelected.emit(str(target_folder / "liste.pdf"))
    dialog.reject()

    assert chosen == [str(target_folder / "liste.pdf")]
    assert locations.folder(FileKind.PDF) == target_folder
    assert locations.folder(FileKind.MEMBERS) == documents
    service.ask_save_file(
        parent, "Speichern", "PDF-Dokumente (*.pdf)", "x.pdf", chosen.append, FileKind.PDF
    )
    again = _file_dialog(parent)
    assert Path(again.directory().absolutePath()) == target_folder
    again.reject()


def test_a_folder_asked_for_a_kind_is_remembered_itself(
    qtbot, parent, locations, documents, tmp_path
) -> None:
    service = DialogService(locations)
    chosen: list[str] = []
    letters = tmp_path / "Erinnerungen"
    letters.mkdir()

    service.ask_folder(parent, "Ordner", "", chosen.append, FileKind.REMINDERS)
    dialog = _file_dialog(parent)
    assert Path(dialog.directory().absolutePath()) == documents
    dialog.fileSelected.emit(str(letters))
    dialog.reject()

    assert chosen == [str(letters)]
    assert locations.folder(FileKind.REMINDERS) == letters
    assert locations.folder(FileKind.PDF) == documents


def test_the_default_ending_follows_the_chosen_filter(qtbot, parent, locations) -> None:
    service = DialogService(locations)
    filters = "Excel-Arbeitsmappe (*.xlsx);;CSV-Datei für Excel (*.csv)"

    service.ask_save_file(parent, "Export", filters, "m.xlsx", lambda _p: None, FileKind.MEMBERS)
    dialog = _file_dialog(parent)
    assert dialog.defaultSuffix() == "xlsx"
    dialog.selectNameFilter("CSV-Datei für Excel (*.csv)")
    dialog.filterSelected.emit("CSV-Datei für Excel (*.csv)")

    assert dialog.defaultSuffix() == "csv"
    dialog.reject()


def test_after_saving_the_folder_can_be_opened(qtbot, parent, locations, tmp_path) -> None:
    opened: list[QUrl] = []
    service = DialogService(locations, open_url=opened.append)
    path = tmp_path / "Ablage" / "Mitglieder.xlsx"

    service.file_saved(parent, "Exportieren", "„Mitglieder.xlsx“ wurde gespeichert.", str(path))
    (box,) = parent.findChildren(QMessageBox)
    assert "„Mitglieder.xlsx“ wurde gespeichert." in box.text()
    shown = box.text().replace("\u200b", "").replace("\u2060", "")  # breaks, joiners
    assert str(path.parent) in shown
    (button,) = [b for b in box.buttons() if b.text() == "Ordner öffnen"]
    button.click()

    assert opened == [QUrl.fromLocalFile(str(path.parent))]


def test_a_restore_dialog_starts_in_the_daily_backups_until_a_folder_is_remembered(
    qtbot, parent, locations, documents, tmp_path
) -> None:
    """The daily copies lie in a hidden folder on Windows (AppData); the restore dialog
    opened in Documents, where nobody finds them (found by a tester)."""
    daily = tmp_path / "Sicherungen"
    daily.mkdir()
    service = DialogService(locations)

    service.ask_open_file(parent, "Wiederherstellen", "*.zip *.db", lambda _p: None,
                          FileKind.BACKUP, fallback=daily)  # fmt: skip

    assert Path(_file_dialog(parent).directory().absolutePath()) == daily
    _file_dialog(parent).reject()
    assert locations.folder(FileKind.BACKUP, tmp_path / "gone") == documents
    own = tmp_path / "Eigene Sicherungen"
    own.mkdir()
    locations.remember(FileKind.BACKUP, str(own / "sicherung.zip"))
    assert locations.folder(FileKind.BACKUP, daily) == own
