"""MemberExchangeService: CSV export, the import preview and the all-or-nothing import."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AuditAction, MemberRole, Sector
from expertenrat.domain.errors import ConcurrentEditError, DataEntryError, ValidationError
from expertenrat.domain.file_formats import MemberFileFormat
from expertenrat.domain.member_council_checks import validate_member
from expertenrat.domain.member_import_preview import ImportStatus
from expertenrat.domain.members import Member
from expertenrat.domain.progress import Cancelled
from expertenrat.services import member_checks, member_writes
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.services.members import MembersService
from expertenrat.services.settings import SettingsService
from expertenrat.store import models

HEADER = "Vorname;Nachname;E-Mail;Rolle;Amtszeit Beginn;Amtszeit Ende;Primäres Handlungsfeld"


@pytest.fixture
def exchange(database, actor) -> MemberExchangeService:
    return MemberExchangeService(database, actor)


def csv_file(*lines: str, encoding: str = "utf-8-sig") -> bytes:
    return "\r\n".join(lines).encode(encoding) + b"\r\n"


def by_line(preview):
    return {row.line: row for row in preview.rows}


def comparable(member: Member, field_names: dict[int, str]) -> tuple:
    """A member without ids and versions, its action fields by name (ids differ per council)."""
    plain = replace(
        member,
        id=None,
        person_id=None,
        version=0,
        person_version=0,
        primary_field_id=None,
        further_field_ids=(),
    )
    return (
        plain,
        field_names[member.primary_field_id] if member.primary_field_id else None,
        sorted(field_names[f] for f in member.further_field_ids),
    )


def table_counts(database) -> tuple[int, int, int]:
    with database.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (models.Person, models.Membership, models.AuditEntry)
        )


# --- round trip ---------------------------------------------------------------------------


@pytest.fixture
def demo_council(demo_database) -> int:
    """Rostock's council id in a copy of the session's demo."""
    with demo_database.reading() as session:
        return session.scalar(select(models.Council.id).order_by(models.Council.id))


@pytest.fixture
def demo_exchange(demo_database, actor) -> MemberExchangeService:
    return MemberExchangeService(demo_database, actor)


@pytest.fixture
def demo_settings(demo_database, actor) -> SettingsService:
    return SettingsService(demo_database, actor)


@pytest.fixture
def demo_members(demo_database, actor) -> MembersService:
    return MembersService(demo_database, actor)


def test_export_then_import_into_an_empty_council_gives_the_same_members(
    demo_exchange, demo_council, demo_settings, demo_members, today
):
    empty = demo_settings.create_council(CouncilSettings(id=None, name="Neu", city="Wismar"))

    preview = demo_exchange.preview_import(empty.id, demo_exchange.export_csv(demo_council), today)
    result = demo_exchange.apply_import(empty.id, preview, today, accept_consent_changes=True)

    source_names = {f.id: f.name for f in demo_settings.action_fields(demo_council)}
    target_names = {f.id: f.name for f in demo_settings.action_fields(empty.id)}
    source = demo_members.members(demo_council)
    assert [row.status for row in preview.rows] == [ImportStatus.NEW] * len(source)
    assert len(result.created) == len(source) and result.updated == ()
    assert [comparable(m, target_names) for m in demo_members.members(empty.id)] == [
        comparable(m, source_names) for m in source
    ]


def test_importing_the_exported_file_again_changes_nothing(
    demo_exchange, demo_council, demo_members, demo_database, today
):
    before = demo_members.members(demo_council)
    counts = table_counts(demo_database)

    preview = demo_exchange.preview_import(
        demo_council, demo_exchange.export_csv(demo_council), today
    )
    result = demo_exchange.apply_import(demo_council, preview, today)

    assert {row.status for row in preview.rows} == {ImportStatus.UNCHANGED}
    assert {row.status.label for row in preview.rows} == {"unverändert"}
    assert all(row.reasons == () for row in preview.rows)
    assert (result.created, result.updated, result.unchanged) == ((), (), len(before))
    assert demo_members.members(demo_council) == before
    assert table_counts(demo_database) == counts


def test_an_exported_workbook_imports_again_as_unchanged_rows(
    demo_exchange, demo_council, demo_members, demo_database, today
):
    before = demo_members.members(demo_council)
    counts = table_counts(demo_database)
    workbook = demo_exchange.export(demo_council, MemberFileFormat.XLSX)

    preview = demo_exchange.preview_import(demo_council, workbook, today, MemberFileFormat.XLSX)
    result = demo_exchange.apply_import(demo_council, preview, today)

    assert workbook.startswith(b"PK\x03\x04")
    assert [row.status for row in preview.rows] == [ImportStatus.UNCHANGED] * len(before)
    assert (result.created, result.updated, result.unchanged) == ((), (), len(before))
    assert demo_members.members(demo_council) == before
    assert table_counts(demo_database) == counts


def test_an_exported_workbook_fills_an_empty_council(
    demo_exchange, demo_council, demo_settings, demo_members, today
):
    empty = demo_settings.create_council(CouncilSettings(id=None, name="Neu", city="Wismar"))
    workbook = demo_exchange.export(demo_council, MemberFileFormat.XLSX)

    # Named .csv by mistake: the content says it is a workbook.
    preview = demo_exchange.preview_import(empty.id, workbook, today, MemberFileFormat.CSV)
    demo_exchange.apply_import(empty.id, preview, today, accept_consent_changes=True)

    source_names = {f.id: f.name for f in demo_settings.action_fields(demo_council)}
    target_names = {f.id: f.name for f in demo_settings.action_fields(empty.id)}
    assert [comparable(m, target_names) for m in demo_members.members(empty.id)] == [
        comparable(m, source_names) for m in demo_members.members(demo_council)
    ]


def test_a_file_named_xlsx_that_is_no_workbook_is_refused(exchange, council, today):
    data = csv_file(HEADER, "Jan;Brandt;;;01.01.2025;;Stadtdaten")

    with pytest.raises(DataEntryError, match=r"keine Excel-Arbeitsmappe \(\.xlsx\)"):
        exchange.preview_import(council.id, data, today, MemberFileFormat.XLSX)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.xlsx", MemberFileFormat.XLSX),
        ("B.CSV", MemberFileFormat.CSV),
        ("c.d.csv", MemberFileFormat.CSV),
    ],
)
def test_the_file_ending_names_the_format(name, expected) -> None:
    assert MemberFileFormat.of(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.xlsx", MemberFileFormat.XLSX),
        ("Vorlage mit Makros.XLSM", MemberFileFormat.XLSX),  # refused (found by a tester)
        ("b.csv", MemberFileFormat.CSV),
        ("Unicode-Text.TXT", MemberFileFormat.CSV),
    ],
)
def test_an_imported_file_is_read_by_its_ending_excels_unicode_text_as_csv(name, expected):
    assert MemberFileFormat.to_import(name) is expected


def test_an_ending_the_import_does_not_read_names_those_it_does() -> None:
    with pytest.raises(DataEntryError) as raised:
        MemberFileFormat.to_import("liste.ods")

    assert str(raised.value) == (
        "„liste.ods“: Die Dateiendung „.ods“ ist unbekannt. Möglich sind .xlsx "
        "(Excel-Arbeitsmappe), .xlsm (Excel-Arbeitsmappe mit Makros), .csv (CSV-Datei) und "
        ".txt (Unicode-Text aus Excel)."
    )


@pytest.mark.parametrize("name", ["liste.ods", "liste.xls", "liste", "liste.xlsx.bak"])
def test_an_unknown_file_ending_is_a_german_message(name) -> None:
    with pytest.raises(DataEntryError, match=r"Dateiendung „.*“ ist unbekannt\. Möglich"):
        MemberFileFormat.of(name)


# --- files as Excel writes them -----------------------------------------------------------


def test_a_windows_1252_file_with_commas_is_read(exchange, council, fields, today):
    data = csv_file(
        "Vorname,Nachname,Institution,Amtszeit Beginn,Primäres Handlungsfeld",
        "Jürgen,Möller,Straßenbauamt Müritz,01.03.2025,Stadtdaten",
        encoding="cp1252",
    )

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.status is ImportStatus.NEW
    assert (row.member.given_name, row.member.family_name) == ("Jürgen", "Möller")
    assert row.member.affiliation == "Straßenbauamt Müritz"
    assert row.member.term_start == date(2025, 3, 1)
    assert row.member.primary_field_id == fields["Stadtdaten"].id


def test_a_utf8_file_with_bom_semicolons_and_german_dates_is_read(exchange, council, fields, today):
    data = csv_file(
        HEADER, "Zoë;Hartmann-Okafor;zoe@example.org;Vorsitz;1.3.2025;28.02.2029;Umwelt"
    )

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.status is ImportStatus.NEW
    assert row.label == "Zoë Hartmann-Okafor"
    assert row.member.role is MemberRole.CHAIR
    assert (row.member.term_start, row.member.term_end) == (date(2025, 3, 1), date(2029, 2, 28))
    assert row.member.primary_field_id == fields["Umwelt"].id


def test_a_file_without_a_required_column_is_refused_as_a_whole(exchange, council, today):
    with pytest.raises(DataEntryError, match="Amtszeit Beginn"):
        exchange.preview_import(council.id, csv_file("Vorname;Nachname", "Anna;Berg"), today)


# --- preview ------------------------------------------------------------------------------


def test_preview_says_which_rows_are_new_updates_or_errors_and_why(
    exchange, members_service, council, new_member, today
):
    members_service.save(council.id, new_member(email="anna.berg@example.org"), today)
    data = csv_file(
        HEADER,
        "Anna;Berg;anna.berg@example.org;Mitglied;01.01.2025;31.12.2027;Stadtdaten",
        "Jan;Brandt;jan@example.org;Mitglied;01.01.2025;;Stadtdaten",
        "Eva;Kühn;eva@example.org;Mitglied;31.02.2025;;Stadtdaten",
    )

    preview = exchange.preview_import(council.id, data, today)

    rows = by_line(preview)
    assert (rows[2].status, rows[2].reasons) == (ImportStatus.UPDATE, ("Ändert: Amtszeit Ende",))
    assert (rows[3].status, rows[3].reasons) == (ImportStatus.NEW, ())
    assert rows[4].status is ImportStatus.ERROR and rows[4].member is None
    assert rows[4].label == "Eva Kühn"
    assert rows[4].reasons == ("Amtszeit Beginn „31.02.2025“ ist kein gültiges Datum.",)
    assert preview.counts == (1, 1, 0, 1) and preview.has_errors


def test_an_update_carries_the_id_and_versions_of_the_stored_member(
    exchange, members_service, council, new_member, today
):
    stored = members_service.save(council.id, new_member(email="anna.berg@example.org"), today)
    stored = members_service.save(council.id, replace(stored, phone="0381 1"), today)
    data = csv_file(HEADER, "Anna;Berg;anna.berg@example.org;;01.01.2025;;Stadtdaten")

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert (row.member.id, row.member.person_id) == (stored.id, stored.person_id)
    assert (row.member.version, row.member.person_version) == (
        stored.version,
        stored.person_version,
    )


def test_the_email_address_is_matched_before_the_name(
    exchange, members_service, council, new_member, today
):
    anna = members_service.save(council.id, new_member(email="anna@example.org"), today)
    members_service.save(council.id, new_member("Anna", "Berg-Meier"), today)
    data = csv_file(HEADER, "Anna;Berg-Meier;ANNA@example.org;;01.01.2025;;Stadtdaten")

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.status is ImportStatus.UPDATE and row.member.id == anna.id
    assert row.reasons == (
        "Möglicherweise doppelt: Anna Berg-Meier hat denselben Namen.",
        "Ändert: Nachname, E-Mail",
    )


def test_without_an_email_address_the_name_is_matched_ignoring_case(
    exchange, members_service, council, new_member, today
):
    jan = members_service.save(council.id, new_member("Jan", "Brandt"), today)
    data = csv_file(HEADER, "JAN;brandt;jan@example.org;;01.01.2025;;Stadtdaten")

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.status is ImportStatus.UPDATE and row.member.id == jan.id


@pytest.mark.parametrize(
    ("stored", "in_file"),
    [
        ("Universität Rostock", "Universität\u00a0Rostock"),
        ("Universität\u202fRostock", "Universität Rostock"),  # stored before the rule
        ("Universität\u00a0Rostock", "Universität\u00a0Rostock"),
    ],
    ids=["file", "stored", "both"],
)
def test_a_no_break_space_in_a_name_is_no_change_nobody_can_see(
    database, exchange, members_service, council, new_member, today, stored, in_file
):
    # found by a tester: "Ändert: Institution" for two values that look the same
    anna = members_service.save(council.id, new_member(email="anna@example.org"), today)
    with database.transaction() as session:
        session.get(models.Person, anna.person_id).affiliation = stored
    data = csv_file(
        "Vorname;Nachname;E-Mail;Institution;Amtszeit Beginn;Primäres Handlungsfeld",
        f"Anna;Berg;anna@example.org;{in_file};01.01.2025;Stadtdaten",
    )

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert (row.status, row.reasons) == (ImportStatus.UNCHANGED, ())
    assert row.member.affiliation == "Universität Rostock"


def test_the_same_person_twice_in_the_file_is_an_error_in_the_later_row(exchange, council, today):
    data = csv_file(
        HEADER,
        "Anna;Berg;anna@example.org;;01.01.2025;;Stadtdaten",
        "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten",
        "Anna;Berg;;;01.06.2025;;Umwelt",
    )

    rows = by_line(exchange.preview_import(council.id, data, today))

    assert [rows[n].status for n in (2, 3, 4)] == [
        ImportStatus.NEW,
        ImportStatus.NEW,
        ImportStatus.ERROR,
    ]
    assert rows[4].label == "Anna Berg"
    assert "Dieselbe Person steht schon in Zeile 2" in rows[4].reasons[0]


def test_a_second_chair_beside_the_stored_one_is_an_error(
    exchange, members_service, council, new_member, today
):
    members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)
    data = csv_file(HEADER, "Jan;Brandt;;Vorsitz;01.06.2026;;Stadtdaten")

    (row,) = exchange.preview_import(council.id, data, today).rows

    assert row.status is ImportStatus.ERROR
    assert row.reasons == (
        "Vorsitz hat in dieser Zeit bereits Anna Berg. Es kann nur eine Person zugleich "
        "diese Rolle haben.",
    )


def test_two_chairs_with_overlapping_terms_in_the_file_are_both_errors(exchange, council, today):
    data = csv_file(
        HEADER,
        "Anna;Berg;;Vorsitz;01.01.2025;;Stadtdaten",
        "Jan;Brandt;;Vorsitz;01.06.2026;;Stadtdaten",
        "Eva;Kühn;;Stellvertretung;01.06.2026;;Stadtdaten",
    )

    preview = exchange.preview_import(council.id, data, today)

    assert [row.status for row in preview.rows] == [
        ImportStatus.ERROR,
        ImportStatus.ERROR,
        ImportStatus.NEW,
    ]
    assert "bereits Jan Brandt" in preview.rows[0].reasons[0]
    assert "bereits Anna Berg" in preview.rows[1].reasons[0]


def test_a_file_may_hand_the_chair_from_one_member_to_another(
    exchange, members_service, council, new_member, today
):
    members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)
    members_service.save(council.id, new_member("Jan", "Brandt"), today)
    data = csv_file(
        HEADER,
        "Anna;Berg;;Mitglied;01.01.2025;;Stadtdaten",
        "Jan;Brandt;;Vorsitz;01.01.2025;;Stadtdaten",
    )

    preview = exchange.preview_import(council.id, data, today)
    exchange.apply_import(council.id, preview, today)

    assert not preview.has_errors
    roles = {m.family_name: m.role for m in members_service.members(council.id)}
    assert roles == {"Berg": MemberRole.MEMBER, "Brandt": MemberRole.CHAIR}


def test_columns_missing_from_the_file_keep_their_stored_values(
    exchange, members_service, council, new_member, fields, today
):
    stored = members_service.save(
        council.id,
        new_member(
            title="Dr.",
            phone="0381 123",
            notes="Kennt das Stadtarchiv.",
            sector=Sector.RESEARCH,
            role=MemberRole.VICE_CHAIR,
            further_field_ids=(fields["Umwelt"].id,),
        ),
        today,
    )
    data = csv_file(
        "Vorname;Nachname;E-Mail;Amtszeit Beginn;Primäres Handlungsfeld",
        "Anna;Berg;anna@example.org;01.01.2025;Stadtdaten",
    )

    preview = exchange.preview_import(council.id, data, today)
    exchange.apply_import(council.id, preview, today)

    assert preview.rows[0].reasons == ("Ändert: E-Mail",)
    assert members_service.member(stored.id) == replace(
        stored,
        email="anna@example.org",
        person_version=stored.person_version + 1,
    )


def test_a_further_term_of_a_former_member_keeps_the_person(
    exchange, members_service, council, new_member, today
):
    former = members_service.save(
        council.id, new_member(email="anna@example.org", term_end=date(2025, 12, 31)), today
    )
    data = csv_file(
        HEADER,
        "Anna;Berg;anna@example.org;;01.01.2025;31.12.2025;Stadtdaten",
        "Anna;Berg;anna@example.org;;01.01.2026;;Stadtdaten",
    )

    preview = exchange.preview_import(council.id, data, today)
    exchange.apply_import(council.id, preview, today)

    assert [row.status for row in preview.rows] == [ImportStatus.UNCHANGED, ImportStatus.NEW]
    assert preview.rows[1].member.person_id == former.person_id
    terms = [(m.person_id, m.term_start) for m in members_service.members(council.id)]
    assert sorted(terms) == [
        (former.person_id, date(2025, 1, 1)),
        (former.person_id, date(2026, 1, 1)),
    ]


def test_a_new_person_with_two_terms_in_the_file_is_saved_as_one_person(
    exchange, members_service, council, today
):
    data = csv_file(
        HEADER,
        "Anna;Berg;anna@example.org;;01.01.2020;31.12.2022;Stadtdaten",
        "Anna;Berg;anna@example.org;;01.01.2025;;Stadtdaten",
    )

    preview = exchange.preview_import(council.id, data, today)
    exchange.apply_import(council.id, preview, today)

    assert [(row.status, row.reasons) for row in preview.rows] == [(ImportStatus.NEW, ())] * 2
    assert preview.rows[1].person_of_line == 2
    members = members_service.members(council.id)
    assert len(members) == 2 and members[0].person_id == members[1].person_id


# --- import -------------------------------------------------------------------------------


def test_import_saves_every_valid_row_and_audits_each(
    exchange, members_service, council, new_member, database, actor, today
):
    anna = members_service.save(council.id, new_member(email="anna@example.org"), today)
    data = csv_file(
        HEADER,
        "Anna;Berg;anna@example.org;Vorsitz;01.01.2025;;Stadtdaten",
        "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten",
        "Ole;Hansen;ole@example.org;;01.01.2025;;Umwelt",
    )

    preview = exchange.preview_import(council.id, data, today)
    result = exchange.apply_import(council.id, preview, today)

    assert [m.family_name for m in result.created] == ["Brandt", "Hansen"]
    assert [(m.id, m.role) for m in result.updated] == [(anna.id, MemberRole.CHAIR)]
    assert [m.family_name for m in members_service.members(council.id)] == [
        "Berg",
        "Brandt",
        "Hansen",
    ]
    entries = AuditService(database).entries("membership")[1:]  # after Anna's first save
    assert [(e.action, e.summary, e.actor) for e in entries] == [
        (AuditAction.UPDATE, "Mitglied Anna Berg geändert", actor),
        (AuditAction.CREATE, "Mitglied Jan Brandt angelegt", actor),
        (AuditAction.CREATE, "Mitglied Ole Hansen angelegt", actor),
        (AuditAction.IMPORT, "Mitglieder aus einer Datei importiert: 2 neu, 1 geändert", actor),
    ]
    assert entries[0].after == {"role": "chair", "version": anna.version + 1}


def test_a_file_with_any_error_row_is_not_imported_at_all(
    exchange, members_service, council, new_member, database, today
):
    members_service.save(council.id, new_member(email="anna@example.org"), today)
    data = csv_file(
        HEADER,
        "Anna;Berg;anna@example.org;Vorsitz;01.01.2025;;Stadtdaten",
        "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten",
        "Eva;;eva@example.org;;01.01.2025;;Stadtdaten",
        "Ole;Hansen;ole@example.org;;01.01.2025;;Umwelt",
        "Ida;Lund;ida@example;;01.01.2025;;Umwelt",
    )
    preview = exchange.preview_import(council.id, data, today)
    before, counts = members_service.members(council.id), table_counts(database)

    with pytest.raises(DataEntryError) as refused:
        exchange.apply_import(council.id, preview, today)

    assert refused.value.message.startswith("2 Zeilen haben Fehler; es wurde nichts importiert.")
    assert members_service.members(council.id) == before
    assert table_counts(database) == counts


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """The names of the members that the services check against the council's rules."""
    seen: list[str] = []

    def spy(member, others, today, *titles):
        seen.append(member.full_name)
        return validate_member(member, others, today, *titles)

    monkeypatch.setattr(member_checks, "validate_member", spy)
    return seen


