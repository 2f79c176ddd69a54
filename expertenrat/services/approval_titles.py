"""How an agenda item approving a meeting's minutes is titled and known by its title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from expertenrat.domain.enums import MeetingKind, MinutesApproval
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.domain.meetings import NamedMeeting
from expertenrat.services import agenda_rows
from expertenrat.store import models

APPROVAL_TITLE_START = "Genehmigung des Protokolls"  # how every approval item's title begins
GENERIC_APPROVAL_TITLE = f"{APPROVAL_TITLE_START} der letzten Sitzung"
Meeting = TypeVar("Meeting", bound=NamedMeeting)  # a stored meeting or a row naming one


def approval_title(meeting: models.Meeting, practice: MinutesApproval) -> str:
    """ "Genehmigung des Protokolls der 5. Sitzung" (+ "und Entscheidung über Einwände")."""
    title = f"{APPROVAL_TITLE_START} {agenda_rows.meeting_name(meeting)}"
    if practice is MinutesApproval.OBJECTIONS:
        title += " und Entscheidung über Einwände"
    return title


def approval_prefix(meeting: NamedMeeting) -> str:
    """ "Genehmigung des Protokolls der 8. Sitzung", how every item approving ``meeting``'s
    minutes begins, even for a Klausur ("… der 8. Sitzung – Klausur: Datenethik"): an item
    titled before a Klausur was named so, or before its title changed, is still found
    (without a number "… der Klausur vom 12.03.2026", as the full name)."""
    if not meeting.number:
        return f"{APPROVAL_TITLE_START} {agenda_rows.meeting_name(meeting)}"
    by_number = meeting_name(meeting.number, MeetingKind(meeting.kind))
    return f"{APPROVAL_TITLE_START} der {by_number}"


def approved_by(title: str, earlier: Sequence[Meeting]) -> Meeting:
    """Whose minutes an approval item titled ``title`` approves, among ``earlier`` (the
    held meetings before its own, in order, at least one): the meeting it names, else (the
    standard "… der letzten Sitzung") the last of them."""
    return next((m for m in earlier if title.startswith(approval_prefix(m))), earlier[-1])
