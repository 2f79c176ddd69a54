"""Printing goes through Qt's printer from the very pages of the PDF that is saved."""

from __future__ import annotations

import errno
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QWidget

from expertenrat.domain.roster import RosterDocument, RosterEntry, RosterGrouping
from expertenrat.reports.roster_pdf import render_roster
from expertenrat.ui.pdf_printing import PdfPrintActions, PrintError, render_pdf_to_printer

WAIT = 30_000  # ms: the preview renders on a busy machine; waits end as soon as it is done


def roster_pdf(*, public: bool = False, members: int = 120) -> bytes:
    entries = tuple(
        RosterEntry(
            name=f"Dr. Erika Muster {i:03d}",
            sort_key=f"{i:03d}",
            affiliation="Universität Rostock",
            sector="Wissenschaft",
            role="Mitglied",
            primary_field="Stadtdaten",
            term_start=date(2025, 1, 1),
            email=f"muster{i}@example.org",
            phone="0381 381-0",
            postal_address="Neuer Markt 1, 18055 Rostock",
        )
        for i in range(members)
    )
    return render_roster(
        RosterDocument(
            council_name="Smart City Expert*innenrat",
            city="Rostock",
            printed_on=date(2026, 11, 27),
            public=public,
            grouping=RosterGrouping.ALPHABETICAL,
            field_names=("Stadtdaten",),
            entries=entries,
        )
    ).pdf


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def is_landscape(reader: PdfReader) -> bool:
    def landscape(page: PageObject) -> bool:
        wide = page.mediabox.width > page.mediabox.height
        return wide != (page.rotation % 180 == 90)

    orientations = {landscape(page) for page in reader.pages}
    assert len(orientations) == 1, "all pages share one orientation"
    return orientations.pop()


def image_dpi(page: PageObject) -> float:
    """Horizontal resolution of the one image that carries the printed page."""
    [image] = page["/Resources"]["/XObject"].values()
    return image.get_object()["/Width"] / (float(page.mediabox.width) / 72)


@pytest.fixture(scope="module")
def internal_roster() -> bytes:
    return roster_pdf()


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def actions(parent, dialogs) -> PdfPrintActions:
    return PdfPrintActions(dialogs, parent)


@pytest.mark.parametrize("public", [False, True], ids=["internal", "public"])
def test_every_page_reaches_the_printer_in_the_orientation_of_the_pdf(
    qtbot, tmp_path, internal_roster, public
) -> None:
    source = roster_pdf(public=True) if public else internal_roster
    assert page_count(source) > 2
    output = tmp_path / "gedruckt.pdf"

    printed = render_pdf_to_printer(source, pdf_printer(output))

    reader = PdfReader(output)
    assert printed == page_count(source) == len(reader.pages)
    assert is_landscape(reader) is not public
    assert image_dpi(reader.pages[0]) == pytest.approx(300, abs=1)


def test_the_page_range_chosen_on_the_printer_is_respected(
    qtbot, tmp_path, internal_roster
) -> None:
    output = tmp_path / "auszug.pdf"
    printer = pdf_printer(output)
    printer.setFromTo(2, 3)

    assert render_pdf_to_printer(internal_roster, printer) == 2
    assert len(PdfReader(output).pages) == 2


def test_a_range_beyond_the_document_prints_nothing(qtbot, tmp_path, internal_roster) -> None:
    printer = pdf_printer(tmp_path / "nichts.pdf")
    printer.setFromTo(90, 99)

    assert render_pdf_to_printer(internal_roster, printer) == 0


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_printer_that_cannot_start_gives_a_clear_german_error(
    qtbot, tmp_path, internal_roster
) -> None:
    printer = pdf_printer(tmp_path / "fehlt" / "gedruckt.pdf")

    with pytest.raises(PrintError, match="Der Druck kann nicht beginnen"):
        render_pdf_to_printer(internal_roster, printer)