def test_the_import_does_not_check_the_rows_again_while_the_council_is_unchanged(
    exchange, members_service, council, new_member, checks, today
):
    members_service.save(council.id, new_member(), today)
    data = csv_file(HEADER, "Jan;Brandt;;Vorsitz;01.01.2025;;Stadtdaten")
    preview = exchange.preview_import(council.id, data, today)
    checks.clear()

    exchange.apply_import(council.id, preview, today)

    assert checks == []
    assert {m.family_name for m in members_service.members(council.id)} == {"Berg", "Brandt"}


def test_the_import_checks_the_rows_again_when_the_council_changed_since_the_preview(
    exchange, members_service, council, new_member, checks, today
):
    data = csv_file(HEADER, "Jan;Brandt;;Vorsitz;01.01.2025;;Stadtdaten")
    preview = exchange.preview_import(council.id, data, today)
    members_service.save(council.id, new_member("Ole", "Hansen"), today)
    checks.clear()

    exchange.apply_import(council.id, preview, today)

    assert checks == ["Jan Brandt"]


@pytest.fixture
def value_checks(monkeypatch) -> list[str]:
    """The names of the members whose values saving checks (``value_problems``)."""
    seen: list[str] = []
    check = member_writes.value_problems

    def spy(member):
        seen.append(member.family_name)
        return check(member)

    monkeypatch.setattr(member_writes, "value_problems", spy)
    return seen


