"""A Klausur without a running number is "Klausur" in its documents, as in the window."""

from __future__ import annotations

import pdf_reading
import pytest
from minutes_rows import held_meeting

from expertenrat.services.annexes import AnnexesService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.store import models

HEADING = "Klausur – Datenstrategie 2030"


@pytest.fixture
def klausur(database, council, fields, today) -> int:
    held = held_meeting(database, council.id, fields["Stadtdaten"].id, today)
    with database.transaction() as session:  # e.g. taken over from the old records
        row = session.get(models.Meeting, held.meeting_id)
        row.kind, row.number, row.title = "workshop", None, "Datenstrategie 2030"
    return held.meeting_id


def test_the_window_and_every_document_call_it_klausur(database, actor, klausur) -> None:
    meetings = MeetingsService(database, actor)
    documents = MeetingDocumentsService(database, actor, meetings)
    minutes = MinutesDocumentsService(database, documents, AnnexesService(database, actor))
    window = next(s.label for s in meetings.list(meetings.get(klausur).council_id))

    assert window == HEADING
    assert f"Einladung zur {HEADING}" in pdf_reading.text(documents.invitation_pdf(klausur).pdf)
    assert f"Ablaufplan: {HEADING}" in pdf_reading.text(documents.run_sheet_pdf(klausur).pdf)
    assert f"Protokoll der {HEADING}" in pdf_reading.text(minutes.minutes_pdf(klausur).pdf)
    dossier = minutes.dossier_pdf(klausur).pdf
    assert pdf_reading.outline(dossier)[:2] == ["Einladung", f"Protokoll der {HEADING}"]
    assert pdf_reading.read(dossier).metadata.title == "Sitzungsmappe der Klausur"
    ics = documents.ics_for_meetings([klausur]).decode().replace("\r\n ", "")
    assert f"SUMMARY:Smart City Expert*innenrat: {HEADING}" in ics
