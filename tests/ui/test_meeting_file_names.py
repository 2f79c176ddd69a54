"""The file names the meeting's documents are offered under call the meeting as they do."""

from __future__ import annotations

from dataclasses import replace

from held_meeting import council_of_three
from meeting_rows import add_meeting

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingState
from expertenrat.store import models
from expertenrat.ui.annual_report_action import AnnualReportButton
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions
from expertenrat.ui.meeting_pdf_documents import MeetingPdfDocuments, file_stem
from expertenrat.ui.roster_panel import RosterPanel


def test_an_unnumbered_klausur_is_saved_as_klausur(services, today) -> None:
    rows = add_meeting(services.database, council_of_three(services, today))
    assert file_stem(services.meetings.get(rows.meeting_id)) == "1. Sitzung 2026-03-10"
    with services.database.transaction() as session:
        row = session.get(models.Meeting, rows.meeting_id)
        row.kind, row.number, row.title = "workshop", None, "Datenstrategie 2030"

    assert file_stem(services.meetings.get(rows.meeting_id)) == "Klausur 2026-03-10"


def test_the_letter_of_a_cancelled_meeting_is_offered_as_absage(services, today) -> None:
    """(found by a tester) The cancellation letter was offered as "Einladung … .pdf"."""
    rows = add_meeting(services.database, council_of_three(services, today))
    documents = MeetingPdfDocuments(services, lambda: today, lambda: meeting)
    meeting = services.meetings.get(rows.meeting_id)
    assert documents.invitation().name == "Einladung 1. Sitzung 2026-03-10"
    invited = services.meetings.change_state(meeting.id, meeting.version, MeetingState.INVITED)
    meeting = services.meetings.change_state(
        invited.id, invited.version, MeetingState.CANCELLED, "Zu wenige Zusagen"
    )

    assert documents.invitation().name == "Absage 1. Sitzung 2026-03-10"
    assert documents.invitation().save_title == "Absage speichern"
    assert documents.letters().name == "Absagen 1. Sitzung 2026-03-10"


def test_with_two_councils_every_offered_name_starts_with_its_council(
    qtbot, services, dialogs, today
) -> None:
    """Görlitz keeps its Digitalbeirat and its Jugendbeirat in one database: both councils'
    "Einladung 1. Sitzung 2026-03-10.pdf" (and calendar files, rosters, reports) were
    offered under one name in the folder last used, the second replacing the first
    (found by a tester). With one council the names stay as they were."""
    first = council_of_three(services, today)
    rows = add_meeting(services.database, first)
    actions = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(actions)
    actions.set_council(first)
    actions.set_meeting(services.meetings.get(rows.meeting_id))
    actions.ask_save(actions.documents.invitation())
    assert dialogs.file_dialogs[-1][1] == "Einladung 1. Sitzung 2026-03-10.pdf"

    settings = services.settings.settings(first)
    services.settings.update_settings(replace(settings, short_name="DBR Görlitz"))
    second = services.settings.create_council(
        CouncilSettings(id=None, name="Jugendbeirat Görlitz", city="Görlitz")
    ).id
    other = add_meeting(services.database, second)

    actions.ask_save(actions.documents.invitation())
    actions.ask_ics()
    actions.set_council(second)
    actions.set_meeting(services.meetings.get(other.meeting_id))
    actions.ask_save(actions.documents.minutes(public=False))
    roster = RosterPanel(services, dialogs, lambda: today)
    report = AnnualReportButton(services, dialogs, lambda: today)
    for widget in (roster, report):
        qtbot.addWidget(widget)
        widget.set_council(second)
    roster.export_button.click()
    report.ask(2026)

    assert [name for _kind, name in dialogs.file_dialogs[1:]] == [
        "DBR Görlitz – Einladung 1. Sitzung 2026-03-10.pdf",
        "DBR Görlitz – Kalender 1. Sitzung 2026-03-10.ics",
        "Jugendbeirat Görlitz – Protokoll 1. Sitzung 2026-03-10.pdf",
        "Jugendbeirat Görlitz – Mitglieder 2026-11-27.xlsx",
        "Jugendbeirat Görlitz – Tätigkeitsbericht 2026.pdf",
    ]
