"""The characters of the text rule (see :mod:`~expertenrat.domain.field_limits`): the
invisible controls it refuses, the line breaks, the format characters real text needs, and
what a paste into an input drops of what the rule refuses."""

from __future__ import annotations

import unicodedata

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
    """Whether ``char`` is a control, format or surrogate character the rule refuses."""
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or (category == "Cf" and char not in ALLOWED_FORMAT)


def pasted_text(text: str) -> str:
    """``text`` as pasted into an input: without the invisible characters the text rule
    refuses, which copying from a PDF, a word processor, a web page or a terminal
    brings along unseen (a soft hyphen, a zero-width space, a byte order mark, a bidi
    override, an escape or NUL); kept, the text could not be saved and nobody could find
    what to retype in a long text. A vertical tab, form feed or NEL becomes a line feed."""
    if _printable_lines(text):
        return text  # the common case, at C speed
    return "".join(_pasted_character(char) for char in text)


def _pasted_character(char: str) -> str:
    if char.isprintable() or char in _MULTILINE_CONTROLS or char in "\u2028\u2029":
        return char
    if char in LINE_BREAKS:
        return "\n"
    return "" if _invisible_control(char) else char


def pasted_line(text: str) -> str:
    """``text`` as pasted into a one-line input: as :func:`pasted_text`, its lines and tabs
    joined by spaces."""
    text = pasted_text(text).replace("\r\n", " ")
    return "".join(" " if char in LINE_BREAKS or char == "\t" else char for char in text)


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
