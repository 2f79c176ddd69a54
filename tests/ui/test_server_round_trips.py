"""What the window asks a server beside its statements, on the demo (found by a tester: on a
city's VPN, 20 ms per round trip, the start took 130 round trips, 41 of them beside the
statements: the pool's ping before each read, psycopg's BEGIN and the ROLLBACK of each),
and that it reads no hidden page at the start nor on a council switch (found by a helper:
the Sitzungen and the Einstellungen read 10 statements each time, shown or not)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from server_round_trips import traced_connections
from sqlalchemy import Engine, event

WAIT = 60_000  # ms, for the start's reads in the background on a busy machine


@contextmanager
def window_statements() -> Iterator[list[str]]:
    """The statements the window's own thread sends (not the daily copy's, nor the change
    watch's, which run beside it), in order."""
    statements: list[str] = []
    window_thread = threading.current_thread()

    def note(conn, cursor, statement, *args) -> None:
        if threading.current_thread() is window_thread:
            statements.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", note)


@pytest.mark.parametrize("demo_database", ["postgresql"], indirect=True)
def test_the_window_on_a_server_sends_little_beside_its_statements(session, demo_database, qtbot):
    url = demo_database.url
    demo_database.close()
    session.window.show()
    with traced_connections() as tracer, window_statements() as statements:
        session.open(url)
        qtbot.waitUntil(lambda: session.watches.change_watch.seen is not None, timeout=WAIT)
        if session.watches.recovery_check is not None:  # a look for unsaved minutes
            session.watches.recovery_check.join(60)
        session.watches.daily_backup.job.join(60)
        start = tracer.take()
        at_start = len(statements)
        pages = session.window.pages
        switches = []
        for page in (pages.members, pages.meetings, pages.recommendations, pages.overview):
            session.window.show_area(page)
            switches.append(tracer.take())
        statements.clear()
        session.window.show_area(pages.overview)
        overview = len(statements)
        statements.clear()
        session.window.council_combo.setCurrentIndex(1)  # the demo's Lübeck council
        council_switch = len(statements)
        statements.clear()
        session.window.show_area(pages.overview)
        other_overview = len(statements)

    beside = dict(start.kinds())
    del beside["statement"]
    # SQLAlchemy's first look at the server, in a transaction; the daily copy, in one.
    assert beside == {"BEGIN": 2, "ROLLBACK": 1, "COMMIT": 1}
    for switch in switches:
        assert switch.count() == switch.kinds()["statement"] > 0
    # The opening's look at the schema (2), the councils with their clocks (1) and the
    # Übersicht shown (20); the hidden pages read when shown (35 before).
    assert at_start == 3 + overview
    # The page shown alone (25 before: the council's clock, the Sitzungen and the
    # Einstellungen read the other council hidden).
    assert council_switch == other_overview, (council_switch, other_overview)
