"""The integrity check's rule for the meetings' annexes: each stored file still matches the
SHA-256 taken when it was added (deleted annexes and meetings left out, as in
``integrity``). A damaged one would make the Sitzungsmappe fail."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, select

from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.services.annex_contents import annex_contents
from expertenrat.services.integrity_meetings import MEETING, meeting_label
from expertenrat.store.models import Meeting, StoredFile


def annex_findings(connection: Connection) -> list[Finding]:
    """The annexes whose bytes no longer match their SHA-256, in the order of the meetings.
    The bytes are read a chunk of annexes at a time (:mod:`services.annex_contents`): many
    large annexes never fill the memory, nor does each cost a statement."""
    listed = (
        select(
            StoredFile.id,
            StoredFile.size,
            StoredFile.title,
            StoredFile.sha256,
            *MEETING,
        )
        .join(Meeting, Meeting.id == StoredFile.meeting_id)
        .where(StoredFile.deleted_at.is_(None), Meeting.deleted_at.is_(None))
        .order_by(Meeting.starts_at, StoredFile.position, StoredFile.id)
    )
    rows = {row.id: row for row in connection.execute(listed)}  # without the bytes: small
    findings = []
    for file_id, content in annex_contents(connection, ((i, r.size) for i, r in rows.items())):
        _id, _size, title, sha256, number, kind, starts_at, meeting_title = rows[file_id]
        if hashlib.sha256(content).hexdigest() != sha256:
            meeting = meeting_label(number, kind, starts_at, meeting_title)
            findings.append(
                Finding(
                    FindingKind.ANNEX,
                    f"Die Anlage „{title}“ der {meeting} stimmt nicht mit ihrer gespeicherten "
                    "Prüfsumme überein; bitte fügen Sie die Datei erneut hinzu.",
                )
            )
    return findings
