"""The meetings that may approve minutes are read together, however many followed."""

from __future__ import annotations

from datetime import datetime

import pytest
from client_statements import recorded_statements
from held_meeting import held_meeting
from minutes_setup import held_minutes, hold

from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes


@pytest.fixture
def service(database, actor) -> MinutesApprovalService:
    return MinutesApprovalService(database, actor, render_minutes)


def test_the_approving_meetings_take_the_same_statements_however_many_followed(
    service, database, council, fields
) -> None:
    """Found by a tester: opening a meeting of a council with ten years of meetings read
    whether the minutes of each later held meeting were approved, and the attendance and
    the approval item of each one not approved: some eleven statements per meeting, twice
    per opening (1,840 statements and 1.1 s for a meeting of 2017 where no minutes were
    approved in the program)."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    members = list(minutes.members.values())

    def statements() -> tuple[int, list[str]]:
        with recorded_statements(database.engine) as sent:
            choices = service.approving_meetings(minutes.meeting_id)
        return len(sent), [c.label for c in choices]

    one, labels = statements()
    assert labels == ["2. Sitzung am 12.05.2026"]
    for month in (6, 7, 9):
        held_meeting(database, council.id, members, starts_at=datetime(2026, month, 1, 16, 0))
    four, labels = statements()
    assert len(labels) == 4 and labels[0] == "2. Sitzung am 12.05.2026"
    assert four == one
