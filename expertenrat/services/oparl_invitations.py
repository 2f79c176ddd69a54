"""The public invitations of an OParl export: the PDF of each invited meeting (without
non-public items, presenters and recusals), and the tombstone of an invitation no longer
current. An invitation PDF carries the digest of what it shows (and of the program that drew
it) at the end of its keywords, after the German ones ("Einladung, Tagesordnung, …"); the
previous export's PDF with the same digest is taken as it is, so a re-export renders only
the invitations that changed."""

from __future__ import annotations

import contextlib
import functools
import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat import __version__
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.oparl_base import derived_key
from expertenrat.domain.oparl_records import FileRecord, Stamp
from expertenrat.domain.public_invitation import public_invitation
from expertenrat.services.meeting_document_rows import meeting_documents_of
from expertenrat.store import models


def is_invited(meeting: models.Meeting) -> bool:
    return (
        meeting.deleted_at is None
        and meeting.state == MeetingState.INVITED.value
        and meeting.invitation_sent_on is not None
    )


def _invitation_key(meeting: models.Meeting) -> str:
    return derived_key(meeting.public_id, "invitation")


def retired_invitation(meeting: models.Meeting) -> tuple[Stamp, ...]:
    """The invitation of a meeting no longer "eingeladen" (held, cancelled): published
    while it was, so it stays as a tombstone."""
    if meeting.invitation_sent_on is None or is_invited(meeting) or meeting.deleted_at:
        return ()
    key = _invitation_key(meeting)
    return (Stamp(key, meeting.created, meeting.modified, meeting.modified),)


class InvitationPdfs:
    """The public invitation PDFs: the previous export's file where it shows the same
    (its keywords carry the digest of the document and of the program), rendered else."""

    FILE_NAME = "einladung.pdf"

    def __init__(self, previous: Path | None) -> None:
        self._previous = previous

    def of(self, session: Session, meetings: list[models.Meeting]) -> dict[int, FileRecord]:
        found = {}
        changed = _last_changed(session, meetings)
        for meeting, document in zip(
            meetings, meeting_documents_of(session, meetings, None), strict=True
        ):
            key = _invitation_key(meeting)
            found[meeting.id] = FileRecord(
                stamp=Stamp(key, meeting.created, changed[meeting.id]),
                name="Einladung",
                file_name=self.FILE_NAME,
                content=self._pdf(key, public_invitation(document)),
                on=meeting.invitation_sent_on,
            )
        return found

    def _pdf(self, key: str, document: MeetingDocument) -> bytes:
        source = f"{_renderer()}|{document!r}".encode()
        mark = f"oparl-{hashlib.sha256(source).hexdigest()[:32]}"
        if self._previous is not None:
            try:
                earlier = (self._previous / "file" / key / self.FILE_NAME).read_bytes()
            except OSError:
                earlier = b""
            # the mark sits near the end: a file cut off after it is no whole PDF
            if mark.encode("ascii") in earlier and b"%%EOF" in earlier[-1024:]:
                return earlier
        from expertenrat.reports.invitation_pdf import render_invitation  # reportlab: on demand

        return render_invitation(document, reproducible=True, mark=mark).pdf


def _last_changed(session: Session, meetings: list[models.Meeting]) -> dict[int, datetime]:
    """When what each meeting's invitation shows last changed (its File's ``modified``): the
    meeting, its agenda items (a time plan or a title changes without the meeting's record;
    deleted ones too: one taken off the agenda), the projects they consult (their titles),
    its annexes (the letter lists them; removed ones too) and the council (the letterhead)."""
    ids = [m.id for m in meetings]
    item = models.AgendaItem
    councils = {m.council_id: session.get(models.Council, m.council_id) for m in meetings}
    found = {m.id: max(m.modified, councils[m.council_id].modified) for m in meetings}
    items = select(item.meeting_id, func.max(item.modified)).where(item.meeting_id.in_(ids))
    projects = (
        select(item.meeting_id, func.max(models.Project.modified))
        .join(models.Project, models.Project.id == item.project_id)
        .where(item.meeting_id.in_(ids), item.deleted_at.is_(None))
    )
    annex = models.StoredFile
    annexes = (
        select(annex.meeting_id, func.max(annex.modified))
        .where(annex.meeting_id.in_(ids))
        .group_by(annex.meeting_id)
    )
    for query in (items.group_by(item.meeting_id), projects.group_by(item.meeting_id), annexes):
        for meeting_id, modified in session.execute(query):
            found[meeting_id] = max(found[meeting_id], modified)
    return found


@functools.cache
def _renderer() -> str:
    """What draws the invitation: program and reportlab version, and a digest of the
    source of the report modules and of the domain modules (the wording, numbering and
    lists the reports print, the public invitation's cuts) where it can be read (not in a
    frozen build, whose version names it), so a changed layout or wording is drawn anew
    even within one version. Read once per process (about a megabyte)."""
    import reportlab

    from expertenrat import domain, reports

    digest = hashlib.sha256()
    for package in (reports, domain):
        for module in sorted(Path(package.__file__).parent.glob("*.py")):
            digest.update(module.name.encode())
            with contextlib.suppress(OSError):
                digest.update(module.read_bytes())
    return f"{__version__}|{reportlab.Version}|{digest.hexdigest()}"
