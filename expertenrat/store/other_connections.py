"""Who else is connected to a PostgreSQL database: asked before an older database is
upgraded (found by a tester: a version older than the schema check, still running on
another PC, wrote into the upgraded database without a word, and newer ones were locked
out in the middle of their work).

A login without the rights of ``pg_read_all_stats`` sees the other roles' sessions too,
only without their address; server processes of its own (autovacuum, WAL senders) are
not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exc
from sqlalchemy.engine import URL

from expertenrat.store.engine import make_engine

# Client sessions on this database but this one; a session whose kind the login may not
# read (NULL) is a client's too: server processes have no user (usesysid NULL).
_OTHERS = """
SELECT coalesce(client_hostname, host(client_addr)), application_name
FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid()
  AND usesysid IS NOT NULL AND coalesce(backend_type, 'client backend') = 'client backend'
ORDER BY backend_start
"""


@dataclass(frozen=True, slots=True)
class OtherConnection:
    """A session of another program: its PC and program as the server knows them (``""``
    where it does not say or the login may not see it)."""

    pc: str
    program: str


def other_connections(url: URL) -> list[OtherConnection]:
    """The other sessions connected to the database ``url`` (none where the server's
    view of them cannot be read)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(_OTHERS).all()
    except exc.DBAPIError:
        return []
    finally:
        engine.dispose()
    return [OtherConnection(pc or "", program or "") for pc, program in rows]


def others_connected_note(others: list[OtherConnection]) -> str:
    """``"2 weitere Verbindungen zur Datenbank sind offen (PC 10.0.0.7/Programm
    Expertenrat, …)."``: what a refused upgrade says of ``others``."""
    shown = ", ".join(
        f"PC {other.pc or 'unbekannt'}/Programm {other.program or 'unbekannt'}" for other in others
    )
    count = (
        "1 weitere Verbindung zur Datenbank ist offen"
        if len(others) == 1
        else f"{len(others)} weitere Verbindungen zur Datenbank sind offen"
    )
    return f"{count} ({shown}). Bitte beenden Sie das Programm dort zuerst."
