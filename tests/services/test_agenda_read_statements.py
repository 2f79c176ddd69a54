"""What one read of an agenda costs the database: the council's clock (whether an invited
meeting has begun) comes with the meeting, not in a round trip of its own; the state of a
held meeting's minutes is read once for all that depends on it."""

from __future__ import annotations

from client_statements import recorded_statements
from meeting_rows import add_meeting

from expertenrat.domain.enums import MeetingState
from expertenrat.services.agenda import AgendaService
from expertenrat.store import models


def test_one_agenda_read_reads_the_clock_with_the_meeting(database, actor, council) -> None:
    """Found by a helper: every agenda read asked for the council's time zone apart."""
    meeting_id = add_meeting(database, council.id).meeting_id
    agenda = AgendaService(database, actor)

    with recorded_statements(database.engine) as statements:
        agenda.agenda(meeting_id)

    selects = [s for s in statements if s.startswith("SELECT")]
    assert [s for s in selects if "FROM councils" in s] == []
    assert len(selects) == 3, selects  # the meeting with its council, its items, frozen?


def test_a_held_meeting_s_agenda_reads_its_minutes_state_once(database, actor, council) -> None:
    """Found by a helper: whether the minutes are approved was read three times (once for
    the agenda, once for each refusal: an urgent item, a new order) and the latest minutes
    version twice."""
    meeting_id = add_meeting(database, council.id).meeting_id
    with database.transaction() as session:
        session.get(models.Meeting, meeting_id).state = MeetingState.HELD.value
    agenda = AgendaService(database, actor)

    with recorded_statements(database.engine) as statements:
        shown = agenda.agenda(meeting_id)

    assert shown.urgent_refusal is None and shown.order_refusal is None  # an open draft
    selects = [s for s in statements if s.startswith("SELECT")]
    assert len(selects) == 4, selects  # meeting with council, items, approved?, latest
