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
    assert finding.text.startswith("Gremium „Rat“, Berufungsperiode „P")  # (found by a tester)
    assert "Feld Name der Berufungsperiode: enthält ein unsichtbares Steuerzeichen (U+202E" in (
        finding.text
    )


def test_a_hand_edited_name_is_shown_on_one_line_and_an_empty_one_is_found(database):
    """(found by a tester) The overlap finding printed a name's line break as it is, and a
    period without a name was not reported."""
    with database.transaction() as session:
        rat = Council(name="Rat", city="Rostock")
        session.add(rat)
        session.flush()
        session.add_all(
            [
                AppointmentPeriod(council_id=rat.id, name="Erste\nHälfte",
                                  starts_on=date(2024, 1, 1), ends_on=date(2026, 12, 31)),
                AppointmentPeriod(council_id=rat.id, name="Zweite", starts_on=date(2026, 1, 1),
                                  ends_on=date(2026, 12, 31)),
                AppointmentPeriod(council_id=rat.id, name=" ", starts_on=date(2030, 1, 1)),
            ]
        )  # fmt: skip

    findings = IntegrityService(database).check()

    assert [f.text for f in findings if f.kind is FindingKind.PERIOD] == [
        "Gremium „Rat“: Die Berufungsperiode ab 01.01.2030 hat keinen Namen.",
        "Gremium „Rat“: Die Berufungsperioden „Erste Hälfte“ (01.01.2024 bis 31.12.2026) und "
        "„Zweite“ (01.01.2026 bis 31.12.2026) überschneiden sich.",
    ]
    assert all("\n" not in f.text for f in findings)
