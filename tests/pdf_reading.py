"""Reading a rendered PDF back in tests: its text (whitespace folded), per page or whole,
and the titles of its bookmarks."""

from __future__ import annotations

import io

from pypdf import PdfReader


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
