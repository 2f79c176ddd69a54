"""Changing an annex's title and public flag: audited, checked, stale versions refused."""

from __future__ import annotations

import hashlib
import io
import os
import sys
import zlib
from pathlib import Path

import pytest
from meeting_rows import add_meeting
from minutes_rows import approve, held_meeting
from test_minutes_freeze import blank_pdf

from expertenrat.domain.annexes import MeetingAnnexes
from expertenrat.domain.errors import ConcurrentEditError, ValidationError
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.file_reading import NotAFileError
from expertenrat.store import models


@pytest.fixture
def annexes(database, actor) -> AnnexesService:
    return AnnexesService(database, actor)


@pytest.fixture
def meeting_id(database, council) -> int:
    return add_meeting(database, council.id).meeting_id


def test_title_and_public_flag_change_and_are_audited(database, annexes, meeting_id) -> None:
    annex = annexes.add(meeting_id, "Präsentation.pdf", blank_pdf())

    changed = annexes.update(meeting_id, annex, "  Folien {0} „Daten & <Räume>“ 🌍 ", public=False)

    assert (changed.title, changed.public) == ("Folien {0} „Daten & <Räume>“ 🌍", False)
    assert changed.version > annex.version
    assert annexes.annexes(meeting_id) == (changed,)
    *_, entry = AuditService(database).entries("file", annex.id)
    assert "Folien {0} „Daten & <Räume>“ 🌍" in entry.summary and "geändert" in entry.summary
    emptied = annexes.update(meeting_id, changed, "", public=True)
    assert (emptied.title, emptied.public) == ("Präsentation", True)  # from the file name


def test_the_audit_trail_says_zur_sitzung(database, annexes, meeting_id) -> None:
    """(found by a tester) "Anlage „Präsentation“ zu der 6. Sitzung hinzugefügt"."""
    annex = annexes.add(meeting_id, "Präsentation.pdf", blank_pdf())
    annexes.update(meeting_id, annex, "Folien", public=True)

    added, changed = (e.summary for e in AuditService(database).entries("file", annex.id))

    assert "zu der" not in added + changed
    assert added.startswith("Anlage „Präsentation“ zur ") and added.endswith(" hinzugefügt")
    assert changed.startswith("Anlage „Folien“ zur ") and changed.endswith(" geändert")


def test_bad_titles_and_stale_versions_are_refused_and_change_nothing(annexes, meeting_id) -> None:
    annex = annexes.add(meeting_id, "Präsentation.pdf", blank_pdf())
    for title, message in (
        ("x" * 301, "Der Titel der Anlage darf höchstens 300 Zeichen haben."),
        ("Folien\nzwei Zeilen", "Der Titel der Anlage"),
        ("Folien \u202e", "Der Titel der Anlage"),
    ):
        with pytest.raises(ValidationError, match=message):
            annexes.update(meeting_id, annex, title, public=False)
    annexes.update(meeting_id, annex, "Erste Änderung", public=True)
    with pytest.raises(ConcurrentEditError):
        annexes.update(meeting_id, annex, "Zweite Änderung", public=False)
    (stored,) = annexes.annexes(meeting_id)
    assert (stored.title, stored.public) == ("Erste Änderung", True)


def test_a_file_name_that_is_no_utf8_is_added_with_a_space_for_each_unreadable_byte(
    database, annexes, meeting_id
) -> None:
    """(found by a tester) A file named in Latin-1 on Linux (or with an unpaired surrogate
    on Windows) reaches Python with lone surrogates in its name; the annex was refused by
    the database driver with a UnicodeEncodeError (a traceback dialog) on both backends."""
    name = os.fsdecode(b"Bericht M\xfcller.pdf")  # "Bericht M\udcfcller.pdf"

    annex = annexes.add(meeting_id, name, blank_pdf())

    assert (annex.name, annex.title) == ("Bericht M ller.pdf", "Bericht M ller")
    assert annexes.annexes(meeting_id) == (annex,)


def test_a_title_given_when_adding_is_checked_as_when_changing(annexes, meeting_id) -> None:
    for title in ("Folien \u202e", "Folien\x00", "x" * 301):
        with pytest.raises(ValidationError, match="Der Titel der Anlage"):
            annexes.add(meeting_id, "Folien.pdf", blank_pdf(), title=title)
    assert annexes.annexes(meeting_id) == ()
    added = annexes.add(meeting_id, "Folien.pdf", blank_pdf(), title="  Bericht Jo\u0308rg ")
    assert added.title == "Bericht J\u00f6rg"  # in NFC, as every checked text


def test_the_listing_holds_the_annexes_and_whether_the_minutes_are_approved(
    database, annexes, council, fields, today
) -> None:
    held = held_meeting(database, council.id, next(iter(fields.values())).id, today)
    annex = annexes.add(held.meeting_id, "Folien.pdf", blank_pdf())
    assert annexes.listing(held.meeting_id) == MeetingAnnexes((annex,), frozen=False)

    approve(database, held.meeting_id)

    assert annexes.listing(held.meeting_id) == MeetingAnnexes((annex,), frozen=True)


