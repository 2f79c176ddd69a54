"""Two secretaries on two PCs prepare and run one meeting on one PostgreSQL database: the
widgets of each PC on a Database of its own, the server's connections dropped meanwhile.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from held_meeting import council_of_three, held_meeting
from sqlalchemy import create_engine, text

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.services.context import Services
from expertenrat.store.database import Database, open_database
from expertenrat.ui.attendance_panel import AttendancePanel

WAIT = 30_000
_names = itertools.count()


@pytest.fixture
def server_url(postgres_admin_url, postgres_template):
    if postgres_admin_url is None:
        pytest.skip("no PostgreSQL server")
    name = f"expertenrat_twopcs_{os.getpid()}_{next(_names)}"
    _admin(postgres_admin_url, f"CREATE DATABASE {name} TEMPLATE {postgres_template}")
    yield postgres_admin_url.set(database=name)
    _admin(
        postgres_admin_url,
        f"ALTER DATABASE {name} ALLOW_CONNECTIONS true",
        f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
    )


def _admin(url, *statements: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


@pytest.fixture
def pc1(server_url) -> Iterator[Services]:
    database: Database = open_database(server_url)
    yield Services.create(database, "Frau Schulz")
    database.close()


@pytest.fixture
def pc2(server_url) -> Iterator[Services]:
    database: Database = open_database(server_url)
    yield Services.create(database, "Herr Krüger")
    database.close()


@pytest.fixture
def server_down(postgres_admin_url, server_url):
    """``server_down(True)`` refuses and drops every connection to the database (as a
    stopped server does for the PCs); ``server_down(False)`` lets them back in."""

    def switch(down: bool) -> None:
        name = server_url.database
        _admin(
            postgres_admin_url,
            f"ALTER DATABASE {name} ALLOW_CONNECTIONS {str(not down).lower()}",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()",
        )

    return switch


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_attendance_chosen_while_the_server_is_away_stays_and_is_saved_once_it_is_back(
    qtbot, pc1, server_down, today, dialogs
):
    """Found by a tester: the warning said "Ihre Eingaben bleiben erhalten", but the tab
    reread the sheet from the lost server: every line vanished, the choice with them."""
    council_id = council_of_three(pc1, today)
    members = [m.id for m in pc1.members.members(council_id)]
    held = held_meeting(pc1.database, council_id, members, present=0)
    panel = AttendancePanel(pc1, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(held.meeting_id)
    first, second, third = members

    server_down(True)
    choose(panel.rows[first].status_combo, AttendanceStatus.ABSENT.value)

    assert dialogs.warnings() == [
        "Die Verbindung zum Datenbankserver ist unterbrochen. Ihre Eingaben bleiben erhalten. "
        "Bitte prüfen Sie das Netzwerk und versuchen Sie es erneut."
    ]
    assert list(panel.rows) == members
    assert panel.rows[first].entry().status is AttendanceStatus.ABSENT
    assert panel.has_unsaved_changes()  # a reread for another PC's change waits

    server_down(False)
    choose(panel.rows[second].status_combo, AttendanceStatus.PRESENT.value)

    stored = {e.membership_id: e.status for e in pc1.attendance.sheet(held.meeting_id).entries}
    assert stored == {
        first: AttendanceStatus.ABSENT,
        second: AttendanceStatus.PRESENT,
        third: AttendanceStatus.EXCUSED,
    }
    assert not panel.has_unsaved_changes() and len(dialogs.warnings()) == 1
