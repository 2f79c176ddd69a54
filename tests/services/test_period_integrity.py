"""The integrity check's rule for appointment periods: those of one council do not
overlap (only a hand-edited database holds such periods; the service refuses them)."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.integrity import FindingKind
from expertenrat.services.integrity import IntegrityService
from expertenrat.store.models import AppointmentPeriod, Council


def test_overlapping_periods_of_one_council_are_found_not_those_of_two(database):
    with database.transaction() as session:
        rat, beirat = Council(name="Rat", city="Rostock"), Council(name="Beirat", city="Wismar")
        session.add_all([rat, beirat])
        session.flush()
        session.add_all(
            [
                AppointmentPeriod(council_id=rat.id, name="Erste", starts_on=date(2024, 1, 1),
                                  ends_on=date(2026, 12, 31)),
                AppointmentPeriod(council_id=rat.id, name="Zweite", starts_on=date(2026, 12, 31)),
                AppointmentPeriod(council_id=beirat.id, name="Eine", starts_on=date(2024, 1, 1)),
            ]
        )  # fmt: skip

    findings = IntegrityService(database).check()

    assert [(f.kind, f.text) for f in findings] == [
        (
            FindingKind.PERIOD,
            "Gremium „Rat“: Die Berufungsperioden „Erste“ (01.01.2024 bis 31.12.2026) und "
            "„Zweite“ (ab 31.12.2026) überschneiden sich.",
        )
    ]


def test_a_period_name_with_a_bidi_override_is_named_as_a_period(database):
    with database.transaction() as session:
        rat = Council(name="Rat", city="Rostock")
        session.add(rat)
        session.flush()
        session.add(
            AppointmentPeriod(council_id=rat.id, name="P\u202e1", starts_on=date(2024, 1, 1))
        )

    (finding,) = IntegrityService(database).check()

    assert finding.kind is FindingKind.TEXT
    assert finding.text.startswith("Berufungsperiode „P")
    assert "Feld Name der Berufungsperiode: enthält ein unsichtbares Steuerzeichen (U+202E" in (
        finding.text
    )
