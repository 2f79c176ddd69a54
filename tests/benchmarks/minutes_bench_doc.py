"""A 40-item meeting of about 13 pages, and the same text as a bare reportlab build.

Shared by the minutes PDF benchmarks (in process and whole process); ``bare_build`` runs
inside the benchmark process and, as the source text of ``BARE_SCRIPT``, under
``python -c``.
"""

from __future__ import annotations

from datetime import date, time

from expertenrat.domain.annexes import AnnexEntry
from expertenrat.domain.enums import MinutesStyle, VoteMode
from expertenrat.domain.meeting_documents import DeclaredConflict, Letterhead
from expertenrat.domain.minutes_attendees import PresentMember
from expertenrat.domain.minutes_document import Invitation, MinutesDocument
from expertenrat.domain.minutes_items import MinutesItem, VoteRecord
from expertenrat.domain.quorum import QuorumResult

ITEMS = 40


def document() -> MinutesDocument:
    items = tuple(
        MinutesItem(
            number=str(n),
            title=f"Beratung des Projekts Nr. {n}: Urbane Datenplattform und offene Daten",
            public=n % 8 != 0,
            kind_label="Beratung eines Projekts",
            presenter=f"Dr. Vortragende {n}",
            project_title=f"Projekt {n}",
            motion=f"Antrag {n}: Der Rat möge die Empfehlung beschließen.",
            resolution=f"Beschluss {n}: Der Expert*innenrat empfiehlt die Umsetzung.",
            votes=(VoteRecord(mode=VoteMode.COUNTED, yes=7, no=1, abstain=1, adopted=True),),
            recused=(DeclaredConflict("Ödön Pál", "Geschäftsführer eines Partners"),)
            if n % 5 == 0
            else (),
        )
        for n in range(1, ITEMS + 1)
    )
    return MinutesDocument(
        letterhead=Letterhead("Smart City Expert*innenrat", "Hanse- und Universitätsstadt Rostock"),
        number=12,
        day=date(2026, 3, 10),
        style=MinutesStyle.RESULTS,
        place="Rathaus",
        room="Raum 1.23",
        opened_at=time(16, 0),
        closed_at=time(19, 30),
        chair="Prof. Dr. Maria Nord",
        minute_taker="Frau Schulz",
        present=tuple(
            PresentMember(f"Mitglied {n}", "Mitglied", "Stadtdaten") for n in range(1, 10)
        ),
        invitation=Invitation(date(2026, 2, 24), 7),
        quorum=QuorumResult(9, 9, 0, True),
        agenda_approved=True,
        items=items,
        annexes=(AnnexEntry(1, "Präsentation"),),
    )


def texts(doc: MinutesDocument) -> list[str]:
    """The document's text in reading order, one string per paragraph."""
    found = [doc.heading, doc.letterhead.council_name, doc.state_line]
    found += [m.name for m in doc.present]
    found += [doc.invitation.statement(doc.day) if doc.invitation else "", doc.quorum_line]
    found += [f"TOP {i.number} {i.title}" for i in doc.items]
    for i in doc.items:
        found += [i.label, i.presenter, i.motion, i.resolution, *i.vote_lines()]
    found += [a.label for a in doc.annexes]
    return [t for t in found if t]


BARE_BUILD = """
import io
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate


def bare_build(texts, regular, bold):
    pdfmetrics.registerFont(TTFont("Bench", regular))
    pdfmetrics.registerFont(TTFont("Bench-Bold", bold))
    body = ParagraphStyle("body", fontName="Bench", fontSize=10, leading=13.5)
    heading = ParagraphStyle("heading", body, fontName="Bench-Bold", fontSize=11.5)
    story = [
        Paragraph(escape(text), heading if text.startswith("TOP ") else body)
        for text in texts
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()
"""
"""A plain SimpleDocTemplate of the same paragraphs in the same font, nothing else."""

MAIN = """
import json, sys
texts = json.load(open(sys.argv[1], encoding="utf-8"))
data = bare_build(texts, sys.argv[2], sys.argv[3])
open(sys.argv[4], "wb").write(data)
"""
"""Appended to ``BARE_BUILD`` for ``python -c``: texts file, fonts, output file."""


def font_files() -> tuple[str, str]:
    from expertenrat.paths import resource_path

    return str(resource_path("fonts", "DejaVuSans.ttf")), str(
        resource_path("fonts", "DejaVuSans-Bold.ttf")
    )


def bare_build(texts_: list[str]) -> bytes:
    namespace: dict[str, object] = {}
    exec(BARE_BUILD, namespace)
    return namespace["bare_build"](texts_, *font_files())  # type: ignore[operator]
