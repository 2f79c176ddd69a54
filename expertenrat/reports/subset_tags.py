"""Font subsets of a bundle with names of their own.

reportlab names the first subset of a face in every document it makes "AAAAAA+DejaVuSans";
put together (a Sitzungsmappe, a mail merge), one file held several different subsets of
that one name, where the PDF standard wants a tag of its own for each (ISO 32000-1,
9.6.4): an archive's validator objects, and a printer or converter that keeps fonts by
name may print one part's letters with another part's subset. Each subset gets a fresh
tag; the letters of the fonts stay as they are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pypdf import PdfWriter

_SUBSET = re.compile(r"^/[A-Z]{6}\+")  # a name as pypdf gives it: "/AAAAAA+DejaVuSans"


def retag_subsets(writer: PdfWriter) -> None:
    """Give every font subset used on the pages of ``writer`` a tag no other one has, also
    one an annex uses only in the look of a form field or another annotation (its
    appearance streams) or keeps for its form fields (the form's default resources): such
    a subset kept its name beside one of the same name on the pages (found by review);
    what is not a font as the standard describes it (in a damaged annex) is left as it is."""
    from pypdf.generic import DictionaryObject, NameObject, StreamObject  # pypdf: on demand

    tags: dict[int, str] = {}
    seen: set[int] = set()

    def retag(font: Any) -> None:
        font = _dictionary(font)
        if font is None or id(font) in tags or not _SUBSET.match(str(font.get("/BaseFont"))):
            return
        tag = tags[id(font)] = _tag(len(tags))
        descendants = font.get("/DescendantFonts")
        descendants = descendants.get_object() if descendants is not None else []
        for part in (font, *map(_dictionary, descendants if isinstance(descendants, list) else [])):
            descriptor = _dictionary(part.get("/FontDescriptor")) if part is not None else None
            for holder, key in ((part, "/BaseFont"), (descriptor, "/FontName")):
                if holder is not None and _SUBSET.match(str(holder.get(key))):
                    holder[NameObject(key)] = NameObject(tag + str(holder[key])[8:])

    def visit_appearance(appearance: Any) -> None:
        """An annotation's /N, /R or /D: a form's stream, or one per state ("/On", "/Off")."""
        appearance = appearance.get_object() if appearance is not None else None
        if isinstance(appearance, StreamObject):
            visit(appearance.get("/Resources"))
        elif isinstance(appearance, DictionaryObject):
            for state in appearance.values():
                if isinstance(state := state.get_object(), StreamObject):
                    visit(state.get("/Resources"))

    def visit(resources: Any) -> None:
        resources = _dictionary(resources)
        if resources is None or id(resources) in seen:
            return
        seen.add(id(resources))
        for font in (_dictionary(resources.get("/Font")) or {}).values():
            retag(font)
        for xobject in (_dictionary(resources.get("/XObject")) or {}).values():
            form = _dictionary(xobject)
            if form is not None and form.get("/Subtype") == "/Form":
                visit(form.get("/Resources"))

    for page in writer.pages:
        visit(page.get("/Resources"))
        for annotation in _array(page.get("/Annots")):
            appearances = _dictionary((_dictionary(annotation) or {}).get("/AP"))
            for appearance in (appearances or {}).values():
                visit_appearance(appearance)
    form = _dictionary(writer.root_object.get("/AcroForm"))
    if form is not None:
        visit(form.get("/DR"))


def _dictionary(value: Any) -> Any:
    """``value`` (resolved) if it is a dictionary, else ``None``."""
    from pypdf.generic import DictionaryObject  # pypdf: on demand

    value = value.get_object() if value is not None else None
    return value if isinstance(value, DictionaryObject) else None


def _array(value: Any) -> list[Any]:
    """``value`` (resolved) if it is an array, else an empty one."""
    value = value.get_object() if value is not None else None
    return value if isinstance(value, list) else []


def _tag(number: int) -> str:
    """The ``number``-th tag as a name's start: "/AAAAAA+", "/AAAAAB+", …"""
    letters = []
    for _ in range(6):
        number, rest = divmod(number, 26)
        letters.append(chr(ord("A") + rest))
    return "/" + "".join(reversed(letters)) + "+"