def test_saving_checks_the_values_again_only_of_a_preview_not_made_by_the_service(
    exchange, members_service, council, value_checks, today
):
    data = csv_file(HEADER, "Jan;Brandt;;Vorsitz;01.01.2025;;Stadtdaten")
    preview = exchange.preview_import(council.id, data, today)
    (row,) = preview.rows
    assert row.member is not None
    too_long = replace(row.member, family_name="Brandt" + "ö" * 300)
    forged = replace(preview, rows=(replace(row, member=too_long),))
    value_checks.clear()

    with pytest.raises(ValidationError, match="Nachname"):
        exchange.apply_import(council.id, forged, today)
    assert members_service.members(council.id) == []
    exchange.apply_import(council.id, preview, today)

    assert value_checks == [too_long.family_name]
    assert [m.family_name for m in members_service.members(council.id)] == ["Brandt"]


def test_a_cancelled_import_writes_nothing(exchange, council, database, today):
    data = csv_file(
        HEADER,
        "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten",
        "Ole;Hansen;ole@example.org;;01.01.2025;;Umwelt",
    )
    preview = exchange.preview_import(council.id, data, today)
    counts = table_counts(database)

    def cancel_after_the_first_row(done: int, total: int) -> None:
        if done > 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        exchange.apply_import(council.id, preview, today, progress=cancel_after_the_first_row)

    assert table_counts(database) == counts


