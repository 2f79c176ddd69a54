"""A council's profile settings: website, classification, Bundesland, time zone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from expertenrat.domain.council_settings_checks import validate_settings
from expertenrat.domain.councils import CouncilSettings, classification_for
from expertenrat.domain.enums import MemberRole

ROSTOCK = CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")


def _fields(**changes) -> set[str]:
    return {p.field for p in validate_settings(replace(ROSTOCK, **changes))}


def test_the_defaults_are_valid():
    assert validate_settings(ROSTOCK) == []
    assert _fields(website="https://www.rostock.de/smartcity?x=1", bundesland="") == set()


@pytest.mark.parametrize(
    "website", ["www.rostock.de", "ftp://rostock.de", "https://", "https://ros tock.de"]
)
def test_a_website_needs_http_and_a_host(website):
    assert _fields(website=website) == {"website"}


@pytest.mark.parametrize(
    ("website", "example"),
    [("www.leipzig.de", "https://www.leipzig.de"), ("ftp://leipzig.de", "https://www.stadt.de")],
)
def test_the_websites_message_shows_the_address_typed_as_it_would_do(website, example):
    """(found by a tester) Leipzig's secretariat typing "www.leipzig.de" was told "z. B.
    https://www.rostock.de"."""
    (problem,) = validate_settings(replace(ROSTOCK, website=website))
    assert problem.message == f"Die Website muss mit https:// beginnen, z. B. {example}."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"bundesland": "DE-XX"}, "bundesland"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"time_zone": "../../etc/passwd"}, "time_zone"),
        ({"classification": "  "}, "classification"),
        ({"secretariat": "Geschäftsstelle\u202e"}, "secretariat"),
        ({"secretariat": "x" * 301}, "secretariat"),
    ],
)
def test_unusable_profile_values_are_refused(changes, field):
    assert _fields(**changes) == {field}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Digitalbeirat der Stadt Görlitz", "Beirat"),
        ("Smart City Expert*innenrat Rostock", "Expert*innenrat"),
        ("Zukunftsrat Görlitz", "Zukunftsrat"),
        ("Digitalkommission der Stadt Görlitz", "Digitalkommission"),
        ("Smarte Köpfe", "Gremium"),
    ],
)
def test_a_new_council_is_classified_by_its_own_name(name, kind):
    """A council whose name has neither "Beirat" nor "Expert*innenrat" was classified as
    Rostock's "Expert*innenrat", and published so in OParl (found by a tester)."""
    assert classification_for(name) == kind


# --- the titles of chair and vice chair (found by a tester) -------------------------------


def test_the_role_titles_default_to_the_old_labels_and_take_any_text():
    """The vice chair's default was "Stellvertretung", which reads like a member's
    substitute (found by a tester)."""
    assert (ROSTOCK.chair_title, ROSTOCK.vice_chair_title) == ("Vorsitz", "Stellv. Vorsitz")
    assert ROSTOCK.role_titles.of(MemberRole.CHAIR) == "Vorsitz"
    assert ROSTOCK.role_titles.in_sentence(MemberRole.VICE_CHAIR) == "stellv. Vorsitz"
    assert MemberRole.VICE_CHAIR.label == "Stellv. Vorsitz"
    odd = replace(ROSTOCK, chair_title="Sprecher*in 🙂", vice_chair_title="& < \" ' Stellv.")
    assert validate_settings(odd) == []
    assert odd.role_titles.of(MemberRole.VICE_CHAIR) == "& < \" ' Stellv."
    assert odd.role_titles.of(MemberRole.MEMBER) == "Mitglied"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"chair_title": "  "}, "chair_title", "Bitte geben Sie an, wie der Vorsitz heißt"),
        ({"vice_chair_title": ""}, "vice_chair_title", "wie die Stellvertretung heißt"),
        ({"chair_title": "x" * 500}, "chair_title", "höchstens 60 Zeichen"),
        ({"vice_chair_title": "mitglied"}, "vice_chair_title", "heißen schon alle übrigen"),
        (
            {"chair_title": "Sprecher*in", "vice_chair_title": "sprecher*in"},
            "vice_chair_title",
            "verschiedene Bezeichnungen",
        ),
    ],
)
def test_unusable_role_titles_are_refused_in_german(changes, field, message):
    problems = validate_settings(replace(ROSTOCK, **changes))
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message
