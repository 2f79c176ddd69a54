"""The recommendations report read back with pypdf: header, codes, answers, states, days
open, both charts, bookmarks, page numbers, hostile and long text, an empty selection."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date

import pytest
from pdf_reading import outline, placed_text_runs, read, text
from pypdf.generic import ContentStream
from recommendations_report_sample import (
    ANSWERS,
    FIELDS,
    HOSTILE,
    HOSTILE_PROJECT,
    KLIMA,
    ROWS,
    S,
    report,
    row,
)

from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendations_charts import NO_FIELD
from expertenrat.domain.recommendations_report import TITLE
from expertenrat.reports.recommendations_report_pdf import render_recommendations_report


def test_report_prints_codes_answers_states_and_days_open():
    rendered = render_recommendations_report(report())
    printed = text(rendered.pdf)

    assert rendered.records == len(ROWS)
    assert "Smart City Expert*innenrat" in printed and TITLE in printed
    for r in ROWS:
        assert r.code in printed
    assert "Umsetzung geplant (01.09.2025)" in printed
    assert "nicht entsprochen (05.03.2026)" in printed
    assert "übermittelt, seit einem Jahr überfällig" in printed
    assert "keine Stellungnahme" in printed
    assert "Federführung: Umweltamt" in printed
    assert "Offene und überfällige Empfehlungen" in printed
    assert "Seite 1 von" in printed


def test_an_interim_plan_shows_its_date_under_the_state_not_the_response_deadline():
    planned = replace(ROWS[1], planned_by=date(2026, 5, 20), days_overdue=12)

    printed = text(render_recommendations_report(report([planned])).pdf)

    assert "Umsetzung geplant bis 20.05.2026, seit 12 Tagen überfällig" in printed
    assert "Frist 05.05.2025" not in printed


def test_a_settled_recommendation_is_not_open_but_to_be_closed():
    """Every project's answer final: nothing is awaited but the secretariat's closing. Not
    among the open items nor counted "Offen", no days open, no Frist under its state, but
    "Abschluss möglich" (found by a helper: "beantwortet Frist 14.04.2020 2489")."""
    settled = replace(ROWS[1], adopted_on=date(2020, 1, 2), settled=True)  # 2342 days
    answers = {2: ANSWERS[1]}  # entsprochen

    printed = text(render_recommendations_report(report([settled, ROWS[2]], answers)).pdf)

    assert "Offen: 1 · davon überfällig: 1 · Abschluss möglich: 1 ·" in printed
    assert "beantwortet Abschluss möglich" in printed and "Frist 05.05.2025" not in printed
    assert "2342" not in printed
    open_items = printed.split("Offene und überfällige Empfehlungen")[-1]
    assert ROWS[2].code in open_items and settled.code not in open_items


def test_a_final_recommendation_awaits_nothing_so_no_frist_under_its_state():
    """Implemented or withdrawn: closed, it awaits nothing (found by a helper:
    "zurückgezogen / Frist 05.03.2026")."""
    withdrawn = row(8, S.WITHDRAWN, KLIMA, sent=date(2026, 1, 5), due=date(2026, 3, 5))

    printed = text(render_recommendations_report(report([ROWS[0], withdrawn], {})).pdf)

    assert "zurückgezogen" in printed and "umgesetzt" in printed
    assert "Frist 05.03.2026" not in printed and "Frist 05.05.2025" not in printed


def test_the_overview_names_closable_ones_only_where_there_are_any():
    """It always said "Abschluss möglich: 0", even where none is."""
    printed = " ".join(text(render_recommendations_report(report()).pdf).split())

    assert "Überblick Offen: 4 · davon überfällig: 1 · Handlungsfelder: 4 Status" in printed
    assert "Abschluss möglich" not in printed


def test_both_charts_are_drawn_with_their_labels():
    printed = text(render_recommendations_report(report()).pdf)

    assert "Status je Handlungsfeld" in printed
    for label in ("beschlossen", "umgesetzt", "zurückgezogen", "Moderne Verwaltung"):
        assert label in printed  # legend and field axis
    assert "Fristgerecht beantwortet" in printed
    assert "33 % (1 von 3)" in printed and "100 % (1 von 1)" in printed


def test_the_status_chart_printed_in_black_and_white_keeps_every_status_apart():
    """(found by a tester) In grey "beschlossen", "übermittelt" and "teilweise umgesetzt"
    came out as one shade, "beantwortet", "umgesetzt" and "nicht umgesetzt" as another:
    on an office printer in black and white the chart could not be read."""
    rows = [replace(row(n, status, KLIMA), id=n) for n, status in enumerate(S, start=1)]
    page = read(render_recommendations_report(report(rows=rows, answers={})).pdf).pages[0]
    fill, filled = (0.0, 0.0, 0.0), set()
    for values, op in ContentStream(page.get_contents(), page.pdf).operations:
        if op == b"rg":
            fill = tuple(float(v) for v in values)
        elif op == b"re":
            filled.add(fill)
    greys = sorted(255 * (0.299 * r + 0.587 * g + 0.114 * b) for r, g, b in filled)
    shades = [grey for grey in greys if grey < 225]  # not the white and tinted rows

    assert len(shades) == len(S)  # a segment and a legend swatch per status
    assert min(b - a for a, b in itertools.pairwise(shades)) >= 18, shades


def test_bookmarks_per_part_field_and_project():
    found = outline(render_recommendations_report(report()).pdf)

    assert found[0] == "Überblick"
    assert "Umwelt (4 Empfehlungen)" in found
    assert f"{NO_FIELD} (1 Empfehlung)" in found
    assert "Klimaportal" in found and "Datenplattform" in found
    assert found[-1] == "Offene und überfällige Empfehlungen"


def test_a_field_is_headed_with_its_kinds_as_in_the_taetigkeitsbericht():
    """(found by a tester) It said "Umwelt (2 Empfehlungen)" where the Tätigkeitsbericht
    says "Umwelt (1 Empfehlung, 1 Impuls)"; a recommendation to two projects counts once."""
    impulse = replace(row(2, S.SENT, KLIMA, HOSTILE_PROJECT), kind=RecommendationKind.IMPULSE)
    rendered = render_recommendations_report(report([row(1, S.SENT, KLIMA), impulse]))

    assert "Umwelt (1 Empfehlung, 1 Impuls)" in outline(rendered.pdf)
    assert "Umwelt (1 Empfehlung, 1 Impuls)" in text(rendered.pdf)


def test_hostile_text_is_printed_literally():
    printed = text(render_recommendations_report(report()).pdf)

    # Everything is there as typed, the emoji too.
    assert " ".join(HOSTILE.split()) in printed
    assert "<Amt & Co>" in printed
    assert "&amp;" not in printed and "&lt;" not in printed


def test_a_20000_character_title_flows_and_is_shortened_in_its_cell():
    long = "Datenräume & <Schnittstellen> " * 700  # 21,000 characters
    rows = [replace(ROWS[0], title=long), *ROWS[1:]]

    rendered = render_recommendations_report(report(rows))

    printed = text(rendered.pdf)
    assert "Datenräume & <Schnittstellen>" in printed and "…" in printed
    assert len(read(rendered.pdf).pages) < 12


def test_many_recommendations_span_pages_with_the_header_on_each():
    rows = [row(n, S.SENT, field="Umwelt", title=f"Empfehlung Nummer {n}") for n in range(1, 90)]

    pdf = render_recommendations_report(report(rows)).pdf

    pages = read(pdf).pages
    assert len(pages) > 3
    last = " ".join(pages[-1].extract_text().split())
    assert "Bericht zu den Empfehlungen" in last and f"Seite {len(pages)} von {len(pages)}" in last


def test_an_empty_selection_says_so():
    printed = text(render_recommendations_report(report([])).pdf)

    assert "Keine Empfehlungen in dieser Auswahl." in printed
    assert " · keine Empfehlungen · " in printed  # (found by a tester) "· 0 Empfehlungen ·"
    assert "0 Empfehlungen" not in printed


def test_a_right_to_left_council_name_keeps_the_count_beside_it_not_inside():
    """Without isolation the bidi algorithm took "18" into the Arabic run: "Rat 18 …"."""
    named = replace(report(), letterhead=replace(report().letterhead, council_name="Rat مجلس"))

    printed = text(render_recommendations_report(named).pdf)

    count = f"{len(ROWS)} Empfehlungen"
    assert f"· {count} ·" in printed
    assert f"Rat {len(ROWS)}" not in printed


def test_a_longer_code_prefix_is_never_broken():
    """(found by a tester) A council's prefix "DB" broke every code: "DB-2026-0" / "1"."""
    rows = [replace(r, code=r.code.replace("E-", "DBJENA-")) for r in ROWS]

    printed = text(render_recommendations_report(report(rows)).pdf)

    for r in rows:
        assert r.code in printed


