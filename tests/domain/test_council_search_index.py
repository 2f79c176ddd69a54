"""The search index across a council's records: matching and excerpts."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.council_search import (
    HitKind,
    Searchable,
    SearchHit,
    SearchIndex,
    excerpt_of,
)
from expertenrat.domain.overview import Area, Target


def _record(what: str, *, names=(), texts=()) -> Searchable:
    hit = SearchHit(
        HitKind.AGENDA_ITEM, 7, what, "3. Sitzung", date(2025, 7, 17), "", Target(Area.MEETINGS, 3)
    )
    return Searchable(hit, names=names, texts=texts)


def test_every_word_must_be_there_in_any_of_the_records_texts():
    index = SearchIndex(
        [_record("TOP 4 Parkraum", names=("Dr. Jörg Steffens",), texts=("Die Straße",))]
    )
    assert len(index.find("parkraum steffens strasse")) == 1
    assert len(index.find("JORG joerg jörg")) == 1
    assert index.find("parkraum schule") == []


def test_the_excerpt_is_the_passage_around_the_first_word_found():
    words = " ".join(f"w{n}" for n in range(30))
    text = f"{words} Die Große Straße {words}"
    assert (
        excerpt_of(text, ["grosse"])
        == "… w27 w28 w29 Die Große Straße w0 w1 w2 w3 w4 w5 w6 w7 w8 …"
    )
    assert excerpt_of("kurz und gut", ["gut"]) == "kurz und gut"
    assert excerpt_of("kurz und gut", ["schlecht"]) == ""


def test_a_hit_found_in_a_name_only_has_no_excerpt():
    index = SearchIndex([_record("TOP 4 Parkraum", names=("Steffens",), texts=("Bericht",))])
    (hit,) = index.find("steffens")
    assert hit.excerpt == ""
    (hit,) = index.find("bericht")
    assert hit.excerpt == "Bericht"
