"""The cover page of a Sitzungsmappe: which meeting, when and where, what the pack holds
with the page each part starts on (the invitation with the agenda, after the meeting the
minutes, the annexes, an annex that could not be put in marked so), and the day it was
put together. Before the meeting (a planned or invited one) it says that agenda and
annexes may still change until the meeting; the minutes follow only in the pack after
the meeting."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.meeting_document_titles import (
    council_named,
    meeting_heading,
    pack_invitation_name,
)
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.wording import counted
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import theme
from expertenrat.reports.link_targets import linked
from expertenrat.reports.pack_pages import page_link
from expertenrat.reports.theme import PLAIN


def render_pack_cover(
    doc: MeetingDocument,
    made_on: date,
    invitation_sent_on: date | None,
    annexes: Sequence[str],
    starts: Sequence[int] = (),
    *,
    public: bool = False,
    minutes: str | None = None,
) -> RenderedPdf:
    """The cover of the pack of ``doc``, dated ``made_on`` (its header's "Stand" too);
    ``annexes``: the lines of the annexes it holds ("Anlage 1: …"), in order; ``starts``:
    the page of the pack on which the invitation, the minutes and each annex begin,
    listed beside them; ``public``: the cover of the public pack (``doc`` is the public
    invitation); ``minutes``: after the meeting, the line of the minutes it holds
    ("Protokoll der 5. Sitzung (Entwurf)"), ``None`` before."""
    heading = meeting_heading(doc)
    head = doc.letterhead
    pack = "Öffentliche Sitzungsmappe" if public else "Sitzungsmappe"
    after = minutes is not None
    info = theme.DocumentInfo(
        title=f"{pack}: {heading}",
        council_name=head.council_name,
        city=head.city,
        date=made_on,
        logo_png=head.logo_png,
        subject=council_named(  # as the pack's own, whose first page it is
            doc,
            f"{pack} der {heading} ({'nach' if after else 'vor'} der Sitzung), {parts.when(doc)}",
        ),
        date_label="Stand:",
        keywords=f"Sitzungsmappe, Einladung, {'Protokoll' if after else 'Tagesordnung'}, "
        f"{head.council_name}",
        page_numbers=False,  # only ever the first page of a pack, which numbers its pages
    )
    story = theme.title_block(
        f"{pack}: {heading}",
        f"{'Nach' if after else 'Vor'} der Sitzung zusammengestellt am {made_on:%d.%m.%Y}",
    )
    invitation = (
        f"versandt am {invitation_sent_on:%d.%m.%Y}"
        if invitation_sent_on is not None
        else "noch nicht versandt"
    )
    if doc.changed and invitation_sent_on not in (None, doc.letter_date):
        invitation += f"; geändert am {doc.letter_date:%d.%m.%Y}"  # the letter the pack holds
    story += [
        parts.facts([*parts.time_and_place(doc), ("Einladung", invitation)]),
        Spacer(0, 4 * mm),
        *theme.section_heading("Inhalt"),
    ]
    items = counted(len(doc.agenda), "Tagesordnungspunkt", "Tagesordnungspunkte")
    contents = [
        f"{pack_invitation_name(doc, public=public)} ({items})",
        *([minutes] if minutes is not None else []),
        *annexes,
    ]
    story.append(_contents(contents, starts))
    if not annexes:
        story.append(parts.paragraph("Keine Anlagen."))
    if not after:
        story += _may_change(made_on, public)
    return theme.build_pdf(story, info, parts.warnings(doc, late_notice=False), 1)


def _may_change(made_on: date, public: bool) -> list[Flowable]:
    """Before the meeting: the pack is as of ``made_on``, and the minutes come after."""
    return [
        Spacer(0, 4 * mm),
        parts.paragraph(
            f"Stand: {made_on:%d.%m.%Y}. Tagesordnung und Anlagen können sich bis zur Sitzung "
            "noch ändern; maßgeblich ist die zuletzt versandte Fassung. Nach der Sitzung "
            + (
                "enthält die öffentliche Sitzungsmappe auch das öffentliche Protokoll."
                if public
                else "enthält die Sitzungsmappe auch das Protokoll."
            ),
            "note",
        ),
    ]


def _contents(lines: Sequence[str], starts: Sequence[int]) -> Flowable:
    """The parts of the pack, each with the page it starts on ("Seite 2") at the right;
    both link to that page (a tap on a tablet opens the part)."""
    s = theme.styles()
    width = theme.content_width()
    page_width = 22 * mm
    right = _right_aligned(s.body)
    rows = []
    for line, start in zip(lines, [*starts, *[0] * (len(lines) - len(starts))], strict=True):
        markup = linked(PLAIN, page_link(start)) if start else PLAIN
        rows.append(
            [
                parts.paragraph(line, markup=markup, width=width - page_width),
                parts.paragraph(f"Seite {start}", right, markup, width=page_width) if start else "",
            ]
        )
    table = Table(rows, colWidths=[width - page_width, page_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.FONT, s.body.fontSize, s.body.leading),
                ("TEXTCOLOR", (0, 0), (-1, -1), s.body.textColor),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


@functools.cache
def _right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", style, alignment=TA_RIGHT)
