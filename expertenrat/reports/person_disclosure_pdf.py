"""The Auskunft nach Art. 15 DSGVO as PDF: a section per kind of data, each a table."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.person_disclosure import (
    NOTES,
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
    story = theme.title_block(TITLE, f"über {doc.name} (Personennummer {doc.person_id})")
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
    for note in NOTES:
        story += [Paragraph(theme.markup(note, s.body), s.body), Spacer(0, 2 * mm)]
    shown = tuple(text for section in doc.sections for row in section.rows for text in row)
    texts = [(f"Person „{doc.name}“", shown)]
    return theme.build_pdf(story, info, theme.script_warnings(texts), doc.records)


def _section(section: DisclosureSection) -> list[Flowable]:
    s = theme.styles()
    story = theme.section_heading(section.title, keep_space=30 * mm)
    if section.rows:
        columns = [
            Column(header, share, partial(_cell, index))
            for index, (header, share) in enumerate(
                zip(section.headers, section.shares, strict=True)
            )
        ]
        story.append(theme.column_table(section.rows, columns, long_rows=True))
    else:
        story.append(Paragraph(theme.markup(section.empty, s.body), s.body))
    if section.note:
        story += [Spacer(0, 1.5 * mm), Paragraph(theme.markup(section.note, s.note), s.note)]
    return story


def _cell(index: int, row: tuple[str, ...]) -> Lines:
    return [(row[index], PLAIN)]
