"""The minutes say which items had a quorum when members came late: in the document, in
both PDFs and in the completeness check."""

from __future__ import annotations

import pdf_reading
import pytest
from minutes_rows import held_meeting

from expertenrat.services.attendance import AttendanceService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

SPLIT = (
    "Das Gremium war bei TOP 1 nicht beschlussfähig (4 von 9 stimmberechtigten Mitgliedern "
    "anwesend) und ab TOP 2 beschlussfähig (7 von 9 stimmberechtigten Mitgliedern anwesend)"
)


@pytest.fixture
def held(database, council, fields, today):
    """The held meeting of the minutes tests, with three of its seven members present
    arriving at TOP 2 (so TOP 1 had 4 of 9)."""
    held = held_meeting(database, council.id, fields["Stadtdaten"].id, today)
    with database.transaction() as session:
        for row in session.query(models.Attendance).filter_by(meeting_id=held.meeting_id):
            if row.membership_id in held.members[4:7]:
                row.arrived_item_id = held.item_ids[1]
    return held


def test_the_minutes_name_the_items_without_quorum(database, held) -> None:
    with database.transaction() as session:
        meeting = session.get(models.Meeting, held.meeting_id)
        full = minutes_document(session, meeting)
        public = minutes_document(session, meeting, public=True)

    line = f"Zur Beschlussfähigkeit wurde festgestellt: {SPLIT}."
    assert full.quorum_line == public.quorum_line == line
    assert line in pdf_reading.text(render_minutes(full))
    assert line in pdf_reading.text(render_minutes(public))


def test_the_sheet_the_editor_shows_says_the_same(database, actor, held) -> None:
    sheet = AttendanceService(database, actor).sheet(held.meeting_id)

    assert sheet.quorum.quorate  # 7 of 9 over the whole meeting
    assert sheet.meeting_quorum.statement == SPLIT
    assert [q.quorum.quorate for q in sheet.item_quorums] == [False, True, True, True]


def test_the_checklist_warns_and_names_the_items(database, actor, held) -> None:
    lines = MinutesService(database, actor).checklist(held.meeting_id).lines
    line = next(x for x in lines if x.key == "quorum")

    assert line.ok and line.warning
    assert (
        line.text == f"Beschlussfähigkeit festgestellt, aber nicht für die ganze Sitzung: {SPLIT}."
    )


def test_a_quorum_throughout_is_stated_at_the_opening(database, actor, held) -> None:
    # Found by testers: with one of seven arriving "ab TOP 3" the minutes read "7 von 9 …
    # anwesend – beschlussfähig", though only 6 were there at the opening.
    with database.transaction() as session:
        for row in session.query(models.Attendance).filter_by(meeting_id=held.meeting_id):
            late = row.membership_id == held.members[6]
            row.arrived_item_id = held.item_ids[2] if late else None
    with database.transaction() as session:
        meeting = session.get(models.Meeting, held.meeting_id)
        full = minutes_document(session, meeting)
        public = minutes_document(session, meeting, public=True)
    statement = (
        "Zu Beginn der Sitzung waren 6 von 9 stimmberechtigten Mitgliedern anwesend; "
        "das Gremium war beschlussfähig"
    )

    line = f"Die Beschlussfähigkeit wurde festgestellt: {statement}."
    assert full.quorum_line == public.quorum_line == line
    for doc in (full, public):
        text = pdf_reading.text(render_minutes(doc))
        assert line in text and "7 von 9" not in text
        assert "ab TOP 3" in text  # the attendance list names the arrival
    check = MinutesService(database, actor).checklist(held.meeting_id).lines
    quorum = next(x for x in check if x.key == "quorum")
    assert quorum.text == f"Beschlussfähigkeit festgestellt: {statement}"
    assert not quorum.warning
