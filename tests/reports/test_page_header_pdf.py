"""The page header, read back with pypdf from every kind of document: a long council name
in full on every page and clear of the body, beside the title and never under it, a short
one as before, an absurd one cut."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from itertools import pairwise

import annual_report_sample
from meeting_sample import LETTERHEAD, meeting
from minutes_sample import APPROVAL, minutes
from pdf_reading import flat, placed_text_runs, read, text_runs
from PIL import Image
from recommendations_report_sample import ROWS
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.public_minutes import public_version
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.reminders import ProjectReminder, ReminderLetter
from expertenrat.domain.roster import RosterDocument, RosterGrouping
from expertenrat.reports.annual_report_pdf import render_annual_report
from expertenrat.reports.house_style import FONT, FONT_BOLD
from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.meeting_pack_cover_pdf import render_pack_cover
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.reports.page_geometry import MARGINS
from expertenrat.reports.reminder_letter_pdf import render_reminder_letter
from expertenrat.reports.roster_pdf import render_roster
from expertenrat.reports.run_sheet_pdf import render_run_sheet
from expertenrat.reports.user_text import ELLIPSIS

LONG_NAME = (
    "Smart City Expert*innenrat der Hanse- und Universitätsstadt Rostock – "
    "Beirat für digitale Daseinsvorsorge"
)
# A city these names do not hold, so that the header keeps its city line beside the date
# (a city the name holds is left out: see test_a_city_the_name_holds_is_not_repeated_…).
CITY_BESIDE = "Warnemünde"
ABSURD_NAME = ("Rat & <Beirat> \"Zitat\" 'x' 🚀 " * 20)[:500]
TITLE = "Einladung zur 5. Sitzung"
PROJECT = AddressedProject(1, "Klimaportal", "Umweltamt", "Dr. Kühn", "kuehn@example.org")


def logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


def documents(head: Letterhead) -> dict[str, bytes]:
    """Every kind of document the page frame lays out, with ``head`` (the Sitzungsmappe
    joins the invitation's and the minutes' pages)."""
    draft = minutes(letterhead=head)
    roster = RosterDocument(
        head.council_name, head.city, date(2026, 3, 5), public=False,
        grouping=RosterGrouping.ALPHABETICAL, field_names=(), entries=(), logo_png=head.logo_png,
    )  # fmt: skip
    reminder = ReminderLetter(head, ProjectReminder(PROJECT, tuple(ROWS[:3])), date(2026, 6, 1))
    annual = replace(annual_report_sample.report(), letterhead=head)
    return {
        "invitation": render_invitation(meeting(letterhead=head)).pdf,
        "minutes (draft)": render_minutes(draft).pdf,
        "minutes (full)": render_minutes(replace(draft, approval=APPROVAL)).pdf,
        "minutes (public)": render_minutes(public_version(draft)).pdf,
        "roster": render_roster(roster).pdf,
        "reminder": render_reminder_letter(reminder).pdf,
        "annual report": render_annual_report(annual).pdf,
    }


def header_and_body(pdf: bytes) -> list[tuple[list[tuple[str, float, float]], float]]:
    """For each page: the header's pieces of text (above the body's frame), and the top of
    the body's first line."""
    found = []
    for page in read(pdf).pages:
        frame_top = float(page.mediabox.height) - MARGINS.top
        runs = text_runs(page)
        header = [run for run in runs if run[1] > frame_top]
        body_top = max(y + size for _, y, size in runs if y <= frame_top)
        found.append((header, body_top))
    return found


def clear_of_the_body(header: list[tuple[str, float, float]], body_top: float) -> bool:
    return min(y - 0.25 * size for _, y, size in header) > body_top


def test_a_long_council_name_is_printed_in_full_on_every_page_above_the_body():
    for kind, pdf in documents(
        replace(LETTERHEAD, council_name=LONG_NAME, logo_png=logo())
    ).items():
        for header, body_top in header_and_body(pdf):
            assert LONG_NAME in flat(" ".join(text for text, _, _ in header)), kind
            assert ELLIPSIS not in " ".join(text for text, _, _ in header[:2]), kind
            assert clear_of_the_body(header, body_top), kind


def test_a_long_name_and_the_title_stand_side_by_side_in_aligned_rows():
    """The name's two lines end well left of the title's block (the title takes two lines
    where a logo leaves the name too little room); the title stands on the name's first
    line, the date on the city's line."""
    for head in (
        replace(LETTERHEAD, council_name=LONG_NAME, city=CITY_BESIDE),
        replace(LETTERHEAD, council_name=LONG_NAME, city=CITY_BESIDE, logo_png=logo()),
    ):
        invitation = render_invitation(meeting(letterhead=head)).pdf
        for pdf in (invitation, render_minutes(minutes(letterhead=head)).pdf):
            page = read(pdf).pages[0]
            middle, frame_top = float(page.mediabox.width) / 2, float(page.mediabox.height)
            header = [r for r in placed_text_runs(page) if r[2] > frame_top - MARGINS.top]
            *name, city = [r for r in header if r[1] < middle]
            *title, dated = [r for r in header if r[1] >= middle]
            assert flat(" ".join(text for text, *_ in name)) == LONG_NAME and len(name) == 2
            name_ends = max(x + stringWidth(text, FONT_BOLD, size) for text, x, _, size in name)
            assert name_ends + 5 * mm < min(x for _, x, _, _ in title)
            assert city[1] + stringWidth(city[0], FONT, city[3]) + 5 * mm < dated[1]
            assert (title[0][2], dated[2]) == (name[0][2], city[2])


