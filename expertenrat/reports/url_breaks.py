"""Where a web address or file path too long for its line may break: after a "/" (or "\\",
"?", "&", "=", "#"), and inside a part between those still too long for a line after a
"-", "_" or ".", before reportlab cuts it anywhere.

reportlab breaks a paragraph's words only at spaces, soft hyphens and (for a whole web
address) at one of its slashes; the rest of an address, no longer a whole one, it leaves
whole or cuts where the line ends ("…/beschluesse/2" / "026/anlage-…"). So the text of such
a word gets a soft hyphen at each place it may break (:func:`with_breaks`), and the hyphen
reportlab then prints where it broke one is taken away again (:func:`without_break_hyphens`):
a web address has no hyphen that is not its own. Only a paragraph in one font and style
(most user text) breaks so: reportlab loses letters of one in several where it breaks
over pages, so there :class:`~expertenrat.reports.paragraph.Paragraph` cuts the word
where the line ends.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

SOFT_HYPHEN = "\xad"
_AFTER = "/\\?&=#"  # a break after one of these is the one a reader expects
_INSIDE = "-_."  # ... and after one of these in a part too long for a line
# A word with a break sign (not at its start): "https://…", "C:\\Akten\\…", "a/b".
_WORD = re.compile(r"\S+[/\\?&=#]\S*")
# A run of break signs ends a part; "https://" stays whole.
_PART_END = re.compile(r"(?<=[/\\?&=#])(?![/\\?&=#])(?<!:/)(?<!://)")


def with_breaks(frags: list[Any], width: float) -> list[Any]:
    """``frags`` with soft hyphens where their addresses and paths may break on lines of
    ``width``; the frags themselves are left as they are (clones where changed)."""
    changed = []
    for frag in frags:
        if isinstance(getattr(frag, "text", None), str):
            text = _broken(frag.text, frag.fontName, frag.fontSize, width)
            changed.append(frag if text == frag.text else frag.clone(text=text))
        elif isinstance(getattr(frag, "words", None), list):  # a part split off a paragraph
            words = [_broken(w, frag.fontName, frag.fontSize, width) for w in frag.words]
            changed.append(frag if words == frag.words else frag.clone(words=words))
        else:
            changed.append(frag)
    return changed


def _broken(text: str, font: str, size: float, width: float) -> str:
    def word(found: re.Match[str]) -> str:
        parts = _PART_END.split(found[0])
        return SOFT_HYPHEN.join(
            _inside(part) if stringWidth(part, font, size) > width else part for part in parts
        )

    return _WORD.sub(word, text) if SOFT_HYPHEN not in text else text


def _inside(part: str) -> str:
    """A ``part`` too long for a line with soft hyphens after its "-", "_" and "."."""
    return re.sub(f"(?<=[{re.escape(_INSIDE)}])(?=[^{re.escape(_INSIDE)}])", SOFT_HYPHEN, part)


def without_break_hyphens(lines: Any) -> None:
    """The hyphens reportlab printed where it broke a word at a soft hyphen of
    :func:`with_breaks` taken away (in place), the line's room after it grown by theirs."""
    rows = getattr(lines, "lines", [])
    for index, line in enumerate(rows[:-1]):
        if isinstance(line, tuple):  # plain text: (room after it, words)
            room, words = line
            if words and _hyphenated(words[-1]):
                hyphen = stringWidth("-", lines.fontName, lines.fontSize)
                rows[index] = (room + hyphen, [*words[:-1], type(words[-1])(words[-1][:-1])])
            continue
        last = next((f for f in reversed(line.words) if getattr(f, "text", "")), None)
        if last is not None and _hyphenated(last.text):
            last.text = last.text[:-1]
            line.extraSpace += stringWidth("-", last.fontName, last.fontSize)


def _hyphenated(word: str) -> bool:
    """Whether ``word`` ends in the hyphen of a break at one of our soft hyphens."""
    return len(word) > 1 and word[-1] == "-" and word[-2] in _AFTER + _INSIDE
