"""Where a text names a person: by the family name as a whole word, in any case, accents
and Unicode form aside, an umlaut also spelt out ("Herr Pál", "PÁL:", "Herr Pal", not
"Pálffy"; "Gundogan" for Gündoğan, "Mueller" for Müller and back). The Auskunft searches the
minutes and the recommendations so (:mod:`services.person_disclosure_meetings`,
:mod:`services.person_disclosure_recommendations`), and so does the warning that the
public minutes name a member who may not be named (:mod:`domain.unnamed_mentions`): a
German keyboard has no "ğ", "ś" or "ø", and the minutes wrote "Herr Gundogan" of a member
who had not agreed to be named, without a warning (found by a tester)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from expertenrat.domain.text_folding import (
    fold,
    folded_origins,
    transliterate,
    umlauts_unspelt,
)

_AROUND = 70  # letters of an excerpt on either side of the name


def family_name_pattern(family_names: Iterable[str]) -> NamePattern:
    """Any of ``family_names``, each as a whole word, in any case, accents aside, each also
    in its ASCII spelling (ö as oe) and, spelt so, as written with umlauts ("Mueller" also
    as "Müller", as the city's staff system may have written the name stored)."""
    names = list(family_names)
    spelt_out = [fold(transliterate(n)) for n in names]
    spellings = [*map(fold, names), *spelt_out, *map(umlauts_unspelt, spelt_out)]
    keys = dict.fromkeys(r"\s+".join(map(re.escape, s.split())) for s in spellings)
    keys.pop("", None)  # no name, or one of no Latin letters (no ASCII spelling)
    return NamePattern(re.compile(rf"(?<!\w)(?:{'|'.join(keys)})(?!\w)") if keys else None)


class NamePattern:
    """Names looked for in a text folded (:func:`~expertenrat.domain.text_folding.fold`);
    the places found are those in the text as it stands. ``None``: no name, found nowhere."""

    __slots__ = ("_folded_names",)

    def __init__(self, folded_names: re.Pattern[str] | None) -> None:
        self._folded_names = folded_names

    def search(self, text: str) -> bool:
        """Whether ``text`` names one of the names."""
        names = self._folded_names
        return names is not None and names.search(_folded(text)) is not None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Where in ``text`` one of the names stands: (start, end) of each place."""
        if self._folded_names is None:
            return
        origins: list[int] = []
        for hit in self._folded_names.finditer(_folded(text)):
            origins = origins or folded_origins(text)
            end = origins[hit.end()] if hit.end() < len(origins) else len(text)
            yield origins[hit.start()], end


@functools.lru_cache(maxsize=256)  # a text is searched for each name that may not be named
def _folded(text: str) -> str:
    return fold(text)


def found(where: str, text: str, name: NamePattern) -> Iterator[tuple[str, str]]:
    """``(where, excerpt)`` for each place ``name`` stands in ``text``."""
    for start, end in name.spans(text or ""):
        yield where, clipped(text, start, end)


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
