"""The page a Sitzungsmappe holds in place of an annex whose stored file cannot be read (a
damaged file in the database): which annex, that it could not be put in and why, and its
file name. The pack is made all the same, and its reader finds the gap where the annex
would stand, listed so on the cover too."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from expertenrat.domain.annexes import Annex
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import theme


def render_missing_annex(annex: Annex, head: Letterhead, made_on: date) -> bytes:
    """The one page standing for ``annex`` in a Sitzungsmappe made on ``made_on``, without
    its own page number (the bundle numbers its pages)."""
    info = theme.DocumentInfo(
        title=annex.label,
        council_name=head.council_name,
        city=head.city,
        date=made_on,
        logo_png=head.logo_png,
        subject=annex.left_out,
        page_numbers=False,
    )
    story = theme.title_block(annex.label, "Nicht eingefügt")
    story += [
        parts.paragraph(annex.left_out),
        Spacer(0, 3 * mm),
        parts.facts([("Datei", annex.name)]),
        Spacer(0, 4 * mm),
        parts.paragraph(
            "Die Sitzungsmappe wurde ohne den Inhalt dieser Anlage zusammengestellt. Wenn Sie "
            "die Anlage benötigen, wenden Sie sich bitte an die Geschäftsstelle.",
            "note",
        ),
    ]
    return theme.build_pdf(story, info).pdf
