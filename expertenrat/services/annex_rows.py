"""A meeting's annexes as rows, without their content: for the annexes tab, the minutes'
list of annexes, the invitation's and the Sitzungsmappe (which loads a file's content only
to merge it). Each is numbered by its place in the list, from 1, everywhere alike."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from expertenrat.domain.annexes import AnnexEntry
from expertenrat.store import models


def annex_rows(session: Session, meeting_id: int) -> list[models.StoredFile]:
    """The meeting's annexes in order, without their content (loaded only when merged)."""
    return _rows(session, [meeting_id])


def _rows(session: Session, meeting_ids: Collection[int]) -> list[models.StoredFile]:
    """The annexes of ``meeting_ids``, by meeting, each meeting's in order."""
    return list(
        session.scalars(
            select(models.StoredFile)
            .options(
                load_only(
                    models.StoredFile.id,
                    models.StoredFile.meeting_id,
                    models.StoredFile.name,
                    models.StoredFile.title,
                    models.StoredFile.public,
                    models.StoredFile.position,
                    models.StoredFile.size,
                    models.StoredFile.version,
                    models.StoredFile.sha256,
                )
            )
            .where(
                models.StoredFile.meeting_id.in_(meeting_ids),
                models.StoredFile.deleted_at.is_(None),
            )
            .order_by(
                models.StoredFile.meeting_id, models.StoredFile.position, models.StoredFile.id
            )
        )
    )


def annex_entries(session: Session, meeting_id: int) -> tuple[AnnexEntry, ...]:
    return annex_entries_of(session, [meeting_id]).get(meeting_id, ())


def annex_entries_of(
    session: Session, meeting_ids: Collection[int]
) -> dict[int, tuple[AnnexEntry, ...]]:
    """The annexes of each of ``meeting_ids`` that has any, as the minutes and the
    invitation list them, in one query."""
    by_meeting: dict[int, list[models.StoredFile]] = {}
    for row in _rows(session, meeting_ids):
        assert row.meeting_id is not None  # selected by it
        by_meeting.setdefault(row.meeting_id, []).append(row)
    return {
        meeting_id: tuple(
            AnnexEntry(n, row.title, row.name, row.public) for n, row in enumerate(rows, start=1)
        )
        for meeting_id, rows in by_meeting.items()
    }
