"""Members as an Excel workbook: typed cells out, typed or text cells in, bad files refused."""

from __future__ import annotations

import dataclasses
import io
import warnings
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.members import Member
from expertenrat.exchange import member_workbook_reader
from expertenrat.exchange.member_columns import COLUMNS
from expertenrat.exchange.member_row_reader import MembersFile
from expertenrat.exchange.members_xlsx import export_members_xlsx, parse_members_xlsx

FIELD_NAMES = {1: "Moderne Verwaltung", 2: "Stadtdaten", 3: "Klima, Energie | Wärme", 4: "=Formel"}
FIELD_IDS = {name: field_id for field_id, name in FIELD_NAMES.items()}
TODAY = date(2025, 6, 1)
HEADER = ["Vorname", "Nachname", "Amtszeit Beginn", "Primäres Handlungsfeld"]


def parse(data: bytes) -> MembersFile:
    return parse_members_xlsx(data, FIELD_IDS, today=TODAY)


def comparable(member: Member) -> Member:
    return dataclasses.replace(member, id=None, person_id=None, version=0, person_version=0)


def hostile_member() -> Member:
    return Member(
        id=3,
        person_id=4,
        given_name="=Ännchen 😀",
        family_name='O\'Brien-Müller "der Ältere" &<> שלום',
        title="+Prof. Dr.-Ing.",
        form_of_address="@Frau",
        affiliation='Universität Rostock; Institut "Daten" & <Netze>',
        position="-Leiterin",
        sector=Sector.RESEARCH,
        email="anna.berg@uni-rostock.de",
        phone="+49 381 498-0",
        postal_address="Albert-Einstein-Straße 22\n18059 Rostock\nDeutschland",
        notes="'s-Hertogenbosch\n=SUMME(A1:A9)\tTab _x0041_ 🎉 مرحبا بكم\n" * 20,
        role=MemberRole.CHAIR,
        term_start=date(2025, 3, 1),
        term_end=date(2028, 2, 29),
        voting_right=False,
        primary_field_id=4,
        further_field_ids=(3, 2),
        publish_name=True,
        publish_name_on=date(2025, 2, 14),
        publish_contact=True,
        publish_contact_on=date(2025, 2, 15),
    )


def plain_member(**changes: object) -> Member:
    values: dict[str, object] = {
        "id": 1,
        "given_name": "Jan",
        "family_name": "Brandt",
        "phone": "0381 381",
        "term_start": date(2024, 1, 1),
        "primary_field_id": 1,
    }
    values.update(changes)
    return Member(**values)  # type: ignore[arg-type]


