"""Consent changes and the rule that a file's grant may not be older than a withdrawal."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.consent import ConsentChange, consent_changes, stale_grants
from expertenrat.domain.enums import ConsentKind
from expertenrat.domain.members import Member

WITHDRAWN = {ConsentKind.CONTACT: date(2026, 11, 20)}


def grant(on: date | None, kind: ConsentKind = ConsentKind.CONTACT) -> ConsentChange:
    return ConsentChange(kind, True, on, False, date(2026, 11, 20))


def test_a_grant_on_or_after_the_withdrawal_day_is_allowed():
    assert stale_grants((grant(date(2026, 11, 20)), grant(date(2026, 11, 21))), WITHDRAWN) == ()


def test_an_older_grant_names_both_dates():
    assert stale_grants((grant(date(2025, 3, 1)),), WITHDRAWN) == (
        "Kontaktdaten: Einwilligung wurde am 20.11.2026 widerrufen; die Datei enthält eine "
        "ältere Einwilligung vom 01.03.2025.",
    )


def test_a_withdrawal_of_another_kind_does_not_block_a_grant():
    assert stale_grants((grant(date(2025, 3, 1), ConsentKind.NAME),), WITHDRAWN) == ()


def test_changes_of_a_new_person_start_from_no_consent():
    member = Member(
        id=None, given_name="Anna", family_name="Berg", publish_name=True, publish_name_on=None
    )

    (change,) = consent_changes(member, None)

    assert change.text == "Name und Institution: erteilt, ohne Datum (bisher: keine)"
