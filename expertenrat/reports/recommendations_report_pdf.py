"""The recommendations report as PDF: an overview with the two charts, then per action field
and per project what was recommended, the latest answer, the state and the days open, and
at the end the open and overdue items. Every field, project and part is a bookmark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.projects import marked_title
from expertenrat.domain.recommendations_report import (
    TITLE,
    FieldSection,
    ProjectSection,
    RecommendationsReport,
    ReportLine,
)
from expertenrat.domain.wording import counted_or_none, isolated
from expertenrat.reports import recommendation_charts as charts
from expertenrat.reports import theme
from expertenrat.reports.bookmarks import Bookmark, bookmarked_heading
from expertenrat.reports.meeting_parts import paragraph
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column, Lines
from expertenrat.reports.widowless_table import AtPageTop, ContinuedTable

INTERNAL = (
    "Intern – enthält Empfehlungen aus nichtöffentlicher Beratung, nur für den internen Gebrauch."
)


def _code(line: ReportLine) -> Lines:
    return [(line.row.code, BOLD), (line.row.kind.label, SMALL)]


def _title(line: ReportLine) -> Lines:
    return [(line.row.title, PLAIN), (line.row.origin.label, SMALL)]


def _title_and_projects(line: ReportLine) -> Lines:
    projects = "; ".join(marked_title(isolated(p.title), p.ended) for p in line.row.projects)
    return [(line.row.title, PLAIN), (projects, SMALL)]


def _answer(line: ReportLine) -> Lines:
    return [(line.answer_label, PLAIN if line.answer else SMALL)]


def _state(line: ReportLine) -> Lines:
    return [(line.state_label, PLAIN), (line.awaited_label, SMALL)]


def _days_open(line: ReportLine) -> Lines:
    return [(line.days_open_label, PLAIN)]


# The state takes a quarter: "übermittelt (1 von 2 geantwortet), Umsetzung geplant bis
# 30.06.2026, seit 3 Monaten überfällig" in four lines, not seven; the title, mostly a line
# or two, gives the room.
_COLUMNS: tuple[Column[ReportLine], ...] = (
    Column("Kennung", 0.13, _code),
    Column("Empfehlung", 0.33, _title),
    Column("Stellungnahme", 0.2, _answer),
    Column("Stand", 0.27, _state),
    Column("Tage offen", 0.07, _days_open),
)
LINES_WITH_PROJECTS: tuple[Column[ReportLine], ...] = (
    Column("Kennung", 0.13, _code),
    Column("Empfehlung und Projekte", 0.33, _title_and_projects),
    *_COLUMNS[2:],
)


def lines_table(
    lines: Sequence[ReportLine], columns: Sequence[Column[ReportLine]] = LINES_WITH_PROJECTS
) -> Flowable:
    """The recommendations ``lines`` as a table (also the annual report's), the code column
    as wide as its longest code, so that a council's longer prefix ("DB-2026-01") is never
    broken; the title column gives the room."""
    code, title, *rest = columns
    share = max(code.share, theme.fitted_share(lines, code.lines, code.header))
    wider = (replace(code, share=share), replace(title, share=title.share + code.share - share))
    return theme.column_table(lines, (*wider, *rest))


def render_recommendations_report(report: RecommendationsReport) -> RenderedPdf:
    """The report in A4 portrait; warnings name texts with letters no bundled font has.
    One that holds a recommendation adopted in a non-public agenda item is marked internal
    as the internal roster is: in its title, keywords and every page's foot."""
    head = report.letterhead
    title = f"{TITLE} – intern" if report.internal else TITLE
    kinds = ("Empfehlungen", "intern") if report.internal else ("Empfehlungen",)
    info = theme.DocumentInfo(
        title=title,
        council_name=head.council_name,
        city=head.city,
        date=report.on,
        logo_png=head.logo_png,
        subject=f"{TITLE}, {head.council_name}, {report.scope}",
        keywords=", ".join((*kinds, head.council_name, report.scope)),
        footer_note=INTERNAL if report.internal else "",
    )
    count = counted_or_none(report.count, "Empfehlung", "Empfehlungen")
    story = theme.title_block(title, f"{isolated(head.council_name)} · {count} · {report.scope}")
    if not report.count:
        story.append(paragraph("Keine Empfehlungen in dieser Auswahl.", "note"))
    else:
        story += _overview(report)
        for section in report.fields:
            story += _field(section)
        story += _open_items(report)
    return theme.build_pdf(story, info, _warnings(report), report.count)


def _overview(report: RecommendationsReport) -> list[Flowable]:
    width = theme.content_width()
    overdue = sum(1 for line in report.open_items if line.row.any_overdue)
    story = [*bookmarked_heading("Überblick")]
    counts = [f"Offen: {len(report.open_items)}", f"davon überfällig: {overdue}"]
    if report.closable:  # a count of none there says nothing: the part is left out
        counts.append(f"Abschluss möglich: {report.closable}")
    counts.append(f"Handlungsfelder: {len(report.fields)}")
    story.append(paragraph(" · ".join(counts)))
    story += [Spacer(0, 3 * mm), paragraph("Status je Handlungsfeld", "table_head")]
    story.append(charts.status_per_field(report.status_chart, width))
    story += [CondPageBreak(75 * mm), Spacer(0, 3 * mm)]
    story.append(paragraph("Fristgerecht beantwortet, je Jahr der Übermittlung", "table_head"))
    if report.in_time:
        story.append(charts.answered_in_time(report.in_time, width))
        story.append(
            paragraph(
                "Gezählt sind übermittelte Empfehlungen, deren Frist abgelaufen ist oder die "
                "beantwortet wurden; fristgerecht heißt: jedes adressierte Projekt hatte bis "
                "zur Frist geantwortet (mit einer eigenen oder einer gemeinsamen "
                "Stellungnahme).",
                "note",
            )
        )
    else:
        story.append(paragraph("Noch keine Frist ist abgelaufen oder beantwortet.", "note"))
    return story


def _field(section: FieldSection) -> list[Flowable]:
    story = [*bookmarked_heading(f"{isolated(section.name)} ({section.kinds})")]
    for n, project in enumerate(section.projects):
        story += _project(project, section.name, first=not n)
    return story


def _project(project: ProjectSection, field: str, *, first: bool) -> list[Flowable]:
    """A project's heading and table; a project after the field's first names the field
    again where it starts a page ("Umwelt (Fortsetzung)"), as a table going on does."""
    title = theme.clip(project.title, 300)
    heading: list[Flowable] = [] if first else [AtPageTop(_field_continued(field))]
    named = marked_title(title, project.ended)
    heading += [Bookmark(marked_title(project.title, project.ended), 1)]
    heading.append(paragraph(named, "body", BOLD))
    if project.lead_unit.strip():
        heading.append(paragraph(f"Federführung: {isolated(project.lead_unit)}", "small"))
    heading.append(Spacer(0, 1.5 * mm))
    # The heading (and a field's heading above it) goes to the next page unless the
    # table's header and first rows fit below it (KeepWithStart, the page frame's group).
    for flowable in heading:
        flowable.keepWithNext = True
    lines = lines_table(project.lines, _COLUMNS)
    lines.spaceAfter = 4 * mm  # not a spacer: one at a page's foot would start the next
    return [*heading, ContinuedTable(lines, partial(_continued, field, title))]


def _field_continued(field: str) -> Flowable:
    """ "Umwelt (Fortsetzung)": an action field's heading over a page that goes on with it."""
    return theme.section_heading(f"{isolated(field)} (Fortsetzung)")[-1]


def _continued(field: str, title: str) -> list[Flowable]:
    """The field's and the project's names again over its rows on the next page ("Umwelt
    (Fortsetzung)", "Klimaportal (Fortsetzung)"), as the repeated header row names the
    columns only."""
    return [
        _field_continued(field),
        paragraph(f"{title} (Fortsetzung)", "body", BOLD),
        Spacer(0, 1.5 * mm),
    ]


def _open_items(report: RecommendationsReport) -> list[Flowable]:
    heading = "Offene und überfällige Empfehlungen"
    story = [*bookmarked_heading(heading)]
    if not report.open_items:
        return [*story, paragraph("Keine Empfehlung ist offen.", "note")]
    again = partial(theme.section_heading, f"{heading} (Fortsetzung)")
    return [*story, ContinuedTable(lines_table(report.open_items), again)]


def _warnings(report: RecommendationsReport) -> tuple[str, ...]:
    head = report.letterhead
    texts: list[tuple[str, tuple[str, ...]]] = [
        (f"Gremium „{head.council_name}“", (head.council_name, head.city))
    ]
    for section in report.fields:
        texts.append((f"Handlungsfeld „{section.name}“", (section.name,)))
        for project in section.projects:
            texts.append((f"Projekt „{project.title}“", (project.title, project.lead_unit)))
            texts += [(line.row.code, (line.row.title,)) for line in project.lines]
            # the meeting each was adopted in, printed under it: a Klausur has its title
            meetings = (line.row.origin.meeting_label for line in project.lines)
            texts += [(label, (label,)) for label in meetings if label]
    return theme.script_warnings(texts)
