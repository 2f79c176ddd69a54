"""The public annexes of a council's meetings for the OParl export: each annex marked
"öffentlich" of a meeting to which the members were invited or that was held, as a File
with its stored bytes (a Meeting's ``auxiliaryFile``), numbered as all minutes and
Sitzungsmappen number them ("Anlage 3: Präsentation", where Anlage 2 is non-public). A
non-public annex never goes out, nor does one of a planned, cancelled or deleted meeting,
nor a removed one, nor one whose bytes no longer match the SHA-256 stored when it was
added (damaged in the database; "Datenbank prüfen" names it): the public gets the file as
added or none. One published before and gone now stays as a tombstone
(``domain.oparl_previous``)."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.annexes import Annex
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.oparl_records import FileRecord
from expertenrat.services.oparl_rows import stamp_of
from expertenrat.store import models

_SHOWN = (MeetingState.INVITED.value, MeetingState.HELD.value)


def public_annexes(session: Session, council_id: int) -> dict[int, tuple[FileRecord, ...]]:
    """The public annexes of the council's invited and held meetings, by meeting id, in
    the order the meeting lists them."""
    stored = models.StoredFile
    live = (
        select(stored.id, stored.meeting_id)
        .join(models.Meeting, models.Meeting.id == stored.meeting_id)
        .where(
            models.Meeting.council_id == council_id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state.in_(_SHOWN),
            stored.deleted_at.is_(None),
        )
        .order_by(stored.meeting_id, stored.position, stored.id)
    )
    numbers: dict[int, int] = {}  # a non-public or damaged one keeps its number
    counts: dict[int, int] = defaultdict(int)
    for annex_id, meeting_id in session.execute(live):
        counts[meeting_id] += 1
        numbers[annex_id] = counts[meeting_id]
    rows = session.scalars(live.with_only_columns(stored).where(stored.public.is_(True)))
    found: dict[int, list[FileRecord]] = defaultdict(list)
    for row in rows:
        if hashlib.sha256(row.content).hexdigest() != row.sha256:
            continue
        number = numbers[row.id]
        label = Annex(row.id, number, row.name, row.title, row.size, row.sha256).label
        found[row.meeting_id].append(  # type: ignore[index]
            FileRecord(
                stamp=stamp_of(row),
                name=label,
                file_name=row.name,
                content=row.content,
                mime_type=row.mime_type,
            )
        )
    return {meeting_id: tuple(files) for meeting_id, files in found.items()}
