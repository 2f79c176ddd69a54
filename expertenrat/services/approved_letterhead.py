"""The council's letterhead as a meeting's approved minutes keep it: the invitation of a
meeting whose minutes are approved, made again later (for the Sitzungsmappe, the
Archivpaket), is headed by the council as the minutes name it, not by a name or logo
the council took since, so that the documents of one meeting name the council alike."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.approved_minutes import parse_approved_minutes
from expertenrat.domain.enums import MinutesState
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.store import models

log = logging.getLogger(__name__)


def approved_letterhead(session: Session, meeting_id: int) -> Letterhead | None:
    """The letterhead the approved minutes of the meeting keep; ``None`` where they are not
    approved, or were approved before the document was kept, or it cannot be read (then
    the documents are headed as the council is today)."""
    latest = session.execute(
        select(models.MinutesVersion.state, models.MinutesVersion.document)
        .where(models.MinutesVersion.meeting_id == meeting_id)
        .order_by(models.MinutesVersion.number.desc())
        .limit(1)
    ).first()
    if latest is None or latest.state != MinutesState.APPROVED.value or latest.document is None:
        return None
    try:
        return parse_approved_minutes(latest.document).document.letterhead
    except ValueError as error:  # the message repeats no stored value
        log.warning("Meeting %s: approved document unreadable (%s)", meeting_id, error)
        return None
