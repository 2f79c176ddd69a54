"""The size cap of a members file: a list of 20,000 members is read and checked, a file of
gigabytes (or a device that never ends) is refused without being read whole."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.member_import_preview import ImportStatus
from expertenrat.domain.members import Member
from expertenrat.exchange.members_csv import export_members_csv
from expertenrat.services.file_reading import NotAFileError
from expertenrat.services.member_exchange import (
    MAX_FILE_BYTES,
    MemberExchangeService,
    MemberFileFormat,
)

TOO_LARGE = "zu groß für eine Mitgliederliste (höchstens 64 MB)."


@pytest.fixture
def database(sqlite_database):
    """Reading a file is the same whatever the database: SQLite only."""
    return sqlite_database


@pytest.fixture
def exchange(database, actor) -> MemberExchangeService:
    return MemberExchangeService(database, actor)


def full_member(number: int, fields) -> Member:
    """A member with every column filled as a real list would have it."""
    return Member(
        id=None,
        given_name=f"Anna-Katharina {number}",
        family_name="Müller-Lüdenscheidt",
        title="Prof. Dr.",
        form_of_address="Frau",
        affiliation="Hochschule für Technik, Wirtschaft und Kultur Rostock, Institut für "
        "Stadtentwicklung",
        position="Leiterin des Fachgebiets Digitale Stadt",
        sector=Sector.RESEARCH,
        email=f"anna.mueller.{number}@hochschule-rostock.example.de",
        phone="+49 381 498-12345",
        postal_address="Hochschule Rostock\nAlbert-Einstein-Straße 22\n18059 Rostock",
        notes="Ansprechpartnerin für Datenschutzfragen; bevorzugt Termine am Nachmittag.",
        role=MemberRole.MEMBER,
        term_start=date(2024, 9, 25),
        term_end=date(2027, 9, 24),
        primary_field_id=fields["Stadtdaten"].id,
        further_field_ids=(fields["Umwelt"].id,),
    )


@pytest.mark.parametrize("file_format", list(MemberFileFormat))
def test_a_list_of_20000_members_is_read_and_checked_whole(
    exchange, council, fields, tmp_path, today, file_format
):
    members = [full_member(number, fields) for number in range(20_000)]
    names = {f.id: f.name for f in fields.values()}
    if file_format is MemberFileFormat.XLSX:
        from expertenrat.exchange.members_xlsx import export_members_xlsx

        content = export_members_xlsx(members, names)
    else:
        content = export_members_csv(members, names)
    path = tmp_path / f"mitglieder{file_format.suffix}"
    path.write_bytes(content)

    data = exchange.read_file(path)
    preview = exchange.preview_import(council.id, data, today, file_format)

    assert data == content
    assert len(content) * 4 < MAX_FILE_BYTES  # room to spare: longer notes, more columns
    assert len(preview.rows) == 20_000
    assert {row.status for row in preview.rows} == {ImportStatus.NEW}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a sparse file and /dev/zero")
def test_a_huge_file_is_refused_by_its_size_naming_the_limit(exchange, tmp_path):
    huge = tmp_path / "riesig.csv"
    with huge.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: no disk space taken

    with pytest.raises(DataEntryError) as refused:
        exchange.read_file(huge)

    assert refused.value.message == f"Die Datei ist mit 3072 MB {TOO_LARGE}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero")
def test_a_device_that_never_ends_is_refused_as_no_file(exchange):
    with pytest.raises(NotAFileError) as refused:
        exchange.read_file(Path("/dev/zero"))

    assert refused.value.message == (
        "„/dev/zero“ ist keine gewöhnliche Datei (sondern ein Gerät) und wird nicht gelesen. "
        "Bitte wählen Sie eine Datei."
    )


def test_a_file_at_the_limit_is_read_and_one_byte_more_refused(exchange, council, tmp_path, today):
    path = tmp_path / "grenze.csv"
    path.write_bytes(b" " * MAX_FILE_BYTES)
    assert len(exchange.read_file(path)) == MAX_FILE_BYTES

    with path.open("ab") as handle:
        handle.write(b" ")
    with pytest.raises(DataEntryError, match="zu groß für eine Mitgliederliste"):
        exchange.read_file(path)
    with pytest.raises(DataEntryError, match="zu groß für eine Mitgliederliste"):
        exchange.preview_import(council.id, b" " * (MAX_FILE_BYTES + 1), today)
