"""The run sheet's notes per agenda item: excused members, the public leaving and coming
back, items without a duration, the time plan running past the meeting's end."""

from __future__ import annotations

from datetime import datetime

from meeting_sample import BERLIN, item

from expertenrat.domain.run_sheet_notes import (
    EXCLUDE_PUBLIC,
    NO_DURATION,
    RESTORE_PUBLIC,
    with_notes,
)


def test_notes_follow_the_agenda_and_the_time_plan() -> None:
    entries = (
        item("1", "Eröffnung", 0, notes="Begrüßung & <Dank>"),
        item("2", "Vergabe", 10, public=False, planned_minutes=40),
        item("3", "Verschiedenes", 50, planned_minutes=None),
    )

    noted = with_notes(
        entries, excused=["Zoë Brontë"], planned_end=datetime(2026, 3, 10, 16, 30, tzinfo=BERLIN)
    )

    assert [e.notes.splitlines() for e in noted] == [
        ["Begrüßung & <Dank>", "Entschuldigt: Zoë Brontë."],
        [EXCLUDE_PUBLIC, "Der Zeitplan geht über das Sitzungsende (16:30 Uhr)."],
        [RESTORE_PUBLIC, NO_DURATION, "Geplantes Ende: 16:50 Uhr."],
    ]