def test_a_file_too_large_for_an_annex_is_refused_after_reading_no_more(tmp_path) -> None:
    """A file of gigabytes chosen by mistake is not read whole first (here: one that never
    ends: refused as no file), and the refusal names its size."""
    from expertenrat.domain.annexes import MAX_ANNEX_BYTES

    large = tmp_path / "Mitschnitt.pdf"
    with large.open("wb") as handle:
        handle.truncate(MAX_ANNEX_BYTES + 2 * 1024 * 1024)  # sparse: 52 MB
    with pytest.raises(ValidationError) as refused:
        AnnexesService.read_file(large)
    assert refused.value.problems[0].message == (
        "„Mitschnitt.pdf“: Die Datei ist mit 52 MB zu groß für eine Anlage (höchstens 50 MB)."
    )
    with pytest.raises(NotAFileError, match="keine gewöhnliche Datei"):
        AnnexesService.read_file(Path("/dev/zero"))

    small = tmp_path / "klein.pdf"
    small.write_bytes(pdf := blank_pdf())
    assert AnnexesService.read_file(small) == pdf


@pytest.mark.parametrize("box", [(0, 0, 0, 0), (0, 0, 595, 0), (100, 100, 100, 900)])
def test_a_page_without_area_is_refused_as_damaged(annexes, meeting_id, box) -> None:
    """(found by a tester) A page whose MediaBox has no width or height (a broken PDF
    writer's) was accepted: the Sitzungsmappe got an empty page no viewer shows and no
    printer prints, with its page-number label drawn outside it."""
    from pypdf import PdfWriter
    from pypdf.generic import RectangleObject

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842).mediabox = RectangleObject(box)
    out = io.BytesIO()
    writer.write(out)

    with pytest.raises(ValidationError, match="keine lesbare PDF-Datei"):
        annexes.add(meeting_id, "Leer.pdf", out.getvalue())
    assert annexes.annexes(meeting_id) == ()


def _pdf_with_page_content(stream: bytes) -> bytes:
    """A PDF of one page whose content is ``stream``, deflated."""
    parts = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%b\nendstream"
        % (len(packed := zlib.compress(stream)), packed),
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, part in enumerate(parts, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%b\nendobj\n" % (number, part))
    table = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(parts) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(parts) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % table)
    return out.getvalue()


def test_a_pdf_whose_page_unpacks_to_a_flood_is_refused_at_once(annexes, meeting_id) -> None:
    """A "decompression bomb" among the annexes an outside project sends: pypdf before 6.0
    unpacked every stream whole, and a 1.5 MB PDF whose page unpacked to 1 GB took 23
    seconds and 3 GB of memory (an annex may have 50 MB); pyproject asks for a pypdf that
    refuses such a stream at its limit (found by a tester)."""
    assert len(_pdf_with_page_content(b"0 0 m\n")) < 1000  # the shape reads as a PDF
    annexes.add(meeting_id, "Klein.pdf", _pdf_with_page_content(b"0 0 m\n"))

    bomb = _pdf_with_page_content(b"0 0 m\n" * 14_000_000)  # 84 MB
    assert len(bomb) < 200_000
    with pytest.raises(ValidationError, match="keine lesbare PDF-Datei"):
        annexes.add(meeting_id, "Flut.pdf", bomb)
    assert [annex.name for annex in annexes.annexes(meeting_id)] == ["Klein.pdf"]


@pytest.mark.parametrize("user_password", ["geheim", ""])
def test_an_encrypted_pdf_is_refused_also_one_that_opens_without_a_password(
    annexes, meeting_id, user_password
) -> None:
    """(found by a tester) A PDF protected only against changes opens in every viewer
    without a password; the message called it "kennwortgeschützt" all the same."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank_pdf())))
    writer.encrypt(user_password, owner_password="eigentümer", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)

    with pytest.raises(ValidationError) as caught:
        annexes.add(meeting_id, "Stellungnahme.pdf", out.getvalue())

    assert caught.value.problems[0].message == (
        "„Stellungnahme.pdf“ ist verschlüsselt (mit einem Kennwort zum Öffnen oder einem "
        "Schutz gegen Änderungen) und kann nicht in die Sitzungsmappe übernommen werden. "
        "Bitte fordern Sie eine Fassung ohne Schutz an."
    )
    assert annexes.annexes(meeting_id) == ()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes of POSIX")
def test_a_named_pipe_as_annex_is_refused_without_waiting_for_a_writer(tmp_path) -> None:
    """Reading a FIFO, even opening it, waited for ever (found by a tester)."""
    pipe = tmp_path / "Folien.pdf"
    os.mkfifo(pipe)

    with pytest.raises(NotAFileError) as refused:
        AnnexesService.read_file(pipe)

    assert refused.value.message == (
        f"„{pipe}“ ist keine gewöhnliche Datei (sondern eine benannte Pipe) und wird nicht "
        "gelesen. Bitte wählen Sie eine Datei."
    )


def test_a_removed_annex_keeps_no_content_in_the_database(database, annexes, meeting_id) -> None:
    """(found by a tester) "Entfernen" only marked the annex as deleted: the file itself (a
    CV, a letter with a private address) stayed in the database and every backup of it,
    in no list and in no Auskunft (Art. 15), never to be deleted. Its trail stays."""
    annex = annexes.add(meeting_id, "Lebenslauf.pdf", blank_pdf(), title="Lebenslauf Steffens")

    annexes.remove(meeting_id, annex)

    with database.reading() as session:
        row = session.get(models.StoredFile, annex.id)
        assert row.deleted_at is not None and row.content == b""
        assert (row.size, row.sha256) == (0, hashlib.sha256(b"").hexdigest())
    _added, removed = AuditService(database).entries("file", annex.id)
    assert removed.summary.startswith("Anlage „Lebenslauf Steffens“ aus ")
    assert "entfernt" in removed.summary
