"""Appointment periods' rules without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.appointment_periods import (
    AppointmentPeriod,
    role_of_further_term,
    start_of_further_term,
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
    # no period set up: a term continued the day after its end keeps its role
    assert role_of_further_term([], VICE_CHAIR, date(2026, 12, 1)) is MemberRole.VICE_CHAIR


def test_a_further_term_in_a_period_the_ended_term_was_in_none_of_begins_as_member():
    """(found by a tester) with only the new period set up, the vice chair stayed one."""
    assert role_of_further_term([SECOND], VICE_CHAIR, date(2026, 12, 1)) is MemberRole.MEMBER


def test_a_further_term_after_days_away_begins_as_member():
    """(found by a tester) the role was someone else's or vacant meanwhile: given anew,
    with or without periods, also within one period."""
    ended_early = replace(VICE_CHAIR, term_end=date(2025, 5, 31))
    for periods in ([], [FIRST, SECOND]):
        for start in (date(2025, 6, 2), date(2026, 11, 20)):
            assert role_of_further_term(periods, ended_early, start) is MemberRole.MEMBER
    assert role_of_further_term([], ended_early, date(2025, 6, 1)) is MemberRole.VICE_CHAIR


def test_a_further_term_is_proposed_from_the_next_period_s_first_day():
    """(found by a tester) opened on 20.11.2026, the re-appointment of a member whose term
    ended in October was proposed for 20.11. to 30.11.2026, the rest of the old period."""
    left = replace(VICE_CHAIR, term_end=date(2026, 10, 31))
    third = AppointmentPeriod(3, "3. Berufungsperiode", date(2029, 12, 1), None)

    assert start_of_further_term([third, FIRST, SECOND], left, date(2026, 11, 20)) == SECOND.start
    assert start_of_further_term([FIRST, SECOND], VICE_CHAIR, date(2026, 11, 20)) == SECOND.start


def test_without_a_next_period_a_further_term_follows_the_end_or_today():
    left = replace(VICE_CHAIR, term_end=date(2026, 10, 31))
    running = replace(VICE_CHAIR, term_end=date(2026, 12, 15))

    assert start_of_further_term([FIRST], left, date(2026, 11, 20)) == date(2026, 11, 20)
    assert start_of_further_term([], running, date(2026, 11, 20)) == date(2026, 12, 16)
    # a period beginning before the term's end holds the term; the day after follows it
    assert start_of_further_term([FIRST, SECOND], running, date(2026, 11, 20)) == date(2026, 12, 16)