def workbook_bytes(*rows: list[object], fill=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if fill is not None:
        fill(sheet)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def column(name: str) -> int:
    return [header for _, header in COLUMNS].index(name) + 1


# --- export -----------------------------------------------------------------------------


def test_round_trip_keeps_every_value_of_hostile_text() -> None:
    members = [hostile_member(), plain_member()]

    result = parse(export_members_xlsx(members, FIELD_NAMES))

    assert result.errors == ()
    assert list(result.members) == [comparable(m) for m in members]
    assert [row.line for row in result.rows] == [2, 3]


def test_cells_are_typed_and_the_sheet_is_ready_to_filter() -> None:
    data = export_members_xlsx([plain_member(term_end=date(2027, 12, 31))], FIELD_NAMES)

    sheet = load_workbook(io.BytesIO(data)).active
    start = sheet.cell(row=2, column=column("Amtszeit Beginn"))
    phone = sheet.cell(row=2, column=column("Telefon"))
    assert sheet.title == "Mitglieder"
    assert [c.value for c in sheet[1]] == [header for _, header in COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert isinstance(start.value, datetime) and start.value.date() == date(2024, 1, 1)
    assert start.is_date and start.number_format == "DD.MM.YYYY"
    assert (phone.value, phone.data_type) == ("0381 381", "s")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:U2"
    widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
    assert all(len(c.value) < width <= 60 for c, width in zip(sheet[1], widths, strict=True))


def test_text_that_looks_like_a_formula_is_written_as_text() -> None:
    data = export_members_xlsx([hostile_member()], FIELD_NAMES)

    sheet = load_workbook(io.BytesIO(data)).active
    for name, expected in [
        ("Vorname", "=Ännchen 😀"),
        ("Titel", "+Prof. Dr.-Ing."),
        ("Anrede", "@Frau"),
        ("Funktion", "-Leiterin"),
        ("Primäres Handlungsfeld", "=Formel"),
    ]:
        cell = sheet.cell(row=2, column=column(name))
        assert (cell.value, cell.data_type) == (expected, "s"), name
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_a_control_character_excel_cannot_hold_is_a_german_message() -> None:
    member = plain_member(notes="Escape \x1b[31m rot")

    with pytest.raises(DataEntryError, match=r"„Notizen“ von Jan Brandt .* Steuerzeichen"):
        export_members_xlsx([member], FIELD_NAMES)


def test_a_text_longer_than_excel_counts_a_cell_is_a_german_message_naming_the_cell() -> None:
    """(found by review) Excel counts UTF-16 units, an emoji two: 20,000 of them in the
    notes (as many characters as the field takes) passed a check of characters, and Excel
    cut the cell. Exactly as many units as a cell holds still goes."""
    fits = plain_member(notes="😀" * 16_383 + "x")  # 32,767 units

    assert export_members_xlsx([fits], FIELD_NAMES).startswith(b"PK")
    notes = f"{get_column_letter(column('Notizen'))}3"
    with pytest.raises(DataEntryError) as caught:
        export_members_xlsx([fits, plain_member(id=2, notes="😀" * 20_000)], FIELD_NAMES)
    assert caught.value.message == (
        f"„Notizen“ von Jan Brandt (Zelle {notes}) ist mit 40.000 Zeichen, wie Excel sie zählt "
        "(ein Emoji zählt doppelt), länger, als eine Excel-Zelle fasst (32.767). Bitte kürzen "
        "Sie den Text oder exportieren Sie als CSV-Datei."
    )


# --- import: what people type in Excel --------------------------------------------------


REST = ["Stimmrecht", "Amtszeit Ende", "Geburtstag"]


def test_typed_cells_and_text_cells_are_both_read() -> None:
    data = workbook_bytes(
        [None],
        [" vorname", "NACHNAME", "amtszeit-beginn", "Primäres_Handlungsfeld", "Telefon", *REST],
        ["Anna", "Berg", datetime(2025, 3, 1), "stadtdaten", 4938112345, True, "31.12.2027"],
        ["Ben", "Cordes", "1.3.25", "Stadtdaten", "+49 381 2", False, None, "egal"],
    )

    result = parse(data)

    assert result.errors == ()
    assert result.ignored_columns == ("Geburtstag",)
    assert result.read_as == ()  # case, spaces and hyphens aside, the export's names
    anna, ben = result.members
    assert (anna.term_start, anna.term_end, anna.phone) == (
        date(2025, 3, 1),
        date(2027, 12, 31),
        "4938112345",
    )
    assert (anna.primary_field_id, anna.voting_right, ben.voting_right) == (2, True, False)
    assert [row.line for row in result.rows] == [3, 4]


def test_the_columns_read_under_another_name_are_named() -> None:
    data = workbook_bytes(
        ["Vorname", "Name", "Mitglied seit", "Handlungsfeld", "Funktion im Beirat"],
        ["Anna", "Berg", "01.03.2025", "Stadtdaten", "Vorsitz"],
    )

    assert parse(data).read_as == (
        ("Name", "Nachname"),
        ("Mitglied seit", "Amtszeit Beginn"),
        ("Handlungsfeld", "Primäres Handlungsfeld"),
        ("Funktion im Beirat", "Rolle"),
    )


def test_a_formula_or_an_error_value_makes_its_row_an_error() -> None:
    def formulas(sheet) -> None:
        sheet["C2"] = "=DATE(2025,3,1)"
        sheet["D3"] = "#N/A"
        sheet["D3"].data_type = "e"

    data = workbook_bytes(HEADER, ["Anna", "Berg"], ["Ben", "Cordes", "01.03.2025"], fill=formulas)

    result = parse(data)

    anna, ben = result.rows
    assert anna.member is None and anna.name == "Anna Berg"
    assert anna.errors == (
        "Zeile 2: „Amtszeit Beginn“ enthält eine Formel (=DATE(2025,3,1)). Bitte ersetzen "
        "Sie Formeln durch ihre Werte (Kopieren, dann „Einfügen › Werte“).",
    )
    assert ben.errors == ("Zeile 3: „Primäres Handlungsfeld“ enthält den Excel-Fehler #N/A.",)


def test_a_formula_in_a_column_the_import_leaves_out_is_no_error() -> None:
    # A list kept in Excel often has a helper column such as =A2&" "&B2 (found by a tester).
    def formulas(sheet) -> None:
        sheet["E2"] = '=A2&" "&B2'
        sheet["E3"] = "#N/A"
        sheet["E3"].data_type = "e"

    header = [*HEADER, "Name komplett"]
    data = workbook_bytes(
        header,
        ["Anna", "Berg", "01.03.2025", "Stadtdaten"],
        ["Ben", "Cordes", "01.03.2025", "Stadtdaten"],
        fill=formulas,
    )

    result = parse(data)

    assert result.errors == ()
    assert [m.family_name for m in result.members] == ["Berg", "Cordes"]
    assert result.ignored_columns == ("Name komplett",)


def test_a_value_in_a_column_without_header_is_an_error() -> None:
    data = workbook_bytes(HEADER, ["Anna", "Berg", "01.03.2025", "Stadtdaten", None, "x"])

    (row,) = parse(data).rows

    assert row.errors == (
        "Zeile 2: In Spalte F steht ein Wert, aber die Spalte hat in der ersten Zeile "
        "keine Überschrift.",
    )


# --- import: files that cannot be read ---------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64


# Named ids: a workbook's or ZIP's bytes hold the time it was made, so ids made of the
# bytes differ between pytest-xdist workers that collect a second apart, which then refuse
# to run at all ("Different tests were collected"; pytest 8.0 puts such bytes in the id).
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"", "Die Datei ist leer.", id="empty"),
        pytest.param(b"Vorname;Nachname\r\n", "keine Excel-Arbeitsmappe (.xlsx)", id="csv"),
        pytest.param(_OLE, "alten Excel-Format (.xls)", id="xls"),
        pytest.param(
            _OLE + "EncryptedPackage".encode("utf-16-le"),
            "mit einem Kennwort geschützt",
            id="encrypted",
        ),
        pytest.param(
            _zip({"word/document.xml": b"<w/>"}),
            "ZIP-Archiv, aber keine Excel-Arbeitsmappe",
            id="docx",
        ),
        pytest.param(b"PK\x03\x04" + b"\x00" * 40, "beschädigt", id="zip-header-only"),
        pytest.param(_zip({"xl/workbook.xml": b"<kaputt"}), "beschädigt", id="broken-xml"),
        pytest.param(workbook_bytes(), "erste Tabelle der Arbeitsmappe ist leer", id="no-rows"),
        pytest.param(
            workbook_bytes([None, "  "], []),
            "erste Tabelle der Arbeitsmappe ist leer",
            id="blank-rows",
        ),
        pytest.param(workbook_bytes(["Name", "Ort"]), "fehlen die Spalten", id="no-columns"),
    ],
)
def test_bad_workbooks_are_refused_with_a_german_message(data: bytes, expected: str) -> None:
    with pytest.raises(DataEntryError) as caught:
        parse(data)

    assert expected in caught.value.message


