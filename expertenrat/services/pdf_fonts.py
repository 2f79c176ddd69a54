"""The fonts a PDF uses without embedding them (found by a tester: an annex goes into the
Archivpaket as it was added, and one from an office program may lack its fonts, which an
archive must know before it takes it over). Read with pypdf, through the pages' resources
and the forms they draw; a file pypdf cannot read names none (it is judged elsewhere)."""

from __future__ import annotations

from typing import Any

from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.pdf_reading import pypdf_quiet, read_pdf

_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def unembedded_fonts(data: bytes) -> tuple[str, ...]:
    """The names of the fonts ``data`` uses but does not hold ("Helvetica"), sorted."""
    try:
        reader = read_pdf(data)
    except ExpertenratError:
        return ()
    missing: set[str] = set()
    seen: set[int] = set()
    with pypdf_quiet():
        try:
            for page in reader.pages:
                _resources(page.get("/Resources"), missing, seen)
        except Exception:  # pypdf fails in many ways on a damaged file: named so far
            pass
    return tuple(sorted(missing))


def _resources(resources: Any, missing: set[str], seen: set[int]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if not _embedded(font):
            missing.add(str(font.get("/BaseFont", "?")).lstrip("/").split("+")[-1])
    for form in (resources.get("/XObject") or {}).values():
        form = form.get_object()
        if form.get("/Subtype") == "/Form" and id(form) not in seen:
            seen.add(id(form))
            _resources(form.get("/Resources"), missing, seen)


def _embedded(font: Any) -> bool:
    """Whether ``font`` holds its glyphs: a Type3 font draws them itself; a Type0 font's
    descriptor is that of its descendant."""
    if font.get("/Subtype") == "/Type3":
        return True
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor.get_object() for key in _FONT_FILES)
