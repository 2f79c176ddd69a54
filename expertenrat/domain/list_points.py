"""The points of a list in user text: "• Punkt", "- Punkt", "1. Punkt", and "1.<Tab>Punkt",
"o<Tab>Punkt" as Word copies its lists ("o Punkt" from a PDF). The minutes PDF sets them
with a hanging indent (:mod:`expertenrat.reports.list_lines`); a paste as flowing text
keeps each on its line (:mod:`expertenrat.domain.flowing_text`)."""

from __future__ import annotations

import re

# A bullet, a dash or a number before a space; any short mark before a tab (Word copies the
# number or bullet of each point and a tab); indented by spaces or tabs (a deeper level).
# "o" is the bullet of Word's second level, which a PDF copies before a space.
_BULLETS = "•▪■●◦○❖❑➢►▸✓✔*·o–—−-"
_POINT = re.compile(
    r"(?P<indent>[ \t]*)"
    rf"(?:(?P<mark>[{_BULLETS}]|\d{{1,2}}[.)]|\(\d{{1,2}}\)|[a-z]\)) +"
    r"|(?P<tabbed>[^\s]{1,4})\t+)"
    r"(?=\S)"
)


def list_point(line: str) -> tuple[str, str] | None:
    """``line`` (as typed, tabs and all) as the start of a list's point and its text:
    ``("  •", "Punkt")`` for "\\t•\\tPunkt" (its indentation as spaces, a tab one space);
    ``None`` for any other line."""
    found = _POINT.match(line)
    if found is None:
        return None
    mark = found.group("mark") or found.group("tabbed")
    return " " * len(found.group("indent")) + mark, line[found.end() :]


def bullet_alone(line: str) -> bool:
    """Whether ``line`` is a bullet without its point, as a PDF may copy a list: the bullet
    on a line of its own, its point on the next."""
    mark = line.strip()
    return len(mark) == 1 and mark in _BULLETS
