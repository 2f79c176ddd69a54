"""Arrivals and departures as the minutes and the Auskunft (Art. 15) word them: one rule
(:func:`~expertenrat.domain.minutes_attendees.partial_attendance`), read back from both
PDFs; a departure before the sub-items of an item says so."""

from __future__ import annotations

import io
from datetime import time

import pytest
from client_statements import recorded_statements
from minutes_rows import held_meeting
from pypdf import PdfReader

from expertenrat.services.context import Services
from expertenrat.store import models


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def held(database, council, fields, today):
    """The held meeting with a sub-item 2.1 under TOP 2 (the consultation). Anna Groß left
    after TOP 2's own discussion, before 2.1, at 17:40; Anna Falk's arrival is known only
    by its time (16:10); Anna Hahn came to TOP 2."""
    meeting = held_meeting(database, council.id, fields["Stadtdaten"].id, today)
    consult = meeting.item_ids[1]
    with database.transaction() as session:
        session.add(
            models.AgendaItem(
                meeting_id=meeting.meeting_id,
                parent_id=consult,
                number="2.1",
                position=0,
                title="Rückfragen",
            )
        )
        rows = {
            a.membership_id: a
            for a in session.query(models.Attendance).filter_by(meeting_id=meeting.meeting_id)
        }
        rows[meeting.members[5]].left_item_id = consult
        rows[meeting.members[5]].left_at = time(17, 40)
        rows[meeting.members[4]].arrived_at = time(16, 10)
    return meeting


@pytest.fixture
def services(database) -> Services:
    return Services.create(database, "tester")


def _person_id(database, membership_id: int) -> int:
    with database.transaction() as session:
        return session.get(models.Membership, membership_id).person_id


def test_the_minutes_say_a_member_left_before_the_sub_items(services, held):
    document = services.minutes_documents.document(held.meeting_id)
    partial = {m.name: m.partial for m in document.present if m.partial}
    assert partial == {
        "Anna Falk": "ab 16:10 Uhr",
        "Anna Groß": "bis TOP 2 ohne Unterpunkte (17:40 Uhr)",
        "Anna Hahn": "ab TOP 2",
    }

    pdf = text_of(services.minutes_documents.minutes(held.meeting_id).rendered.pdf)
    assert "bis TOP 2 ohne Unterpunkte (17:40 Uhr)" in pdf


def test_the_auskunft_words_attendance_as_the_minutes_do_in_one_query(
    services, database, held, today
):
    disclosure = services.person_disclosure
    gross = _person_id(database, held.members[5])
    with recorded_statements(database.engine) as statements:
        section = next(
            s
            for s in disclosure.disclosure(gross, today).sections
            if s.title == "Anwesenheit in Sitzungen"
        )
    assert section.rows[0][2] == "bis TOP 2 ohne Unterpunkte (17:40 Uhr)"
    # one query reads the attendance with the items' numbers (it read each item alone)
    assert sum("attendances" in s and "agenda_items" in s for s in statements) == 1
    assert not [s for s in statements if "WHERE agenda_items.id =" in s]

    falk = disclosure.disclosure_pdf(_person_id(database, held.members[4]), today).pdf
    assert "ab 16:10 Uhr" in text_of(falk)
    hahn = disclosure.disclosure(_person_id(database, held.members[6]), today)
    (row,) = next(s for s in hahn.sections if s.title == "Anwesenheit in Sitzungen").rows
    assert row[2] == "ab TOP 2"
