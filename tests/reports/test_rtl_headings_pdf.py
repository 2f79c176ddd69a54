"""Titles and headings with Arabic and Hebrew words wrap in reading order in every
document, as the minutes' item headings do (22c4d1a): the words typed last stand on the
last line. Before, the recommendations report, the Tätigkeitsbericht, the reminder letter,
the invitation, the run sheet and the roster wrapped them after putting them in visual
order, so that the last words (here the Hebrew ones) stood on the first line."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from annual_report_sample import report as annual_report
from meeting_sample import LETTERHEAD, meeting
from pdf_reading import text_runs
from pypdf import PdfReader
from recommendations_report_sample import report as recommendations_report

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.reminders import ProjectReminder, ReminderLetter
from expertenrat.domain.roster import RosterGrouping, build_roster
from expertenrat.reports import theme
from expertenrat.reports.annual_report_pdf import render_annual_report
from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.recommendations_report_pdf import render_recommendations_report
from expertenrat.reports.reminder_letter_pdf import render_reminder_letter
from expertenrat.reports.roster_pdf import render_roster
from expertenrat.reports.run_sheet_pdf import render_run_sheet

# German first, then Arabic, then Hebrew: the Hebrew words are the last ones typed.
TITLE = "Quartiere und Stadtteile: " + "مرحبا بالعالم " * 6 + "שלום עולם"
HEAD = replace(LETTERHEAD, council_name="Rat " + "مرحبا بالعالم " * 9 + "שלום עולם")


def _hebrew(text: str) -> bool:
    return any(0x0590 <= ord(c) <= 0x05FF for c in text)


def _rtl(text: str) -> bool:  # Arabic is drawn in its presentation forms
    return any(0x0590 <= ord(c) <= 0x06FF or 0xFB1D <= ord(c) <= 0xFEFC for c in text)


def _roster() -> bytes:
    member = Member(
        id=1, given_name="Anna", family_name="Berg", term_start=date(2024, 1, 1),
        primary_field_id=1, publish_name=True,
    )  # fmt: skip
    council = CouncilSettings(1, "Rat", "Rostock")
    doc = build_roster(
        [member], [ActionField(1, TITLE, position=0)], council, public=True,
        grouping=RosterGrouping.BY_FIELD, today=date(2026, 3, 5),
    )  # fmt: skip
    return render_roster(doc).pdf


def _reminder() -> bytes:
    project = AddressedProject(1, TITLE, "Umweltamt", "Dr. Kühn", "kuehn@example.org")
    letter = ReminderLetter(LETTERHEAD, ProjectReminder(project, ()), date(2026, 6, 1))
    return render_reminder_letter(letter).pdf


DOCUMENTS = {
    "Empfehlungsbericht": (
        lambda: (
            render_recommendations_report(replace(recommendations_report(), letterhead=HEAD)).pdf
        ),
        "lead",
    ),
    "Tätigkeitsbericht": (
        lambda: render_annual_report(replace(annual_report(), letterhead=HEAD)).pdf,
        "lead",
    ),
    "Erinnerungsschreiben": (_reminder, "heading"),
    "Einladung": (lambda: render_invitation(meeting(title=TITLE)).pdf, "heading"),
    "Ablaufplan": (lambda: render_run_sheet(meeting(title=TITLE)).pdf, "title"),
    "Mitgliederliste": (_roster, "heading"),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_title_with_arabic_and_hebrew_words_wraps_in_reading_order(name: str) -> None:
    render, style = DOCUMENTS[name]
    size = getattr(theme.styles(), style).fontSize
    page = PdfReader(io.BytesIO(render())).pages[0]
    runs = [(run, y) for run, y, s in text_runs(page) if s == size and _rtl(run)]
    lines = sorted({y for _, y in runs}, reverse=True)

    assert len(lines) >= 2, runs  # the title wraps
    first = " ".join(run for run, y in runs if y == lines[0])
    last = " ".join(run for run, y in runs if y == lines[-1])
    assert not _hebrew(first), first
    assert _hebrew(last), last
