"""The OParl mapping's pure parts: the base URL check, derived ids, the exposure rules."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.oparl_base import BaseUrlError, check_base_url, derived_key
from expertenrat.domain.oparl_public import Exposure, person_exposure, recommendation_exposure
from expertenrat.domain.oparl_records import PersonRecord, RecommendationRecord, Stamp

NOW = datetime(2026, 11, 27, 9, 30)


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("https://daten.rostock.de/oparl/v1/", "https://daten.rostock.de/oparl/v1"),
        ("  https://daten.rostock.de  ", "https://daten.rostock.de"),
    ],
)
def test_a_base_url_loses_its_trailing_slash(text, base):
    assert check_base_url(text) == base


@pytest.mark.parametrize(
    "text",
    ["http://x.de", "ftp://x.de", "https://", "https://x.de/?a=1", "https://x.de/a#b",
     "https://x.de/a b", ""],
)  # fmt: skip
def test_a_base_url_oparl_cannot_serve_is_refused_in_german(text):
    with pytest.raises(BaseUrlError, match="Basis-Adresse"):
        check_base_url(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            'https://x.de/o"<>',
            'enthält Zeichen, die in einer Internet-Adresse nicht stehen dürfen: „"“, „<“, „>“',
        ),
        ("https://x.de/räte", "nicht stehen dürfen: „ä“. Bitte schreiben Sie sie kodiert"),
        ("https://x.de/a%2g", "enthält ein %, dem nicht zwei Hexadezimalziffern folgen"),
        ("https://user:pw@x.de/o", "darf keinen Benutzernamen und kein Passwort enthalten"),
        ("https://user@x.de/o", "darf keinen Benutzernamen und kein Passwort enthalten"),
        ("https://x.de:99999/o", "nennt den Port 99999; ein Port liegt zwischen 1 und 65535"),
        ("https://x.de:0/o", "nennt den Port 0;"),
        ("https://x.de:abc/o", "nennt nach dem Servernamen „:abc“"),
        ("https://x.de:/o", "nennt nach dem Servernamen „:“"),
        ("https://x.de/oparl/..", "enthält „.“ oder „..“ als Teil des Pfades"),
        ("https://x.de/./oparl/v1/", "enthält „.“ oder „..“ als Teil des Pfades"),
        ("https://x.de/oparl/../v1", "enthält „.“ oder „..“ als Teil des Pfades"),
        # (found by a tester) urlsplit's ValueError went past the German message: a
        # traceback on the command line and in the window's OParl dialog
        ("https://[::1/oparl", "ist keine gültige Internet-Adresse"),
        ("https://[::1", "ist keine gültige Internet-Adresse"),
        ("https://[x]/oparl", "ist keine gültige Internet-Adresse"),
        ("https://]x[/oparl", "ist keine gültige Internet-Adresse"),
        # (found by review) a server name urlsplit refuses for a character such as "℀"
        # (NFKC: "a/c") was said to have wrong brackets
        ("https://ex\u2100ample.de/oparl", "nicht stehen dürfen: „\u2100“"),
    ],
)
def test_a_base_url_that_is_no_clean_public_address_is_refused_in_german(text, says):
    with pytest.raises(BaseUrlError) as refused:
        check_base_url(text)
    assert refused.value.message.startswith(f"Die Basis-Adresse „{text}“ ")
    assert says in refused.value.message


@pytest.mark.parametrize(
    "text",
    [
        "https://daten.rostock.de:8443/oparl/v1",
        "https://[2001:db8::1]:8443/oparl",
        "https://[2001:db8::1]/oparl",
        "https://xn--lbeck-kva.de/r%C3%A4te/oparl",
        "https://daten.example.de/~rat/o-parl_v1.1/(alt)",
        "https://daten.example.de/.well-known/oparl/..v1",
    ],
)
def test_a_clean_base_url_with_port_ipv6_or_encoded_letters_is_taken(text):
    assert check_base_url(text) == text


def test_derived_ids_never_change():
    """Published ids must survive program versions: the derivation is pinned here."""
    assert derived_key("council", "1") == "bc6cc096-113d-5925-9e21-548e9d3208cc"


def person(name: bool, named_on: date | None, deleted: datetime | None = None) -> PersonRecord:
    return PersonRecord(
        Stamp("k", NOW, NOW, deleted), "Anna", "Berg", publish_name=name, publish_name_on=named_on
    )


@pytest.mark.parametrize(
    ("record", "exposure"),
    [
        (person(True, date(2025, 1, 1)), Exposure.FULL),
        (person(False, None), Exposure.NONE),  # never consented: never published
        (person(False, date(2026, 5, 1)), Exposure.TOMBSTONE),  # withdrawn
        (person(True, date(2025, 1, 1), deleted=NOW), Exposure.TOMBSTONE),
        (person(False, None, deleted=NOW), Exposure.NONE),
    ],
)
def test_a_person_goes_out_only_with_name_consent(record, exposure):
    assert person_exposure(record) is exposure


@pytest.mark.parametrize(
    ("status", "adopted_on", "exposure"),
    [
        (RecommendationStatus.DRAFT, None, Exposure.NONE),
        (RecommendationStatus.ADOPTED, date(2026, 5, 1), Exposure.FULL),
        (RecommendationStatus.WITHDRAWN, date(2026, 5, 1), Exposure.FULL),  # once adopted
        (RecommendationStatus.WITHDRAWN, None, Exposure.NONE),  # a draft withdrawn
    ],
)
def test_a_recommendation_goes_out_only_once_adopted_found_by_a_helper(
    status, adopted_on, exposure
):
    """A draft withdrawn before adoption went out in full in the open data."""
    record = RecommendationRecord(
        Stamp("r", NOW, NOW), "E-2026-01", RecommendationKind.RECOMMENDATION, "Offene Daten",
        status, adopted_on=adopted_on,
    )  # fmt: skip

    assert recommendation_exposure(record, {}) is exposure
