"""The Archivpaket of a year: every file checked by its list of SHA-256, the approved
minutes as stored, the approved content whose SHA-256 the minutes print, a non-public
annex named so, minutes not yet approved left out and said so."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from client_statements import recorded_statements
from pdf_reading import text
from sqlalchemy import inspect, update

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.context import Services
from expertenrat.services.files import FileWriteError
from expertenrat.services.minutes_assembly import latest_version
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models

DAY = date(2026, 11, 27)  # the demo's day


@pytest.fixture
def services(demo_database) -> Services:
    """The demo on SQLite and PostgreSQL (a copy of the run's one load per test)."""
    return Services.create(demo_database, "Frau Schulz")


def council(services: Services) -> int:
    return services.settings.councils()[0].id


def meeting(services: Services, number: int) -> int:
    return services.meeting_documents.meeting_id(council(services), number)


def altered(services: Services, table: type[models.Base], number: int, **values) -> None:
    """The stored rows of the meeting ``number`` in ``table`` (``models.Meeting``: the
    meeting's own) changed past the program, as an older Expertenrat or a damaged
    database left them."""
    key = table.id if table is models.Meeting else table.meeting_id
    with services.database.engine.begin() as connection:
        connection.execute(update(table).where(key == meeting(services, number)).values(**values))


def test_the_package_of_2026_holds_what_the_archive_needs_and_checks_itself(services, tmp_path):
    council_id = council(services)
    written = services.archive_package.export(tmp_path / "2026", council_id, 2026, today=DAY)
    folder = written.folder
    listed = (folder / "SHA256SUMS.txt").read_text("utf-8").splitlines()
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {line.split("  ", 1)[1] for line in listed} == files - {"SHA256SUMS.txt"}
    for line in listed:  # what "sha256sum -c" does
        digest, path = line.split("  ", 1)
        assert hashlib.sha256((folder / path).read_bytes()).hexdigest() == digest
    assert {"LIESMICH.txt", "Tätigkeitsbericht 2026.pdf", "Empfehlungsregister 2026.csv"} <= files
    assert "Empfehlungsregister 2026.pdf" in files and written.files == len(files)
    meeting = "2026-04-16 4. Sitzung/"
    assert {
        meeting + "Einladung 4. Sitzung 2026-04-16.pdf",
        meeting + "Sitzungsmappe 4. Sitzung 2026-04-16.pdf",
        meeting + "Anlage 1 4. Sitzung 2026-04-16 – Praesentation-ODP.pdf",
    } <= files
    for number, folder_name in ((3, "2026-01-15 3. Sitzung"), (4, "2026-04-16 4. Sitzung")):
        meeting_id = services.meeting_documents.meeting_id(council_id, number)
        stem = f"{folder_name}/Protokoll {number}. Sitzung {folder_name[:10]}"
        for public, suffix in ((False, ".pdf"), (True, " öffentlich.pdf")):
            stored = services.minutes_documents.minutes(meeting_id, public=public)
            pdf = (folder / f"{stem}{suffix}").read_bytes()
            assert stored.approved and pdf == stored.rendered.pdf
            assert hashlib.sha256(pdf).hexdigest() == stored.sha256
        printed = re.search(
            r"Prüfsumme des genehmigten Inhalts \(SHA-256\): ([0-9a-f]{64})",
            text((folder / f"{stem}.pdf").read_bytes()),
        )
        content = (folder / f"{stem} genehmigter Inhalt.json").read_bytes()
        assert printed and hashlib.sha256(content).hexdigest() == printed.group(1)
    readme = (folder / "LIESMICH.txt").read_text("utf-8")
    assert (
        "2026-04-16 4. Sitzung: Einladung (versandt am 02.04.2026), Protokoll (genehmigt in "
        "der 5. Sitzung am 16.07.2026;" in readme
    )
    assert "sha256sum -c SHA256SUMS.txt" in readme and "genehmigter" in readme
    assert "genehmigter Inhalt.json“\nenthalten die vollständige Fassung" in readme


def test_minutes_not_approved_are_left_out_and_a_non_public_annex_is_named_so(services):
    council_id = council(services)
    sixth = meeting(services, 6)
    annex = services.annexes.annexes(sixth)[0]
    services.annexes.update(sixth, annex, annex.title, public=False)
    files, warnings = services.archive_package.files(council_id, 2026, today=DAY)
    sixth_files = {p for p in files if p.startswith("2026-10-15 6. Sitzung/")}
    assert sixth_files == {
        "2026-10-15 6. Sitzung/Einladung 6. Sitzung 2026-10-15.pdf",
        "2026-10-15 6. Sitzung/Anlage 1 6. Sitzung 2026-10-15 nichtöffentlich – "
        "Praesentation-IPW.pdf",
    }
    assert not any("7. Sitzung" in p or "8. Sitzung" in p for p in files)  # not held yet
    assert (
        "Das Protokoll der 6. Sitzung ist noch nicht genehmigt; es fehlt im Paket "
        "(mit der Sitzungsmappe)." in warnings
    )
    readme = files["LIESMICH.txt"].decode("utf-8")
    assert "2026-12-07 7. Sitzung: noch nicht durchgeführt; nicht enthalten." in readme
    assert (
        "2026-10-15 6. Sitzung: Einladung (versandt am 01.10.2026), 1 Anlage. Das Protokoll "
        "ist noch nicht genehmigt" in readme
    )


def test_an_invitation_whose_sending_was_not_recorded_is_said_to_be_dated_today(services):
    council_id = council(services)
    altered(services, models.Meeting, 6, invitation_sent_on=None)

    files, warnings = services.archive_package.files(council_id, 2026, today=DAY)

    assert (
        "Für die 6. Sitzung ist kein Versand der Einladung erfasst; die Einladung im Paket ist "
        "auf den 27.11.2026 datiert."
    ) in warnings
    readme = files["LIESMICH.txt"].decode("utf-8")
    assert (
        "2026-10-15 6. Sitzung: Einladung (ihr Versand ist nicht erfasst; datiert auf den "
        "27.11.2026), 1 Anlage." in readme
    )


def test_a_year_to_come_and_a_folder_of_other_files_are_refused(services, tmp_path):
    with pytest.raises(ExpertenratError):
        services.archive_package.files(council(services), 2027, today=DAY)
    mine = tmp_path / "Dokumente"
    mine.mkdir()
    (mine / "Briefe.docx").write_bytes(b"mine")
    with pytest.raises(FileWriteError, match=r"LIESMICH\.txt"):
        services.archive_package.export(mine, council(services), 2025, today=DAY)
    assert [p.name for p in mine.iterdir()] == ["Briefe.docx"]


def test_minutes_approved_before_their_pdfs_were_kept_are_made_anew_and_said_so(services):
    """Minutes approved by an Expertenrat that kept no PDF (neither bytes nor SHA-256)."""
    council_id = council(services)
    altered(
        services,
        models.MinutesVersion,
        2,
        pdf=None,
        sha256=None,
        public_pdf=None,
        public_sha256=None,
    )

    files, warnings = services.archive_package.files(council_id, 2025, today=DAY)

    assert "2025-10-16 2. Sitzung/Protokoll 2. Sitzung 2025-10-16.pdf" in files
    assert (
        "Das Protokoll der 2. Sitzung wurde genehmigt, bevor Expertenrat die genehmigten "
        "PDF-Dateien speicherte; die Dateien im Paket sind heute neu erstellt, mit dem "
        "Genehmigungsvermerk."
    ) in warnings
    assert not any("1. Sitzung wurde genehmigt, bevor" in w for w in warnings)
    readme = files["LIESMICH.txt"].decode("utf-8")  # not "the stored files, byte for byte"
    assert "Fassung, am 27.11.2026 neu erstellt, genehmigter Inhalt)" in readme
    assert "Ausgenommen die Protokoll-PDFs der 2. Sitzung: genehmigt, bevor" in readme
    assert readme.count("neu erstellt") == 2  # the 1. Sitzung's are the stored ones


def test_a_year_without_meetings_is_said_so_and_the_minutes_are_not_explained(services):
    files, warnings = services.archive_package.files(council(services), 2023, today=DAY)

    assert set(files) == {
        "LIESMICH.txt",
        "SHA256SUMS.txt",
        "Empfehlungsregister 2023.pdf",
        "Empfehlungsregister 2023.csv",
        "Tätigkeitsbericht 2023.pdf",
    }
    assert (
        "Im Jahr 2023 hatte das Gremium keine Sitzung; das Paket enthält nur das "
        "Empfehlungsregister und den Tätigkeitsbericht."
    ) in warnings
    readme = files["LIESMICH.txt"].decode("utf-8")
    assert "Im Jahr 2023 hatte das Gremium keine Sitzung." in readme
    assert "Protokoll" not in readme and "sha256sum -c SHA256SUMS.txt" in readme


def test_an_annex_with_a_long_name_gets_a_file_name_every_file_system_takes(services, tmp_path):
    council_id = council(services)
    altered(services, models.StoredFile, 4, name="Präsentation " + "sehr lang " * 28 + ".pdf")

    written = services.archive_package.export(tmp_path / "2026", council_id, 2026, today=DAY)

    [annex] = (written.folder / "2026-04-16 4. Sitzung").glob("Anlage 1 *")
    assert annex.name.startswith("Anlage 1 4. Sitzung 2026-04-16 – Präsentation sehr lang ")
    assert annex.name.endswith("….pdf")
    assert len(annex.name) <= 120


def test_two_meetings_without_a_number_on_one_day_get_a_folder_each(services):
    """(found by a tester) Two meetings cancelled while planned on one day had the same
    folder and file names: the package held one Absage, its LIESMICH named two."""
    council_id = council(services)
    for hour in (10, 16):  # planned, cancelled, planned again that day and cancelled
        start = datetime(2026, 6, 10, hour, tzinfo=ZoneInfo("Europe/Berlin"))
        draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="A")
        meeting_id = services.meetings.create(council_id, draft)
        version = services.meetings.get(meeting_id).version
        services.meetings.change_state(
            meeting_id, version, MeetingState.CANCELLED, "Raum fehlt", today=DAY
        )

    files, _warnings = services.archive_package.files(council_id, 2026, today=DAY)

    assert {p for p in files if p.startswith("2026-06-10")} == {
        "2026-06-10 Sitzung/Absage Sitzung 2026-06-10.pdf",
        "2026-06-10 Sitzung (2)/Absage Sitzung 2026-06-10.pdf",
    }
    readme = files["LIESMICH.txt"].decode("utf-8")
    assert "2026-06-10 Sitzung: abgesagt" in readme
    assert "2026-06-10 Sitzung (2): abgesagt" in readme


