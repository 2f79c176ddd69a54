"""A further council's prefix of the recommendation codes: none another council uses, so
that two councils do not both issue "E-2026-01" (found by a tester)."""

from __future__ import annotations

from expertenrat.domain.recommendation_codes import free_code_prefix


def test_the_first_council_keeps_e():
    assert free_code_prefix("Smart City Expert*innenrat", set()) == "E"


def test_a_further_council_takes_its_initials_where_e_is_used():
    assert free_code_prefix("Jugendforum Digitales", {"E"}) == "JD"
    assert free_code_prefix("Digitalbeirat", {"E"}) == "D"
    # at most six letters; words in small letters and umlauts are passed over
    assert free_code_prefix("A B C D E F G für Ökologie", {"E"}) == "ABCDEF"


def test_without_free_initials_the_prefix_is_numbered():
    assert free_code_prefix("Digitalbeirat", {"E", "D"}) == "E2"
    assert free_code_prefix("beirat für ökologie", {"E", "E2"}) == "E3"
