"""Where a text names a person: by the family name as a whole word, in any case ("Herr
Pál", "PÁL:", not "Pálffy"). The Auskunft searches the minutes and the recommendations so
(:mod:`services.person_disclosure_meetings`, :mod:`services.person_disclosure_recommendations`),
and so does the warning that the public minutes name a member who may not be named
(:mod:`domain.unnamed_mentions`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_NOTHING = re.compile(r"(?!)")  # no family name given: a pattern that finds nothing
_AROUND = 70  # letters of an excerpt on either side of the name


def family_name_pattern(family_names: Iterable[str]) -> re.Pattern[str]:
    """Any of ``family_names``, each as a whole word, in any case."""
    names = dict.fromkeys(n.strip() for n in family_names if n.strip())
    if not names:
        return _NOTHING
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def found(where: str, text: str, name: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """``(where, excerpt)`` for each place ``name`` stands in ``text``."""
    for hit in name.finditer(text or ""):
        yield where, clipped(text, hit.start(), hit.end())


def clipped(text: str, start: int, end: int) -> str:
    """The name at ``start:end`` in ``text`` with up to ``_AROUND`` letters on either side,
    cut between words ("… sowie …", never "sowie di …")."""
    first, last = max(start - _AROUND, 0), min(end + _AROUND, len(text))
    if first and not text[first - 1].isspace():
        gap = re.search(r"\s", text[first:start])
        first = first + gap.end() if gap else first
    if last < len(text) and not text[last].isspace():
        gaps = [m.start() for m in re.finditer(r"\s", text[end:last])]
        last = end + gaps[-1] if gaps else last
    excerpt = " ".join(text[first:last].split())
    return ("… " if first else "") + excerpt + (" …" if last < len(text) else "")
