"""Appointment periods' rules without a database."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.appointment_periods import usual_end


def test_the_usual_end_is_three_years_less_a_day_also_from_29_february():
    assert usual_end(date(2024, 9, 25)) == date(2027, 9, 24)
    assert usual_end(date(2024, 2, 29)) == date(2027, 2, 28)
