"""How the integrity check names a meeting in a finding: the columns it selects
(:data:`MEETING`) and the label they make, "5. Sitzung am 10.03.2026" (a numbered Klausur
"8. Sitzung – Klausur: Datenethik am …", as lists name it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.store.models import Meeting

MEETING = (Meeting.number, Meeting.kind, Meeting.starts_at, Meeting.title)


def meeting_label(
    number: int | None,
    kind: str,
    starts_at: datetime,
    title: str,
    shown: Callable[[str], str] = str,
) -> str:
    """The meeting of the row's :data:`MEETING` columns; ``shown`` renders its title."""
    return dated_meeting_label(number, MeetingKind(kind), starts_at.date(), title, shown)
