"""A members file whose cells hold what copying from a web page into Excel brings along
unseen (a soft hyphen, a zero-width space, a bidi override) is read without it, as a paste
into the program's fields drops it; before, the row was refused and each value had to be
typed anew, as Excel shows nothing of it either (found by a tester)."""

from __future__ import annotations

from datetime import date

from expertenrat.exchange.members_csv import parse_members_csv

HEADER = "Vorname;Nachname;Institution;Amtszeit Beginn;Primäres Handlungsfeld;Notizen"


def test_the_invisible_characters_of_a_cell_are_left_out() -> None:
    row = (
        "Ma\u00adria;Neu\u200bmann;Uni\u00adversität Ros\u00adtock\u202e;01.06.2025;"
        'Um\u00adwelt;"Erste\u00ad Zeile\nzweite\u200b Zeile"'
    )
    data = f"{HEADER}\r\n{row}\r\n".encode("utf-8-sig")

    (parsed,) = parse_members_csv(data, {"Umwelt": 4}, today=date(2025, 6, 1)).rows

    assert parsed.errors == ()
    member = parsed.member
    assert (member.given_name, member.family_name) == ("Maria", "Neumann")
    assert member.affiliation == "Universität Rostock"
    assert member.primary_field_id == 4
    assert member.notes == "Erste Zeile\nzweite Zeile"


def test_the_invisible_characters_of_a_date_cell_are_left_out() -> None:
    """(found by review) The date's cell was read as it stood: "01.06.2025" with a
    zero-width space or a byte order mark was "kein gültiges Datum"."""
    data = f"{HEADER}\r\nMaria;Neumann;;\ufeff01.06.2025\u200b;Umwelt;\r\n".encode("utf-8-sig")

    (parsed,) = parse_members_csv(data, {"Umwelt": 4}, today=date(2025, 6, 1)).rows

    assert parsed.errors == ()
    assert parsed.member.term_start == date(2025, 6, 1)


def test_the_direction_marks_and_quotation_marks_of_a_date_cell_are_left_out() -> None:
    """(found by a tester) A date copied from a file's properties in Windows holds a
    left-to-right mark before each part ("\u200e01.\u200e06.\u200e2025"), one from a mail
    its quotation marks: "kein gültiges Datum" of a date that looked right, and nothing was
    imported, as a date field of the window takes it."""
    rows = "".join(
        f"Maria;Neumann{number};;{cell};Umwelt;\r\n"
        for number, cell in enumerate(("\u200e01.\u200e06.\u200e2025", "\u201e01.06.2025\u201c"))
    )
    data = f"{HEADER}\r\n{rows}".encode("utf-8-sig")

    parsed = parse_members_csv(data, {"Umwelt": 4}, today=date(2025, 6, 1)).rows

    assert [row.errors for row in parsed] == [(), ()]
    assert [row.member.term_start for row in parsed] == [date(2025, 6, 1)] * 2


def test_a_header_s_invisible_characters_are_left_out_too() -> None:
    """(found by review) "Vor\u00adname" and "Nach\u200bname", copied from a web page's table
    into Excel, named no column: the file was refused for want of "Vorname"."""
    header = HEADER.replace("Vorname", "Vor\u00adname").replace("Nachname", "\u200bNachname")
    data = f"{header}\r\nMaria;Neumann;;01.06.2025;Umwelt;\r\n".encode("utf-8-sig")

    (parsed,) = parse_members_csv(data, {"Umwelt": 4}, today=date(2025, 6, 1)).rows

    assert parsed.errors == ()
    assert (parsed.member.given_name, parsed.member.family_name) == ("Maria", "Neumann")


def test_a_tab_in_a_one_line_cell_is_a_space() -> None:
    """(found by a tester) Pasted from Word into a cell's edit line, its tab stays in the
    cell: "enthält ein unsichtbares Steuerzeichen (U+0009)", and nothing was imported."""
    data = f"{HEADER}\r\nMaria;Neumann;Universität\tRostock;01.06.2025;Umwelt;\r\n"

    (parsed,) = parse_members_csv(
        data.encode("utf-8-sig"), {"Umwelt": 4}, today=date(2025, 6, 1)
    ).rows

    assert parsed.errors == ()
    assert parsed.member.affiliation == "Universität Rostock"


def test_a_line_break_in_a_one_line_cell_is_still_an_error_of_its_row() -> None:
    data = f'{HEADER}\r\nMaria;"Neu\nmann";;01.06.2025;Umwelt;\r\n'.encode("utf-8-sig")

    (parsed,) = parse_members_csv(data, {"Umwelt": 4}, today=date(2025, 6, 1)).rows

    assert parsed.member is None
    assert "Nachname muss in einer Zeile stehen" in " ".join(parsed.errors)
