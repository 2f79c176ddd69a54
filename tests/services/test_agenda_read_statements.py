"""What one read of an agenda costs the database: the council's clock (whether an invited
meeting has begun) comes with the meeting, not in a round trip of its own."""

from __future__ import annotations

from client_statements import recorded_statements
from meeting_rows import add_meeting

from expertenrat.services.agenda import AgendaService


def test_one_agenda_read_reads_the_clock_with_the_meeting(database, actor, council) -> None:
    """Found by a helper: every agenda read asked for the council's time zone apart."""
    meeting_id = add_meeting(database, council.id).meeting_id
    agenda = AgendaService(database, actor)

    with recorded_statements(database.engine) as statements:
        agenda.agenda(meeting_id)

    selects = [s for s in statements if s.startswith("SELECT")]
    assert [s for s in selects if "FROM councils" in s] == []
    assert len(selects) == 3, selects  # the meeting with its council, its items, frozen?
