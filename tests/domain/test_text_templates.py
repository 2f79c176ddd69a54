"""Standard phrases in the council's words: its name and the title of its chair."""

from __future__ import annotations

from dataclasses import replace

import pytest

from expertenrat.domain.text_templates import (
    DEFAULT_PHRASES,
    PhraseWords,
    chair_subject,
    council_subject,
    default_phrases,
    reworded,
)


def retitled(text: str, old_title: str, new_title: str) -> str:
    """``text`` with the chair named as ``new_title`` says where it named it as ``old_title``."""
    old = PhraseWords(chair=chair_subject(old_title))
    return reworded(text, old, replace(old, chair=chair_subject(new_title)))[0]


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Vorsitz", "Die/Der Vorsitzende"),
        ("Vorsitzende*r", "Die/Der Vorsitzende"),
        ("Sprecher*in", "Die/Der Sprecher*in"),
        ("Sitzungsleitung", "Die Sitzungsleitung"),
        ("Moderation", "Die Moderation"),
        ("Präsidium", "Das Präsidium"),
        ("Sprecherteam", "Das Sprecherteam"),
        ("Vorstand", "Der Vorstand"),
        ("Doppelspitze", "Die Doppelspitze"),
        ("Co-Vorsitz", "Die/Der Co-Vorsitzende"),
        ("Sprecherin", "Die Sprecherin"),
        ("Sprecher:in", "Die/Der Sprecher:in"),
        ("SprecherIn", "Die/Der SprecherIn"),
    ],
)
def test_the_chair_is_named_as_the_council_calls_it(title, subject):
    assert chair_subject(title) == subject


def test_a_council_with_a_speaker_starts_with_phrases_naming_the_speaker():
    texts = dict(default_phrases(PhraseWords(chair=chair_subject("Sprecher*in"))))

    assert texts["Eröffnung"] == (
        "Die/Der Sprecher*in eröffnet die Sitzung und begrüßt die Anwesenden."
    )
    assert texts["Schluss"].startswith("Die/Der Sprecher*in dankt allen Beteiligten")
    assert not any("Vorsitzende" in text for text in texts.values())
    assert default_phrases(PhraseWords()) == list(DEFAULT_PHRASES)


def test_a_new_title_renames_the_chair_and_keeps_what_the_user_wrote():
    edited = "Die/Der Vorsitzende eröffnet die Sitzung um … Uhr; die/der Vorsitzende begrüßt."

    assert retitled(edited, "Vorsitz", "Sprecher*in") == (
        "Die/Der Sprecher*in eröffnet die Sitzung um … Uhr; die/der Sprecher*in begrüßt."
    )
    assert retitled("Frau Berg eröffnet die Sitzung.", "Vorsitz", "Sprecher*in") == (
        "Frau Berg eröffnet die Sitzung."
    )
    assert retitled("Die/Der Vorsitzende*r eröffnet.", "Vorsitz", "Sprecher*in") == (
        "Die/Der Vorsitzende*r eröffnet."  # a word of its own, not the phrase's
    )
    back = retitled(retitled(edited, "Vorsitz", "Sitzungsleitung"), "Sitzungsleitung", "Vorsitz")
    assert back == edited
    assert retitled(edited, "Vorsitz", "Vorsitzende*r") == edited  # it says so already


@pytest.mark.parametrize(
    ("name", "short_name", "classification", "subject"),
    [
        ("Digitalbeirat der Hansestadt Lübeck", "DBL", "Beirat", "Der Digitalbeirat"),
        ("Smart City Expert*innenrat", "SCER", "Beirat", "Der Expert*innenrat"),
        ("Smarte Köpfe", "Bürgerrat SK", "Gremium", "Der Bürgerrat"),
        ("Smarte Köpfe", "SK", "Zukunftskommission", "Die Zukunftskommission"),
        ("Smarte Köpfe", "SK", "", "Das Gremium"),
    ],
)
def test_the_council_is_named_by_its_name_else_its_short_name_else_its_kind(
    name, short_name, classification, subject
):
    assert council_subject(name, short_name, classification) == subject


def test_a_new_council_word_renames_the_council_and_keeps_what_the_user_wrote():
    old = PhraseWords(council="Der Expert*innenrat")
    edited = "Der Expert*innenrat nimmt den Bericht zur Kenntnis; der Expert*innenrat dankt."

    assert reworded(edited, old, replace(old, council="Der Digitalbeirat")) == (
        "Der Digitalbeirat nimmt den Bericht zur Kenntnis; der Digitalbeirat dankt.",
        ("council",),
    )
    # within a sentence only where the article stays: "an die Kommission" ≠ "an der Rat"
    assert reworded(
        "Die Kommission empfiehlt … an die Kommission.",
        PhraseWords(council="Die Kommission"),
        PhraseWords(council="Der Rat"),
    ) == ("Der Rat empfiehlt … an die Kommission.", ("council",))
    assert reworded(
        "Oder Rat: Der Rat nimmt … zur Kenntnis, oder Ratgeber.",
        PhraseWords(council="Der Rat"),
        PhraseWords(council="Der Beirat"),
    ) == ("Oder Rat: Der Beirat nimmt … zur Kenntnis, oder Ratgeber.", ("council",))
    unchanged = "Frau Berg eröffnet die Sitzung."
    assert reworded(unchanged, old, PhraseWords("Der Beirat", "Die Sitzungsleitung")) == (
        unchanged,
        (),
    )


def test_the_chair_is_renamed_within_a_sentence_only_where_its_article_stays():
    edited = "Das Präsidium eröffnet die Sitzung; der Antrag geht an das Präsidium."

    # "an das Präsidium" must not become "an die/der Vorsitzende"
    assert reworded(
        edited, PhraseWords(chair="Das Präsidium"), PhraseWords(chair="Die/Der Vorsitzende")
    ) == (
        "Die/Der Vorsitzende eröffnet die Sitzung; der Antrag geht an das Präsidium.",
        ("chair",),
    )
    assert retitled("…; das Präsidium dankt.", "Präsidium", "Sprecherteam") == (
        "…; das Sprecherteam dankt."  # the same article: renamed within, too
    )
