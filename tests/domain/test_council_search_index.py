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


def test_a_number_is_found_as_a_whole_number_only():
    """(found by a tester) "TOP 6" found 59 of the demo's records: "6" was in 2026 and
    16:00, so every agenda item held both words."""
    index = SearchIndex(
        [
            _record("TOP 6 Verschiedenes"),
            _record("TOP 1 Eröffnung", texts=("Beginn 16:00 Uhr am 16.01.2026",)),
            _record("TOP 6.1 Empfehlung"),
        ]
    )
    assert [hit.what for hit in index.find("TOP 6")] == [
        "TOP 6 Verschiedenes",
        "TOP 6.1 Empfehlung",
    ]
    assert [hit.what for hit in index.find("16.01")] == ["TOP 1 Eröffnung"]  # not a number
    filler = " ".join(["Wort"] * 20)
    assert (
        excerpt_of(f"Beginn 16:00 Uhr {filler} 6 von 9", ["6"]) == "… Wort Wort Wort Wort 6 von 9"
    )


def test_a_record_found_by_its_names_alone_reads_none_of_its_texts(monkeypatch):
    """(found by a tester) A word in a record's names (its meeting, its day) made the
    search read every one of its minutes' words for an excerpt it could not hold: 1.5 s
    for 1,000 agenda items of a year typed as "2026"."""
    read: list[str] = []

    def reading_excerpt(text, words):
        read.append(text)
        return excerpt_of(text, words)

    monkeypatch.setattr("expertenrat.domain.council_search.excerpt_of", reading_excerpt)
    minutes = ("Bericht über den Parkraum", "Beschluss einstimmig")
    index = SearchIndex([_record("TOP 4 Parkraum", names=("16.04.2026",), texts=minutes)])
    (hit,) = index.find("2026")
    assert (hit.excerpt, read) == ("", [])
    (hit,) = index.find("einstimmig")
    assert (hit.excerpt, read) == ("Beschluss einstimmig", ["Beschluss einstimmig"])


def test_a_day_is_found_however_it_was_typed_or_written():
    """(found by a tester) "12.3.2026" typed found only "12.3.2026" written, not
    "12.03.2026"; now every form finds every other ("12.03.26" too)."""
    index = SearchIndex(
        [
            _record("TOP 4 Bericht", texts=("Vorlage vom 12.3.2026, beschlossen",)),
            _record("TOP 5 Antrag", names=("12.03.2026",)),
            _record("TOP 6 Haushalt", texts=("Frist 2.3.2026 und 31.2.2026",)),
        ]
    )
    for typed in ("12.3.2026", "12.03.2026", "12.3.26", "12.03.26", "12.3.2026.", "12.3.2026,"):
        assert [hit.what for hit in index.find(typed)] == ["TOP 4 Bericht", "TOP 5 Antrag"]
    (hit, _named) = index.find("12.03.2026")
    assert hit.excerpt == "Vorlage vom 12.3.2026, beschlossen"
    assert [hit.what for hit in index.find("(12.3.2026)")] == ["TOP 4 Bericht", "TOP 5 Antrag"]
    assert [hit.what for hit in index.find("02.03.2026")] == ["TOP 6 Haushalt"]
    assert [hit.what for hit in index.find("31.2.2026")] == ["TOP 6 Haushalt"]  # as typed


def test_a_month_abbreviated_and_a_day_in_iso_form_are_found_too():
    """(found by a tester) "Dez. 2026", "Sept. 2026" and "2026-12-15" found nothing, though
    "Dezember 2026" and "15.12.2026" found the meeting of that day."""
    index = SearchIndex(
        [
            _record("TOP 4 Bericht", names=("15.12.2026", "Dezember")),
            _record("TOP 5 Antrag", names=("15.09.2026", "September")),
            _record("TOP 6 Haushalt", texts=("Frist 2026-03-12, verlängert",)),
            _record("TOP 7 Sonstiges", names=("12.03.2026", "März")),
        ]
    )
    for typed in ("Dez. 2026", "Dez 2026", "dez. 2026", "2026-12-15", "Dezember 2026"):
        assert [hit.what for hit in index.find(typed)] == ["TOP 4 Bericht"], typed
    for typed in ("Sept. 2026", "Sep. 2026", "sept 2026"):
        assert [hit.what for hit in index.find(typed)] == ["TOP 5 Antrag"], typed
    for typed in ("Mrz. 2026", "Mär. 2026"):
        assert [hit.what for hit in index.find(typed)] == ["TOP 7 Sonstiges"], typed
    # A day written in ISO form in a text is found by the others and they by it.
    for typed in ("12.3.2026", "2026-03-12"):
        assert [hit.what for hit in index.find(typed)] == ["TOP 6 Haushalt", "TOP 7 Sonstiges"]
    (hit, _named) = index.find("12.03.2026")
    assert hit.excerpt == "Frist 2026-03-12, verlängert"
    assert index.find("2026-02-31") == []  # no such day: looked for as typed


def test_top_and_its_number_are_looked_for_together():
    """(found by a tester) "TOP 4" found every item whose texts held "TOP" and a 4 apart:
    "bis TOP 2 nicht beschlussfähig (4 von 9)", any item of the 4. Sitzung."""
    index = SearchIndex(
        [
            _record("TOP 4 Genehmigung"),
            _record("TOP 2 Ladung", texts=("bis TOP 2 nicht beschlussfähig (4 von 9)",)),
            _record("TOP 1 Eröffnung", names=("4. Sitzung",)),
            _record("TOP 40 Sonstiges"),
            _record("TOP 4.1 Unterpunkt"),
            _record("TOP 6 Bericht", texts=("wie unter TOP 4 besprochen",)),
        ]
    )
    found = ["TOP 4 Genehmigung", "TOP 4.1 Unterpunkt", "TOP 6 Bericht"]
    for typed in ("TOP 4", "top 4", "TOP4", "TOP 4.", "TOP 4:", "TOP4."):
        assert [hit.what for hit in index.find(typed)] == found, typed
    assert [hit.what for hit in index.find("4 TOP")] == [  # apart, as typed
        "TOP 4 Genehmigung",
        "TOP 2 Ladung",
        "TOP 1 Eröffnung",
        "TOP 4.1 Unterpunkt",
        "TOP 6 Bericht",
    ]
    (hit,) = index.find("besprochen TOP 4")
    assert hit.excerpt == "wie unter TOP 4 besprochen"
    filler = " ".join(["Wort"] * 20)
    passage = excerpt_of(f"{filler} siehe TOP 4 oben", ["top 4"])
    assert passage == "… Wort Wort Wort siehe TOP 4 oben"


def test_a_hyphenated_word_finds_the_compound_and_the_words_apart():
    """(found by a tester) "Parkraum-Steuerung" found no "Parkraumsteuerung", "Smart-City"
    no "Smart City"; the parts are looked for each. A code keeps its hyphens."""
    index = SearchIndex(
        [
            _record("TOP 4 Intelligente Parkraumsteuerung"),
            _record("TOP 5 Smart City Strategie", names=("E-2026-03",)),
            _record("TOP 6 Bericht", names=("E-2026-04",), texts=("2026 sind 03 Punkte offen",)),
        ]
    )
    assert [hit.what for hit in index.find("Parkraum-Steuerung")] == [
        "TOP 4 Intelligente Parkraumsteuerung"
    ]
    assert [hit.what for hit in index.find("smart-city")] == ["TOP 5 Smart City Strategie"]
    assert [hit.what for hit in index.find("E-2026-03")] == ["TOP 5 Smart City Strategie"]
    assert [hit.what for hit in index.find("E-")] == [  # on the way to a code
        "TOP 5 Smart City Strategie",
        "TOP 6 Bericht",
    ]


def test_a_word_divided_at_a_line_s_end_is_found_whole():
    """(found by a tester) text pasted from a PDF holds the words it divided there
    ("Bürger-" over "beteiligung"); the search for the word found nothing."""
    text = "Der Rat empfiehlt die Bürger-\nbeteiligung und Open-\nData."
    index = SearchIndex([_record("TOP 4 Bericht", texts=(text,))])

    (hit,) = index.find("Bürgerbeteiligung")
    assert "Bürger- beteiligung" in hit.excerpt
    assert index.find("Open-Data") != []
    assert index.find("Opendata") == []  # a capital after the break: a word of its own