def test_the_stored_minutes_pdfs_are_read_only_where_they_are_handed_out(services):
    """Found by review: every read of a minutes version took its two stored PDFs along,
    twice per meeting in the package and wherever only the minutes' state was shown."""
    council_id = council(services)
    fourth = meeting(services, 4)  # approved, PDFs stored
    with reading(services.database) as session:
        version = latest_version(session, fourth)
        assert version is not None and version.state == "approved"
        assert {"pdf", "public_pdf"} <= inspect(version).unloaded

    with recorded_statements(services.database.engine) as statements:
        files, _ = services.archive_package.files(council_id, 2026, today=DAY)

    stored = services.minutes_documents.minutes(fourth, public=False).rendered.pdf
    assert stored in files.values()  # handed out: read where it is used
    version_reads = [s for s in statements if "minutes_versions.origin" in s]
    assert version_reads
    assert not [s for s in version_reads if re.search(r"minutes_versions\.(public_)?pdf\b", s)]


def test_an_annex_damaged_in_the_database_is_named_in_the_liesmich(services):
    """The package explains itself without the program: an annex that no longer matches
    its stored SHA-256 goes in as stored, and the LIESMICH says so, not only the warning
    the secretariat sees once (found by a tester)."""
    council_id = council(services)
    altered(services, models.StoredFile, 4, content=b"%PDF-1.4 damaged")

    files, warnings = services.archive_package.files(council_id, 2026, today=DAY)

    assert files[
        "2026-04-16 4. Sitzung/Anlage 1 4. Sitzung 2026-04-16 – Praesentation-ODP.pdf"
    ] == (b"%PDF-1.4 damaged")
    assert any("stimmt nicht mehr mit ihrer gespeicherten Prüfsumme" in w for w in warnings)
    readme = files["LIESMICH.txt"].decode("utf-8")
    [line] = [x for x in readme.splitlines() if x.startswith("2026-04-16 4. Sitzung:")]
    assert line.endswith(
        "Anlage 1 stimmt nicht mit der bei ihrer Aufnahme gespeicherten Prüfsumme überein; "
        "sie ist so enthalten, wie sie gespeichert war."
    )
    other = [x for x in readme.splitlines() if x.startswith("2026-10-15 6. Sitzung:")]
    assert "Prüfsumme" not in other[0]


