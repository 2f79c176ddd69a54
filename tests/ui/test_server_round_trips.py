"""What the window asks a server beside its statements, on the demo (found by a tester: on a
city's VPN, 20 ms per round trip, the start took 130 round trips, 41 of them beside the
statements: the pool's ping before each read, psycopg's BEGIN and the ROLLBACK of each)."""

from __future__ import annotations

import pytest
from server_round_trips import traced_connections

WAIT = 60_000  # ms, for the start's reads in the background on a busy machine


@pytest.mark.parametrize("demo_database", ["postgresql"], indirect=True)
def test_the_window_on_a_server_sends_little_beside_its_statements(session, demo_database, qtbot):
    url = demo_database.url
    demo_database.close()
    session.window.show()
    with traced_connections() as tracer:
        session.open(url)
        qtbot.waitUntil(lambda: session.change_watch.seen is not None, timeout=WAIT)
        if session.recovery_check is not None:  # a look for unsaved minutes
            session.recovery_check.join(60)
        session.daily_backup.job.join(60)
        start = tracer.take()
        pages = session.window.pages
        switches = []
        for page in (pages.members, pages.meetings, pages.recommendations, pages.overview):
            session.window.show_area(page)
            switches.append(tracer.take())

    beside = dict(start.kinds())
    del beside["statement"]
    # SQLAlchemy's first look at the server, in a transaction; the daily copy, in one.
    assert beside == {"BEGIN": 2, "ROLLBACK": 1, "COMMIT": 1}
    for switch in switches:
        assert switch.count() == switch.kinds()["statement"] > 0
