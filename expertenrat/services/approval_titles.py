"""How an agenda item approving a meeting's minutes is known by its title."""

from __future__ import annotations

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.services import agenda_rows
from expertenrat.store import models


def approval_prefix(meeting: models.Meeting) -> str:
    """ "Genehmigung des Protokolls der 8. Sitzung", how every item approving ``meeting``'s
    minutes begins, even for a Klausur ("… der 8. Sitzung – Klausur: Datenethik"): an item
    titled before a Klausur was named so, or before its title changed, is still found
    (without a number "… der Klausur vom 12.03.2026", as the full name)."""
    if not meeting.number:
        return f"Genehmigung des Protokolls {agenda_rows.meeting_name(meeting)}"
    by_number = meeting_name(meeting.number, MeetingKind(meeting.kind))
    return f"Genehmigung des Protokolls der {by_number}"
