"""Appointment periods' rules without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.appointment_periods import (
    AppointmentPeriod,
    role_of_further_term,
    usual_end,
)
from expertenrat.domain.enums import MemberRole
from expertenrat.domain.members import Member


def test_the_usual_end_is_three_years_less_a_day_also_from_29_february():
    assert usual_end(date(2024, 9, 25)) == date(2027, 9, 24)
    assert usual_end(date(2024, 2, 29)) == date(2027, 2, 28)


FIRST = AppointmentPeriod(1, "1. Berufungsperiode", date(2023, 12, 1), date(2026, 11, 30))
SECOND = AppointmentPeriod(2, "2. Berufungsperiode", date(2026, 12, 1), date(2029, 11, 30))
VICE_CHAIR = Member(
    7, "Anna", "Amsel", role=MemberRole.VICE_CHAIR, term_start=FIRST.start, term_end=FIRST.end
)


def test_a_further_term_in_the_next_period_begins_as_member():
    """(found by a tester) the new period's council elects its chair and vice chair."""
    start = date(2026, 12, 1)
    assert role_of_further_term([FIRST, SECOND], VICE_CHAIR, start) is MemberRole.MEMBER


def test_a_further_term_in_the_same_period_or_without_periods_keeps_the_role():
    ended_early = replace(VICE_CHAIR, term_end=date(2025, 5, 31))
    start = date(2025, 6, 1)

    assert role_of_further_term([FIRST, SECOND], ended_early, start) is MemberRole.VICE_CHAIR
    assert role_of_further_term([], VICE_CHAIR, date(2026, 12, 1)) is MemberRole.VICE_CHAIR
    # a period set up for the new term only: the old one unknown, nothing to compare
    assert role_of_further_term([SECOND], VICE_CHAIR, date(2026, 12, 1)) is MemberRole.VICE_CHAIR
