"""The file names the meeting's documents are offered under call the meeting as they do."""

from __future__ import annotations

from held_meeting import council_of_three
from meeting_rows import add_meeting

from expertenrat.domain.enums import MeetingState
from expertenrat.store import models
from expertenrat.ui.meeting_pdf_documents import MeetingPdfDocuments, file_stem


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
