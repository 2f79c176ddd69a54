"""The chair's run sheet (Ablaufplan): every item in agenda order with its planned start,
presenter, linked project, declared conflicts of interest and notes (arrivals and
departures, the public leaving and returning, recusals, the time plan; see
``domain.run_sheet_notes``). Internal only."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.meeting_document_titles import council_named, meeting_heading
from expertenrat.domain.meeting_documents import AgendaEntry, MeetingDocument
from expertenrat.domain.meeting_numbers import meeting_noun
from expertenrat.domain.quorum_forecast import QuorumForecast
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import theme
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column, Lines

INTERNAL = "Intern – nur für die Sitzungsleitung"


def _start(entry: AgendaEntry) -> Lines:
    return [(parts.clock(entry.planned_start) if entry.planned_start else "", BOLD)]


def _subject(entry: AgendaEntry) -> Lines:
    marker = [] if entry.public else [(parts.NON_PUBLIC, BOLD)]
    return [*parts.subject(entry), *marker]


def _minutes(entry: AgendaEntry) -> Lines:
    return [(parts.minutes(entry), PLAIN)]


def _conflicts(entry: AgendaEntry) -> Lines:
    lines: Lines = []
    for conflict in entry.conflicts:
        lines += [(conflict.member_name, PLAIN), (conflict.reason, SMALL)]
    return lines or [("–", SMALL)]


def _notes(entry: AgendaEntry) -> Lines:
    """One line per note (see ``domain.run_sheet_notes``)."""
    return [(line, PLAIN) for line in entry.notes.splitlines() if line.strip()]


_COLUMNS: tuple[Column[AgendaEntry], ...] = (
    Column("Beginn", 0.07, _start),
    Column("TOP", 0.07, parts.number),
    Column("Gegenstand", 0.31, _subject),
    Column("Vortrag", 0.14, parts.presenter),
    Column("Dauer", 0.07, _minutes),
    Column("Befangenheit", 0.16, _conflicts),
    Column("Notizen", 0.18, _notes),
)


def render_run_sheet(doc: MeetingDocument, forecast: QuorumForecast | None = None) -> RenderedPdf:
    """The run sheet of ``doc`` in A4 landscape; warnings name letters no font has. A
    meeting ahead says below time and place what makes its quorum and what the apologies
    leave of it (``forecast``; found by a tester: the chair saw the apologies only)."""
    heading = meeting_heading(doc)
    title = f"Ablaufplan: {heading}"
    head = doc.letterhead
    info = theme.DocumentInfo(
        title=title,
        council_name=head.council_name,
        city=head.city,
        date=doc.start.date(),
        last_date=doc.end.date(),
        logo_png=head.logo_png,
        landscape=True,
        # named as the invitation is (no "Ablaufplan: …" after the council's colon)
        subject=council_named(doc, f"Ablaufplan der {heading}, {parts.when(doc)}"),
        keywords=f"Ablaufplan, intern, {heading}, {head.council_name}",
        date_label=f"{meeting_noun(doc.number, doc.kind)} vom",  # as the minutes' header
        footer_note=INTERNAL,
    )
    # A cancelled meeting has none: the service refuses it (its members get the Absage).
    story = theme.title_block(title, INTERNAL, landscape=True)
    quorum = forecast.run_sheet_line if forecast else ""
    facts = parts.time_and_place(doc) + ([("Beschlussfähigkeit", quorum)] if quorum else [])
    story += [parts.facts(facts, 40 * mm, landscape=True), Spacer(0, 4 * mm)]
    if doc.agenda:
        story.append(theme.column_table(doc.agenda, _COLUMNS, wide=True, long_rows=True))
    else:
        story.append(parts.paragraph("Die Tagesordnung ist leer.", "note"))
    return theme.build_pdf(
        story, info, parts.warnings(doc, late_notice=False, run_sheet=True), len(doc.agenda)
    )