def _projects_of_growing_length(count: int) -> list:
    """One implemented recommendation per project in three action fields, each title a few
    words longer than the last, so that some headings fall near a page's foot."""
    rows = []
    for n in range(1, count + 1):
        project = AddressedProject(100 + n, f"Projekt {n:02d}", f"Amt {n:02d}")
        field = FIELDS[3 * (n - 1) // count]
        title = "Langer Titel " * (3 + n % 9)
        rows.append(row(n, S.IMPLEMENTED, project, field=field, title=title))
    return [replace(r, id=n) for n, r in enumerate(rows, start=1)]


@pytest.mark.parametrize("count", [23, 41, 60])
def test_a_project_or_field_heading_is_never_left_alone_at_a_page_foot(count):
    """(found by a tester) "Klimasensoren an Schulen" and its "Federführung" ended page 8,
    its table began page 9."""
    pdf = render_recommendations_report(report(_projects_of_growing_length(count))).pdf

    for number, page in enumerate(read(pdf).pages, start=1):
        printed = " ".join(page.extract_text().split())
        last_heading = max(printed.rfind("Federführung: Amt"), printed.rfind(" Empfehlungen)"))
        if last_heading >= 0:
            assert "E-2025-" in printed[last_heading:], f"Seite {number}: {printed[-200:]}"


def test_the_kind_under_the_code_is_never_broken():
    """(found by a tester) The code column fitted the code alone, so the kind under it
    broke: "Stellungnahm" / "e"."""
    rows = [replace(r, kind=RecommendationKind.STATEMENT) for r in ROWS]

    printed = " ".join(text(render_recommendations_report(report(rows)).pdf).split())

    assert "Stellungnahme" in printed
    assert "Stellungnahm e" not in printed


def test_a_table_going_on_over_a_page_names_its_project_or_part_again():
    """(found by a tester) In a report of 400 recommendations a page began with rows of a
    project named only on the page before."""
    rows = [row(n, S.SENT, KLIMA, title=f"Empfehlung Nummer {n}") for n in range(1, 60)]

    pages = [
        " ".join(p.extract_text().split())
        for p in read(render_recommendations_report(report(rows)).pdf).pages
    ]

    started = next(n for n, p in enumerate(pages) if "Federführung: Umweltamt" in p)
    assert "Klimaportal (Fortsetzung)" not in pages[started]
    assert "Klimaportal (Fortsetzung)" in pages[started + 1]
    assert re.search(
        r"Stand: \S+ \w+ \(Fortsetzung\) Klimaportal \(Fortsetzung\)", pages[started + 1]
    )
    opened = next(n for n, p in enumerate(pages) if "Offene und überfällige Empfehlungen" in p)
    assert "Offene und überfällige Empfehlungen (Fortsetzung)" in pages[opened + 1]


@pytest.mark.parametrize("count", [23, 41, 60])
def test_every_page_with_rows_names_its_action_field_above_them(count):
    """(found by a tester) A page that began with the next project of an action field
    begun on the page before did not name the field: it says "Umwelt (Fortsetzung)"."""
    pdf = render_recommendations_report(report(_projects_of_growing_length(count))).pdf
    named = re.compile("|".join(rf"{f} \((?:Fortsetzung\)|\d+ Empfehlung)" for f in FIELDS))

    pages = [" ".join(p.extract_text().split()) for p in read(pdf).pages]
    started = 0  # pages on which a project starts at the top, under "… (Fortsetzung)"
    for number, printed in enumerate(pages, start=1):
        code = printed.find("E-2025-")
        if code < 0:
            continue
        found = named.search(printed)
        assert found and found.start() < code, f"Seite {number}: {printed[:300]}"
        started += bool(re.search(r"\(Fortsetzung\) Projekt \d+ Federführung", printed))
    assert started  # the case the tester saw is among them


def test_a_long_state_keeps_to_a_few_lines_of_its_column():
    """(found by a tester) The narrow "Stand" column wrapped a passed plan's state to six
    lines beside a title of one; the title gives it room."""
    planned = replace(ROWS[1], planned_by=date(2026, 5, 20), days_overdue=100)
    page = read(render_recommendations_report(report([planned])).pdf).pages[1]
    runs = placed_text_runs(page)
    left, top = next((x, y) for t, x, y, _s in runs if t == "Stand")
    right = next(x for t, x, _y, _s in runs if t == "Tage")
    foot = next(y for t, _x, y, _s in runs if t.startswith("Seite "))
    state = [(t, y) for t, x, y, _s in runs if left <= x < right and foot < y < top]

    assert " ".join(t for t, _y in state).startswith("beantwortet, Umsetzung geplant")
    assert "seit 3 Monaten überfällig" in " ".join(t for t, _y in state)
    assert len({round(y) for _t, y in state}) <= 3


def test_a_finished_project_is_marked_in_its_heading_and_beside_its_open_items():
    # found by a tester: the report named a finished project as any other
    ended = replace(KLIMA, ended=True)
    rows = [replace(r, projects=(ended,)) for r in ROWS if r.projects == (KLIMA,)]
    rendered = render_recommendations_report(report(rows)).pdf
    printed = " ".join(text(rendered).split())

    assert "Klimaportal (abgeschlossen)" in outline(rendered)
    assert "Klimaportal (abgeschlossen) Federführung: Umweltamt" in printed  # the heading
    # the open items name each one's projects
    assert "Empfehlung 1 Klimaportal (abgeschlossen) keine Stellungnahme" in printed
