"""A council's profile settings: website, classification, Bundesland, time zone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from expertenrat.domain.councils import CouncilSettings, classification_for, validate_settings

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