def test_beside_a_name_on_two_lines_a_long_title_takes_two_lines_rather_than_be_cut():
    name = "Smart City Expert*innenrat der Hanse- und Universitätsstadt Rostock"
    head = replace(LETTERHEAD, council_name=name, city=CITY_BESIDE, logo_png=logo())
    doc = meeting(letterhead=head, title="Frühjahrssitzung mit Schwerpunkt Mobilität")
    page = read(render_invitation(doc).pdf).pages[0]

    header = [r for r in placed_text_runs(page) if r[2] > page.mediabox.height - MARGINS.top]
    *shown, _city = [text for text, x, _, _ in header if x < page.mediabox.width / 2]
    *title, _date = [text for text, x, _, _ in header if x >= page.mediabox.width / 2]
    assert flat(" ".join(shown)) == name and len(shown) == 2
    assert flat(" ".join(title)) == f"{TITLE} – Frühjahrssitzung mit Schwerpunkt Mobilität"


def test_a_long_reminder_title_beside_a_logo_and_a_long_name_takes_a_third_line_whole():
    """The reminder's subject as title, a name of 105 characters and a logo: the texts
    take three lines each, above city and date, rather than cut the title."""
    head = replace(LETTERHEAD, council_name=LONG_NAME, city=CITY_BESIDE, logo_png=logo())
    answered = replace(ROWS[1], planned_by=date(2026, 3, 1))  # a plan past its date
    for rows, subject in (
        (ROWS[2:3], "ausstehende Stellungnahme zu einer Empfehlung"),
        ((ROWS[2], answered), "ausstehende Stellungnahme und Stand der geplanten Umsetzung"),
    ):
        reminder = ProjectReminder(PROJECT, tuple(rows))
        pdf = render_reminder_letter(ReminderLetter(head, reminder, date(2026, 6, 1))).pdf
        page = read(pdf).pages[0]
        middle, frame_top = float(page.mediabox.width) / 2, float(page.mediabox.height)
        header = [r for r in placed_text_runs(page) if r[2] > frame_top - MARGINS.top]
        *name, city = [r for r in header if r[1] < middle]
        *title, dated = [r for r in header if r[1] >= middle]
        assert flat(" ".join(t for t, *_ in title)) == f"Erinnerung: {subject} – Klimaportal"
        assert flat(" ".join(t for t, *_ in name)) == LONG_NAME
        assert ELLIPSIS not in " ".join(t for t, *_ in header)
        assert (city[0], dated[0], city[2]) == (CITY_BESIDE, "01.06.2026", dated[2])
        assert city[2] < min(y for _, _, y, _ in (*name, *title))  # the last row
        ((_, body_top),) = header_and_body(pdf)[:1]
        assert clear_of_the_body([(t, y, size) for t, _, y, size in header], body_top)


def test_beside_a_short_name_a_long_reminder_title_takes_the_room_it_leaves_whole():
    """The reminder's subject with a long project name beside the short council name and no
    logo: the title takes the width the name leaves on two lines, rather than be cut at
    half the page on three ("… – Klimasensor…")."""
    project = replace(PROJECT, title="Klimasensoren an Schulen")
    answered = replace(ROWS[1], planned_by=date(2026, 3, 1))
    reminder = ProjectReminder(project, (ROWS[2], answered))
    pdf = render_reminder_letter(ReminderLetter(LETTERHEAD, reminder, date(2026, 6, 1))).pdf
    page = read(pdf).pages[0]
    header = [r for r in placed_text_runs(page) if r[2] > float(page.mediabox.height) - MARGINS.top]
    texts = [t for t, *_ in header]

    subject = (
        "Erinnerung: ausstehende Stellungnahme und Stand der geplanten Umsetzung – "
        "Klimasensoren an Schulen"
    )
    name_x = min(x for _, x, _, _ in header)
    title = [t for t, x, _, _ in header if x > name_x and t not in ("01.06.2026",)]
    assert flat(" ".join(title)) == subject
    assert len(title) == 2 and ELLIPSIS not in " ".join(texts)


def test_a_city_the_name_holds_is_not_repeated_under_it_in_any_document():
    """(found by a tester) "Digitalbeirat der Stadt Leipzig" had "Leipzig" again on the line
    under it on every page; a name without its city keeps the city line."""
    leipzig = replace(LETTERHEAD, council_name="Digitalbeirat der Stadt Leipzig", city="Leipzig")
    for kind, pdf in documents(leipzig).items():
        for header, _ in header_and_body(pdf):
            texts = [text for text, _, _ in header]
            assert "Digitalbeirat der Stadt Leipzig" in texts, kind
            assert "Leipzig" not in texts, (kind, texts)
    for kind, pdf in documents(LETTERHEAD).items():
        ((header, _), *_) = header_and_body(pdf)
        assert LETTERHEAD.city in [text for text, _, _ in header], kind


