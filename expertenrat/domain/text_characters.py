"""The characters of the text rule (see :mod:`~expertenrat.domain.field_limits`): the
invisible controls it refuses, the line breaks, the format characters real text needs, and
what a paste into an input drops of what the rule refuses or puts right of what a PDF
brings (a symbol font's bullets, ligatures)."""

from __future__ import annotations

import re
import unicodedata

from expertenrat.domain.flowing_text import flowing_text

ALLOWED_FORMAT = frozenset("\u200c\u200d\u200e\u200f\u061c")
"""The format characters real text needs: ZWNJ, ZWJ and the bidi marks LRM, RLM and ALM."""
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")
SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})
"""Qt's line and paragraph separators (Shift+Enter, Enter in a text box) as line feeds."""
PLAIN_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u202f", " "))
"""The no-break spaces (NO-BREAK SPACE, FIGURE SPACE, NARROW NO-BREAK SPACE) as ordinary
spaces: copied from a web page or a word processor into a name, they look like a space and
make two equal-looking names differ."""
_MULTILINE_CONTROLS = frozenset("\n\r\t")


def first_forbidden(value: str, multiline: bool) -> str | None:
    """The first character of ``value`` the text rule refuses (a line break only where the
    field is not ``multiline``), or ``None``."""
    if value.isprintable() or (multiline and _printable_lines(value)):
        return None  # the common case, at C speed
    for char in value:
        if char.isprintable() or (multiline and char in _MULTILINE_CONTROLS):
            continue  # isprintable: letters, digits, punctuation, symbols, the space
        if char in LINE_BREAKS or _invisible_control(char):
            return char
    return None


def _printable_lines(text: str) -> bool:
    """Whether ``text`` holds nothing but printable characters, line feeds, carriage
    returns and tabs (checked at C speed)."""
    return (
        text.isprintable()
        or text.replace("\n", "").replace("\r", "").replace("\t", "").isprintable()
    )


def _invisible_control(char: str) -> bool:
    """Whether ``char`` is a control, format or surrogate character the rule refuses, or a
    noncharacter (U+FFFE, U+FFFF and the like: no text holds them; kept, an .xlsx file of
    the members or the register was not well-formed, and neither Excel nor the import
    could open it)."""
    category = unicodedata.category(char)
    return (
        category in ("Cc", "Cs")
        or (category == "Cf" and char not in ALLOWED_FORMAT)
        or (category == "Cn" and _noncharacter(ord(char)))
    )


def _noncharacter(code: int) -> bool:
    """Whether ``code`` is one of Unicode's 66 noncharacters."""
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