def test_a_member_changed_since_the_preview_stops_the_whole_import(
    exchange, members_service, council, new_member, database, today
):
    anna = members_service.save(council.id, new_member(email="anna@example.org"), today)
    data = csv_file(
        HEADER,
        "Jan;Brandt;jan@example.org;;01.01.2025;;Stadtdaten",
        "Anna;Berg;anna@example.org;;01.01.2025;31.12.2027;Stadtdaten",
    )
    preview = exchange.preview_import(council.id, data, today)
    changed = members_service.save(council.id, replace(anna, phone="0381 99"), today)
    counts = table_counts(database)

    with pytest.raises(ConcurrentEditError, match="Anna Berg"):
        exchange.apply_import(council.id, preview, today)

    assert members_service.members(council.id) == [changed]
    assert table_counts(database) == counts


def test_a_rule_broken_since_the_preview_stops_the_whole_import(
    exchange, members_service, council, new_member, database, today
):
    data = csv_file(
        HEADER,
        "Jan;Brandt;;;01.01.2025;;Stadtdaten",
        "Eva;Kühn;;Vorsitz;01.01.2025;;Stadtdaten",
    )
    preview = exchange.preview_import(council.id, data, today)
    members_service.save(council.id, new_member(role=MemberRole.CHAIR), today)
    counts = table_counts(database)

    with pytest.raises(ValidationError, match="Eva Kühn: Vorsitz hat in dieser Zeit bereits"):
        exchange.apply_import(council.id, preview, today)

    assert table_counts(database) == counts


