"""The Auskunft nach Art. 15 DSGVO as PDF: a section per kind of data, each a table.

Nothing is shortened: a table cell never grows taller than a page (it would shorten its
text with "…"), so a long value (the secretariat's notes may hold 20,000 letters) shows
its start in the table and stands whole in paragraphs under it, numbered ("[1]")."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.person_disclosure import (
    TITLE,
    DisclosureSection,
    PersonDisclosure,
)
from expertenrat.reports import theme
from expertenrat.reports.theme import PLAIN, Column, Lines, Paragraph


def render_disclosure(doc: PersonDisclosure) -> RenderedPdf:
    info = theme.DocumentInfo(
        title=TITLE,
        council_name=doc.council_name,
        city=doc.city,
        date=doc.made_on,
        logo_png=doc.logo_png,
        subject=f"{TITLE}: {doc.name}",
        keywords=", ".join(("Auskunft", "Art. 15 DSGVO", doc.name)),
        footer_note="Vertraulich – nur für die betroffene Person.",
    )
    s = theme.styles()
    number = f"Personennummer {doc.person_id}" if doc.person_id is not None else "Gast"
    story = theme.title_block(TITLE, f"über {doc.name} ({number})")
    story.append(
        Paragraph(
            theme.markup(
                "Diese Auskunft nennt alle Daten, die das Programm der Geschäftsstelle über "
                f"Sie gespeichert hat, Stand {doc.made_on:%d.%m.%Y}.",
                s.body,
            ),
            s.body,
        )
    )
    if doc.state:
        story += [Spacer(0, 3 * mm), Paragraph(theme.markup(doc.state, s.body), s.body)]
    for section in doc.sections:
        story += _section(section)
    story += theme.section_heading("Hinweise", keep_space=30 * mm)
    for note in doc.notes:
        story += [Paragraph(theme.markup(note, s.body), s.body), Spacer(0, 2 * mm)]
    shown = tuple(text for section in doc.sections for row in section.rows for text in row)
    texts = [(f"Person „{doc.name}“", shown)]
    return theme.build_pdf(story, info, theme.script_warnings(texts), doc.records)


LONG = 1200  # letters of a value shown whole under its table
_START = 300  # letters of it in the table


def _section(section: DisclosureSection) -> list[Flowable]:
    s = theme.styles()
    story = theme.section_heading(section.title, keep_space=30 * mm)
    if not section.rows:
        story.append(Paragraph(theme.markup(section.empty, s.body), s.body))
    long: list[tuple[str, str]] = []
    rows = [tuple(_shown(value, row[0], long) for value in row) for row in section.rows]
    if rows:
        columns = [
            Column(header, share, partial(_cell, index))
            for index, (header, share) in enumerate(
                zip(section.headers, section.shares, strict=True)
            )
        ]
        story.append(theme.column_table(rows, columns, long_rows=True))
    for number, (label, value) in enumerate(long, 1):
        heading = theme.markup(f"[{number}] {label}", s.small)
        story += [Spacer(0, 2 * mm), Paragraph(heading, s.small)]
        story += [Paragraph(theme.markup(line, s.body), s.body) for line in value.splitlines()]
    if section.note:
        story += [Spacer(0, 1.5 * mm), Paragraph(theme.markup(section.note, s.note), s.note)]
    return story


def _shown(value: str, label: str, long: list[tuple[str, str]]) -> str:
    """``value`` as its cell shows it; a long one is kept in ``long`` to stand whole below."""
    if len(value) <= LONG:
        return value
    long.append((label, value))
    return f"{value[:_START].rstrip()} … (vollständig unter der Tabelle, [{len(long)}])"


def _cell(index: int, row: tuple[str, ...]) -> Lines:
    return [(row[index], PLAIN)]
