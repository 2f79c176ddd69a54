"""The Empfehlungen page's "Exportieren …": the report as PDF and the register as Excel and
CSV file, through the save-location dialog and the worker, for the filters chosen; read
back from the files (on the demo register)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.save_location import FileKind

S = RecommendationStatus


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def page(qtbot, services, dialogs, today):
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(services.settings.councils()[0].id)
    page.refresh()
    return page


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_menu_offers_report_and_register(page):
    menu = page.export_button.menu()

    assert page.export_button.text() == "Exportieren …" and page.export_button.isEnabled()
    assert [a.text() for a in menu.actions()] == [
        "&Bericht als PDF …",
        "Register als &Excel-Arbeitsmappe …",
        "Register als &CSV-Datei …",
    ]


def test_report_as_pdf_for_the_chosen_status(page, dialogs, tmp_path, finish_job, services):
    choose(page.filters.status_combo, S.SENT.value)
    dialogs.paths.append(str(tmp_path / "Bericht"))  # typed without an ending

    page.export_button.report_action.trigger()
    finish_job(page.export_button)

    kind, suggested = dialogs.file_dialogs[-1]
    # the demo holds two councils: the name says whose report it is
    assert kind is FileKind.PDF and suggested.startswith("SCER – Bericht Empfehlungen ")
    target = tmp_path / "Bericht.pdf"
    assert dialogs.saved_files == [str(target)]
    pages = PdfReader(io.BytesIO(target.read_bytes())).pages
    printed = " ".join(" ".join(p.extract_text().split()) for p in pages)
    council = services.settings.councils()[0].id
    rows = services.recommendations.list(council)
    sent = [r.code for r in rows if r.status is S.SENT]
    assert sent and all(code in printed for code in sent)
    assert not any(r.code in printed for r in rows if r.status is not S.SENT)
    assert "Status: übermittelt" in printed and "Seite 1 von" in printed
    assert dialogs.warnings() == []


@pytest.mark.parametrize("action", ["xlsx_action", "csv_action"])
def test_register_for_the_chosen_year(page, dialogs, tmp_path, finish_job, services, action):
    year = page.filters.year_combo.itemData(1)
    choose(page.filters.year_combo, year)
    suffix = ".xlsx" if action == "xlsx_action" else ".csv"
    dialogs.paths.append(str(tmp_path / f"Register{suffix}"))

    getattr(page.export_button, action).trigger()
    finish_job(page.export_button)

    assert dialogs.file_dialogs[-1][0] is FileKind.REGISTER
    target = tmp_path / f"Register{suffix}"
    if suffix == ".xlsx":
        rows = list(load_workbook(target).active.iter_rows(values_only=True))
    else:
        text = target.read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    council = services.settings.councils()[0].id
    expected = [r.code for r in services.recommendations.list(council) if r.code[2:6] == str(year)]
    assert [r[0] for r in rows[1:]] == expected and expected
    assert "wurde gespeichert" in dialogs.messages[-1][2]


def test_the_register_holds_what_the_table_shows(page, dialogs, tmp_path, finish_job):
    choose(page.filters.field_combo, page.filters.field_combo.itemData(1))
    page.search_edit.setText("Sensorik")
    shown = [page.model.row(n).recommendation.code for n in range(page.model.rowCount())]
    assert 0 < len(shown) < page.model.total()
    dialogs.paths.append(str(tmp_path / "Auswahl.csv"))

    page.export_button.csv_action.trigger()
    finish_job(page.export_button)

    text = (tmp_path / "Auswahl.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert sorted(r[0] for r in rows[1:]) == sorted(shown)


def test_an_empty_selection_is_saved_as_keine_empfehlungen(page, dialogs, tmp_path, finish_job):
    """(found by a helper) "wurde gespeichert (0 Empfehlungen)", where the report's subtitle
    and the command line say "keine" and "ohne"."""
    page.search_edit.setText("nirgends zu finden")
    assert page.model.rowCount() == 0
    dialogs.paths.append(str(tmp_path / "Leer.csv"))

    page.export_button.csv_action.trigger()
    finish_job(page.export_button)

    assert dialogs.messages[-1][2] == "„Leer.csv“ wurde gespeichert (keine Empfehlungen)."


def test_a_file_that_cannot_be_written_is_a_german_warning(page, dialogs, tmp_path, finish_job):
    dialogs.paths.append(str(tmp_path / "fehlt" / "Register.csv"))

    page.export_button.csv_action.trigger()
    finish_job(page.export_button)

    assert dialogs.saved_files == []
    (warning,) = dialogs.warnings()
    assert "Register.csv" in warning and "kann nicht geschrieben werden" in warning


@pytest.mark.parametrize("action", ["report_action", "xlsx_action", "csv_action"])
def test_abbrechen_in_the_progress_writes_no_file(
    page, dialogs, tmp_path, finish_job, action, abbrechen
):
    """ "Abbrechen" was offered, but the file was written and announced all the same."""
    folder = tmp_path / "Ablage"
    folder.mkdir()
    dialogs.paths.append(str(folder / "Empfehlungen"))

    with abbrechen.held():
        getattr(page.export_button, action).trigger()
    abbrechen.press(page.export_button.job)
    finish_job(page.export_button)

    assert page.export_button.job.stop is not None
    assert list(folder.iterdir()) == [] and dialogs.saved_files == []
