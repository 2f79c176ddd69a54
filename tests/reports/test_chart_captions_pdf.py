"""A chart's caption in the annual report never stands alone at the foot of a page with
its chart overleaf, and the chart of attendance fits a page whatever the number of meetings
(found by a tester: the demo's report of 2026 with long consultations had "Status je
Handlungsfeld" as the last line of a page, a year of many meetings "Anwesenheit je
Sitzung"; from 37 meetings the chart was taller than a page and the report failed)."""

from __future__ import annotations

from dataclasses import replace

from annual_report_sample import MEETINGS, report
from pdf_reading import read

from expertenrat.domain.annual_report import MeetingsPart
from expertenrat.reports.annual_report_pdf import render_annual_report

CAPTIONS = ("Anwesenheit je Sitzung", "Status je Handlungsfeld")


def _last_lines(pdf: bytes) -> list[str]:
    """The last line of text above the page number of each page but the last."""
    found = []
    for page in read(pdf).pages[:-1]:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        while lines and lines[-1].startswith("Seite "):
            lines.pop()
        found.append(lines[-1])
    return found


def test_no_chart_caption_ends_a_page() -> None:
    ends = set()
    for count in range(1, 45):
        lines = tuple(
            replace(MEETINGS.meetings[0], label=f"{n}. Sitzung") for n in range(1, count + 1)
        )
        pdf = render_annual_report(report(meetings=MeetingsPart(lines, 0))).pdf
        ends.update(_last_lines(pdf))
    assert not ends & set(CAPTIONS)
