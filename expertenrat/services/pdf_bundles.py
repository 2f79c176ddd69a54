"""Several PDFs in one: a cover listing where each part starts, a bookmark for each part
and every page stamped with its number in the whole bundle (the Sitzungsmappe,
:mod:`expertenrat.services.minutes_documents`). A part that cannot be read is refused with
a German message; an annex is tried before (:mod:`services.dossier_annexes`), and one that
cannot be read is put in as a page saying so.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.pdf_reading import damaged_annex_error, pypdf_quiet, read_pdf

if TYPE_CHECKING:
    from pypdf import PdfReader


def read_parts(parts: list[tuple[str, bytes]]) -> list[tuple[str, PdfReader]]:
    """Each part read, with its title; a part that cannot be read is a damaged annex."""
    read = []
    for title, data in parts:
        try:
            read.append((title, read_pdf(data, title)))
        except ExpertenratError:
            raise
        except Exception as error:  # pypdf fails in many ways on a damaged file
            raise damaged_annex_error(title) from error
    return read


def page_counts(parts: list[tuple[str, PdfReader]]) -> list[int]:
    """The number of pages of each part."""
    counts = []
    for title, reader in parts:
        try:
            with pypdf_quiet():
                counts.append(len(reader.pages))
        except Exception as error:
            raise damaged_annex_error(title) from error
    return counts


def with_cover(
    render_cover: Callable[[list[int]], RenderedPdf],
    parts: list[tuple[str, PdfReader]],
    metadata: dict[str, str],
    marks: Sequence[str] = (),
) -> tuple[bytes, RenderedPdf]:
    """A cover (bookmarked "Deckblatt") and ``parts`` in one PDF (:func:`merge_read`; the
    pages of each part stamped with its entry of ``marks``, if any), and the cover.
    ``render_cover(starts)`` draws the cover listing the page of the bundle on which each
    part starts; drawn again until its own length is the one counted on."""
    counts = page_counts(parts)
    cover_pages = 1
    while True:
        starts = [cover_pages + 1 + sum(counts[:n]) for n in range(len(counts))]
        cover = render_cover(starts)
        read_cover = read_parts([("Deckblatt", cover.pdf)])
        pages = page_counts(read_cover)[0]
        if pages == cover_pages:
            return merge_read([*read_cover, *parts], metadata, ["", *marks]), cover
        cover_pages = pages


def merge_read(
    parts: list[tuple[str, PdfReader]], metadata: dict[str, str], marks: Sequence[str] = ()
) -> bytes:
    """The parts in one PDF, a bookmark each, every page stamped with its number in the
    whole bundle ("Sitzungsmappe, Seite 3 von 12"; :mod:`reports.pack_pages`) and the
    pages of a part with its entry of ``marks`` ("Anlage 2 – nichtöffentlich")."""
    from pypdf import PdfReader, PdfWriter, Transformation

    from expertenrat.reports.pack_pages import page_stamps, resolve_page_links  # on demand
    from expertenrat.reports.page_frame import finish_bundle

    writer = PdfWriter()
    page_marks: list[str] = []
    for n, (title, reader) in enumerate(parts):
        try:
            with pypdf_quiet():
                writer.append(reader, outline_item=title)
        except Exception as error:  # pypdf fails in many ways on a damaged file
            raise damaged_annex_error(title) from error
        added = len(writer.pages) - len(page_marks)
        page_marks += [marks[n] if n < len(marks) else ""] * added
    with pypdf_quiet():
        for page in writer.pages:
            if page.get("/Rotate", 0) % 360:
                page.transfer_rotation_to_content()  # upright, so the stamp is too
        boxes = [page.cropbox for page in writer.pages]
        sizes = [(b.width, b.height) for b in boxes]
        stamps = PdfReader(io.BytesIO(page_stamps(sizes, page_marks)))
        for page, stamp, box in zip(writer.pages, stamps.pages, boxes, strict=True):
            page.merge_transformed_page(
                stamp, Transformation().translate(float(box.left), float(box.bottom))
            )
    resolve_page_links(writer)
    finish_bundle(writer, metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