def test_a_preview_cannot_be_imported_into_another_council(
    exchange, settings_service, council, today
):
    other = settings_service.create_council(CouncilSettings(id=None, name="B", city="Wismar"))
    preview = exchange.preview_import(
        council.id, csv_file(HEADER, "Jan;Brandt;;;01.01.2025;;Stadtdaten"), today
    )

    with pytest.raises(ValueError, match="another council"):
        exchange.apply_import(other.id, preview, today)


def test_export_starts_with_a_bom_and_lists_every_membership(
    exchange, members_service, council, new_member, today
):
    members_service.save(council.id, new_member(), today)
    members_service.save(council.id, new_member("Jan", "Brandt", term_end=date(2025, 6, 30)), today)

    lines = exchange.export_csv(council.id).split(b"\r\n")

    assert lines[0].startswith(codecs.BOM_UTF8 + b"Anrede;Titel;Vorname;Nachname")
    assert [line.split(b";")[3] for line in lines[1:-1]] == [b"Berg", b"Brandt"]


def test_a_decomposed_row_updates_the_composed_member_instead_of_adding_a_person(
    exchange, members_service, council, new_member, today
):
    stored = members_service.save(council.id, new_member("Jörg", "Müller-Lüdenscheidt"), today)
    row_text = unicodedata.normalize("NFD", "Jörg;Müller-Lüdenscheidt;;;01.01.2025;;Stadtdaten")

    (row,) = exchange.preview_import(council.id, csv_file(HEADER, row_text), today).rows

    # The import cleans text to NFC, so the decomposed row is the stored member unchanged.
    assert row.status is ImportStatus.UNCHANGED and row.member.id == stored.id


