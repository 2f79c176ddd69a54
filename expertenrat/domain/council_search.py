"""The search across a council's records: meetings, the agenda items with their minutes
texts, recommendations with their responses, and projects.

A :class:`SearchIndex` holds every record as one :class:`Searchable` (what it is, where,
the day, its texts); :meth:`SearchIndex.find` finds those whose texts hold every word
typed, case and accents aside, umlauts also spelt out ("Muller", "Mueller" and "müller"
find "Müller"; see :func:`~expertenrat.domain.text_folding.searchable`). The texts are
folded once, when the index is built, and compared in Python, alike on SQLite and
PostgreSQL (whose ``lower()`` and ``LIKE`` fold by their own rules, SQLite's only ASCII).
Each hit carries an excerpt of the passage found and the :class:`Target` that opens it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum

from expertenrat.domain.german_dates import MONTHS, full_year
from expertenrat.domain.overview import Target
from expertenrat.domain.text_folding import (
    divided_words,
    fold,
    search_words,
    searchable,
    searchable_prose,
)

WORDS_BEFORE, WORDS_AFTER = 4, 10  # shown around the first word found


class HitKind(Enum):
    """What a hit is; the value is its German name."""

    PROJECT = "Projekt"
    MEETING = "Sitzung"
    AGENDA_ITEM = "Tagesordnungspunkt"
    RECOMMENDATION = "Empfehlung"

    @property
    def label(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record found: ``kind`` and ``what`` it is ("TOP 4 Parkraumsteuerung"), ``where``
    it is ("3. Sitzung, 17.07.2025"), its day (None for a project), the passage found
    (``excerpt``, "" where the words are in its names only), and the ``target`` that opens
    it in the window. ``record_id``: its id among the records of its ``kind`` (an agenda
    item's own, not its meeting's)."""

    kind: HitKind
    record_id: int
    what: str
    where: str
    day: date | None
    excerpt: str
    target: Target

    @property
    def id(self) -> tuple[HitKind, int]:
        """What tells the hit from every other, as a table keeps its selection by."""
        return self.kind, self.record_id


@dataclass(frozen=True, slots=True)
class Searchable:
    """A record as the search sees it: the hit it gives and the texts looked in, its
    ``what`` and these. ``names``: short texts (codes, names, its meeting) looked in but
    not quoted; ``texts``: the passages an excerpt is taken from (minutes, a
    recommendation's text, answers). The hit's ``where`` is shown only: its state words
    ("nichtöffentlich", "abgesagt") would find every record in that state (found by a
    tester)."""

    hit: SearchHit
    names: Sequence[str] = ()
    texts: Sequence[str] = ()
    opened_at: Sequence[Target | None] = ()  # per text: where a hit found in it opens
    # What typed whole puts the record first: its code, Kürzel or title ("E-2026-03").
    called: Sequence[str] = ()
    _folded_names: str = field(init=False, default="")
    _folded_texts: tuple[str, ...] = field(init=False, default=())
    _called: frozenset[tuple[str, ...]] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_folded_names", searchable(self.hit.what, *self.names))
        object.__setattr__(
            self, "_called", frozenset(map(_as_called, filter(None, self.called))) - {()}
        )
        folded_texts = (
            " ".join(map(_searchable_part, text.split() + divided_words(text)))
            for text in self.texts
        )
        object.__setattr__(self, "_folded_texts", tuple(folded_texts))

    def holds(self, words: Sequence[str]) -> bool:
        return all(
            _in(word, self._folded_names) or any(_in(word, text) for text in self._folded_texts)
            for word in words
        )

    def is_called(self, typed: tuple[str, ...]) -> bool:
        """Whether ``typed`` (see :func:`_as_called`) is one of the record's codes or titles."""
        return typed in self._called

    def found(self, words: Sequence[str]) -> SearchHit:
        """The hit with the passage of the first text that holds one of ``words``, opening
        where that text is shown (``opened_at``: a guest at the Anwesenheit tab). Only a
        text that holds one is read word by word: a record found by its names alone (its
        meeting, its day) read all its minutes for nothing, 1.5 s for 1,000 hits (found by
        a tester)."""
        for index, (text, folded) in enumerate(zip(self.texts, self._folded_texts, strict=True)):
            if any(_in(word, folded) for word in words):
                excerpt = excerpt_of(text, words)
                if excerpt:
                    target = self.opened_at[index] if index < len(self.opened_at) else None
                    return replace(self.hit, excerpt=excerpt, target=target or self.hit.target)
        return self.hit


_NUMBER_OR_WORD = re.compile(r"\d+|[^\W\d_]+")


def _as_called(text: str) -> tuple[str, ...]:
    """``text`` as a code or title is compared with what was typed: its folded words and
    numbers without what stands between them, the numbers without leading zeros, so that
    "e 2026 3" and "E-2026-3" are E-2026-03."""
    parts = _NUMBER_OR_WORD.findall(fold(text))
    return tuple(str(int(part)) if part.isdecimal() else part for part in parts)


def excerpt_of(text: str, words: Sequence[str]) -> str:
    """The words of ``text`` around the first that holds one of ``words`` (folded; "top 4"
    with the word after it), with "…" where the text goes on; "" if none holds one."""
    parts = text.split()
    for index, part in enumerate(parts):
        folded = _searchable_part(part)
        if index + 1 < len(parts) and any(" " in word for word in words):
            folded = f"{folded} {_searchable_part(parts[index + 1])}"
        if index + 1 < len(parts) and part.endswith("-"):  # divided: "Bürger-" "beteiligung"
            folded = f"{folded} {_searchable_part(part[:-1] + parts[index + 1])}"
        if any(_in(word, folded) for word in words):
            start, end = max(0, index - WORDS_BEFORE), index + WORDS_AFTER + 1
            before = "… " if start > 0 else ""
            after = " …" if end < len(parts) else ""
            return f"{before}{' '.join(parts[start:end])}{after}"
    return ""


