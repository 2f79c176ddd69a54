"""Fonts of the PDFs and the text they can draw: Latin, Greek, Cyrillic, Hebrew, Arabic.

The house family is DejaVu Sans in four faces. Its oblique faces have no Arabic, so a
second family of upright DejaVu faces stands in for letters that a face of the house family
lacks (italic Arabic is printed upright). reportlab draws glyphs left to right as they come,
so right-to-left text is first put into visual order and Arabic letters into their joined
forms (:mod:`expertenrat.reports.visual_order`). A letter that no family can draw is printed
as "�", and :func:`missing_scripts` names its script so that the document can warn about it.
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from expertenrat.paths import resource_path
from expertenrat.reports import unicode_map
from expertenrat.reports.visual_order import visual

PLACEHOLDER = "\ufffd"


@dataclass(frozen=True, slots=True)
class Family:
    """Four faces that reportlab switches between for <b> and <i>: name → font file."""

    name: str
    faces: tuple[tuple[str, str], tuple[str, str], tuple[str, str], tuple[str, str]]

    @property
    def face_names(self) -> tuple[str, str, str, str]:
        """Regular, bold, italic, bold italic."""
        regular, bold, italic, bold_italic = (name for name, _ in self.faces)
        return regular, bold, italic, bold_italic


HOUSE = Family(
    "DejaVuSans",
    (
        ("DejaVuSans", "DejaVuSans.ttf"),
        ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
        ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
    ),
)
UPRIGHT = Family(
    "DejaVuSansUpright",
    (
        ("DejaVuSansUpright", "DejaVuSans.ttf"),
        ("DejaVuSansUpright-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVuSansUpright", "DejaVuSans.ttf"),
        ("DejaVuSansUpright-Bold", "DejaVuSans-Bold.ttf"),
    ),
)
FAMILIES = (HOUSE, UPRIGHT)
"""The house family first, then the fallbacks in the order they are tried."""

# Letters every face of the house family draws (a test checks it): text of only these
# needs no look at the faces' glyph tables, so an italic face is read only when used.
_EVERY_HOUSE_FACE = re.compile("[\n\x20-\x7e\xa0-\u017f\u2010-\u2027\u2030-\u203a\u20ac]*")
_SCRIPT_NAMES = {
    "ARABIC": "arabische Schrift",
    "ARMENIAN": "armenische Schrift",
    "BENGALI": "bengalische Schrift",
    "CJK": "chinesische Schriftzeichen (CJK)",
    "CYRILLIC": "kyrillische Schrift",
    "DEVANAGARI": "Devanagari",
    "ETHIOPIC": "äthiopische Schrift",
    "GEORGIAN": "georgische Schrift",
    "GREEK": "griechische Schrift",
    "GUJARATI": "Gujarati",
    "GURMUKHI": "Gurmukhi",
    "HANGUL": "koreanische Schrift (Hangul)",
    "HEBREW": "hebräische Schrift",
    "HIRAGANA": "japanische Schrift (Hiragana)",
    "KANNADA": "Kannada",
    "KATAKANA": "japanische Schrift (Katakana)",
    "KHMER": "Khmer",
    "LAO": "laotische Schrift",
    "MALAYALAM": "Malayalam",
    "MYANMAR": "birmanische Schrift",
    "SINHALA": "singhalesische Schrift",
    "SYRIAC": "syrische Schrift",
    "TAMIL": "tamilische Schrift",
    "TELUGU": "Telugu",
    "THAANA": "Thaana",
    "THAI": "thailändische Schrift",
    "TIBETAN": "tibetische Schrift",
}


@functools.cache
def register_fonts() -> None:
    """Register every face and family with reportlab, once; each font file is read once,
    when a face is first measured or drawn (see :class:`_FaceOnDemand`). Characters beyond
    U+FFFF copy as themselves (:mod:`unicode_map`)."""
    unicode_map.install()
    read: dict[str, TTFont] = {}
    for family in FAMILIES:
        for name, file in dict(family.faces).items():
            if file in read:
                font = _renamed(read[file], name)
            else:
                font = read[file] = _FontOnDemand(name, file)
            pdfmetrics.registerFont(font)
        regular, bold, italic, bold_italic = family.face_names
        pdfmetrics.registerFontFamily(
            family.name, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic
        )


class _FaceOnDemand:
    """Stands in for a font's parsed file (``TTFont.face``) until something asks for
    more than its name; then reads the file (~50 ms each) and puts it in its place."""

    def __init__(self, font: TTFont, path: str, name: str) -> None:
        self.name = name.encode()  # the face's PostScript name: reportlab registers by it
        self._font = font
        self._path = path
        self._face: TTFontFace | None = None

    def __getattr__(self, attribute: str) -> object:
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        if self._face is None:
            self._face = TTFontFace(self._path)
            self._font.face = self._face
        return getattr(self._face, attribute)


class _FontOnDemand(TTFont):
    """A TTFont named ``name`` whose file is read when first needed. It sets what
    ``TTFont.__init__`` sets (a test compares them); ``name`` is the face's PostScript
    name (a test checks that too)."""

    def __init__(self, name: str, file: str) -> None:
        self.fontName = name
        self.face = _FaceOnDemand(self, str(resource_path("fonts", file)), name)
        self.encoding = TTEncoding()
        self.state = weakref.WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)


def _renamed(font: TTFont, name: str) -> TTFont:
    """``font`` under another name, sharing its parsed file (reading one costs ~50 ms)."""
    twin = copy.copy(font)
    twin.fontName = name
    twin.encoding = TTEncoding()  # what a document embeds is kept per name
    twin.state = weakref.WeakKeyDictionary()
    return twin


@functools.cache
def coverage(face: str) -> frozenset[int]:
    """The code points the registered face ``face`` has a glyph for."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(face).face.charToGlyph)


