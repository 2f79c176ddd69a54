"""The annexes of a Sitzungsmappe as its parts. Each stored file is read and tried as the
bundle will take it; one that cannot be (a file damaged in the database) no longer stops
the whole Mappe: a page saying so stands in its place
(:mod:`expertenrat.reports.missing_annex_pdf`), the cover lists it as not put in, and a
warning names it for the secretariat (under the buttons in the window, on stderr on the
command line)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from expertenrat.domain.annexes import Annex
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.wording import quoted
from expertenrat.services.pdf_bundles import read_parts
from expertenrat.services.pdf_reading import pypdf_quiet, read_pdf

if TYPE_CHECKING:
    from pypdf import PdfReader


@dataclass(frozen=True, slots=True)
class AnnexParts:
    """The annexes as parts of the bundle (bookmark, pages), the line of each in the
    cover's list of contents, and a warning for each annex left out."""

    parts: list[tuple[str, PdfReader]]
    lines: list[str]
    warnings: tuple[str, ...]


def annex_parts(annexes: list[tuple[Annex, bytes]], head: Letterhead, made_on: date) -> AnnexParts:
    """``annexes`` (with their stored bytes) as parts of a Sitzungsmappe made on
    ``made_on`` under ``head``; each that cannot be read or put in as a page saying so."""
    parts: list[tuple[str, PdfReader]] = []
    lines: list[str] = []
    warnings: list[str] = []
    for annex, content in annexes:
        reader = _readable(annex, content)
        if reader is not None:
            parts.append((annex.label, reader))
            lines.append(annex.label)
            continue
        from expertenrat.reports.missing_annex_pdf import render_missing_annex  # reportlab

        title = f"{annex.label} (nicht eingefügt: Datei beschädigt)"
        parts += read_parts([(title, render_missing_annex(annex, head, made_on))])
        lines.append(title)
        warnings.append(
            f"{annex.left_out} Die Sitzungsmappe enthält an ihrer Stelle eine Hinweisseite "
            f"(Datei {quoted(annex.name)}). Bitte fügen Sie die Datei im Reiter „Anlagen“ "
            "erneut hinzu; ist das Protokoll schon genehmigt, stellen Sie eine Sicherung "
            "wieder her."
        )
    return AnnexParts(parts, lines, tuple(warnings))


def _readable(annex: Annex, content: bytes) -> PdfReader | None:
    """``content`` read, every page of it, and tried as the bundle appends it; ``None`` if
    that fails (pypdf fails in many ways on a damaged file, some only when appending)."""
    from pypdf import PdfWriter  # pypdf: on demand

    try:
        reader = read_pdf(content, annex.label)
        with pypdf_quiet():
            PdfWriter().append(reader)
    except Exception:  # the German refusal of read_pdf, or pypdf failing in another way
        return None
    return reader
