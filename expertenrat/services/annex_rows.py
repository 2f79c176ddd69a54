"""A meeting's annexes as rows, without their content: for the annexes tab, the minutes'
list of annexes and the Sitzungsmappe (which loads a file's content only to merge it)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from expertenrat.domain.annexes import AnnexEntry
from expertenrat.store import models


def annex_rows(session: Session, meeting_id: int) -> list[models.StoredFile]:
    """The meeting's annexes in order, without their content (loaded only when merged)."""
    return list(
        session.scalars(
            select(models.StoredFile)
            .options(
                load_only(
                    models.StoredFile.id,
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
                models.StoredFile.meeting_id == meeting_id,
                models.StoredFile.deleted_at.is_(None),
            )
            .order_by(models.StoredFile.position, models.StoredFile.id)
        )
    )


def annex_entries(session: Session, meeting_id: int) -> tuple[AnnexEntry, ...]:
    return tuple(
        AnnexEntry(n, row.title, row.name, row.public)
        for n, row in enumerate(annex_rows(session, meeting_id), start=1)
    )