def test_a_short_name_stands_on_the_titles_line_in_full_size():
    ((header, _),) = header_and_body(render_invitation(meeting()).pdf)

    (name, name_y, size), (title, title_y, _) = header[:2]
    assert (name, size, title, title_y) == (LETTERHEAD.council_name, 9.5, TITLE, name_y)


def test_an_absurd_name_is_cut_at_two_lines_above_the_body():
    absurd = replace(LETTERHEAD, council_name=ABSURD_NAME, logo_png=logo())
    for render, document in (
        (render_invitation, meeting(letterhead=absurd)),
        (render_minutes, minutes(letterhead=absurd)),
    ):
        for header, body_top in header_and_body(render(document).pdf):
            assert len(header) == 5  # two lines of the name, title, city, date
            first, second = (text for text, _, _ in header[:2])
            assert first.startswith("Rat & <Beirat> \"Zitat\" 'x'") and second.endswith(ELLIPSIS)
            assert clear_of_the_body(header, body_top)


def test_no_line_of_a_long_name_begins_with_the_dash_that_joins_its_parts():
    """The dash between a long name's parts stays with the word before it, on two lines
    and on three (the reminder beside a logo), wherever the lines break."""
    names = [
        LONG_NAME,
        "Smart City Expert*innenrat der Hanse- und Universitätsstadt – Beirat für Daten",
        "Expert*innenrat Digitale Stadt Rostock – Beirat für digitale Daseinsvorsorge - Daten",
    ]
    for name in names:
        head = replace(LETTERHEAD, council_name=name, city=CITY_BESIDE, logo_png=logo())
        for kind, pdf in documents(head).items():
            page = read(pdf).pages[0]
            middle, frame_top = float(page.mediabox.width) / 2, float(page.mediabox.height)
            header = [r for r in placed_text_runs(page) if r[2] > frame_top - MARGINS.top]
            *lines, _city = [text for text, x, _, _ in header if x < middle]
            assert flat(" ".join(lines)) == name, kind
            assert len(lines) > 1, kind
            assert not any(line.lstrip()[0] in "–—-" for line in lines), (kind, lines)


def test_beside_a_short_name_a_title_stands_on_one_line_or_two_never_three():
    """Where the room holds both, name and title each stand on one line; a longer title
    takes two lines beside a name on one (before, three: 'Einladung zur 5. / Sitzung – /
    Datenstrategie 2030' beside 'Smart City Expert*innenrat')."""
    for title, rows in (
        ("Datenstrategie 2030", [f"{TITLE} – Datenstrategie 2030"]),
        (
            "Frühjahrssitzung mit Schwerpunkt Mobilität und Daten der Stadt",
            [f"{TITLE} – Frühjahrssitzung mit", "Schwerpunkt Mobilität und Daten der Stadt"],
        ),
    ):
        page = read(render_invitation(meeting(title=title)).pdf).pages[0]
        middle, frame_top = float(page.mediabox.width) / 2, float(page.mediabox.height)
        header = [r for r in placed_text_runs(page) if r[2] > frame_top - MARGINS.top]
        *name, _city = [text for text, x, _, _ in header if x < middle]
        *shown, _date = [text for text, x, _, _ in header if x >= middle]
        assert (name, [flat(t) for t in shown]) == ([LETTERHEAD.council_name], rows)


def test_a_long_unbroken_meeting_title_stays_in_the_header_of_every_meeting_document():
    """A meeting titled with 200 letters and no space: the header of the run sheet, the
    invitation, the minutes and the Sitzungsmappe's cover wraps and shortens it beside
    the council's name, clear of the body on every page, never running into the name."""
    title = ("Digitalisierungsstrategieabstimmung" * 6)[:200]
    for head in (LETTERHEAD, replace(LETTERHEAD, council_name=LONG_NAME, logo_png=logo())):
        doc = meeting(letterhead=head, title=title)
        for kind, pdf in {
            "run sheet": render_run_sheet(doc).pdf,
            "invitation": render_invitation(doc).pdf,
            "minutes": render_minutes(minutes(letterhead=head, title=title)).pdf,
            "pack cover": render_pack_cover(doc, date(2026, 3, 1), None, ()).pdf,
        }.items():
            for page, (header, body_top) in zip(read(pdf).pages, header_and_body(pdf), strict=True):
                assert clear_of_the_body(header, body_top), kind
                top = float(page.mediabox.height) - MARGINS.top
                rows: dict[float, list] = {}
                for text, x, y, size in placed_text_runs(page):
                    if y > top:
                        rows.setdefault(round(y, 1), []).append((x, text, size))
                for row in rows.values():  # side by side on a line, never into each other
                    row.sort()
                    for (x, text, size), (after, *_) in pairwise(row):
                        assert x + stringWidth(text, FONT_BOLD, size) < after, kind