def test_a_strict_open_xml_workbook_is_named_so_not_called_empty() -> None:
    # Excel saves "Strict Open XML-Arbeitsmappe" as .xlsx too; openpyxl finds no sheet in it,
    # and the import said "Die Arbeitsmappe enthält keine Tabelle." (found by a tester).
    transitional = zipfile.ZipFile(io.BytesIO(export_members_xlsx([plain_member()], FIELD_NAMES)))
    strict = _zip(
        {
            info.filename: transitional.read(info).replace(
                b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                b"http://purl.oclc.org/ooxml/spreadsheetml/main",
            )
            for info in transitional.infolist()
        }
    )

    with pytest.raises(DataEntryError) as caught:
        parse(strict)

    assert caught.value.message == (
        "Die Arbeitsmappe ist als „Strict Open XML-Arbeitsmappe“ gespeichert, die der Import "
        "nicht lesen kann. Bitte speichern Sie sie in Excel als „Excel-Arbeitsmappe (*.xlsx)“."
    )


def test_a_truncated_workbook_is_called_damaged() -> None:
    data = export_members_xlsx([plain_member()] * 50, FIELD_NAMES)

    with pytest.raises(DataEntryError, match="beschädigt"):
        parse(data[: len(data) * 2 // 3])


def test_openpyxl_s_deprecations_are_seen_its_notes_on_dropped_parts_are_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The reader silences openpyxl's notes (UserWarning) on parts it drops; it silenced
    # every warning, so a deprecation of how the reader calls openpyxl went unseen until a
    # release removed the call (found by a helper).
    def load_workbook_warning(*args, **kwargs):
        warnings.warn("Data Validation extension is not supported", UserWarning, stacklevel=1)
        warnings.warn("read_only= is deprecated", DeprecationWarning, stacklevel=1)
        return load_workbook(*args, **kwargs)

    monkeypatch.setattr(member_workbook_reader, "load_workbook", load_workbook_warning)

    with pytest.warns(DeprecationWarning) as seen:
        member_workbook_reader.first_sheet(workbook_bytes(HEADER, ["Anna", "Berg"]))

    assert [type(w.message) for w in seen] == [DeprecationWarning]


def test_a_title_above_the_header_is_passed_over_also_when_merged() -> None:
    # found by a tester: "Mitgliederliste" merged over the table's width, then the header
    def merged_title(sheet) -> None:
        sheet.merge_cells("A1:D1")

    data = workbook_bytes(
        ["Mitgliederliste, Stand 1. März 2025"],
        [],
        HEADER,
        ["Anna", "Berg", "01.03.2025", "Stadtdaten"],
        fill=merged_title,
    )

    (row,) = parse(data).rows

    assert row.line == 4 and row.errors == ()
    assert row.member is not None and row.member.family_name == "Berg"


def test_merged_cells_are_refused() -> None:
    data = workbook_bytes(
        HEADER,
        ["Anna", "Berg", "01.03.2025", "Stadtdaten"],
        ["Ben", "Cordes", "01.03.2025"],
        fill=lambda sheet: sheet.merge_cells("D2:D3"),
    )

    with pytest.raises(DataEntryError, match=r"verbundene Zellen \(D2:D3\)"):
        parse(data)


def test_a_formula_in_the_header_is_refused() -> None:
    data = workbook_bytes(["Vorname", "=B9", "Amtszeit Beginn", "Primäres Handlungsfeld"])

    with pytest.raises(DataEntryError, match=r"^Zeile 1: Spalte B enthält eine Formel"):
        parse(data)


def test_too_many_rows_are_refused(monkeypatch) -> None:
    monkeypatch.setattr(member_workbook_reader, "MAX_ROWS", 3)
    rows = [["Anna", "Berg", "01.03.2025", "Stadtdaten"]] * 4

    with pytest.raises(DataEntryError, match="mehr als 3 Zeilen"):
        parse(workbook_bytes(HEADER, *rows))
    assert len(parse(workbook_bytes(HEADER, *rows[:3])).rows) == 3


def test_a_workbook_that_unpacks_too_large_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(member_workbook_reader, "MAX_UNPACKED_BYTES", 1024)

    with pytest.raises(DataEntryError, match="zu groß"):
        parse(workbook_bytes(HEADER, ["x" * 4000]))


def test_a_name_excel_turned_into_a_truth_value_is_read_as_excel_shows_it() -> None:
    """(found by a tester) German Excel turns a typed "Wahr" (a German family name) into
    the truth value WAHR; the import made it the family name "ja". A truth value in a text
    column is read as Excel shows it; a yes/no column still reads it as yes or no."""
    data = workbook_bytes(
        [None],
        ["Vorname", "Nachname", "Amtszeit Beginn", "Primäres Handlungsfeld", "Stimmrecht"],
        ["Karl", True, datetime(2025, 3, 1), "Stadtdaten", False],
        ["Ilse", False, datetime(2025, 3, 1), "Stadtdaten", True],
    )

    result = parse(data)

    assert result.errors == ()
    karl, ilse = result.members
    assert (karl.family_name, karl.voting_right) == ("WAHR", False)
    assert (ilse.family_name, ilse.voting_right) == ("FALSCH", True)


def test_a_workbook_whose_members_are_not_on_the_first_sheet_says_which_sheet_was_read() -> None:
    """A city's workbook with a cover sheet before "Mitglieder": "In der ersten Zeile fehlen
    die Spalten …" while the first row of "Mitglieder" has them all (found by a tester).
    The message names the sheet read and what to do."""

    def cover_first(sheet) -> None:
        sheet.title = "Deckblatt & <Stand>"
        members = sheet.parent.create_sheet("Mitglieder")
        members.append(HEADER)
        members.append(["Anna", "Berg", "01.03.2025", "Stadtdaten"])

    data = workbook_bytes(["Mitgliederliste Digitalbeirat"], fill=cover_first)

    with pytest.raises(DataEntryError) as caught:
        parse(data)

    assert caught.value.message.endswith(
        "Gelesen wird das erste von 2 Tabellenblättern, „Deckblatt & <Stand>“. Bitte "
        "verschieben Sie das Blatt der Mitglieder an die erste Stelle oder speichern Sie es "
        "als eigene Arbeitsmappe."
    )
    assert "fehlen die Spalten" in caught.value.message


def test_further_sheets_with_values_are_named_as_not_read_empty_ones_not() -> None:
    def further(sheet) -> None:
        sheet.title = "Aktive"
        sheet.parent.create_sheet("Tabelle2")
        sheet.parent.create_sheet("Ehemalige")["C7"] = "Otto"
        sheet.parent.create_sheet("Notizen")["A1"] = "x"

    data = workbook_bytes(HEADER, ["Anna", "Berg", "01.03.2025", "Stadtdaten"], fill=further)
    alone = workbook_bytes(HEADER, ["Anna", "Berg", "01.03.2025", "Stadtdaten"])

    assert parse(data).sheet_notes == (
        "Gelesen wurde nur das erste Tabellenblatt, „Aktive“; nicht gelesen: „Ehemalige“ und "
        "„Notizen“.",
    )
    assert parse(alone).sheet_notes == ()


def test_rows_hidden_in_excel_are_read_and_named() -> None:
    # found by a tester: former members' rows hidden (or filtered out) in Excel were
    # imported without a word; the blank hidden row 6 and the hidden title are no members
    def hide(sheet) -> None:
        for line in (1, 4, 5, 6, 8):
            sheet.row_dimensions[line].hidden = True

    anna = ["Anna", "Berg", "01.03.2025", "Stadtdaten"]
    data = workbook_bytes(["Liste"], HEADER, anna, anna, anna, [], anna, anna, fill=hide)

    result = parse(data)

    assert [row.line for row in result.rows] == [3, 4, 5, 7, 8]
    assert result.sheet_notes == ("In Excel ausgeblendet, aber gelesen: Zeilen 4–5, 8.",)


def test_rows_filled_only_in_columns_not_read_are_passed_over_and_named() -> None:
    # rows numbered ahead ("Nr.", also a formula there) stopped the import (found by a tester)
    def numbered(sheet) -> None:
        sheet["A4"] = "=ROW()-1"

    anna = [1, "Anna", "Berg", date(2025, 3, 1), "Stadtdaten"]
    data = workbook_bytes(["Nr.", *HEADER], anna, [2], [], fill=numbered)

    result = parse(data)

    assert [row.line for row in result.rows] == [2]
    assert result.errors == ()
    assert result.sheet_notes == (
        "Übergangen, da nur in nicht verwendeten Spalten ausgefüllt: Zeilen 3–4.",
    )


def test_address_columns_of_their_own_are_read_as_the_postanschrift() -> None:
    # a mail merge list's Straße, PLZ (a number cell) and Ort (found by a tester)
    def postcode_format(sheet) -> None:
        sheet["F3"].number_format = "00000"  # Excel's "Sonderformat: Postleitzahl"

    data = workbook_bytes(
        [*HEADER, "Straße", "PLZ", "Ort"],
        ["Anna", "Berg", date(2025, 3, 1), "Stadtdaten", "Markt 1", 18055, "Rostock"],
        ["Ben", "Kurz", date(2025, 3, 1), "Stadtdaten", "Altmarkt 2", 1067, "Dresden"],
        fill=postcode_format,
    )

    anna, ben = parse(data).members

    assert anna.postal_address == "Markt 1\n18055 Rostock"
    assert ben.postal_address == "Altmarkt 2\n01067 Dresden"  # was "1067 Dresden"


def test_values_under_a_header_cell_left_empty_are_named_as_not_read() -> None:
    # they were dropped without a word (found by a tester)
    data = workbook_bytes(
        [*HEADER, None, "Notizen", None],
        ["Anna", "Berg", date(2025, 3, 1), "Stadtdaten", "Vorsitz ab 2026", "", ""],
        ["Ben", "Kurz", date(2025, 3, 1), "Stadtdaten", "", "", ""],
    )

    result = parse(data)

    assert result.errors == ()
    assert result.sheet_notes == ("Nicht gelesen, da ohne Überschrift: Spalte E.",)


def test_an_empty_first_sheet_of_several_names_it_too() -> None:
    def empty_first(sheet) -> None:
        sheet.title = "Hinweise"
        sheet.parent.create_sheet("Mitglieder").append(HEADER)

    with pytest.raises(DataEntryError) as caught:
        parse(workbook_bytes(fill=empty_first))

    assert caught.value.message.startswith("Die erste Tabelle der Arbeitsmappe ist leer. ")
    assert "„Hinweise“" in caught.value.message