@functools.cache
def _family_coverage(family: Family) -> frozenset[int]:
    """Code points that every face of ``family`` can draw."""
    faces = [coverage(face) for face in set(family.face_names)]
    return frozenset.intersection(*faces)


@functools.cache
def family_of(char: str) -> Family | None:
    """The first family whose every face has ``char``; ``None`` if none has it."""
    return next((f for f in FAMILIES if ord(char) in _family_coverage(f)), None)


@functools.cache
def _house_table() -> dict[int, None]:
    """A translation table that deletes what the house family draws."""
    return dict.fromkeys(_family_coverage(HOUSE))


def only_house_letters(text: str) -> bool:
    """Whether every face of the house family draws all of ``text`` (a quick test that
    does not read the faces: it may say no to some text they do draw)."""
    return _EVERY_HOUSE_FACE.fullmatch(text) is not None


def drawable(char: str, covered: frozenset[int]) -> str:
    """``char`` if ``covered`` has it; else "" for invisible marks and joiners, else "�"."""
    if ord(char) in covered:
        return char
    category = unicodedata.category(char)
    return "" if category in ("Mn", "Me", "Cf", "Sk") else PLACEHOLDER


def font_runs(text: str) -> Iterator[tuple[Family | None, str]]:
    """``text`` cut into runs by the family that draws them: ``None`` for the house family.

    Letters no family has become "�" (drawn by the house family); invisible marks vanish.
    """
    if only_house_letters(text) or not text.translate(_house_table()):
        # the house family draws it all
        yield None, text
        return
    house = _family_coverage(HOUSE)
    run: list[str] = []
    current: Family | None = None
    for char in text:
        family = None if ord(char) in house or char == "\n" else family_of(char)
        shown = char if family is not None or char == "\n" else drawable(char, house)
        if family is not current and run:
            yield current, "".join(run)
            run = []
        current = family
        run.append(shown)
    if run:
        yield current, "".join(run)


def missing_scripts(text: str) -> list[str]:
    """The scripts (German names) of the letters in ``text`` that no family can draw."""
    if only_house_letters(text):
        return []
    found: dict[str, None] = {}
    for line in text.splitlines():
        for char in visual(line):
            if family_of(char) is None and drawable(char, frozenset()) == PLACEHOLDER:
                found[_script(char)] = None
    return list(found)


def _script(char: str) -> str:
    if unicodedata.category(char).startswith("S"):
        return "Symbole oder Emoji"
    word = unicodedata.name(char, "?").split(" ")[0]
    if word.startswith("CJK"):
        word = "CJK"
    return _SCRIPT_NAMES.get(word, f"Schrift „{word.title()}“" if word != "?" else "Zeichen")
