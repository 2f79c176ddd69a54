"""The Anwesenheit tab of a meeting over midnight says which day a time before its start's
is read as; a one-day meeting's says nothing of it (found by a helper)."""

from __future__ import annotations

from datetime import datetime

from held_meeting import council_of_three
from meeting_rows import BERLIN, add_meeting

from expertenrat.store import models
from expertenrat.ui.attendance_panel import AttendancePanel


def test_a_klausur_over_midnight_says_which_day_an_early_time_is_of(
    qtbot, services, dialogs, today
) -> None:
    council_id = council_of_three(services, today)
    klausur = add_meeting(services.database, council_id, starts_at=datetime(2026, 12, 11, 16, 0))
    one_day = add_meeting(services.database, council_id, starts_at=datetime(2026, 12, 18, 16, 0))
    with services.database.transaction() as session:
        session.get(models.Meeting, klausur.meeting_id).ends_at = datetime(
            2026, 12, 12, 13, 0, tzinfo=BERLIN
        )
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()

    panel.set_meeting(klausur.meeting_id)
    shown = panel.next_day_label.isVisible()
    text = panel.next_day_label.text()
    panel.set_meeting(one_day.meeting_id)

    assert shown
    assert text == "Uhrzeiten vor 16:00 Uhr gelten für Samstag, 12.12.2026."
    assert panel.next_day_label.isHidden()
