"""Where a text names a person (the Auskunft, the warning of names in the public minutes):
the family name as a whole word, case, accents and Unicode form aside, an umlaut also spelt
out; the excerpt is cut from the text as it stands."""

from __future__ import annotations

import unicodedata

from expertenrat.domain.name_mentions import family_name_pattern, found


def test_the_name_is_found_however_its_letters_are_written():
    pattern = family_name_pattern(["Wiśniewski"])

    for text in ("Herr Wisniewski", "WIŚNIEWSKI:", unicodedata.normalize("NFD", "Wiśniewski")):
        assert pattern.search(text), text
    assert not pattern.search("Wisniewskis Garten")


def test_an_umlaut_spelt_out_and_a_turkish_dotless_i_find_the_name():
    assert family_name_pattern(["Müller"]).search("Frau Mueller")
    assert family_name_pattern(["Mueller"]).search("Frau Müller")
    assert family_name_pattern(iter(["Oezdemir"])).search("Herr ÖZDEMIR")
    assert family_name_pattern(["Yılmaz"]).search("Herr Yilmaz")
    assert family_name_pattern(["Straße"]).search("Herr STRASSE")
    assert not family_name_pattern(["Müller"]).search("Frau Mühler")


def test_a_vowel_before_e_that_spells_no_umlaut_is_not_taken_for_one():
    """ "Bauer" is no "Baür": the Auskunft gave Herr Bauer what the minutes say of Herr
    Baur, and the public minutes' warning took Herr Sauer for a Herr Saur not to be named."""
    for name, other in (("Bauer", "Baur"), ("Sauer", "Saur"), ("Steuer", "Steur")):
        assert not family_name_pattern([name]).search(f"Herr {other} erläutert"), name
    assert family_name_pattern(["Kaeufer"]).search("Frau Käufer")
    assert family_name_pattern(["Haeussler"]).search("Herr Häußler")


def test_the_excerpt_is_cut_from_the_text_as_it_stands():
    """A text in decomposed form (pasted from a Mac) and letters that fold to two (ß) leave
    the places found where they are in the text."""
    text = unicodedata.normalize("NFD", "Große Freude: Frau Müller dankt.")

    [(where, excerpt)] = found("TOP 1", text, family_name_pattern(["Muller"]))

    assert (where, excerpt) == ("TOP 1", text)
    start, end = next(family_name_pattern(["Muller"]).spans(text))
    assert unicodedata.normalize("NFC", text[start:end]) == "Müller"


def test_no_names_and_names_of_no_latin_letters():
    assert not family_name_pattern(["", " "]).search("Herr Pál")
    assert list(found("TOP 1", "Herr Pál", family_name_pattern([]))) == []
    assert family_name_pattern(["Παπαδόπουλος"]).search("Herr ΠΑΠΑΔΟΠΟΥΛΟΣ")
    assert family_name_pattern(["Иванова"]).search("Frau ИВАНОВА")