def _in(word: str, folded: str) -> bool:
    """Whether ``folded`` holds ``word``; a number only as a whole number, so that "TOP 6"
    does not find every record of 2026 or of 16:00 (found by a tester), a word that begins
    with a digit not within a longer number ("6.4.2026" is not the 16th), and "top 4" not
    as "top 40" (found by a tester)."""
    if word not in folded:
        return False  # the quick test first: most texts do not hold the word at all
    before = r"(?<!\d)" if word[0].isdecimal() else ""
    after = r"(?!\d)" if word.rpartition(" ")[2].isdecimal() else ""
    if not before and not after:
        return True
    return re.search(f"{before}{re.escape(word)}{after}", folded) is not None


_TYPED_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?")  # "12.3.26." too
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # "2026-12-15"
_WRITTEN_DAY = re.compile(
    r"(?<!\d)(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(?!\d)"
)
# The months' abbreviations with their full stop ("Dez.", "Sept.", "Mrz."), folded; one
# without it is found within the month's name already ("dez" in "dezember").
_MONTH_ABBREVIATIONS = {
    f"{short}.": fold(MONTHS[month])
    for short, month in (
        ("jan", 0), ("feb", 1), ("mar", 2), ("mrz", 2), ("apr", 3), ("mai", 4), ("jun", 5),
        ("jul", 6), ("aug", 7), ("sep", 8), ("sept", 8), ("okt", 9), ("nov", 10), ("dez", 11),
    )
}  # fmt: skip


def day_typed(word: str) -> str:
    """``word`` as the search holds a day, "12.03.2026", if it is one typed otherwise
    ("12.3.2026", "12.03.26", "12.3.26", "2026-12-15"), or a month as it holds its name,
    "dezember", if it is one abbreviated ("dez.", "sept."); else ``word``. Found by a
    tester: only the first form found anything (the days are held in one form, so that
    the month of one, "4", is no number of its own: "TOP 4" would find every item of an
    April meeting); "Dez. 2026" and "2026-12-15" found nothing either."""
    month = _MONTH_ABBREVIATIONS.get(word)
    if month is not None:
        return month
    typed, iso = _TYPED_DAY.fullmatch(word), _ISO_DAY.fullmatch(word)
    if typed is not None:
        day, month_number, year = (int(part) for part in typed.groups())
    elif iso is not None:
        year, month_number, day = (int(part) for part in iso.groups())
    else:
        return word
    try:
        return f"{date(full_year(year) if year < 100 else year, month_number, day):%d.%m.%Y}"
    except ValueError:  # no such day ("31.2.2026"): looked for as typed
        return word


def _with_days(folded: str) -> str:
    """``folded`` text and after it the days written in it in another form ("12.3.2026")
    as the search holds them ("12.03.2026"), so that each form finds the other."""
    days = {day_typed(written) for written in _WRITTEN_DAY.findall(folded)}
    other = sorted(day for day in days if day not in folded)
    return " ".join([folded, *other]) if other else folded


def _hyphens_apart(words: list[str]) -> list[str]:
    """``words`` with a hyphenated one of letters as its parts ("parkraum-steuerung": found
    in "Parkraumsteuerung" and "Parkraum-Steuerung", "smart-city" in "Smart City"); one
    with digits ("e-2026-03", "covid-19") stays as it is (found by a tester)."""
    apart: list[str] = []
    for word in words:
        parts = [part for part in word.split("-") if part]
        if len(parts) > 1 and not any(char.isdecimal() for char in word):
            apart += parts
        else:
            apart.append(word)  # "e-" typed on the way to a code stays too
    return apart


_TOP_NUMBER = re.compile(r"top(\d[\d.]*)")


def _top_joined(words: list[str]) -> list[str]:
    """``words`` with "top" and the number after it as one ("top 4"; "top4" typed too): apart
    they found every item that held "TOP" and a 4 anywhere (found by a tester)."""
    joined: list[str] = []
    for word in words:
        glued = _TOP_NUMBER.fullmatch(word)
        if glued:
            joined.append(f"top {glued.group(1).rstrip('.')}")
        elif joined and joined[-1] == "top" and word[0].isdecimal():
            joined[-1] = f"top {word.rstrip('.:,;')}"  # "TOP 4." and "TOP 4:" as written
        else:
            joined.append(word)
    return joined


@functools.lru_cache(maxsize=1 << 16)
def _searchable_part(part: str) -> str:
    """A word of a text as the search holds it, a day written in it also as the search
    holds days (prose repeats its words: each folded once)."""
    return _with_days(searchable_prose(part))


class SearchIndex:
    """A council's records, folded once, to search as often as one types."""

    def __init__(self, records: Iterable[Searchable]) -> None:
        self._records = list(records)

    def __len__(self) -> int:
        return len(self._records)

    def find(self, text: str) -> list[SearchHit]:
        """The records whose texts hold every word of ``text``, in the index's order, but
        first those whose code or whole title is ``text`` (punctuation and leading zeros
        aside): the minutes that name a recommendation's code came before the
        recommendation itself (found by a tester). Nothing for an empty search."""
        words = _top_joined([day_typed(word) for word in _hyphens_apart(search_words(text))])
        if not words:
            return []
        held = [record for record in self._records if record.holds(words)]
        typed = _as_called(text)
        called = [record for record in held if record.is_called(typed)]
        rest = [record for record in held if not record.is_called(typed)]
        return [record.found(words) for record in (*called, *rest)]
