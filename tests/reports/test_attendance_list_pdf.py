"""The sign-in sheet (Anwesenheitsliste) read back with pypdf: members, guests, empty rows,
the "Unterschrift" column, pages, metadata and letters no font has (found by a tester: the
program had no sheet to lay out at the door)."""

from __future__ import annotations

import io
import unicodedata

from meeting_sample import LETTERHEAD, meeting
from pdf_reading import placed_text_runs, text_runs
from pypdf import PdfReader

from expertenrat.domain.attendance_list import AttendanceListDocument, ListedGuest, ListedMember
from expertenrat.reports.attendance_list_pdf import ROW_HEIGHT, render_attendance_list
from expertenrat.reports.house_style import SMALL_SIZE

ODD = """Kim "K" & <Co>; O'Neil"""
ARABIC = "مرحبا"


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def members(count: int) -> tuple[ListedMember, ...]:
    return tuple(
        ListedMember(f"Dr. Anna Mitglied{n:02}", "Mitglied", "Stadtdaten") for n in range(count)
    )


def sheet(**changes: object) -> AttendanceListDocument:
    values: dict[str, object] = {
        "meeting": meeting(online_link="https://meet.example.org/5?pwd=geheim"),
        "members": (
            ListedMember("Prof. Dr. Anna Berg", "Vorsitz", "Moderne Verwaltung"),
            ListedMember("Ödön Pál", "Mitglied"),
        ),
        "guests": (
            ListedGuest("Jan Rau", ("Amt für Digitalisierung", "Projektleitung"), ("3",)),
            ListedGuest("Gülşen Yılmaz", ("Projektteam", "Projekt: Urbane Datenplattform")),
        ),
    }
    values.update(changes)
    return AttendanceListDocument(**values)  # type: ignore[arg-type]


def test_the_sheet_names_council_meeting_members_and_guests_with_a_signature_column() -> None:
    rendered = render_attendance_list(sheet())
    reader = read(rendered.pdf)
    [text] = page_texts(reader)

    assert "Smart City Expert*innenrat" in text
    assert "Anwesenheitsliste: 5. Sitzung" in text
    assert "Dienstag, 10. März 2026, 16:00–18:00 Uhr" in text
    assert "Rathaus Rostock, Raum 1.23 (Bürgerschaftssaal)" in text
    assert "Name Rolle Handlungsfeld Unterschrift" in text
    assert "Prof. Dr. Anna Berg Vorsitz Moderne Verwaltung" in text
    assert text.index("Prof. Dr. Anna Berg") < text.index("Ödön Pál")  # as given: by name
    assert "Gäste Name Funktion / Organisation Unterschrift" in text
    assert "Jan Rau Amt für Digitalisierung Projektleitung Vortrag TOP 3" in text
    assert "Gülşen Yılmaz Projektteam Projekt: Urbane Datenplattform" in text
    assert "Weitere Teilnehmende Name Funktion / Organisation Unterschrift" in text
    assert "Seite 1 von 1" in text
    assert "geheim" not in text  # no online link (it may hold the password)
    assert rendered.records == 2 and rendered.warnings == ()
    meta = reader.metadata
    assert meta.title == "Anwesenheitsliste: 5. Sitzung"
    assert meta.author == LETTERHEAD.council_name
    assert meta.subject == (
        "Smart City Expert*innenrat: Anwesenheitsliste der 5. Sitzung, "
        "Dienstag, 10. März 2026, 16:00–18:00 Uhr"
    )


def test_a_sheet_of_25_members_runs_on_to_a_second_page_under_the_repeated_head() -> None:
    reader = read(render_attendance_list(sheet(members=members(25))).pdf)
    first, second = page_texts(reader)

    assert "Seite 1 von 2" in first and "Seite 2 von 2" in second
    assert "Dr. Anna Mitglied00" in first and "Dr. Anna Mitglied24" in second
    assert second.count("Name Rolle Handlungsfeld Unterschrift") == 1  # the head again
    assert "Anwesenheitsliste: 5. Sitzung" in second  # the page header


def test_the_empty_rows_of_a_council_of_ten_shrink_to_keep_the_sheet_on_one_page() -> None:
    guests = sheet().guests
    one = read(render_attendance_list(sheet(members=members(10), guests=guests)).pdf)

    assert len(one.pages) == 1 and "Weitere Teilnehmende" in page_texts(one)[0]


def test_odd_text_prints_as_typed_and_letters_no_font_has_are_warned() -> None:
    rendered = render_attendance_list(
        sheet(
            members=(ListedMember(f"{ODD} {ARABIC} 🚀", "Mitglied", "Soziale Stadt"),),
            guests=(ListedGuest(f"Gast {ODD}", (f"{ODD} GmbH",)),),
        )
    )
    text = " ".join(page_texts(read(rendered.pdf)))

    assert f"{ODD} " in text and f"Gast {ODD}" in text and f"{ODD} GmbH" in text
    assert "&amp;" not in text and "&lt;" not in text
    assert ARABIC in unicodedata.normalize("NFKC", text)  # joined forms back to letters
    assert "\ufffd" in text  # the rocket, which no font has
    [warning] = rendered.warnings
    assert warning.startswith(f"Mitglied „{ODD} {ARABIC} 🚀“: Symbole oder Emoji")


def test_without_known_guests_only_the_empty_rows_for_guests_follow() -> None:
    text = page_texts(read(render_attendance_list(sheet(guests=(), blank_rows=3)).pdf))[0]

    assert "Gäste" not in text
    assert "Weitere Teilnehmende Name Funktion / Organisation Unterschrift" in text


def test_a_role_title_and_a_field_are_not_broken_inside_a_word() -> None:
    """(found by a tester) The narrow "Rolle" and "Handlungsfeld" columns broke
    "Stellvertretende*r Sprecher*in" as "Stellvertreten" / "de*r" and
    "Gesundheitsversorgung" as "Gesundheitsversorgu" / "ng", as the Tätigkeitsbericht
    and the roster did before."""
    vice = ListedMember("Dr. Zoë Hartmann-Okafor", "Stellvertretende*r Sprecher*in", "Umwelt")
    field = ListedMember("Ödön Pál", "Mitglied", "Gesundheitsversorgung und Pflege")

    page = read(render_attendance_list(sheet(members=(vice, field))).pdf).pages[0]

    lines = [run for run, _y, _size in text_runs(page)]
    assert "Stellvertretende*r" in lines and "Gesundheitsversorgung" in lines
    assert not any(line.startswith(("de*r", "ng")) for line in lines)


def test_a_member_whose_apologies_are_recorded_has_entschuldigt_where_she_would_sign() -> None:
    """(found by a tester) A member who had sent her apologies had an empty signature
    cell like the others; many secretariats print "entschuldigt" there, so that no one
    signs in her row by mistake."""
    excused = ListedMember("Ödön Pál", "Mitglied", excused=True)
    present = ListedMember("Prof. Dr. Anna Berg", "Vorsitz", "Moderne Verwaltung")

    page = read(render_attendance_list(sheet(members=(present, excused))).pdf).pages[0]

    runs = {text: (x, y, size) for text, x, y, size in placed_text_runs(page)}
    [marked] = [run for run, _y, _size in text_runs(page) if "entschuldigt" in run]
    x, y, size = runs[marked]
    assert marked == "entschuldigt" and size == SMALL_SIZE  # small and muted, as a note
    assert x >= runs["Unterschrift"][0]  # in the signature column
    assert abs(y - runs["Ödön Pál"][1]) < ROW_HEIGHT / 2  # in her row
