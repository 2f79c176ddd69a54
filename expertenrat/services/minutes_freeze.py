"""The freeze of approved minutes: every service that changes a meeting's minutes, votes,
attendance, conflicts, agenda, annexes or the meeting itself calls :func:`ensure_not_frozen`
inside its transaction, so the refusal does not depend on a greyed-out button.

On PostgreSQL the check first takes a KEY SHARE lock on the meeting row; approving takes
FOR UPDATE on it. A change that runs while the minutes are being approved therefore waits
for the approval and then sees it (and is refused), and an approval waits for changes in
flight, whose result it then renders. Concurrent ordinary changes do not block each other.
SQLite serialises writers anyway (a stale reader that writes gets ``ConcurrentEditError``).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.store import models


class MinutesFrozenError(ExpertenratError):
    """The meeting's minutes are approved: nothing of the meeting may change any more."""

    def __init__(self, meeting_name: str) -> None:
        super().__init__(
            f"Das Protokoll {meeting_name} ist genehmigt und kann nicht mehr geändert werden; "
            "eine Berichtigung ist nur als Nachtrag im Protokoll einer späteren Sitzung möglich."
        )


def ensure_not_frozen(session: Session, meeting_id: int) -> None:
    """Raise :class:`MinutesFrozenError` if the minutes of the meeting are approved."""
    session.execute(
        select(models.Meeting.id)
        .where(models.Meeting.id == meeting_id)
        .with_for_update(read=True, key_share=True)
    )
    if is_frozen(session, meeting_id):
        raise MinutesFrozenError(meeting_name(session.get(models.Meeting, meeting_id)))


def is_frozen(session: Session, meeting_id: int) -> bool:
    approved = session.scalar(
        select(models.MinutesVersion.id)
        .where(
            models.MinutesVersion.meeting_id == meeting_id,
            models.MinutesVersion.state == MinutesState.APPROVED.value,
        )
        .limit(1)
    )
    return approved is not None


def frozen_meetings(session: Session, meeting_ids: Collection[int]) -> set[int]:
    """Those of the meetings whose minutes are approved (:func:`is_frozen`)."""
    return set(
        session.scalars(
            select(models.MinutesVersion.meeting_id).where(
                models.MinutesVersion.meeting_id.in_(meeting_ids),
                models.MinutesVersion.state == MinutesState.APPROVED.value,
            )
        )
    )
