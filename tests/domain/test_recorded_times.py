"""The times approved minutes record, as the OParl export and the Sitzungsmappe's cover
give them: the opening and closing time on the planned day, each where recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from zoneinfo import ZoneInfo

from expertenrat.domain.meeting_document_titles import meeting_time
from expertenrat.domain.meeting_documents import Letterhead, MeetingDocument
from expertenrat.domain.minutes import recorded_times

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 10, 16, 0, tzinfo=BERLIN)
END = datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN)


def test_each_recorded_time_replaces_the_planned_one_in_the_planned_zone() -> None:
    assert recorded_times(START, END, time(16, 5), time(18, 20)) == (
        START.replace(minute=5),
        END.replace(minute=20),
    )
    assert recorded_times(START, END, None, time(17, 50)) == (
        START,
        END.replace(hour=17, minute=50),
    )
    assert recorded_times(START, END, time(16, 5), None) == (START.replace(minute=5), END)


def test_a_planned_end_before_the_recorded_start_is_left_out() -> None:
    assert recorded_times(START, END, time(18, 30), None) == (
        START.replace(hour=18, minute=30),
        None,
    )


def test_a_meeting_without_a_known_end_shows_its_start_alone() -> None:
    doc = MeetingDocument(
        letterhead=Letterhead(council_name="Rat", city="Rostock"),
        uid="u",
        sequence=0,
        number=1,
        start=START,
        end=END,
        invitation_date=START.date(),
        notice_period_days=7,
    )

    assert meeting_time(doc) == "Dienstag, 10. März 2026, 16:00–18:00 Uhr"
    assert meeting_time(replace(doc, end=START)) == "Dienstag, 10. März 2026, 16:00 Uhr"
