"""The cover of the Sitzungsmappe after the meeting: like the one before it, it lists the
invitation, the minutes and the annexes with the page each starts on; approved minutes go
in as stored."""

from __future__ import annotations

import io
from datetime import date

import pytest
from dossier_pdfs import bookmarks, page_text, small_pdf
from minutes_rows import approve, held_meeting
from pypdf import PdfReader

from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.services import minutes_pdfs
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.minutes_documents import MinutesDocumentsService

MADE_ON = date(2026, 3, 12)


@pytest.fixture
def annexes(database, actor) -> AnnexesService:
    return AnnexesService(database, actor)


@pytest.fixture
def service(database, documents, annexes) -> MinutesDocumentsService:
    return MinutesDocumentsService(database, documents, annexes)


@pytest.fixture
def held(database, council, fields, today):
    return held_meeting(database, council.id, fields["Stadtdaten"].id, today)


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_the_dossier_after_the_meeting_opens_with_a_cover_listing_its_parts(
    service, documents, annexes, held
) -> None:
    """(found by review) The Mappe made after the meeting began with the invitation: no
    cover, no list of contents, where the one made before the meeting has both."""
    annexes.add(held.meeting_id, "Präsentation.pdf", small_pdf("Folie 1", "Folie 2"))
    annexes.add(held.meeting_id, "Karte.pdf", small_pdf("Karte"))
    invitation = _pages(
        render_invitation(documents.document(held.meeting_id), page_numbers=False).pdf
    )
    minutes = _pages(service.minutes_pdf(held.meeting_id).pdf)

    reader = PdfReader(io.BytesIO(service.dossier_pdf(held.meeting_id, today=MADE_ON).pdf))

    first, second = 2 + invitation, 2 + invitation + minutes
    assert bookmarks(reader) == [
        ("Deckblatt", 1),
        ("Einladung", 2),
        ("Protokoll der 1. Sitzung", first),
        ("Anlage 1: Präsentation", second),
        ("Anlage 2: Karte", second + 2),
    ]
    cover = page_text(reader.pages[0])
    assert "Sitzungsmappe: 1. Sitzung" in cover
    assert "Nach der Sitzung zusammengestellt am 12.03.2026" in cover
    assert "Zeit Dienstag, 10. März 2026, 16:00–18:00 Uhr" in cover  # planned: a draft
    assert "Einladung mit Tagesordnung (4 Tagesordnungspunkte) Seite 2" in cover
    assert f"Protokoll der 1. Sitzung (Entwurf) Seite {first}" in cover
    assert f"Anlage 1: Präsentation Seite {second}" in cover
    assert f"Anlage 2: Karte Seite {second + 2}" in cover
    assert "können sich bis zur Sitzung noch ändern" not in cover  # that is said before
    assert "Karte" in page_text(reader.pages[second + 1])
    assert len(reader.pages) == second + 2


def test_approved_minutes_go_in_as_stored_and_the_cover_says_they_are_approved(
    service, documents, database, held
) -> None:
    approve(database, held.meeting_id)
    stored = PdfReader(io.BytesIO(service.minutes_pdf(held.meeting_id).pdf))
    invitation = render_invitation(
        documents.document(held.meeting_id, today=MADE_ON), page_numbers=False
    )

    reader = PdfReader(io.BytesIO(service.dossier_pdf(held.meeting_id, today=MADE_ON).pdf))

    start = 2 + _pages(invitation.pdf)
    cover = page_text(reader.pages[0])
    assert f"Protokoll der 1. Sitzung (genehmigt am 09.06.2026) Seite {start}" in cover
    # the planned 16:00–18:00 stood here after the minutes recording the times were approved
    assert "Zeit Dienstag, 10. März 2026, 16:05–18:10 Uhr" in cover  # as they record
    for n, page in enumerate(stored.pages):  # the stored pages, under the bundle's stamp
        assert page_text(page) in page_text(reader.pages[start - 1 + n])
    assert "Genehmigt in der 6. Sitzung am 09.06.2026." in page_text(reader.pages[start - 1])


def test_the_public_dossier_after_the_meeting_has_the_public_cover(service, annexes, held) -> None:
    annexes.add(held.meeting_id, "Kalkulation.pdf", small_pdf("Intern"), public=False)
    annexes.add(held.meeting_id, "Plan.pdf", small_pdf("Plan"))

    reader = PdfReader(
        io.BytesIO(service.dossier_pdf(held.meeting_id, today=MADE_ON, public=True).pdf)
    )

    cover = page_text(reader.pages[0])
    assert "Öffentliche Sitzungsmappe: 1. Sitzung" in cover
    assert "Protokoll der 1. Sitzung (öffentliche Fassung, Entwurf) Seite" in cover
    assert "Anlage 2: Plan Seite" in cover and "Kalkulation" not in cover
    assert [title for title, _ in bookmarks(reader)] == [
        "Deckblatt",
        "Einladung",
        "Protokoll der 1. Sitzung (öffentliche Fassung)",
        "Anlage 2: Plan",  # as the full Mappe numbers it (found by a tester)
    ]


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("public", [False, True])
def test_the_dossier_assembles_the_minutes_once(
    service, database, held, monkeypatch, public
) -> None:
    """Found by review: the Mappe assembled the draft minutes for their PDF, then again for
    their heading and state on the cover."""
    assembled = []
    assemble = minutes_pdfs.minutes_document
    monkeypatch.setattr(
        minutes_pdfs, "minutes_document", lambda *a, **k: assembled.append(a) or assemble(*a, **k)
    )

    service.dossier_pdf(held.meeting_id, today=MADE_ON, public=public)
    approve(database, held.meeting_id)
    service.dossier_pdf(held.meeting_id, today=MADE_ON, public=public)  # stored: for the cover

    assert len(assembled) == 2
