"""Reading a rendered PDF back in tests: its text (whitespace folded), per page or whole,
and the titles of its bookmarks."""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def flat(text: str) -> str:
    return " ".join(text.split())


def pages(pdf: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in read(pdf).pages]


def text(pdf: bytes) -> str:
    return " ".join(pages(pdf))


def outline(pdf: bytes) -> list[str]:
    def walk(entries) -> list[str]:
        found = []
        for entry in entries:
            found += walk(entry) if isinstance(entry, list) else [entry.title]
        return found

    return walk(read(pdf).outline)


def text_runs(page: PageObject) -> list[tuple[str, float, float]]:
    """The pieces of text on ``page`` in the order they are drawn, each with its baseline
    (points from the bottom of the page) and font size."""
    return [(text, y, size) for text, _x, y, size in placed_text_runs(page)]


def placed_text_runs(page: PageObject) -> list[tuple[str, float, float, float]]:
    """As :func:`text_runs`, each with where it starts on its baseline (points from the
    left edge of the page): text, x, y, size."""
    found = []

    def visit(text, cm, tm, _font, size) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y, size))

    page.extract_text(visitor_text=visit)
    return found
