"""The invitation lists the files it comes with below the agenda, numbered as the minutes
and the Sitzungsmappe number them (found by a tester: only the Mappe named the annexes);
the public invitation lists a non-public one by its number alone, "Anlage 2:
nichtöffentlich (nicht enthalten)", as the public minutes do; nothing where there are
none. An annex added after the invitation went out changes no agenda."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from dossier_pdfs import page_text, small_pdf
from invited_agenda import BERLIN
from pdf_reading import text
from pypdf import PdfReader

from expertenrat.services.annexes import AnnexesService
from expertenrat.services.minutes_documents import MinutesDocumentsService

ODD = "Q&A <Entwurf> \"final\" 'v2' 🚀 مشروع"
LONG = "Machbarkeitsstudie " + " ".join(["Sensornetz Innenstadt und Hafen"] * 8)


@pytest.fixture
def annexes(database, actor) -> AnnexesService:
    return AnnexesService(database, actor)


@pytest.fixture
def with_annexes(invited, annexes) -> int:
    annexes.add(invited, "Protokoll_5.pdf", small_pdf("Entwurf"), title="Protokoll (Entwurf)")
    annexes.add(invited, "Kalkulation.pdf", small_pdf("Intern"), public=False)
    annexes.add(invited, "Skizze.pdf", small_pdf("Skizze"), title=ODD)
    annexes.add(invited, "Studie.pdf", small_pdf("Studie"), title=LONG)
    return invited


def _cover(database, documents, annexes, meeting_id: int, *, public: bool) -> str:
    service = MinutesDocumentsService(database, documents, annexes)
    pack = service.dossier_pdf(meeting_id, today=datetime.now(BERLIN).date(), public=public)
    return page_text(PdfReader(io.BytesIO(pack.pdf)).pages[0])


def test_the_invitation_lists_every_annex_numbered_as_the_dossier(
    database, documents, annexes, with_annexes
) -> None:
    rendered = documents.invitation_pdf(with_annexes)

    printed = text(rendered.pdf)
    assert [w.split(":")[0] for w in rendered.warnings] == ["Anlagen"]  # the emoji: no font
    assert len(PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    listed = printed[printed.index("Anlagen Anlage 1") :]
    assert listed.startswith(
        "Anlagen Anlage 1: Protokoll (Entwurf) Anlage 2: Kalkulation (nichtöffentlich) "
        "Anlage 3: Q&A <Entwurf> \"final\" 'v2'"
    )
    assert f"Anlage 4: {LONG} Bitte teilen Sie" in listed  # wrapped, whole, before the requests
    assert printed.index("Vergabe Sensorik") < printed.index("Anlagen")  # below the agenda
    cover = _cover(database, documents, annexes, with_annexes, public=False)
    for line in ("Anlage 1: Protokoll (Entwurf)", "Anlage 2: Kalkulation (nichtöffentlich)"):
        assert line in cover
    assert f"Anlage 4: {LONG[:40]}" in cover


def test_the_public_invitation_lists_the_public_annexes_with_their_numbers(
    database, documents, annexes, with_annexes
) -> None:
    printed = text(documents.invitation_pdf(with_annexes, public=True).pdf)

    assert (
        "Anlagen Anlage 1: Protokoll (Entwurf) Anlage 2: nichtöffentlich (nicht enthalten) "
        "Anlage 3: Q&A"
    ) in printed  # as the public minutes and the public Mappe's cover list it
    assert f"Anlage 4: {LONG}" in printed
    assert "Kalkulation" not in printed
    cover = _cover(database, documents, annexes, with_annexes, public=True)
    assert "Anlage 1: Protokoll (Entwurf)" in cover and "Anlage 3: Q&A" in cover
    assert "Anlage 2: nichtöffentlich (nicht enthalten)" in cover


def test_an_invitation_without_annexes_has_no_heading_for_them(documents, invited) -> None:
    assert "Anlage" not in text(documents.invitation_pdf(invited).pdf)


def test_a_public_invitation_whose_annexes_are_non_public_lists_them_by_number(
    documents, annexes, invited
) -> None:
    annexes.add(invited, "Kalkulation.pdf", small_pdf("Intern"), public=False)

    printed = text(documents.invitation_pdf(invited, public=True).pdf)
    assert "Anlagen Anlage 1: nichtöffentlich (nicht enthalten)" in printed
    assert "Kalkulation" not in printed
    assert "Anlage 1: Kalkulation (nichtöffentlich)" in text(documents.invitation_pdf(invited).pdf)


def test_an_annex_added_after_the_invitation_changes_no_agenda(documents, annexes, invited) -> None:
    annexes.add(invited, "Nachtrag.pdf", small_pdf("Nachtrag"))

    doc = documents.document(invited)
    assert not doc.changed and doc.letter_date == doc.invitation_date
    printed = text(documents.invitation_pdf(invited).pdf)
    assert "Geänderte" not in printed and "Anlage 1: Nachtrag" in printed
