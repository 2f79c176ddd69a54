"""A name chosen in a save dialog gets the filter's ending also when it holds a dot ("Stand
05.12.2026"), and a file that ending names is replaced only on a "Ja" (found by a tester)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from expertenrat.ui.database_file_choice import ask_new_database_file
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.file_dialogs import saved_file_name
from expertenrat.ui.save_location import FileKind, SaveLocations

EXCEL = "Excel-Arbeitsmappe (*.xlsx)"
CSV = "CSV-Datei für Excel (*.csv)"
MEMBERS = f"{EXCEL};;{CSV}"


@pytest.mark.parametrize(
    ("typed", "selected", "saved"),
    [
        ("Mitglieder Stand 05.12.2026", EXCEL, "Mitglieder Stand 05.12.2026.xlsx"),
        ("Mitglieder Stand 05.12.2026", CSV, "Mitglieder Stand 05.12.2026.csv"),
        ("Mitglieder.XLSX", EXCEL, "Mitglieder.XLSX"),
        ("Mitglieder.csv", EXCEL, "Mitglieder.csv"),
        ("Mitglieder.pdf", EXCEL, "Mitglieder.pdf.xlsx"),
        ("Mitglieder Stand 05.12.", EXCEL, "Mitglieder Stand 05.12.xlsx"),
        ("Mitglieder.csv. ", EXCEL, "Mitglieder.csv"),
    ],
)
def test_the_chosen_filters_ending_is_added_unless_the_name_has_one_of_the_filters(
    typed: str, selected: str, saved: str
) -> None:
    assert saved_file_name(typed, MEMBERS, selected) == saved


def test_a_filter_for_any_name_adds_no_ending() -> None:
    databases = "Expertenrat-Datenbanken (*.db);;Alle Dateien (*)"

    assert saved_file_name("rat.2026", databases, "Alle Dateien (*)") == "rat.2026"
    assert saved_file_name("rat.2026", databases, "Expertenrat-Datenbanken (*.db)") == (
        "rat.2026.db"
    )


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _visible(parent: QWidget, kind: type) -> QWidget:
    (found,) = [d for d in parent.findChildren(kind) if d.isVisible()]
    return found


def test_a_name_with_a_dot_gets_its_ending_without_a_question(
    qtbot, parent, qsettings, tmp_path
) -> None:
    chosen: list[str] = []
    service = DialogService(SaveLocations(qsettings))

    service.ask_save_file(
        parent, "Speichern", "PDF-Dokumente (*.pdf)", "x.pdf", chosen.append, FileKind.PDF
    )
    dialog = _visible(parent, QFileDialog)
    dialog.fileSelected.emit(str(tmp_path / "Protokoll 3. Sitzung"))
    dialog.reject()

    assert chosen == [str(tmp_path / "Protokoll 3. Sitzung.pdf")]
    assert not [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def test_an_existing_file_the_ending_names_is_replaced_only_on_yes(
    qtbot, parent, qsettings, tmp_path
) -> None:
    existing = tmp_path / "Mitglieder Stand 05.12.2026.xlsx"
    existing.write_bytes(b"old")
    chosen: list[str] = []
    service = DialogService(SaveLocations(qsettings))

    service.ask_save_file(parent, "Exportieren", MEMBERS, "m.xlsx", chosen.append, FileKind.MEMBERS)
    dialog = _visible(parent, QFileDialog)
    dialog.fileSelected.emit(str(tmp_path / "Mitglieder Stand 05.12.2026"))
    dialog.reject()

    box = _visible(parent, QMessageBox)
    assert "„Mitglieder Stand 05.12.2026.xlsx“ gibt es schon" in box.text()
    assert chosen == []
    box.button(QMessageBox.StandardButton.No).click()
    again = _visible(parent, QFileDialog)  # asked once more, with the name
    assert again.selectedFiles()[0].endswith("Mitglieder Stand 05.12.2026.xlsx")
    again.fileSelected.emit(str(tmp_path / "Mitglieder Stand 05.12.2026"))
    again.reject()
    _visible(parent, QMessageBox).button(QMessageBox.StandardButton.Yes).click()

    assert chosen == [str(existing)]


def test_a_new_database_s_name_that_exists_is_refused_without_asking_to_replace_it(
    qtbot, parent, qsettings, tmp_path
) -> None:
    """(found by a tester) "Neue Datenbank anlegen" asked "Soll sie ersetzt werden?" for
    "Rat Stand 05.12.2026" where that name with .db existed (Qt's dialog, too, for a name
    with its ending), and on "Ja" said that it is not replaced."""
    (tmp_path / "Rat Stand 05.12.2026.db").write_bytes(b"old")
    chosen: list[str] = []
    ask_new_database_file(DialogService(SaveLocations(qsettings)), parent, chosen.append)
    dialog = _visible(parent, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)  # nor Qt's dialog
    dialog.fileSelected.emit(str(tmp_path / "Rat Stand 05.12.2026"))
    dialog.reject()

    box = _visible(parent, QMessageBox)
    assert "gibt es schon; sie wird nicht ersetzt" in box.text()
    assert chosen == []
