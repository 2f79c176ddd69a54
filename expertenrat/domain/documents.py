"""What a service hands out for a printed document: the finished bytes and what to know."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    """A finished PDF and what the user should know about it.

    ``warnings`` are German sentences (for example letters no bundled font has); the file is
    complete all the same. ``records`` counts what the document lists (members, items).
    """

    pdf: bytes
    warnings: tuple[str, ...] = ()
    records: int = 0
