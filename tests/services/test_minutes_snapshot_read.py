"""The content snapshot of the minutes, read without their whole document, says what the
document says (the versions, the Genehmigung tab's "geändert seit" and the draft's finish
compare it)."""

from __future__ import annotations

from sqlalchemy import select

from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models


def test_the_snapshot_read_alone_equals_the_one_taken_from_the_document(demo_database) -> None:
    with reading(demo_database) as session:
        meetings = session.scalars(select(models.Meeting).order_by(models.Meeting.id)).all()
        pairs = [
            (
                minutes_snapshot(session, m),
                minutes_snapshot(session, m, minutes_document(session, m)),
            )
            for m in meetings
        ]

    assert len(pairs) > 5
    assert [alone for alone, _ in pairs] == [taken for _, taken in pairs]
    # the demo has what the snapshot words from the attendance: partial attendance,
    # the excused, a recusal
    header = "\n".join(alone.header.attendance for alone, _ in pairs)
    assert "(ab TOP" in header or "(bis TOP" in header
    assert "Entschuldigt: " in header
    assert any(item.recused for alone, _ in pairs for item in alone.items)
