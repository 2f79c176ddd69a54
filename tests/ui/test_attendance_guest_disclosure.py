"""Anwesenheit → Gäste → "Auskunft (Art. 15) …": the Auskunft about the selected guest, who
is no member and has no person number, saved as a PDF where the user chooses (found by a
tester, the city's data protection officer: the window had no way to answer a guest)."""

from __future__ import annotations

import pytest
from held_meeting import council_of_three
from meeting_rows import add_meeting
from pdf_reading import text

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.services.audit_reading import AuditService
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.save_location import FileKind


@pytest.fixture
def panel(qtbot, services, dialogs, today) -> AttendancePanel:
    meeting = add_meeting(services.database, council_of_three(services, today))
    services.attendance.save_guest(
        meeting.meeting_id, GuestEntry(None, "Dr. Merle Steffens", "Umweltamt", "Gutachten")
    )
    panel = AttendancePanel(services, dialogs, today=lambda: today)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)
    return panel


def test_the_auskunft_of_the_selected_guest_is_saved_as_pdf(
    services, panel, dialogs, tmp_path, finish_job, today
):
    box = panel.guests
    assert box.disclosure_button.text() == "Auskunft (Art. 15) …"
    assert not box.disclosure_button.isEnabled()  # no guest chosen
    box.view.selectRow(0)
    assert box.disclosure_button.isEnabled()
    dialogs.paths = [str(tmp_path / "auskunft")]

    box.disclosure_button.click()
    finish_job(panel.disclosure)

    assert dialogs.file_dialogs == [
        (FileKind.PDF, f"Auskunft Art. 15 Dr. Merle Steffens {today:%Y-%m-%d}.pdf")
    ]
    written = " ".join(text((tmp_path / "auskunft.pdf").read_bytes()).split())
    assert "über Dr. Merle Steffens (Gast)" in written
    assert "Dr. Merle Steffens, Umweltamt, Gutachten" in written
    finish_job(panel.disclosure)  # its note in the audit trail (found by a tester)
    (noted,) = AuditService(services.database).entries("disclosure")
    assert noted.summary == "Auskunft (Art. 15) erstellt über den Gast Dr. Merle Steffens"


def test_a_guest_of_a_meeting_that_can_no_longer_change_still_has_an_auskunft(panel):
    """Approved minutes freeze the guests (no adding, editing or removing), not the
    person's right to know what is stored about them."""
    box = panel.guests
    guest = box.model.row(0)
    box.show_guests(box._meeting_id, (guest,), editable=False)
    box.view.selectRow(0)

    assert not box.edit_button.isEnabled() and not box.remove_button.isEnabled()
    assert box.disclosure_button.isEnabled()
