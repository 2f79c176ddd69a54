"""Standard phrases in the council's words: its name and the title of its chair."""

from __future__ import annotations

import pytest

from expertenrat.domain.text_templates import (
    DEFAULT_PHRASES,
    chair_subject,
    default_phrases,
    retitled,
)


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Vorsitz", "Die/Der Vorsitzende"),
        ("Vorsitzende*r", "Die/Der Vorsitzende"),
        ("Sprecher*in", "Die/Der Sprecher*in"),
        ("Sitzungsleitung", "Die Sitzungsleitung"),
        ("Moderation", "Die Moderation"),
    ],
)
def test_the_chair_is_named_as_the_council_calls_it(title, subject):
    assert chair_subject(title) == subject


def test_a_council_with_a_speaker_starts_with_phrases_naming_the_speaker():
    texts = dict(default_phrases("Smart City Expert*innenrat", "Sprecher*in"))

    assert texts["Eröffnung"] == (
        "Die/Der Sprecher*in eröffnet die Sitzung und begrüßt die Anwesenden."
    )
    assert texts["Schluss"].startswith("Die/Der Sprecher*in dankt allen Beteiligten")
    assert not any("Vorsitzende" in text for text in texts.values())
    assert default_phrases("Smart City Expert*innenrat") == list(DEFAULT_PHRASES)


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