@pytest.mark.parametrize("broken", [b"kein pdf", b"", b"%PDF-1.4\n"])
def test_bytes_that_are_no_pdf_give_a_clear_german_error(qtbot, tmp_path, broken) -> None:
    with pytest.raises(PrintError, match="kein lesbares PDF"):
        render_pdf_to_printer(broken, pdf_printer(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_preview_opens_without_blocking_and_shows_every_page_in_landscape(
    qtbot, parent, actions, internal_roster
) -> None:
    actions.preview(internal_roster, "Mitgliederliste")

    dialog = parent.findChild(QPrintPreviewDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Mitgliederliste" in dialog.windowTitle()
    assert dialog.printer().pageLayout().orientation() == QPageLayout.Orientation.Landscape
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == page_count(internal_roster), timeout=WAIT)

    dialog.reject()
    qtbot.waitUntil(lambda: parent.findChild(QPrintPreviewDialog) is None, timeout=WAIT)


def test_the_windows_show_the_documents_day_as_the_ui_does(
    qtbot, parent, actions, internal_roster
) -> None:
    """(found by a tester) The preview's title said "Mitgliederliste intern 2026-12-02", the
    day of the file's name; everywhere else the UI writes 02.12.2026."""
    actions.preview(internal_roster, "Mitgliederliste intern 2026-12-02")
    preview = parent.findChild(QPrintPreviewDialog)
    assert preview.windowTitle() == "Druckvorschau – Mitgliederliste intern 02.12.2026"
    preview.reject()
    qtbot.waitUntil(lambda: parent.findChild(QPrintPreviewDialog) is None, timeout=WAIT)

    actions.print(internal_roster, "Einladung 5. Sitzung 2026-12-08")
    dialog = parent.findChild(QPrintDialog)
    assert dialog.windowTitle() == "Drucken – Einladung 5. Sitzung 08.12.2026"
    dialog.reject()


def test_preview_of_broken_bytes_warns_instead_of_opening(qtbot, parent, actions, dialogs) -> None:
    actions.preview(b"kein pdf", "Mitgliederliste")

    assert parent.findChild(QPrintPreviewDialog) is None
    assert any("kein lesbares PDF" in text for text in dialogs.warnings())


def test_print_dialog_prints_after_it_is_accepted(
    qtbot, parent, actions, tmp_path, internal_roster
) -> None:
    actions.print(internal_roster, "Mitgliederliste")
    dialog = parent.findChild(QPrintDialog)
    assert dialog is not None and dialog.isVisible()
    assert (dialog.minPage(), dialog.maxPage()) == (1, page_count(internal_roster))
    output = tmp_path / "gedruckt.pdf"
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName(str(output))

    # done() instead of accept(): accept() would take the settings of the dialog's widgets.
    dialog.done(QDialog.DialogCode.Accepted)

    reader = PdfReader(output)
    assert len(reader.pages) == page_count(internal_roster)
    assert is_landscape(reader)
    assert image_dpi(reader.pages[0]) == pytest.approx(300, abs=1), "not the 96 dpi default"
    qtbot.waitUntil(lambda: parent.findChild(QPrintDialog) is None, timeout=WAIT)


def test_cancelled_print_dialog_prints_nothing(qtbot, parent, actions, tmp_path) -> None:
    actions.print(roster_pdf(members=3), "Mitgliederliste")
    dialog = parent.findChild(QPrintDialog)
    output = tmp_path / "gedruckt.pdf"
    dialog.printer().setOutputFileName(str(output))

    dialog.reject()

    assert not output.exists()


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Mitgliederliste", "Mitgliederliste.pdf"),
        ("Mitgliederliste 27.11.2026", "Mitgliederliste 27.11.2026.pdf"),
        ("Mitgliederliste.PDF", "Mitgliederliste.PDF"),
    ],
)
def test_save_as_writes_the_exact_bytes_with_a_pdf_suffix(
    qtbot, actions, dialogs, tmp_path, typed, written
) -> None:
    pdf = roster_pdf(members=3)
    dialogs.paths.append(str(tmp_path / typed))

    with qtbot.waitSignal(actions.saved, timeout=WAIT) as saved:
        actions.save_as(pdf, "Mitgliederliste", "Mitgliederliste speichern")

    assert saved.args == [str(tmp_path / written)]
    assert (tmp_path / written).read_bytes() == pdf
    assert [p.name for p in tmp_path.iterdir()] == [written]
    assert dialogs.warnings() == []


def test_save_as_replaces_an_existing_file(qtbot, actions, dialogs, tmp_path) -> None:
    target = tmp_path / "liste.pdf"
    target.write_bytes(b"alt")
    dialogs.paths.append(str(target))

    actions.save_as(b"%PDF-neu", "liste.pdf", "Liste speichern")

    assert target.read_bytes() == b"%PDF-neu"


def _folder_named_as_a_pdf(tmp: Path) -> Path:
    """A folder the save dialog could hand on: its name has the filter's ending."""
    folder = tmp / "liste.pdf"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    ("where", "failure", "reason"),
    [
        (_folder_named_as_a_pdf, None, "ist ein Ordner"),
        (lambda tmp: tmp / "fehlt" / "liste.pdf", None, "Den Ordner"),
        (lambda tmp: tmp / "liste.pdf", OSError(errno.ENOSPC, "No space"), "Datenträger ist voll"),
        (lambda tmp: tmp / "liste.pdf", PermissionError(errno.EACCES, "Denied"), "Berechtigung"),
    ],
    ids=["folder", "missing-folder", "disk-full", "read-only"],
)
def test_save_as_problems_are_german_warnings_not_tracebacks(
    qtbot, actions, dialogs, tmp_path, monkeypatch, where, failure, reason
) -> None:
    if failure is not None:

        def fail(source: object, target: object) -> None:
            raise failure

        monkeypatch.setattr("expertenrat.services.files.os.replace", fail)
    dialogs.paths.append(str(where(tmp_path)))
    before = list(tmp_path.iterdir())

    actions.save_as(b"%PDF-1.4", "liste", "Liste speichern")

    [warning] = dialogs.warnings()
    assert reason in warning
    assert list(tmp_path.iterdir()) == before, "no half-written or temporary file is left"


def test_a_save_problem_without_a_german_reason_keeps_the_system_s_text_behind_details(
    qtbot, actions, dialogs, tmp_path, monkeypatch
) -> None:
    def fail(source: object, target: object) -> None:
        raise OSError(errno.ENXIO, "No such device or address")

    monkeypatch.setattr("expertenrat.services.files.os.replace", fail)
    dialogs.paths.append(str(tmp_path / "liste.pdf"))

    actions.save_as(b"%PDF-1.4", "liste", "Liste speichern")

    [warning] = dialogs.warnings()
    assert warning.endswith(f"Systemfehler ENXIO (Nr. {errno.ENXIO}).")
    assert dialogs.details == ["No such device or address"]
