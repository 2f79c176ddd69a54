"""The integrity check's rule for the meetings' annexes: each stored file still matches the
SHA-256 taken when it was added (deleted annexes and meetings left out, as in
``integrity``). A damaged one would make the Sitzungsmappe fail."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, select

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.store.models import Meeting, StoredFile


def annex_findings(connection: Connection) -> list[Finding]:
    query = (
        select(
            StoredFile.title,
            StoredFile.content,
            StoredFile.sha256,
            Meeting.number,
            Meeting.kind,
            Meeting.starts_at,
            Meeting.title,
        )
        .join(Meeting, Meeting.id == StoredFile.meeting_id)
        .where(StoredFile.deleted_at.is_(None), Meeting.deleted_at.is_(None))
        .order_by(Meeting.starts_at, StoredFile.position, StoredFile.id)
    )
    return [
        Finding(
            FindingKind.ANNEX,
            f"Die Anlage „{title}“ der "
            f"{dated_meeting_label(number, MeetingKind(kind), starts_at.date(), meeting_title)} "
            "stimmt nicht mit ihrer gespeicherten Prüfsumme überein; bitte fügen Sie die Datei "
            "erneut hinzu.",
        )
        for title, content, sha256, number, kind, starts_at, meeting_title in connection.execute(
            query
        )
        if hashlib.sha256(content).hexdigest() != sha256
    ]
