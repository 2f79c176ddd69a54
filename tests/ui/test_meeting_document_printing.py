"""The PDF documents of the Sitzungen page are saved, previewed and printed from one menu:
the printer gets the pages of the very PDF that is saved (approved minutes: the stored file)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace

import pytest
from meeting_rows import add_meeting
from minutes_rows import approve
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QProgressDialog

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingState
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions

WAIT = 30_000  # ms: the preview renders on a busy machine; waits end as soon as it is done


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def documents_for(qtbot, services, dialogs, today, meeting_id: int) -> MeetingDocumentActions:
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_meeting(services.meetings.get(meeting_id))
    return actions


@pytest.fixture
def actions(qtbot, services, dialogs, today, held_in_rostock) -> MeetingDocumentActions:
    return documents_for(qtbot, services, dialogs, today, held_in_rostock.meeting_id)


def print_to_file(qtbot, actions: MeetingDocumentActions, output) -> QPrintDialog:
    """Accept the open print dialog with a PDF file as printer; returns the dialog."""
    dialog = actions.findChild(QPrintDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName(str(output))
    # done() instead of accept(): accept() would take the settings of the dialog's widgets.
    dialog.done(QDialog.DialogCode.Accepted)
    return dialog


def test_every_pdf_document_offers_save_preview_and_print(actions) -> None:
    pdf_buttons = (actions.invitation_button, actions.letters_button,
                   actions.run_sheet_button, actions.minutes_button,
                   actions.public_minutes_button, actions.dossier_button,
                   actions.attendance_list_button)  # fmt: skip

    for button in pdf_buttons:
        entries = [action.text() for action in button.menu().actions()]
        more = {
            actions.invitation_button: ["Als &E-Mail-Entwurf speichern …"],
            actions.dossier_button: ["", "Öffentliche &Fassung"],  # a separator, the submenu
        }.get(button, [])
        pdf = ["Als &PDF speichern …", "&Vorschau …", "&Drucken …"]
        assert entries == [*pdf, *more], button.text()
    calendar = [action.text() for action in actions.ics_button.menu().actions()]
    assert calendar == ["&Diese Sitzung …", "&Alle Sitzungen …"]  # .ics files, not PDFs


def test_the_invitation_is_previewed_and_printed_page_for_page(
    qtbot, actions, services, held_in_rostock, today, finish_job, tmp_path
) -> None:
    invitation = services.meeting_documents.invitation_pdf(
        held_in_rostock.meeting_id, today=today
    ).pdf
    pages = page_count(invitation)

    actions.invitation_button.preview_action.trigger()
    assert actions.busy()  # rendered in the worker, behind a progress dialog
    # The day as the UI writes it (found by a tester: "2026-03-10", the file name's day).
    assert actions.findChild(QProgressDialog).windowTitle() == "Einladung 1. Sitzung 10.03.2026"
    finish_job(actions)
    preview = actions.findChild(QPrintPreviewDialog)
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle() == "Druckvorschau – Einladung 1. Sitzung 10.03.2026"
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == pages, timeout=WAIT)
    preview.reject()

    actions.invitation_button.print_action.trigger()
    finish_job(actions)
    dialog = actions.findChild(QPrintDialog)
    assert (dialog.minPage(), dialog.maxPage()) == (1, pages)
    print_to_file(qtbot, actions, tmp_path / "gedruckt.pdf")

    assert len(PdfReader(tmp_path / "gedruckt.pdf").pages) == pages


def test_approved_minutes_print_the_stored_pdf_that_the_save_writes(
    qtbot, actions, services, held_in_rostock, dialogs, finish_job, tmp_path, monkeypatch
) -> None:
    digest = approve(services.database, held_in_rostock.meeting_id)
    handed: list[bytes] = []
    print_pdf = actions.printing.print
    monkeypatch.setattr(
        actions.printing, "print", lambda pdf, title: (handed.append(pdf), print_pdf(pdf, title))
    )

    actions.minutes_button.print_action.trigger()
    finish_job(actions)
    print_to_file(qtbot, actions, tmp_path / "gedruckt.pdf")
    dialogs.paths = [str(tmp_path / "Protokoll.pdf")]
    actions.minutes_button.save_action.trigger()
    finish_job(actions)

    [printed] = handed
    assert hashlib.sha256(printed).hexdigest() == digest
    assert (tmp_path / "Protokoll.pdf").read_bytes() == printed
    assert len(PdfReader(tmp_path / "gedruckt.pdf").pages) == page_count(printed)
    assert dialogs.warnings() == []


def test_a_document_that_cannot_be_rendered_is_a_german_warning_not_a_preview(
    qtbot, services, dialogs, today, finish_job
) -> None:
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    rows = add_meeting(services.database, council.id)  # a council without members
    actions = documents_for(qtbot, services, dialogs, today, rows.meeting_id)

    actions.letters_button.preview_action.trigger()
    finish_job(actions)

    assert actions.findChild(QPrintPreviewDialog) is None
    [warning] = dialogs.warnings()
    assert "gehört dem Gremium kein Mitglied an" in warning


def test_the_public_dossier_is_saved_from_the_dossier_menu(
    qtbot, actions, services, held_in_rostock, dialogs, finish_job, tmp_path
) -> None:
    services.annexes.add(held_in_rostock.meeting_id, "Intern.pdf", _one_page(), public=False)
    public = actions.public_dossier_menu
    assert actions.dossier_button.isEnabled() and public.title() == "Öffentliche &Fassung"
    assert [a.text() for a in public.actions()] == [
        "Als &PDF speichern …",
        "&Vorschau …",
        "&Drucken …",
    ]
    dialogs.paths = [str(tmp_path / "Mappe.pdf")]

    public.save_action.trigger()
    finish_job(actions)

    reader = PdfReader(tmp_path / "Mappe.pdf")
    assert reader.metadata.title == "Öffentliche Sitzungsmappe der 1. Sitzung"
    titles = [e.title for e in reader.outline if not isinstance(e, list)]
    assert titles == ["Deckblatt", "Einladung", "Protokoll der 1. Sitzung (öffentliche Fassung)"]
    assert dialogs.warnings() == []


def test_the_attendance_list_is_saved_from_its_menu_and_off_for_a_cancelled_meeting(
    actions, services, held_in_rostock, dialogs, finish_job, tmp_path
) -> None:
    """(found by a tester) The Sitzungen page had no sign-in sheet to print."""
    button = actions.attendance_list_button
    assert button.isEnabled() and "Unterschreiben" in button.toolTip()
    dialogs.paths = [str(tmp_path / "Liste.pdf")]

    button.save_action.trigger()
    finish_job(actions)

    assert dialogs.file_dialogs[-1][1] == "Anwesenheitsliste 1. Sitzung 2026-03-10.pdf"
    reader = PdfReader(tmp_path / "Liste.pdf")
    assert reader.metadata.title == "Anwesenheitsliste: 1. Sitzung"
    assert "Unterschrift" in reader.pages[0].extract_text()
    meeting = services.meetings.get(held_in_rostock.meeting_id)
    cancelled = replace(meeting, state=MeetingState.CANCELLED)
    actions.set_meeting(cancelled)
    assert not button.isEnabled()
    assert button.toolTip() == "Die Sitzung ist abgesagt: für sie gibt es keine Anwesenheitsliste."


def _one_page() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Intern")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
