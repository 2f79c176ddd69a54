"""The Anwesenheit tab of a held meeting of a council of three, nobody marked present yet,
and choosing in its lines."""

from __future__ import annotations

from datetime import date

from held_meeting import HeldMeeting, council_of_three, held_meeting

from expertenrat.services.context import Services
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.dialog_service import DialogService


def attendance_of_three(
    qtbot, services: Services, dialogs: DialogService, today: date
) -> tuple[AttendancePanel, HeldMeeting, list[int]]:
    """The tab showing the meeting, the meeting and the three members' ids."""
    council_id = council_of_three(services, today)
    members = [m.id for m in services.members.members(council_id)]
    held = held_meeting(services.database, council_id, members, present=0)
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(held.meeting_id)
    return panel, held, members


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
