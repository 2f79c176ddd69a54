"""A damaged stored annex no longer stops the Sitzungsmappe: a page says which annex could
not be put in, the cover lists it so, and a warning names it."""

from __future__ import annotations

import io
from datetime import date

import pytest
from dossier_pdfs import bookmarks, page_text, small_pdf
from meeting_rows import add_meeting
from minutes_rows import held_meeting
from pypdf import PdfReader

from expertenrat.services.annexes import AnnexesService
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.store import models

MADE_ON = date(2026, 3, 12)
LEFT_OUT = "Anlage 2 „Kaputt“ konnte nicht eingefügt werden: die Datei ist beschädigt."


@pytest.fixture
def annexes(database, actor) -> AnnexesService:
    return AnnexesService(database, actor)


@pytest.fixture
def service(database, documents, annexes) -> MinutesDocumentsService:
    return MinutesDocumentsService(database, documents, annexes)


def damage(database, annex_id: int, content: bytes) -> None:
    with database.transaction() as session:
        session.get(models.StoredFile, annex_id).content = content


def three_annexes(database, annexes: AnnexesService, meeting_id: int) -> None:
    """Anlage 1 and 3 intact, Anlage 2 ("Kaputt.pdf") damaged in the database."""
    annexes.add(meeting_id, "Erste.pdf", small_pdf("Erste Seite"))
    good = small_pdf("Zweite Seite", "noch eine")
    broken = annexes.add(meeting_id, "Kaputt.pdf", good)
    annexes.add(meeting_id, "Dritte.pdf", small_pdf("Dritte Seite"))
    damage(database, broken.id, good[: len(good) // 2])


@pytest.mark.parametrize("planned", [False, True], ids=["after", "before"])
def test_a_damaged_annex_is_a_page_saying_so_and_the_rest_goes_in(
    service, annexes, database, council, fields, today, planned
) -> None:
    """(found by review) One damaged annex stopped the whole Sitzungsmappe."""
    if planned:
        meeting_id = add_meeting(database, council.id).meeting_id
    else:
        meeting_id = held_meeting(database, council.id, fields["Stadtdaten"].id, today).meeting_id
    three_annexes(database, annexes, meeting_id)

    rendered = service.dossier_pdf(meeting_id, today=MADE_ON)

    reader = PdfReader(io.BytesIO(rendered.pdf))
    marks = dict(bookmarks(reader))
    first = marks["Anlage 1: Erste"]
    assert list(marks)[-3:] == [
        "Anlage 1: Erste",
        "Anlage 2: Kaputt (nicht eingefügt: Datei beschädigt)",
        "Anlage 3: Dritte",
    ]
    assert marks["Anlage 3: Dritte"] == first + 2 == len(reader.pages)  # one page stands in
    gap = page_text(reader.pages[first])
    assert LEFT_OUT in gap and "Datei Kaputt.pdf" in gap
    assert "Dritte Seite" in page_text(reader.pages[first + 1])
    cover = page_text(reader.pages[0])
    assert f"Anlage 2: Kaputt (nicht eingefügt: Datei beschädigt) Seite {first + 1}" in cover
    assert rendered.records == 3
    [warning] = [w for w in rendered.warnings if "Anlage 2" in w]
    assert warning.startswith(LEFT_OUT)
    assert "Hinweisseite (Datei „Kaputt.pdf“)" in warning
    assert "im Reiter „Anlagen“ erneut hinzu" in warning


def test_the_public_dossier_leaves_a_damaged_non_public_annex_out_without_a_word(
    service, annexes, database, council, fields, today
) -> None:
    meeting_id = held_meeting(database, council.id, fields["Stadtdaten"].id, today).meeting_id
    secret = annexes.add(meeting_id, "Intern.pdf", small_pdf("Intern"), public=False)
    damage(database, secret.id, b"%PDF-1.4 kaputt")
    annexes.add(meeting_id, "Plan.pdf", small_pdf("Plan"))

    rendered = service.dossier_pdf(meeting_id, today=MADE_ON, public=True)

    assert not [w for w in rendered.warnings if "Anlage" in w]
    assert [t for t, _ in bookmarks(PdfReader(io.BytesIO(rendered.pdf)))][-1] == "Anlage 2: Plan"


def test_a_damaged_annex_quotes_its_title_once_and_pypdf_keeps_quiet(
    service, annexes, database, council, fields, today, caplog
) -> None:
    # Before: „Anlage 1: Präsentation „Open Data““ (two quotations read as one), and pypdf's
    # "EOF marker not found" stood in English on the console above the message.
    meeting_id = held_meeting(database, council.id, fields["Stadtdaten"].id, today).meeting_id
    good = small_pdf("Seite")
    annex = annexes.add(meeting_id, "gut.pdf", good, title="Präsentation „Open Data“")
    damage(database, annex.id, good[: len(good) // 2])

    rendered = service.dossier_pdf(meeting_id, today=MADE_ON)

    said = "Anlage 1 „Präsentation ‚Open Data‘“ konnte nicht eingefügt werden"
    assert [w for w in rendered.warnings if w.startswith(said)]
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []
