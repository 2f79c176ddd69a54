"""fold (matching) and transliterate (ASCII): names across case, accents and Unicode forms."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expertenrat.domain import text_folding
from expertenrat.domain.text_folding import (
    alike_key,
    fold,
    holds_words,
    match_key,
    search_words,
    searchable,
    searchable_prose,
    transliterate,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Wiśniewski", "wisniewski"),
        ("ŁUKASZ", "lukasz"),
        ("Müller-Lüdenscheidt", "muller-ludenscheidt"),
        ("Straße", "strasse"),
        ("Søren Ærø", "soren aero"),
        ("Đorđević", "dordevic"),
        ("Yılmaz Gülşen", "yilmaz gulsen"),
        ("Œuvray", "oeuvray"),
        ("ﬁnn", "finn"),  # a compatibility ligature
        ("ŉ", "'n"),  # a letter that holds an apostrophe
        ("Ἀθηνᾶ", "αθηνα"),  # Greek without accents and breathings
        ("ИВАНОВ Ёлкин", "иванов елкин"),
        ("مُحَمَّد", "محمد"),  # Arabic without vowel marks
        ("ﻣﺤﻤﺪ", "محمد"),  # Arabic presentation forms
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("typed", ["O’Brien", "O‘Brien", "O´Brien", "Oʼbrien", "O'BRIEN"])
def test_an_apostrophe_is_one_however_it_was_typed(typed):
    """Found by a tester: "O'Brien" typed found no "O’Brien" pasted from a mail (a word
    processor's apostrophe), and the two were no twins; a German keyboard's "´" split it."""
    assert match_key(typed) == match_key("O'Brien") == "o'brien"
    assert alike_key(typed) == alike_key("o'brien")
    assert search_words("O'Brien")[0] in searchable(f"Seán {typed}")
    assert search_words(typed)[0] in searchable("Seán O'Brien")


def test_a_double_name_s_hyphen_is_one_however_it_was_typed():
    """Word's non-breaking hyphen (Ctrl+Shift+-) in a double name copied from a letter."""
    for hyphen in ("\u2010", "\u2011"):
        assert fold(f"Müller{hyphen}Lüdenscheidt") == "muller-ludenscheidt"
        assert transliterate(f"Müller{hyphen}Lüdenscheidt") == "Mueller-Luedenscheidt"


def test_match_key_collapses_white_space():
    assert match_key("  Jörg \t MÜLLER ") == "jorg muller"


def test_composed_and_decomposed_names_fold_alike():
    composed = "Jörg Müller-Lüdenscheidt"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fold(decomposed) == fold(composed)


@given(st.text().map(lambda text: text.replace("´", "'")))
def test_fold_ignores_the_normal_form(text):
    """(The accent key's "´", an apostrophe in a name, is one before its compatibility form,
    a space and an accent, splits the name.)"""
    nfc = unicodedata.normalize("NFC", text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(nfc)
    assert fold(unicodedata.normalize("NFKC", text)) == fold(nfc)


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("text", "ascii_text"),
    [
        ("Ödön Pál", "Oedoen Pal"),
        ("Łukasz Wiśniewski", "Lukasz Wisniewski"),
        ("Gülşen Yılmaz", "Guelsen Yilmaz"),
        ("Jörg Brüggemann", "Joerg Brueggemann"),
        ("Zoë Hartmann-Okafor", "Zoe Hartmann-Okafor"),
        ("Große Straße", "Grosse Strasse"),
        ("ÄÖÜ äöü", "AeOeUe aeoeue"),
        ("Søren Ærø", "Soeren Aeroe"),
        ("Đorđe Þórsson", "Dorde Thorsson"),
        ("İlkay", "Ilkay"),
        ("Çelik Şahin", "Celik Sahin"),
        ("Anna محمد", "Anna "),  # no Latin spelling: left out
    ],
)
def test_transliterate(text, ascii_text):
    assert transliterate(text) == ascii_text


def test_transliterate_treats_decomposed_umlauts_like_composed_ones():
    assert transliterate(unicodedata.normalize("NFD", "Jörg Müller")) == "Joerg Mueller"


@given(st.text())
def test_transliterate_gives_ascii(text):
    assert transliterate(text).isascii()


def _fold_whole_text(text: str) -> str:
    """The definition of folding, applied to the whole text at once (the slow way)."""
    text = text.translate(text_folding._LOOKALIKE_TABLE)
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(text_folding._FOLD_TABLE)


@given(st.text())
def test_folding_character_by_character_is_folding_the_whole_text(text):
    assert fold(text) == _fold_whole_text(text)


def test_prose_is_searchable_word_by_word_accents_aside_and_spelt_out() -> None:
    text = searchable_prose("Die Prüfung\nder  Schnittstellen über\u00a0das Amt.")
    for word in ("prufung", "pruefung", "schnittstellen", "uber", "ueber", "das", "amt."):
        assert word in text
    assert searchable_prose("") == ""


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("Mueller", "Müller"), ("Müller", "Mueller"), ("Müller", "Muller"), ("Oezdemir", "Özdemir")],
)
def test_an_umlaut_and_its_spelling_find_each_other(stored, typed):
    """Found by a tester: "Müller" typed found no "Mueller", as the city's staff system
    (without umlauts) wrote the name."""
    assert holds_words(searchable("Hans", stored), search_words(f"hans {typed}"))
    assert holds_words(searchable_prose(f"Frau {stored} fragt."), search_words(typed))


def test_prose_holds_a_word_divided_at_a_line_s_end_whole() -> None:
    """As text pasted from a PDF divides it (found by a tester): the recommendations'
    register searches a recommendation's text so."""
    text = searchable_prose("Die Bürger-\nbeteiligung und die Stadt- \r\n entwicklung")
    assert "burgerbeteiligung" in text and "stadtentwicklung" in text
    assert "opendata" not in searchable_prose("Open-\nData")


def test_search_words_lose_the_quotation_marks_typed_around_a_phrase():
    """(found by a tester) "„Open Data“" as in a web search found nothing: the marks were
    looked for as part of the words."""
    assert search_words('„Open Data“ "Groß" ‚Rat‘ «x» \'y\'') == [
        "open", "data", "gross", "rat", "x", "y",
    ]  # fmt: skip
    assert search_words("O'Brien \" &") == ["o'brien", "&"]  # a mark within a word stays


def test_search_words_lose_the_sentence_marks_of_the_text_they_were_copied_from():
    """(found by a tester) A word copied from a sentence with its comma or colon, or from
    within brackets ("Sensordaten,", "(Klimaportal)"), found nothing; a full stop stays,
    as "4." is the 4. Sitzung, not every 4."""
    assert search_words("Sensordaten, (Klimaportal) [Anlage]; Bericht: wer? ja! 4.") == [
        "sensordaten", "klimaportal", "anlage", "bericht", "wer", "ja", "4.",
    ]  # fmt: skip
    assert search_words("16:00 (a) ,") == ["16:00", "a"]  # a mark within a word stays
