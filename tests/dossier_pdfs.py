"""What the Sitzungsmappe tests share: small annex PDFs and the text of a PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas


def small_pdf(*texts: str) -> bytes:
    """A PDF with one page per text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for text in texts:
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text_of(pdf: bytes) -> str:
    """The text of every page, its white space made single spaces."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def page_text(page) -> str:
    return " ".join(page.extract_text().split())


def bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """The top bookmarks of ``reader``: title and the page (from 1) each leads to."""
    return [
        (e.title, reader.get_destination_page_number(e) + 1)
        for e in reader.outline
        if not isinstance(e, list)
    ]