# The bullets of Word's lists in a PDF made from Word: set in the Symbol or Wingdings font,
# whose letters lie in Unicode's private use area, they are copied as such; no font of the
# program draws them (each a "\ufffd" in the PDF minutes, and a warning about it).
# Replaced only at a line's start (indented by spaces, tabs or no-break spaces, as an e-mail
# indents a list: found by a tester) before a space, a tab or the line's end (a PDF may copy a
# bullet onto a line of its own), where they are surely bullets:
# elsewhere these code points are the Greek letters of the Symbol font.
_SYMBOL_FONT_BULLETS = {
    "\uf0b7": "•",  # Symbol: Word's bullet of the first list level
    "\uf02d": "−",  # Symbol: a minus
    "\uf0a7": "▪",  # Wingdings: the small square of the third level
    "\uf06c": "●",
    "\uf06e": "■",
    "\uf071": "❑",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
}
_SYMBOL_FONT_BULLET = re.compile(
    "(?<![^\n\r\u2028\u2029])([ \t\u00a0\u2007\u202f]*)"  # a line's start, its indentation
    f"([{''.join(_SYMBOL_FONT_BULLETS)}])"
    "(?=[ \t\u00a0\u2007\u202f\n\r\u2028\u2029]|\\Z)"
)
_SOFT_HYPHEN_AT_BREAK = re.compile("\u00ad(?=[ \t]*[\n\r\u2028\u2029\x0b\x0c\x85])")
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURE_LETTERS = str.maketrans(
    {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
)
"""ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ as the letters they join: a PDF's text holds them where its font set a
ligature, so "Einﬂuss" copied from it looks like "Einfluss" but is not that word for a
search in an exported file, a spelling check or a screen reader."""


def pasted_text(text: str) -> str:
    """``text`` as pasted into an input: without the invisible characters the text rule
    refuses, which copying from a PDF, a word processor, a web page or a terminal
    brings along unseen (a soft hyphen, a zero-width space, a byte order mark, a bidi
    override, an escape or NUL); kept, the text could not be saved and nobody could find
    what to retype in a long text. A vertical tab, form feed or NEL becomes a line feed.
    A PDF's ligatures become their letters, and the bullets of a symbol font at a line's
    start the Unicode bullets they show (found by a tester: a list copied from a PDF
    printed "\ufffd" before each point). A soft hyphen at a line's end, where a PDF divided
    a word and printed it, is a hyphen: the line's end shows it, and the word's lines join
    whole again (:func:`pasted_line`, "Als Fließtext einfügen"; found by a tester)."""
    if not _printable_lines(text):  # something to drop or replace; rarely so
        text = _SOFT_HYPHEN_AT_BREAK.sub("-", text)
        text = _SYMBOL_FONT_BULLET.sub(_unicode_bullet, without_refused(text))
    if _LIGATURE.search(text) is None:
        return text  # the common case, at C speed
    return text.translate(_LIGATURE_LETTERS)


def without_refused(text: str) -> str:
    """``text`` without the invisible characters the text rule refuses, a vertical tab, form
    feed or NEL as a line feed: what :func:`pasted_text` drops, and what the import of a
    members file drops of its cells (text pasted into Excel from a web page brings soft
    hyphens and zero-width spaces along, which Excel does not show either)."""
    if _printable_lines(text):
        return text  # the common case, at C speed
    return "".join(_pasted_character(char) for char in text)


def _unicode_bullet(match: re.Match[str]) -> str:
    return match.group(1) + _SYMBOL_FONT_BULLETS[match.group(2)]


def _pasted_character(char: str) -> str:
    if char.isprintable() or char in _MULTILINE_CONTROLS or char in "\u2028\u2029":
        return char
    if char in LINE_BREAKS:
        return "\n"
    return "" if _invisible_control(char) else char


def pasted_line(text: str) -> str:
    """``text`` as pasted into a one-line input: as :func:`pasted_text`, its lines and tabs
    joined by spaces; a word divided at a line's end whole again (a title copied from a
    PDF: "Parkraum-" over "steuerung" is "Parkraumsteuerung", not "Parkraum- steuerung";
    see :func:`~expertenrat.domain.flowing_text.flowing_text`)."""
    text = flowing_text(pasted_text(text))
    return "".join(" " if char in LINE_BREAKS or char == "\t" else char for char in text)


_QUOTES = "\"'„“”‚‘’«»‹›"


def copied_value(text: str) -> str:
    """``text``, a date or a time as copied, without the invisible format characters it
    may hold (soft hyphens, zero-width spaces, a byte order mark, bidi marks: Windows writes
    a date in a file's properties as "\u200e15.\u200e01.\u200e2027", a web page may
    hold a zero-width space) and without the white space and quotation marks around it
    ("„15.01.2027“" from a mail): kept, the fields said "„15.01.2027“ ist kein
    Datum" of a date that looked right (found by a tester)."""
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return text.strip().strip(_QUOTES).strip()


def line_feeds(text: str) -> str:
    """``text`` with the line ends of other systems (CR LF, a lone CR) as line feeds."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def shows_nothing(text: str) -> bool:
    """Whether ``text`` is blank to the eye: only spaces, line breaks, joiners and bidi
    marks (the invisible characters the text rule allows), or nothing."""
    return all(char.isspace() or char in ALLOWED_FORMAT for char in text)


def character_name(char: str) -> str:
    """ "U+202E RIGHT-TO-LEFT OVERRIDE"; a control character, which has no name, "U+0000"."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()
