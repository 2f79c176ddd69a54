"""The approval keeps the minutes document it rendered; it reads back unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from sqlalchemy import select

from expertenrat.domain.approved_minutes import (
    PrintedName,
    approved_minutes_json,
    parse_approved_minutes,
)
from expertenrat.domain.enums import MinutesState, MinutesStyle, VoteMode
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.minutes_items import MinutesItem, VoteRecord
from expertenrat.services.minutes_assembly import approval_stamp, approved_minutes
from expertenrat.store import models

HOSTILE = "Tom & Jerry <b>\"zitiert\"</b> 'x' 🚲🇩🇪 مرحبا بالعالم Ärger"


def _stored(database) -> list[tuple[models.MinutesVersion, object]]:
    with database.reading() as session:
        versions = session.scalars(
            select(models.MinutesVersion).where(
                models.MinutesVersion.state == MinutesState.APPROVED.value
            )
        ).all()
        return [
            (
                v,
                approved_minutes(
                    session, session.get(models.Meeting, v.meeting_id), approval_stamp(session, v)
                ),
            )
            for v in versions
        ]


def test_the_demo_approval_keeps_the_document_it_rendered(sqlite_demo_database) -> None:
    stored = _stored(sqlite_demo_database)
    assert len(stored) >= 2
    for version, now in stored:
        record = parse_approved_minutes(version.document)
        assert record == now  # nothing changed since: the document as approved
        assert record.document.approval is not None and record.names
        assert approved_minutes_json(record) == version.document


def test_hostile_text_and_every_kind_survive_the_round_trip(sqlite_demo_database) -> None:
    _version, record = _stored(sqlite_demo_database)[0]
    doc = record.document
    item = MinutesItem(
        number="3.1",
        title=HOSTILE,
        presenter=HOSTILE,
        votes=(VoteRecord(HOSTILE, VoteMode.UNANIMOUS, adopted=True),),
        recused=(DeclaredConflict(HOSTILE, HOSTILE),),
    )
    hostile = replace(
        record,
        document=replace(
            doc,
            letterhead=replace(doc.letterhead, council_name=HOSTILE, logo_png=b"\x89PNG\x00\xff"),
            title=HOSTILE,
            style=MinutesStyle.COURSE,
            opened_at=time(16, 5),
            closed_at=None,
            items=(*doc.items, item),
            unnamed=frozenset({HOSTILE, "Dr. Ümit Özdemir"}),
        ),
        names=(*record.names, PrintedName(99, HOSTILE)),
    )

    text = approved_minutes_json(hostile)

    assert parse_approved_minutes(text) == hostile
    assert "🚲🇩🇪 مرحبا" in text  # stored as typed, not escaped