def test_a_decomposed_row_of_another_address_is_a_possible_duplicate(
    exchange, members_service, council, new_member, today
):
    members_service.save(council.id, new_member("Jörg", "Müller-Lüdenscheidt"), today)
    other = members_service.save(
        council.id, new_member("Ben", "Berg", email="ben@example.org"), today
    )
    row_text = unicodedata.normalize(
        "NFD", "Jörg;Müller-Lüdenscheidt;ben@example.org;;01.01.2025;;Stadtdaten"
    )

    (row,) = exchange.preview_import(council.id, csv_file(HEADER, row_text), today).rows

    assert row.status is ImportStatus.UPDATE and row.member.id == other.id
    assert row.reasons[0] == (
        "Möglicherweise doppelt: Jörg Müller-Lüdenscheidt hat denselben Namen."
    )


def test_an_import_row_with_a_consent_dated_after_today_is_an_error(exchange, council):
    """(found by a tester) A grant dated 01.01.2030 was imported and counted at once."""
    data = (
        "Vorname;Nachname;Amtszeit Beginn;Primäres Handlungsfeld;Name veröffentlichen;"
        "Zustimmung Name am\r\n"
        "Anna;Berg;01.01.2025;Stadtdaten;ja;01.01.2030\r\n"
    ).encode("utf-8-sig")

    (row,) = exchange.preview_import(council.id, data, date(2026, 11, 27)).rows

    assert row.status is ImportStatus.ERROR
    assert row.reasons == (
        "Die Einwilligung (Name und Institution) kann nicht nach dem heutigen Tag "
        "(27.11.2026) datiert sein (01.01.2030).",
    )


def test_an_import_that_changes_a_role_names_the_minutes_it_would_change(
    demo_exchange, demo_council, today
):
    """(found by a tester) as in the member dialog: the role holds for the whole term, so
    the circulated and draft minutes the chair led would name her "Mitglied"; the import
    changed it without a word."""
    text = demo_exchange.export_csv(demo_council).decode("utf-8-sig")
    assert text.count(";Vorsitz;") == 1  # the chair's row, Lindqvist's

    preview = demo_exchange.preview_import(
        demo_council, text.replace(";Vorsitz;", ";Mitglied;").encode("utf-8-sig"), today
    )

    (row,) = [r for r in preview.rows if r.member and r.member.family_name == "Lindqvist"]
    assert row.status is ImportStatus.UPDATE
    assert any(
        reason.startswith("Die Rolle gilt für die ganze Amtszeit:")
        and "als Mitglied statt als Vorsitz" in reason
        for reason in row.reasons
    )
    others = [r for r in preview.rows if r is not row]
    assert not any("Die Rolle gilt" in reason for r in others for reason in r.reasons)
