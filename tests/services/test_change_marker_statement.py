"""The change watch's poll is one statement (one round trip to a server every few seconds,
on every PC): the audit trail's newest id and count and the councils together."""

from __future__ import annotations

import pytest
from client_statements import recorded_statements
from sqlalchemy import event, insert

from expertenrat.domain.councils import CouncilChoice, CouncilSettings
from expertenrat.services.change_marker import RECENT, change_marker
from expertenrat.services.settings import SettingsService
from expertenrat.store.models import AuditEntry


def test_the_marker_is_one_statement_and_tells_each_council(database):
    assert change_marker(database) == change_marker(database, 7)
    assert change_marker(database).councils == ()
    settings = SettingsService(database, "PC 1")
    rat = settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    before = change_marker(database, rat.id)
    beirat = settings.create_council(CouncilSettings(id=None, name="Beirat", city="Wismar"))

    with recorded_statements(database.engine) as statements:
        marker = change_marker(database, rat.id)

    assert [s for s in statements if s != "BEGIN"] == statements[-1:], statements  # SQLite's
    assert marker.councils == (
        CouncilChoice(rat.id, "Rat", "Rostock", "Europe/Berlin", "DE-MV"),  # with its clock
        CouncilChoice(beirat.id, "Beirat", "Wismar", "Europe/Berlin", "DE-MV"),
    )
    assert (marker.latest, marker.recent) == (before.latest, before.recent)  # Beirat's own
    everything = change_marker(database)
    assert everything.latest > marker.latest
    assert everything.recent > marker.recent
    assert change_marker(database, beirat.id).latest == everything.latest


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)  # PostgreSQL's plan did so
def test_the_poll_does_not_go_through_the_whole_trail(database):
    """After ten years a council's audit trail holds tens of thousands of entries: the
    newest of them is looked up, not found by reading all (SQLite read every entry of the
    council, 20 ms a poll at 47,000, found by a tester). Counted in SQLite's steps: thrice
    the entries, hardly more work (the count of the newest RECENT ids stays as it is)."""
    council = SettingsService(database, "PC 1").create_council(
        CouncilSettings(id=None, name="Rat", city="Rostock")
    )

    def add_entries(count: int) -> None:
        rows = [
            {"actor": "PC 1", "action": "update", "entity": "agenda_item", "entity_id": n,
             "council_id": council.id, "summary": "Protokoll"}
            for n in range(count)
        ]  # fmt: skip
        with database.transaction() as session:
            session.execute(insert(AuditEntry), rows)

    def steps_of_a_poll() -> int:
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        def watch(conn, *args) -> None:
            conn.connection.driver_connection.set_progress_handler(count, 100)

        event.listen(database.engine, "before_cursor_execute", watch)
        try:
            marker = change_marker(database, council.id)
        finally:
            event.remove(database.engine, "before_cursor_execute", watch)
        assert marker.recent == RECENT
        return steps[0]

    add_entries(2 * RECENT)
    fewer = steps_of_a_poll()
    add_entries(4 * RECENT)

    assert steps_of_a_poll() < fewer * 1.2
