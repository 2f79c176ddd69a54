"""The annual activity report (Tätigkeitsbericht) as PDF: the council, its meetings with a
chart of attendance, the projects consulted and the recommendations adopted with a chart of
their status. Every section and every action field in it is a bookmark.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from expertenrat.domain.annual_report import TITLE, AnnualReport, FieldRecommendations
from expertenrat.domain.annual_report_consultations import Consultation, FieldConsultations
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.wording import (
    council_with_city,
    counted,
    counted_or_none,
    isolated,
    names_city,
)
from expertenrat.reports import recommendation_charts, theme
from expertenrat.reports.annual_report_council_pdf import council_section
from expertenrat.reports.annual_report_headings import EMPTY_SECTION_SPACE, field_heading
from expertenrat.reports.annual_report_meetings_pdf import meetings_section
from expertenrat.reports.bookmarks import bookmarked_heading
from expertenrat.reports.charts import captioned
from expertenrat.reports.meeting_parts import paragraph
from expertenrat.reports.recommendations_report_pdf import lines_table
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column

_CONSULTATION_COLUMNS: tuple[Column[Consultation], ...] = (
    Column(
        "Sitzung",
        0.22,
        lambda c: [(c.meeting, PLAIN), (theme.german_date(c.day), SMALL)],
    ),
    Column("TOP", 0.08, lambda c: [(c.numbers, PLAIN)]),
    Column("Projekt", 0.3, lambda c: [(c.project, BOLD)]),
    Column("Gegenstand", 0.4, lambda c: [(title, PLAIN) for _, title in c.items]),
)


def render_annual_report(report: AnnualReport) -> RenderedPdf:
    """The report in A4 portrait; warnings name texts with letters no bundled font has."""
    head = report.letterhead
    title = f"{TITLE} {report.year}"
    info = theme.DocumentInfo(
        title=title,
        council_name=head.council_name,
        city=head.city,
        date=report.on,
        logo_png=head.logo_png,
        subject=f"{title}, {council_with_city(head.council_name, head.city)}",
        keywords=", ".join((TITLE, str(report.year), head.council_name, head.city)),
    )
    # The city where the council's name does not hold it already ("Digitalbeirat Rostock").
    named = [head.council_name, *([] if names_city(head.council_name, head.city) else [head.city])]
    lead = " · ".join(
        [
            *map(isolated, named),
            f"Berichtszeitraum {report.period}",
            f"Stand {theme.german_date(report.on)}",
        ]
    )
    story = theme.title_block(title, lead)
    story.append(paragraph(_in_numbers(report)))
    story += council_section(report.council, report.year)
    story += meetings_section(report.meetings, report.year)
    story += _consultations(report.consultations, report.year)
    story += _recommendations(report)
    return theme.build_pdf(story, info, _warnings(report), report.recommendation_count)


def _in_numbers(report: AnnualReport) -> str:
    """ "Das Jahr 2025 in Zahlen: 9 Mitglieder, 4 Sitzungen, …"; none "keine Sitzungen"."""
    adopted = counted_or_none(
        report.recommendation_count,
        "beschlossene Empfehlung",
        "beschlossene Empfehlungen",
        "keine beschlossenen Empfehlungen",
    )
    return (
        f"Das Jahr {report.year} in Zahlen: "
        f"{counted_or_none(report.council.members.count, 'Mitglied', 'Mitglieder')}, "
        f"{counted_or_none(len(report.meetings.held), 'Sitzung', 'Sitzungen')}, "
        f"{counted_or_none(report.consultation_count, 'Beratung', 'Beratungen')} von Projekten, "
        f"{adopted}."
    )


# --- 3. Beratungen -------------------------------------------------------------------------


def _consultations(parts: Sequence[FieldConsultations], year: int) -> list[Flowable]:
    if not parts:
        return [
            *bookmarked_heading("3. Beratungen", keep_space=EMPTY_SECTION_SPACE),
            paragraph(f"Keine Beratungen von Projekten im Jahr {year}.", "note"),
        ]
    # room for the heading, the lead below it and the first field's heading with its table
    story = [*bookmarked_heading("3. Beratungen", keep_space=65 * mm)]
    story.append(
        paragraph(
            "Projekte, die in den durchgeführten Sitzungen beraten wurden, je Handlungsfeld des "
            "Projekts: eine Beratung je Projekt und Sitzung, auch über mehrere "
            "Tagesordnungspunkte (etwa 3 und 3.1). Nichtöffentliche Beratungen sind nur gezählt."
        )
    )
    for part in parts:
        story += field_heading(
            f"{isolated(part.name)} ({counted(part.count, 'Beratung', 'Beratungen')})"
        )
        if part.public:
            story.append(theme.column_table(part.public, _CONSULTATION_COLUMNS))
        if part.non_public:
            noun = counted(
                part.non_public, "nichtöffentliche Beratung", "nichtöffentliche Beratungen"
            )
            story.append(
                paragraph(f"{'sowie ' if part.public else ''}{noun} (ohne Titel).", "small")
            )
    return story


# --- 4. Empfehlungen -----------------------------------------------------------------------

_HEADING = 14 * mm  # the section's heading with the space above and below it
_LEAD_GAP = 2 * mm
_TALL = 150 * mm  # never more than most of a page, however many action fields


def _recommendations(report: AnnualReport) -> list[Flowable]:
    if not report.recommendations:
        return [
            *bookmarked_heading("4. Empfehlungen", keep_space=EMPTY_SECTION_SPACE),
            paragraph(f"Keine Empfehlungen im Jahr {report.year} beschlossen.", "note"),
        ]
    width = theme.content_width()
    lead = paragraph(
        f"Im Jahr {report.year} beschlossene Empfehlungen und Impulse mit ihrem heutigen "
        "Stand. Fristgerecht heißt: jedes adressierte Projekt hatte bis zur Frist geantwortet "
        "(gezählt sind die, deren Frist abgelaufen ist oder die beantwortet wurden); "
        "entsprochen: die letzte Stellungnahme jedes adressierten Projekts entspricht der "
        "Empfehlung. In nichtöffentlicher Beratung "
        "beschlossene sind nur gezählt."
    )
    # One row per action field: kept whole (not its header and first row at a page's foot),
    # and with the heading and the lead that explains its columns (they went to the foot of
    # a page without it): the heading starts a page unless all three fit below.
    table = _response_table(report.recommendations)
    below = sum(f.wrap(width, _TALL)[1] for f in (lead, table)) + _LEAD_GAP
    story = [*bookmarked_heading("4. Empfehlungen", keep_space=min(below + _HEADING, _TALL))]
    story += [lead, Spacer(0, _LEAD_GAP), KeepTogether(table)]
    story += captioned(
        paragraph("Status je Handlungsfeld", "table_head"),
        recommendation_charts.status_per_field(report.status_chart, width),
        space_above=4 * mm,
        at_least=60 * mm,
    )
    for part in report.recommendations:
        story += field_heading(f"{isolated(part.name)} ({part.kinds})")
        if part.lines:
            story.append(lines_table(part.lines))
        if part.non_public:
            lead = "sowie " if part.lines else ""
            story.append(
                paragraph(
                    f"{lead}{part.non_public_kinds} in nichtöffentlicher Beratung beschlossen "
                    "(ohne Titel).",
                    "small",
                )
            )
    return story


_FIGURE_HEADERS = ("beschlossen", "übermittelt", "beantwortet", "fristgerecht", "entsprochen")


def _response_table(parts: Sequence[FieldRecommendations]) -> Flowable:
    rows = [_response_row(p) for p in parts]
    columns = [Column("Handlungsfeld", 0.3, lambda r: [(r[0], BOLD)])]
    columns += [
        Column(header, 0.14, lambda r, i=i: [(r[i], PLAIN)])
        for i, header in enumerate(_FIGURE_HEADERS, start=1)
    ]
    return theme.column_table(rows, columns)


def _response_row(part: FieldRecommendations) -> tuple[str, ...]:
    figures, in_time = part.figures, part.in_time
    timely = f"{in_time.in_time} von {in_time.counted}" if in_time.counted else "–"
    if figures is None:  # a field the Übersicht's figures do not know (never expected)
        return (part.name, str(part.count), "–", "–", timely, "–")
    return (
        part.name,
        str(figures.recommendations),
        str(figures.sent),
        str(figures.answered),
        timely,
        str(figures.accepted),
    )


def _warnings(report: AnnualReport) -> tuple[str, ...]:
    head = report.letterhead
    texts: list[tuple[str, tuple[str, ...]]] = [
        (f"Gremium „{head.council_name}“", (head.council_name, head.city))
    ]
    texts += [(f"Mitglied „{e.name}“", (e.name,)) for e in report.council.members.named]
    texts += [(m.label, (m.label, m.place)) for m in report.meetings.meetings]
    for part in report.consultations:
        texts += [
            (f"Projekt „{c.project}“", (c.project, *(title for _, title in c.items)))
            for c in part.public
        ]
    # every field the report prints: the composition's, also one without consultations or
    # recommendations, and theirs
    fields = [c.field.name for c in report.council.composition.coverage]
    fields += [p.name for p in (*report.consultations, *report.recommendations)]
    texts += [(f"Handlungsfeld „{name}“", (name,)) for name in dict.fromkeys(fields)]
    for field in report.recommendations:
        for line in field.lines:  # each project by its title, as the printed column has it
            texts.append((line.row.code, (line.row.title,)))
            texts += [(f"Projekt „{p.title}“", (p.title,)) for p in line.row.projects]
    return theme.script_warnings(texts)
