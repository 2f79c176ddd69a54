"""The Sitzungen page warns where the apologies recorded for a meeting ahead leave too few
voting members for a quorum (pytest-qt, offscreen, real database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from client_statements import recorded_statements
from held_meeting import council_of_three

from expertenrat.domain.enums import AttendanceStatus, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.meetings_page import MeetingsPage

WAIT = 30_000  # ms: the attendance saves in the worker; waits end as soon as it is done
TWO_OF_THREE = (
    "Nach 2 Entschuldigungen ist höchstens 1 von 3 stimmberechtigten Mitgliedern zu "
    "erwarten – die Sitzung wäre nicht beschlussfähig (nötig: mehr als die Hälfte, also "
    "mindestens 2)"
)


@pytest.fixture
def council(services, today) -> int:
    return council_of_three(services, today)


@pytest.fixture
def meeting_id(services, council) -> int:
    start = datetime.combine(date(2027, 1, 14), time(16))
    return services.meetings.create(
        council,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )


@pytest.fixture
def page(qtbot, services, dialogs, council, meeting_id, today) -> MeetingsPage:
    page = MeetingsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council)
    page.refresh()
    page.show()
    page.select(meeting_id)
    return page


def excuse_in_the_tab(qtbot, page: MeetingsPage, position: int) -> AttendancePanel:
    panel = next(d for d in page.tabs.details if isinstance(d, AttendancePanel))
    page.tabs.setCurrentWidget(panel)
    combo = list(panel.rows.values())[position].status_combo
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        combo.setCurrentIndex(combo.findData("excused"))
    return panel


def test_apologies_recorded_in_the_tab_warn_under_the_state_buttons(qtbot, page) -> None:
    assert page.quorum_warning.isHidden()

    excuse_in_the_tab(qtbot, page, 0)
    assert page.quorum_warning.isHidden()  # two of three may still come

    panel = excuse_in_the_tab(qtbot, page, 1)

    qtbot.waitUntil(page.quorum_warning.isVisible, timeout=WAIT)
    assert page.quorum_warning.text() == TWO_OF_THREE
    assert panel.quorum_label.text().endswith(f"\n{TWO_OF_THREE}")
    page.tabs.setCurrentWidget(page.form)  # whichever tab is open, the warning stays
    assert page.quorum_warning.isVisible()


def test_another_meeting_hides_the_warning(page, services, council, meeting_id) -> None:
    """Recorded on another PC: the page shows it after its next reading."""
    sheet = services.attendance.sheet(meeting_id)
    for entry in sheet.entries[:2]:
        services.attendance.save_entry(meeting_id, replace(entry, status=AttendanceStatus.EXCUSED))
    start = datetime.combine(date(2027, 2, 11), time(16))
    other = services.meetings.create(
        council,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    page.refresh()

    page.select(other)
    assert page.quorum_warning.isHidden()

    page.select(meeting_id)
    assert page.quorum_warning.text() == TWO_OF_THREE


@pytest.mark.parametrize("state", [MeetingState.HELD, MeetingState.CANCELLED])
def test_a_meeting_no_longer_ahead_is_not_read_for_a_warning(page, services, state) -> None:
    """The minutes' header saves reread the page: a held meeting's attendance is not read
    again each time for a warning it cannot have."""
    line = replace(page.meeting_list.selected(), state=state)

    with recorded_statements(services.database.engine) as statements:
        page.quorum_warning.show_for(line)

    assert statements == []
    assert page.quorum_warning.isHidden()
