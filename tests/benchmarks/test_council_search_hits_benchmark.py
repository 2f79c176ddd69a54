"""The Suche with a thousand hits in long minutes (a tester's ten years: 1,000 agenda items
with ~3.4 KB of minutes each), one search per pause in typing.

Run with ``pytest tests/benchmarks/test_council_search_hits_benchmark.py --benchmark-only``:
a word found in every record's names (its day) and one found in its minutes. Nothing is
asserted about time; 1.5 s per search was measured before a record found by its names
stopped reading its minutes for an excerpt.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.domain.council_search import HitKind, Searchable, SearchHit, SearchIndex
from expertenrat.domain.overview import Area, Target

RECORDS = 1000
WORDS = [f"Begriff{number}" for number in range(3000)] + ["Straße", "Müller", "Beteiligung"]


def _minutes(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


@pytest.fixture(scope="module")
def thousand_items() -> SearchIndex:
    rng = random.Random(46)
    return SearchIndex(
        Searchable(
            SearchHit(
                HitKind.AGENDA_ITEM,
                number,
                f"TOP {number % 12 + 1} Bericht",
                "4. Sitzung",
                date(2026, 4, 16),
                "",
                Target(Area.MEETINGS, 4),
            ),
            names=("4. Sitzung", "16.04.2026"),
            texts=(_minutes(rng, 200), _minutes(rng, 200), _minutes(rng, 100)),
        )
        for number in range(RECORDS)
    )


def test_a_word_in_every_records_names(benchmark: BenchmarkFixture, thousand_items):
    hits = benchmark(thousand_items.find, "2026")
    assert len(hits) == RECORDS


def test_a_word_in_their_minutes(benchmark: BenchmarkFixture, thousand_items):
    hits = benchmark(thousand_items.find, "beteiligung")
    assert hits and all(hit.excerpt for hit in hits)
