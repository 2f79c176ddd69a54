"""The file names the meeting's documents are offered under call the meeting as they do."""

from __future__ import annotations

from held_meeting import council_of_three
from meeting_rows import add_meeting

from expertenrat.store import models
from expertenrat.ui.meeting_pdf_documents import file_stem


def test_an_unnumbered_klausur_is_saved_as_klausur(services, today) -> None:
    rows = add_meeting(services.database, council_of_three(services, today))
    assert file_stem(services.meetings.get(rows.meeting_id)) == "1. Sitzung 2026-03-10"
    with services.database.transaction() as session:
        row = session.get(models.Meeting, rows.meeting_id)
        row.kind, row.number, row.title = "workshop", None, "Datenstrategie 2030"

    assert file_stem(services.meetings.get(rows.meeting_id)) == "Klausur 2026-03-10"
