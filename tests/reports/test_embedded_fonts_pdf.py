"""Every font a letter or the approved minutes use is embedded DejaVu: a table without the
house font made reportlab name Helvetica on the page, not embedded (found by a tester: the
invitation, the mail merge, the reminder letter and the stored approved minutes, whose
README promise is "embed every font")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from meeting_sample import LETTERHEAD, meeting
from minutes_sample import APPROVAL, minutes
from pdf_reading import read

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.reminders import ProjectReminder, ReminderLetter
from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.reports.reminder_letter_pdf import render_reminder_letter

PROJECT = AddressedProject(1, "Klimaportal", "Umweltamt", "Dr. Kühn", "kuehn@example.org")
OVERDUE = RecommendationRow(
    id=1, code="E-2026-01", kind=RecommendationKind.RECOMMENDATION, title="Offene Daten",
    action_field_id=None, action_field="", projects=(PROJECT,), origin=Origin(),
    adopted_on=date(2026, 1, 1), sent_on=date(2026, 1, 2), due_on=date(2026, 3, 2),
    status=RecommendationStatus.SENT, days_overdue=91, version=1,
)  # fmt: skip


def _documents() -> dict[str, bytes]:
    letter = ReminderLetter(LETTERHEAD, ProjectReminder(PROJECT, (OVERDUE,)), date(2026, 6, 1))
    addressed = replace(
        meeting(), addressee=("Frau", "Dr. Anna Berg", "Am Markt 1", "18055 Rostock")
    )
    return {
        "Einladung": render_invitation(meeting()).pdf,
        "Serienbrief": render_invitation(addressed).pdf,
        "Erinnerung": render_reminder_letter(letter).pdf,
        "genehmigtes Protokoll": render_minutes(minutes(approval=APPROVAL)).pdf,
    }


@pytest.mark.parametrize(
    "name", ["Einladung", "Serienbrief", "Erinnerung", "genehmigtes Protokoll"]
)
def test_every_font_is_embedded_dejavu(name):
    for page in read(_documents()[name]).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "DejaVuSans" in font["/BaseFont"], font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"]
