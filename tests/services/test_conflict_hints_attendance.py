"""The Befangenheit tab's hints follow the attendance at the item, as the minutes' check."""

from __future__ import annotations

from dataclasses import replace

import pytest
from meeting_rows import add_meeting

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.conflicts import ConflictsService


@pytest.fixture
def database(sqlite_database):
    return sqlite_database  # which members are asked about is no matter of the backend


def test_no_hint_for_a_member_gone_before_the_item_or_come_after_it(
    database, actor, council, members_service, new_member, today
) -> None:
    # Found by a tester: "(1 Hinweis)" at TOP 3 for a member who had left after TOP 2;
    # the completeness check of the minutes rightly ignored it, so it was noise.
    members = {
        name: members_service.save(
            council.id, new_member("Ödön", name, affiliation="Stadtwerke Rostock AG"), today
        ).id
        for name in ("Pál", "Berg", "Yılmaz")
    }
    meeting = add_meeting(database, council.id, partners=("stadtwerke rostock",))
    _first, second, consultation, last = meeting.item_ids
    attendance = AttendanceService(database, actor)
    for name, arrived, left in (
        ("Pál", None, second),
        ("Berg", None, None),
        ("Yılmaz", last, None),
    ):
        entry = attendance.sheet(meeting.meeting_id).entry(members[name])
        attendance.save_entry(
            meeting.meeting_id,
            replace(
                entry, status=AttendanceStatus.PRESENT, arrived_item_id=arrived, left_item_id=left
            ),
        )

    sheet = ConflictsService(database, actor).sheet(meeting.meeting_id)

    assert [s.member for s in sheet.item(consultation).suggestions] == [members["Berg"]]
