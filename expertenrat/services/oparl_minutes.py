"""What the approved minutes of a council's meetings give its OParl export and open data:
the public minutes PDF as a File, and the times the meeting began and ended as the
minutes record them ("Beginn 16:05 Uhr, Ende 18:20 Uhr"). Until the minutes are approved
the planned times stand: a draft may still change, and approved minutes are frozen
(``services.minutes_freeze``), so the times read from the meeting are the approved ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.minutes import recorded_times
from expertenrat.domain.oparl_records import FileRecord
from expertenrat.services.approved_minutes_pdfs import approved_pdfs
from expertenrat.services.oparl_rows import stamp_of
from expertenrat.store import models


@dataclass(frozen=True, slots=True)
class ApprovedMinutes:
    """Of a council's meetings: the public PDF of the newest approved minutes version
    (by meeting id), and which meetings have approved minutes at all (an approval from
    before PDFs were stored has none)."""

    files: dict[int, FileRecord] = field(default_factory=dict)
    approved: frozenset[int] = frozenset()

    def times(self, meeting: models.Meeting) -> tuple[datetime, datetime | None]:
        """Start and end of ``meeting`` (wall clock, naive): as planned; once its minutes
        are approved, the opening and closing time they record
        (:func:`domain.minutes.recorded_times`; the Sitzungsmappe's cover says the same)."""
        if meeting.id not in self.approved:
            return meeting.starts_at, meeting.ends_at
        return recorded_times(
            meeting.starts_at, meeting.ends_at, meeting.opened_at, meeting.closed_at
        )


def approved_minutes(session: Session, council_id: int, *, pdfs: bool = True) -> ApprovedMinutes:
    """The council's :class:`ApprovedMinutes`; only the public PDFs of the newest approved
    versions are read (not the internal ones, nor those of superseded versions), each
    checked against its stored SHA-256. Without ``pdfs`` (the open data, which publish
    only the approval date) no PDF is read and each File holds no bytes: a damaged
    stored PDF does not stop what does not hand it out (found by a tester)."""
    version = models.MinutesVersion
    heads = session.execute(
        select(
            version.id,
            version.meeting_id,
            version.public_id,
            version.created,
            version.modified,
            version.approved_on,
            version.public_pdf.is_not(None).label("has_pdf"),
        )
        .join(models.Meeting, models.Meeting.id == version.meeting_id)
        .where(
            models.Meeting.council_id == council_id,
            version.state == MinutesState.APPROVED.value,
        )
        .order_by(version.number)
    ).all()
    approved = frozenset(head.meeting_id for head in heads)
    newest = {head.meeting_id: head for head in heads if head.has_pdf}
    if not newest:
        return ApprovedMinutes(approved=approved)
    ids = [head.id for head in newest.values()]
    contents = approved_pdfs(session, ids, public=True) if pdfs else dict.fromkeys(ids, b"")
    files = {
        meeting_id: FileRecord(
            stamp=stamp_of(head),
            name="Protokoll (öffentlicher Teil)",
            file_name="protokoll.pdf",
            content=contents[head.id],
            on=head.approved_on,
        )
        for meeting_id, head in newest.items()
    }
    return ApprovedMinutes(files, approved)
