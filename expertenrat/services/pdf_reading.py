"""A PDF read with pypdf, page by page, before it goes into a Sitzungsmappe: a file that
does not start like a PDF, that is damaged or has no pages is refused with a German
message, so is an encrypted one; pypdf's own notes on a damaged file stay out of the
console (:func:`pypdf_quiet`). Used for the annexes (:mod:`services.annexes`) and the PDFs
merged into one (:mod:`services.pdf_bundles`)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from expertenrat.domain.annexes import PDF_MAGIC
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.wording import quoted

if TYPE_CHECKING:
    from pypdf import PdfReader


def damaged_annex_error(what: str) -> ValidationError:
    return ValidationError(
        [
            FieldProblem(
                "content",
                f"{quoted(what)} ist keine lesbare PDF-Datei (beschädigt oder unvollständig) und "
                "kann nicht in die Sitzungsmappe übernommen werden. Bitte speichern Sie die "
                "Datei neu als PDF und fügen Sie sie erneut hinzu.",
            )
        ]
    )


def read_pdf(data: bytes, what: str = "Die Datei") -> PdfReader:
    """A pypdf reader over ``data`` whose every page could be read; else a German error."""
    if PDF_MAGIC not in data[:1024]:  # readers allow a little junk before the header
        raise damaged_annex_error(what)
    with pypdf_quiet():
        return _read_pdf(data, what)


@contextmanager
def pypdf_quiet() -> Iterator[None]:
    """Keep pypdf's notes on a damaged file ("EOF marker not found") to itself: the file is
    judged here, with a German message, and on the command line they stood in English on
    the console above it (no log handler there, so Python printed them)."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes, what: str) -> PdfReader:
    from pypdf import PdfReader  # pypdf: on demand

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                [
                    FieldProblem(
                        "content",
                        f"{quoted(what)} ist verschlüsselt (mit einem Kennwort zum Öffnen oder "
                        "einem Schutz gegen Änderungen) und kann nicht in die Sitzungsmappe "
                        "übernommen werden. Bitte fordern Sie eine Fassung ohne Schutz an.",
                    )
                ]
            )
        if len(reader.pages) == 0:
            raise damaged_annex_error(what)
        for page in reader.pages:
            page.mediabox  # noqa: B018 - reading each page's tree finds a broken file
            page.get_contents()
    except ValidationError:
        raise
    except Exception as error:  # pypdf fails in many ways on a damaged file
        raise damaged_annex_error(what) from error
    return reader
