"""An annex keeps its number in the public Sitzungsmappe, as in the public minutes (found
by a tester: leaving out a non-public annex renumbered the others, so "siehe Anlage 3"
pointed to the wrong file); the public cover lists the one left out by its number alone,
without a page, the full Mappe marks it non-public on its cover and bookmark."""

from __future__ import annotations

import io
from datetime import date

import pytest
from dossier_pdfs import bookmarks, page_text, small_pdf
from minutes_rows import held_meeting
from pdf_reading import text
from pypdf import PdfReader

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
def held(database, council, fields, today, annexes):
    held = held_meeting(database, council.id, fields["Stadtdaten"].id, today)
    annexes.add(held.meeting_id, "Präsentation.pdf", small_pdf("Folie 1", "Folie 2"))
    annexes.add(held.meeting_id, "Kalkulation.pdf", small_pdf("Intern"), public=False)
    annexes.add(held.meeting_id, "Plan.pdf", small_pdf("Stadtplan"))
    return held


def test_the_public_dossier_numbers_the_annexes_as_the_full_one(service, held) -> None:
    pack = service.dossier_pdf(held.meeting_id, today=MADE_ON, public=True)

    reader = PdfReader(io.BytesIO(pack.pdf))
    marks = bookmarks(reader)
    assert [title for title, _ in marks[-2:]] == ["Anlage 1: Präsentation", "Anlage 3: Plan"]
    first, plan = marks[-2][1], marks[-1][1]
    assert plan == first + 2  # the two pages of the presentation, nothing between
    cover = page_text(reader.pages[0])
    assert f"Anlage 1: Präsentation Seite {first}" in cover
    assert "Anlage 2: nichtöffentlich (nicht enthalten) Anlage 3" in cover  # no page
    assert f"Anlage 3: Plan Seite {plan}" in cover
    assert "Stadtplan" in page_text(reader.pages[plan - 1])
    assert pack.records == 2
    printed = text(pack.pdf)
    assert "Kalkulation" not in printed and "Intern" not in printed
    # the public minutes in it list them so too
    assert "Anlage 2: nichtöffentlich (nicht enthalten)" in printed


def test_the_full_dossier_marks_the_non_public_annex(service, held) -> None:
    reader = PdfReader(io.BytesIO(service.dossier_pdf(held.meeting_id, today=MADE_ON).pdf))

    titles = [title for title, _ in bookmarks(reader)]
    assert titles[-3:] == [
        "Anlage 1: Präsentation",
        "Anlage 2: Kalkulation (nichtöffentlich)",
        "Anlage 3: Plan",
    ]
    assert "Anlage 2: Kalkulation (nichtöffentlich) Seite" in page_text(reader.pages[0])


def test_only_non_public_annexes_make_a_public_dossier_without_annexes(
    service, annexes, held
) -> None:
    for annex in annexes.annexes(held.meeting_id):
        if annex.public:
            annexes.remove(held.meeting_id, annex)

    pack = service.dossier_pdf(held.meeting_id, today=MADE_ON, public=True)

    reader = PdfReader(io.BytesIO(pack.pdf))
    assert not any(title.startswith("Anlage") for title, _ in bookmarks(reader))
    assert "Anlage 1: nichtöffentlich (nicht enthalten)" in page_text(reader.pages[0])
    assert pack.records == 0
    assert "Anlagen" not in reader.metadata.subject


def test_every_annex_page_names_its_annex_and_a_non_public_one_says_so(service, held) -> None:
    """(found by a tester) A page of the Mappe printed or handed on alone said only
    "Sitzungsmappe, Seite 9 von 12": nothing told that it was the non-public Kalkulation."""
    reader = PdfReader(io.BytesIO(service.dossier_pdf(held.meeting_id, today=MADE_ON).pdf))
    marks = dict(bookmarks(reader))
    first = marks["Anlage 1: Präsentation"]
    secret = marks["Anlage 2: Kalkulation (nichtöffentlich)"]
    total = len(reader.pages)

    assert f"Seite {first} von {total} · Anlage 1" in page_text(reader.pages[first - 1])
    assert f"Seite {first + 1} von {total} · Anlage 1" in page_text(reader.pages[first])
    on_secret = page_text(reader.pages[secret - 1])
    assert f"Seite {secret} von {total} · Anlage 2 – nichtöffentlich" in on_secret
    assert f"Seite 1 von {total} ·" not in page_text(reader.pages[0])  # no annex
