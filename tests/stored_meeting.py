"""A meeting written straight into the database on a given day (16:00), in any state, for
tests of what meetings record of a membership."""

from __future__ import annotations

from datetime import date, datetime

from expertenrat.store import models
from expertenrat.store.database import Database


def stored_meeting(database: Database, council_id: int, day: date, number: int, **values) -> int:
    """The id of a new meeting (held unless ``values`` say another ``state``)."""
    with database.transaction() as session:
        meeting = models.Meeting(
            council_id=council_id,
            number=number,
            starts_at=datetime.combine(day, datetime.min.time()).replace(hour=16),
            **{"state": "held", **values},
        )
        session.add(meeting)
        session.flush()
        return meeting.id
