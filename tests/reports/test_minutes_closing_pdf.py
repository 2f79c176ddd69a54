"""The closing of minutes with an annex list longer than a page starts where the text ends
(found by a tester: with 30 annexes the closing went to a new page whole, leaving the page
before with the last item alone, as it broke anyway), and its last annexes still stand with
the signature lines."""

from __future__ import annotations

from minutes_sample import APPROVAL, minutes
from pdf_reading import pages

from expertenrat.domain.annexes import AnnexEntry
from expertenrat.reports.minutes_pdf import render_minutes


def test_a_closing_longer_than_a_page_follows_the_last_item() -> None:
    for count in (30, 60):
        annexes = tuple(
            AnnexEntry(n, f"Präsentation zum Tagesordnungspunkt, Teil {n} " * (1 + n % 3), "a.pdf")
            for n in range(1, count + 1)
        )
        for approval in (None, APPROVAL):
            printed = pages(render_minutes(minutes(annexes=annexes, approval=approval)).pdf)
            last_item = next(p for p in printed if "Keine Eintragungen" in p)  # TOP 5
            assert "Ende der Sitzung" in last_item, count
            assert f"Anlage {count}:" in printed[-1] and "Sitzungsleitung" in printed[-1]
