"""The quorum forecast of a meeting ahead: the apologies recorded against the council's rule,
as the attendance service reads it for the Sitzungen page and the Übersicht."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from meeting_rows import add_meeting, cancel

from expertenrat.domain.enums import AttendanceStatus, QuorumRule
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.overview import OverviewService

NAMES = ["Berg", "Çelik", "Dahl", "Engel", "Falk", "Groß", "Hahn", "Iversen", "Jäger"]
AHEAD = datetime(2027, 3, 10, 16, 0)

FIVE_OF_NINE = (
    "Nach 5 Entschuldigungen sind höchstens 4 von 9 stimmberechtigten Mitgliedern zu "
    "erwarten – die Sitzung wäre nicht beschlussfähig (nötig: mehr als die Hälfte, also "
    "mindestens 5)"
)


@pytest.fixture
def service(database, actor) -> AttendanceService:
    return AttendanceService(database, actor)


@pytest.fixture
def nine(members_service, council, new_member, today) -> list[int]:
    return [members_service.save(council.id, new_member("Anna", name), today).id for name in NAMES]


@pytest.fixture
def meeting_id(database, council, nine) -> int:
    return add_meeting(database, council.id, starts_at=AHEAD).meeting_id


def excuse(service, meeting_id, members, today) -> None:
    for member in members:
        entry = service.sheet(meeting_id, today=today).entry(member)
        service.save_entry(meeting_id, replace(entry, status=AttendanceStatus.EXCUSED), today=today)


def test_five_apologies_of_nine_warn_that_the_meeting_would_not_be_quorate(
    service, meeting_id, nine, today
) -> None:
    excuse(service, meeting_id, nine[:4], today)
    assert service.quorum_warning(meeting_id) == ""

    excuse(service, meeting_id, nine[4:5], today)

    assert service.quorum_warning(meeting_id) == FIVE_OF_NINE
    assert service.sheet(meeting_id, today=today).quorum_warning == FIVE_OF_NINE


def test_the_warning_follows_the_councils_quorum_setting(
    service, settings_service, council, meeting_id, nine, today
) -> None:
    """Four of nine excused: five may come, more than half; two thirds would need six."""
    excuse(service, meeting_id, nine[:4], today)
    assert service.quorum_warning(meeting_id) == ""

    settings_service.update_settings(
        replace(settings_service.settings(council.id), quorum_rule=QuorumRule.TWO_THIRDS)
    )

    assert service.quorum_warning(meeting_id) == (
        "Nach 4 Entschuldigungen sind höchstens 5 von 9 stimmberechtigten Mitgliedern zu "
        "erwarten – die Sitzung wäre nicht beschlussfähig (nötig: mindestens zwei Drittel, "
        "also mindestens 6)"
    )


def test_once_members_are_recorded_present_the_quorum_itself_speaks(
    service, database, council, nine, today
) -> None:
    """On the meeting's day the attendance is taken: no forecast beside the quorum."""
    day_id = add_meeting(database, council.id, starts_at=datetime(2026, 11, 27, 9)).meeting_id
    excuse(service, day_id, nine[:5], today)
    assert service.quorum_warning(day_id) == FIVE_OF_NINE

    entry = service.sheet(day_id, today=today).entry(nine[5])
    service.save_entry(day_id, replace(entry, status=AttendanceStatus.PRESENT), today=today)

    assert service.quorum_warning(day_id) == ""


def test_a_cancelled_meeting_warns_no_more(database, service, meeting_id, nine, today) -> None:
    excuse(service, meeting_id, nine[:5], today)

    cancel(database, meeting_id)

    assert service.quorum_warning(meeting_id) == ""


def test_the_overview_lists_the_meeting_at_risk_and_opens_it(
    database, service, council, meeting_id, nine, today
) -> None:
    other = add_meeting(database, council.id, starts_at=datetime(2027, 4, 14, 16)).meeting_id
    excuse(service, other, nine[:1], today)  # one apology: still quorate, not listed
    excuse(service, meeting_id, nine[:5], today)

    lines = OverviewService(database).overview(council.id, today).quorum_warnings

    assert [line.text for line in lines] == [f"1. Sitzung am 10.03.2027: {FIVE_OF_NINE}"]
    assert lines[0].urgent
    assert lines[0].target == Target(Area.MEETINGS, meeting_id, MeetingTab.MEETING)
