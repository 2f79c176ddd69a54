"""Conflict screening: organisation names across case, accents and legal forms."""

from __future__ import annotations

import pytest

from expertenrat.domain.conflict_screening import (
    Affiliation,
    ConflictSuggestion,
    organisation_key,
    organisations_match,
    screen,
)
from expertenrat.domain.conflict_sheet import screening_reason


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Stadtwerke Rostock AG", "stadtwerke rostock"),
        ("Müller GmbH & Co. KG", "MULLER"),
        ("Förderverein Smart City e. V.", "Forderverein Smart-City e.V."),
        ("Wohnungsgenossenschaft Warnow eG", "wohnungsgenossenschaft warnow"),
        ("Datenwerk UG (haftungsbeschränkt)", "Datenwerk"),
        ("Soziale Dienste gGmbH", "Soziale Dienste g GmbH"),
        ("Stadtwerke Rostock", "Stadtwerke Rostock AG, Abteilung Netze"),
        ("Université de Liège", "UNIVERSITE DE LIEGE"),
        ("جامعة روستوك", "جامعة روستوك"),
    ],
)
def test_names_that_match(first, second):
    assert organisations_match(first, second)
    assert organisations_match(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Rostock", "Universität Rostock"),  # one word only matches exactly
        ("Stadtwerke Rostock", "Stadtwerke Rostocker Hafen"),  # whole words only
        ("Stiftung Warentest", "Warentest"),  # Stiftung is kept
        ("", "Stadtwerke Rostock"),
        ("GmbH", "AG"),  # nothing but a legal form
        ("Stadtwerke Schwerin AG", "Stadtwerke Rostock AG"),
    ],
)
def test_names_that_do_not_match(first, second):
    assert not organisations_match(first, second)


def test_the_key_drops_legal_forms_only_at_the_end():
    assert organisation_key("AG Verkehr der Hanse GmbH") == ("ag", "verkehr", "der", "hanse")


def test_screening_names_member_organisation_and_partner():
    affiliations = [
        Affiliation(1, "Stadtwerke Rostock AG"),
        Affiliation(2, "Universität Rostock"),
        Affiliation(3, "<script>&\"'"),
    ]
    partners = ["stadtwerke rostock", "Hanse-Kolleg gGmbH", "<script>"]

    (suggestion,) = screen(affiliations[:2], partners)

    assert suggestion.member == 1
    assert suggestion.partner == "stadtwerke rostock"
    assert suggestion.text == (
        "Mögliche Befangenheit: „Stadtwerke Rostock AG“ entspricht dem Projektpartner "
        "„stadtwerke rostock“."
    )
    assert [s.member for s in screen(affiliations, partners)] == [1, 3]


def test_no_partners_no_suggestions():
    assert screen([Affiliation(1, "Stadtwerke Rostock AG")], []) == []


def test_the_recorded_reason_names_the_partner_only_where_it_is_spelt_otherwise() -> None:
    same = ConflictSuggestion(1, "Hanse Mobility GmbH", "Hanse Mobility GmbH")
    other = ConflictSuggestion(1, "Universität Rostock", "Universitaet Rostock")
    assert screening_reason(same) == "Institution „Hanse Mobility GmbH“ ist Partner des Projekts."
    assert screening_reason(other) == (
        "Institution „Universität Rostock“ ist Partner des Projekts (dort „Universitaet Rostock“)."
    )
