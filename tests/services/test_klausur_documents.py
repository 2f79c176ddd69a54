"""A Klausur without a running number is "Klausur" in its documents, as in the window."""

from __future__ import annotations

from datetime import date

import pdf_reading
import pytest
from minutes_rows import held_meeting
from sqlalchemy import select

from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_assembly import approval_stamp
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.minutes_rows import label_of
from expertenrat.services.recommendation_rows import register_rows
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
    assert pdf_reading.outline(dossier)[:3] == [
        "Deckblatt",
        "Einladung",
        f"Protokoll der {HEADING}",
    ]
    assert pdf_reading.read(dossier).metadata.title == "Sitzungsmappe der Klausur"
    ics = documents.ics_for_meetings([klausur]).decode().replace("\r\n ", "")
    assert f"SUMMARY:Smart City Expert*innenrat: {HEADING}" in ics


def test_page_headers_and_the_letter_say_klausur(database, actor, klausur) -> None:
    meetings = MeetingsService(database, actor)
    documents = MeetingDocumentsService(database, actor, meetings)
    minutes = MinutesDocumentsService(database, documents, AnnexesService(database, actor))

    minutes_page = pdf_reading.pages(minutes.minutes_pdf(klausur).pdf)[0]
    run_sheet_page = pdf_reading.pages(documents.run_sheet_pdf(klausur).pdf)[0]
    invitation = pdf_reading.text(documents.invitation_pdf(klausur).pdf)

    assert "Klausur vom 10.03.2026" in minutes_page and "Sitzung vom" not in minutes_page
    assert "Klausur vom 10.03.2026" in run_sheet_page
    assert "hiermit laden wir Sie herzlich zur Klausur ein." in invitation


def test_the_approval_stamp_and_a_recommendations_origin_say_klausur(
    database, klausur, council, today
) -> None:
    with database.transaction() as session:
        version = models.MinutesVersion(
            meeting_id=klausur,
            number=1,
            state="approved",
            approved_on=date(2026, 3, 12),
            approved_in_meeting_id=klausur,
            content="{}",
        )
        session.add(version)
        session.flush()
        stamp = approval_stamp(session, version)
        meeting = session.get(models.Meeting, klausur)
        names = (meeting_name(meeting), label_of(meeting))
        origins = [r.origin.label for r in register_rows(session, council.id, today)]

    assert stamp is not None
    assert stamp.statement == "Genehmigt am 12.03.2026 in der Klausur am 10.03.2026."
    assert origins == ["Klausur am 10.03.2026, TOP 2"]
    assert names == ("der Klausur vom 10.03.2026", "Klausur vom 10.03.2026")


def test_correcting_the_invitation_day_names_the_klausur(database, actor, klausur) -> None:
    meetings = MeetingsService(database, actor)
    documents = MeetingDocumentsService(database, actor, meetings)
    with database.transaction() as session:  # invited, not held yet: the day can change
        row = session.get(models.Meeting, klausur)
        row.state = "invited"
    with database.reading() as session:
        version = session.get(models.Meeting, klausur).version

    documents.record_invitation_sent(klausur, version, date(2026, 2, 23))

    with database.reading() as session:
        last = session.scalars(
            select(models.AuditEntry)
            .where(models.AuditEntry.entity == "meeting")
            .order_by(models.AuditEntry.id.desc())
        ).first()
    assert last.summary == "Einladung zur Klausur versandt am 23.02.2026"
