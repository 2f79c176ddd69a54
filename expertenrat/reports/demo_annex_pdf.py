"""The presentation the demo data annexes to its minutes: two landscape slides set in the
house font, which the PDF embeds (as every PDF Expertenrat stores), made the same, byte
for byte, every time."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from expertenrat.reports import fonts
from expertenrat.reports.house_style import ACCENT, FONT, FONT_BOLD, INK, MUTED

_SLIDES = (
    ("Projektstand", ("Ziele und Zeitplan", "Erreichte Meilensteine", "Nächste Schritte")),
    (
        "Offene Fragen an den Rat",
        ("Datenschutz und Betrieb", "Barrierefreiheit", "Übertragbarkeit auf andere Kommunen"),
    ),
)
_FOOT = "Demodaten – Präsentation eines Projekts im Expert*innenrat"


def render_demo_annex() -> bytes:
    """The demo presentation as PDF (A4 landscape, two pages)."""
    fonts.register_fonts()
    out = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(
        out, pagesize=(width, height), invariant=True, pageCompression=1, initialFontName=FONT
    )
    canvas.setTitle("Präsentation (Demodaten)")
    canvas.setAuthor("Expertenrat – Demodaten")
    canvas.setCreator("Expertenrat")
    for title, points in _SLIDES:
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 28)
        canvas.drawString(25 * mm, height - 45 * mm, title)
        canvas.setFont(FONT, 18)
        for n, point in enumerate(points):
            canvas.drawString(30 * mm, height - (70 + 14 * n) * mm, f"• {point}")
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 10)
        canvas.drawString(25 * mm, 15 * mm, _FOOT)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
