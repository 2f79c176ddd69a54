"""Right-to-left text (Hebrew, Arabic) in the order reportlab draws it: left to right.

reportlab draws glyphs as they come, so a line is put into visual order (python-bidi, the
Unicode bidi algorithm) and Arabic letters into their joined forms (arabic-reshaper,
presentation forms), vowel marks after their letters.
"""

from __future__ import annotations

import re
import unicodedata

import arabic_reshaper
from bidi import get_base_level, get_display

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={
        "delete_harakat": False,  # vowel marks are part of a name
        "support_ligatures": True,  # lam-alef must join
        "ARABIC LIGATURE ALLAH": False,  # keep the letters as written
    }
)
_RTL_CLASSES = frozenset({"R", "AL"})
# LRM, RLM and the isolates (LRI, RLI, FSI, PDI): done their work once the line is ordered.
DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f\u2066\u2067\u2068\u2069")
# The blocks that hold every right-to-left letter (Hebrew to Arabic Extended, their
# presentation forms, the historic ones); a quick test before the exact one.
_RTL_BLOCKS = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Hebrew, Arabic ...)."""
    return _RTL_BLOCKS.search(text) is not None and any(
        unicodedata.bidirectional(c) in _RTL_CLASSES for c in text
    )


def base_rtl(text: str) -> bool:
    """Whether a paragraph of ``text`` runs right to left: its first strong letter does
    (outside an isolated name), and it holds no left-to-right letter. The documents are
    German: a text mixing both, such as a name written in both scripts ("בן-דוד
    Ben-David"), keeps their direction, its right-to-left words set right to left within
    it, so that it reads in the order typed; by the first letter alone it ran right to left
    and showed "Ben-David בן-דוד"."""
    return (
        has_rtl(text)
        and get_base_level(text) == 1
        and not any(unicodedata.bidirectional(c) == "L" for c in text)
    )


def visual(line: str, *, rtl: bool | None = None) -> str:
    """One line in the order it is drawn from left to right, Arabic letters joined.

    ``rtl`` is the direction of the paragraph the line belongs to (default: the line's).
    """
    if not has_rtl(line):
        return line
    if rtl is None:
        rtl = base_rtl(line)
    ordered = get_display(_RESHAPER.reshape(line), base_dir="R" if rtl else "L")
    return _marks_after_their_letters(ordered.translate(DIRECTION_MARKS))


def _marks_after_their_letters(text: str) -> str:
    """Reversing a right-to-left run puts vowel marks before their letter: put them back."""
    out: list[str] = []
    marks: list[str] = []
    for char in text:
        if unicodedata.combining(char):
            marks.append(char)
            continue
        if marks and unicodedata.bidirectional(char) in _RTL_CLASSES:
            out.append(char)
            out.extend(marks)
        else:
            out.extend(marks)
            out.append(char)
        marks.clear()
    out.extend(marks)
    return "".join(out)
