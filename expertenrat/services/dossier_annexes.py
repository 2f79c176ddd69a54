"""The annexes of a Sitzungsmappe as its parts. Each stored file is read and tried as the
bundle will take it; one that cannot be (a file damaged in the database) no longer stops
the whole Mappe: a page saying so stands in its place
(:mod:`expertenrat.reports.missing_annex_pdf`), the cover lists it as not put in, and a
warning names it for the secretariat (under the buttons in the window, on stderr on the
command line). Every annex keeps its number (``domain.annexes``): the full Mappe marks a
non-public one "(nichtöffentlich)", the public Mappe lists it on its cover by its number
alone, as the public minutes do, without pages or a bookmark."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from expertenrat.domain.annexes import Annex, withheld_label
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.wording import quoted
from expertenrat.services.pdf_bundles import read_parts
from expertenrat.services.pdf_reading import pypdf_quiet, read_pdf

if TYPE_CHECKING:
    from pypdf import PdfReader


@dataclass(frozen=True, slots=True)
class AnnexParts:
    """The annexes as parts of the bundle (bookmark, pages) with the mark of each part's
    page stamps (``marks``: "Anlage 2 – nichtöffentlich"), the line of each in the
    cover's list of contents (``placed``: whether the line has a part), and a warning for
    each annex that could not be put in."""

    parts: list[tuple[str, PdfReader]]
    lines: list[str]
    placed: list[bool]
    warnings: tuple[str, ...]
    marks: tuple[str, ...] = ()

    def line_starts(self, starts: Sequence[int]) -> list[int]:
        """The page each line starts on, given the page each part starts on; 0 (no page)
        for a non-public annex the public Mappe leaves out."""
        pages = iter(starts)
        return [next(pages) if placed else 0 for placed in self.placed]


def annex_parts(
    annexes: list[tuple[Annex, bytes | None]], head: Letterhead, made_on: date
) -> AnnexParts:
    """``annexes`` (with their stored bytes; ``None``: left out of the public Mappe) as
    parts of a Sitzungsmappe made on ``made_on`` under ``head``; each that cannot be read
    or put in as a page saying so."""
    parts: list[tuple[str, PdfReader]] = []
    lines: list[str] = []
    placed: list[bool] = []
    warnings: list[str] = []
    marks: list[str] = []
    for annex, content in annexes:
        placed.append(content is not None)
        if content is None:
            lines.append(withheld_label(annex.number))
            continue
        reader = _readable(annex, content)
        marks.append(annex.page_mark)
        if reader is not None:
            parts.append((annex.listed, reader))
            lines.append(annex.listed)
            continue
        from expertenrat.reports.missing_annex_pdf import render_missing_annex  # reportlab

        title = f"{annex.listed} (nicht eingefügt: Datei beschädigt)"
        parts += read_parts([(title, render_missing_annex(annex, head, made_on))])
        lines.append(title)
        warnings.append(
            f"{annex.left_out} Die Sitzungsmappe enthält an ihrer Stelle eine Hinweisseite "
            f"(Datei {quoted(annex.name)}). Bitte fügen Sie die Datei im Reiter „Anlagen“ "
            "erneut hinzu; ist das Protokoll schon genehmigt, stellen Sie eine Sicherung "
            "wieder her."
        )
    return AnnexParts(parts, lines, placed, tuple(warnings), tuple(marks))


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
