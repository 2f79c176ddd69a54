"""Text copied or searched in the PDFs reads as written, also beyond U+FFFF (emoji).

A PDF reader finds the text of a glyph in the font's ToUnicode map, whose values are
UTF-16BE (ISO 32000-1, 9.10.3). reportlab (5.1) writes each value as ``<%04X>`` of the code
point, so a character beyond U+FFFF (😀, U+1F600) gets five hex digits, which readers take
for another character ("ὠ"). :func:`install` has reportlab's map maker write such a
character as its surrogate pair; the map is otherwise reportlab's own.
"""

from __future__ import annotations

import re

from reportlab.pdfbase import ttfonts

# A line of the map: the glyph's code in the subset, then the character, here one beyond
# the four hex digits of the Basic Multilingual Plane.
_BEYOND_BMP = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def install() -> None:
    """Wrap reportlab's ``makeToUnicodeCMap`` (once; reportlab calls it by its module name
    when it writes a font subset)."""
    make = ttfonts.makeToUnicodeCMap
    if getattr(make, "utf16", False):
        return

    def make_utf16(fontname: str, subset: list[int]) -> str:
        return _BEYOND_BMP.sub(_surrogate_pair, make(fontname, subset))

    make_utf16.utf16 = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_utf16


def _surrogate_pair(line: re.Match[str]) -> str:
    utf16 = chr(int(line[2], 16)).encode("utf-16-be").hex().upper()
    return f"<{line[1]}> <{utf16}>"
