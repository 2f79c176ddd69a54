"""A meeting's calendar entries (.ics): the members' (the invitation mail's) and the public
one saved for anyone (the city's website)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from expertenrat.domain.calendar_sequence import invited_sequence
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.public_invitation import public_invitation

PUBLIC_UID_SUFFIX = "-public"


def public_calendar(documents: list[MeetingDocument], stamp: datetime | None) -> bytes:
    """A calendar file saved for anyone (a secretariat puts one of all meetings on the
    city's website): the meetings as the public invitation shows them, without the titles
    of non-public items, presenters and the online link. Only the file the invitation mail
    carries to the members lists the whole agenda, as the letter beside it does. Its
    entries have a UID of their own (the meeting's with :data:`PUBLIC_UID_SUFFIX`): with
    the members' UID and SEQUENCE, a member importing it from the website replaced the
    entry the invitation gave, and lost the online link and the non-public items (found by
    a tester); a member who imports both has two entries, neither losing a thing."""
    return members_calendar(
        [replace(public_invitation(d), uid=d.uid + PUBLIC_UID_SUFFIX) for d in documents], stamp
    )


def members_calendar(documents: list[MeetingDocument], stamp: datetime | None) -> bytes:
    """The calendar file of ``documents`` as the members get it: every item, the online
    link; in the order of their start."""
    from expertenrat.exchange.meetings_ics import meetings_ics  # icalendar: on demand

    ordered = sorted(documents, key=lambda d: (d.start, d.number or 0))
    return meetings_ics(ordered, stamp=stamp or datetime.now(UTC))


def as_invited(doc: MeetingDocument) -> MeetingDocument:
    """The calendar entry a planned meeting's invitation mail carries: the meeting as it
    is once the invitation is recorded as sent (confirmed, the SEQUENCE that raises)."""
    return replace(doc, planned=False, sequence=invited_sequence(doc.sequence))
