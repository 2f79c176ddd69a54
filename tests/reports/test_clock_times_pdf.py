"""A time keeps its "Uhr" on its line (found by a tester: in the minutes' attendance
"bis TOP 7.1.2 (17:50" ended a line and "Uhr)" stood alone on the next)."""

from __future__ import annotations

from datetime import time

from minutes_sample import minutes
from pdf_reading import read

from expertenrat.domain.minutes_attendees import PresentMember
from expertenrat.reports.line_breaks import keep_together
from expertenrat.reports.minutes_pdf import render_minutes


def test_a_time_and_its_uhr_are_joined_by_a_no_break_space():
    assert keep_together("bis 17:50 Uhr, 16:00–18:00 Uhr") == (
        "bis 17:50\xa0Uhr, 16:00–18:00\xa0Uhr"
    )
    assert keep_together("um 17:50 Uhrzeit") == "um 17:50 Uhrzeit"  # a word, not "Uhr"


def test_uhr_never_begins_a_line_of_the_attendance():
    present = tuple(
        PresentMember(f"Mitglied {came}", "Mitglied", "", True, came, "7.1.2", None, time(17, 50))
        for came in ("", "3", "12")
    )

    pdf = render_minutes(minutes(present=present)).pdf

    lines = [line.strip() for page in read(pdf).pages for line in page.extract_text().split("\n")]
    assert any(line.endswith("(17:50 Uhr)") for line in lines)
    assert not [line for line in lines if line.startswith("Uhr")]