def test_an_annex_without_its_fonts_embedded_is_named_in_the_liesmich(services):
    """(found by a tester) The LIESMICH said of every PDF "Schriften eingebettet"; an annex
    goes in as it was added, and one from an office program may lack its fonts, which an
    archive must know before it takes it over: the LIESMICH and a warning name it."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 12)  # one of the 14 standard fonts: never embedded
    page.drawString(72, 720, "Angebot")
    page.save()
    data = buffer.getvalue()
    council_id = council(services)
    altered(
        services,
        models.StoredFile,
        4,
        content=data,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )

    files, warnings = services.archive_package.files(council_id, 2026, today=DAY)

    assert (
        "Anlage 1 der 4. Sitzung hat nicht alle Schriften eingebettet (Helvetica); sie ist "
        "so im Paket, wie sie aufgenommen wurde." in warnings
    )
    readme = files["LIESMICH.txt"].decode("utf-8")
    [line] = [x for x in readme.splitlines() if x.startswith("2026-04-16 4. Sitzung:")]
    assert line.endswith(" Anlage 1 hat nicht alle Schriften eingebettet.")
    assert "Prüfsumme" not in line and "Schriften" not in readme.split("2026-07-16")[1]
    assert "Die vom Programm erstellten PDF-Dateien haben ihre" in readme
