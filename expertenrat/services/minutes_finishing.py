"""Whether a minutes draft is finished ("Entwurf abschließen"), and finishing or reopening it.

Finishing stores the day and the fingerprint of the minutes' content snapshot on the
meeting; a draft whose content differs since is in the works again (the editor offers to
finish it anew). The two columns are written by an UPDATE of their own, not through the
meeting's version: finishing changes nothing the meeting form or the Kopfdaten edit, so it
must not turn their next save into a conflict. Only a draft not sent yet counts as
finished; the callers check the state.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import update
from sqlalchemy.orm import Session

from expertenrat.domain.minutes import DraftFinish
from expertenrat.domain.minutes_versions import fingerprint, snapshot_json
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.store import models


def draft_finish(session: Session, meeting: models.Meeting) -> DraftFinish:
    """When the draft of ``meeting`` was finished, and whether it changed since."""
    if meeting.minutes_finished_on is None:
        return DraftFinish()
    return DraftFinish(
        meeting.minutes_finished_on,
        content_fingerprint(session, meeting) != meeting.minutes_finished_fingerprint,
    )


def content_fingerprint(session: Session, meeting: models.Meeting) -> str:
    return fingerprint(snapshot_json(minutes_snapshot(session, meeting)))


def store_finish(session: Session, meeting: models.Meeting, day: date | None) -> None:
    """Mark the draft finished on ``day`` with its content now (``None``: not finished)."""
    stamp = content_fingerprint(session, meeting) if day is not None else None
    session.execute(
        update(models.Meeting)
        .where(models.Meeting.id == meeting.id)
        .values(minutes_finished_on=day, minutes_finished_fingerprint=stamp)
        .execution_options(synchronize_session="fetch")
    )
