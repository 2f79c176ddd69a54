"""The number an invited meeting gets back when its invitation is taken back (found by a
tester: the 7. Sitzung taken back while the 8. was invited became the 9. Sitzung, said
only in the audit trail): the service tells it before, by the rule the take-back numbers
by (``meeting_numbers.number_as_planned``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=BERLIN)


def _invited(meetings_service, council, day: int) -> int:
    start = datetime(2026, 12, day, 16, 0, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = meetings_service.create(council.id, draft)
    version = meetings_service.get(meeting_id).version
    meetings_service.change_state(
        meeting_id, version, MeetingState.INVITED, now=NOW, sent_on=NOW.date()
    )
    return meeting_id


def test_the_number_after_a_take_back_is_known_before_it(meetings_service, council) -> None:
    earlier = _invited(meetings_service, council, 14)
    later = _invited(meetings_service, council, 20)
    assert (meetings_service.get(earlier).number, meetings_service.get(later).number) == (1, 2)

    assert meetings_service.number_after_take_back(later) == 2  # the last keeps its number
    assert meetings_service.number_after_take_back(earlier) == 3  # after the invited one

    invited = meetings_service.get(earlier)
    planned = meetings_service.take_back_state(earlier, invited.version, now=NOW)
    assert planned.number == 3
    assert meetings_service.number_after_take_back(earlier) is None  # planned: nothing to take
