"""The e-mail address of the secretariat (the sender of the council's mail drafts): what
the settings accept, with a German message naming the address meant for odd input, and
how it travels in the settings file (only where set; a file without it imports)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from expertenrat.domain.council_settings_checks import clean_settings, validate_settings
from expertenrat.domain.council_transfer import read_settings_file, settings_document
from expertenrat.domain.council_transfer_differences import chosen_template, template_differences
from expertenrat.domain.council_transfer_format import CouncilTemplate, SettingsFileError
from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.council_transfer import settings_schema

WISMAR = CouncilTemplate(CouncilSettings(id=None, name="Digitalbeirat", city="Wismar"))
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


def problems(email: str) -> list[str]:
    settings = clean_settings(replace(WISMAR.settings, secretariat_email=email))
    return [p.message for p in validate_settings(settings) if p.field == "secretariat_email"]


@pytest.mark.parametrize(
    "email",
    ["", "geschaeftsstelle@rostock.de", " gs@wismar.de ", "post@müller.de", "a.b-c+d@x-y.de"],
)
def test_no_address_or_one_plain_address_is_accepted(email):
    assert problems(email) == []


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("mailto:gs@wismar.de", "ohne „mailto:“ ein: „gs@wismar.de“."),
        ("Geschäftsstelle <gs@wismar.de>", "ohne Namen und spitze Klammern: „gs@wismar.de“"),
        ("<gs@wismar.de>", "nur die Adresse ein, ohne Namen"),
        ("gs@wismar.de; post@wismar.de", "nur eine Adresse ein"),
        ("gs@wismar.de, post@wismar.de", "nur eine Adresse ein"),
        ("gs@wismar", "sieht nicht gültig aus (z. B. geschaeftsstelle@stadt.de)"),
        ("gs..x@wismar.de", "sieht nicht gültig aus"),
        ("g<s@wismar.de", "sieht nicht gültig aus"),
        ("gs@-wismar.de", "sieht nicht gültig aus"),
        ("gs@wis_mar.de", "sieht nicht gültig aus"),
        ("Geschäftsstelle", "Die E-Mail-Adresse der Geschäftsstelle sieht nicht gültig aus"),
    ],
)
def test_odd_input_gets_one_german_message_naming_the_address_meant(email, message):
    (problem,) = problems(email)
    assert message in problem


def test_invisible_characters_and_overlong_input_get_the_forms_message_once():
    (invisible,) = problems("gs\u200b@wismar.de")
    assert "unsichtbares" in invisible
    (long,) = problems("a" * 320 + "@wismar.de")
    assert "höchstens 320 Zeichen" in long


def _read(data: bytes) -> CouncilTemplate:
    return read_settings_file(data, settings_schema)


def test_the_address_travels_in_the_settings_file_only_where_set():
    mailing = replace(WISMAR, settings=replace(WISMAR.settings, secretariat_email="gs@wismär.de"))

    plain = settings_document(WISMAR, NOW, "x")
    own = settings_document(mailing, NOW, "x")

    assert "secretariatEmail" not in json.loads(plain)["council"]
    assert json.loads(own)["council"]["secretariatEmail"] == "gs@wismär.de"
    assert _read(own).settings.secretariat_email == "gs@wismär.de"
    with pytest.raises(SettingsFileError, match="Geschäftsstelle sieht nicht gültig aus"):
        _read(own.replace("gs@wismär.de".encode(), b"gs@wismar"))


def test_a_file_without_the_address_leaves_the_councils_as_it_is():
    """A file of a program before the setting (or of a council without an address)."""
    current = replace(WISMAR, settings=replace(WISMAR.settings, secretariat_email="gs@wismar.de"))
    incoming = _read(settings_document(replace(WISMAR, settings=replace(
        WISMAR.settings, name="Digitalbeirat der Hansestadt Wismar")), NOW, "x"))  # fmt: skip

    found = {d.name for d in template_differences(current, incoming)}
    chosen = chosen_template(current, incoming, found).settings

    assert "name" in found and "secretariat_email" not in found
    assert chosen.secretariat_email == "gs@wismar.de"
