"""move-to-server: the SQLite demo into an empty database of the real PostgreSQL server."""

from __future__ import annotations

from cli_runs import run_script as run
from sqlalchemy import func, select

from expertenrat.store.database_location import location_file
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.store.models import Base


def _counts(url) -> dict[str, int]:
    database = open_database(url, read_only=True)
    try:
        with database.reading() as session:
            return {
                table.name: session.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables
            }
    finally:
        database.close()


def test_move_copies_every_table_switches_over_and_refuses_a_second_move(
    demo_file, empty_postgres_url
):
    # The test server trusts every login; the password only shows that it is never stored.
    target = empty_postgres_url.set(password="geheim&<Kennwort>")
    address = target.render_as_string(hide_password=False)
    sqlite_url = database_url(str(demo_file))

    refused = run("--database", str(demo_file), "move-to-server", address)
    assert refused.returncode == 1 and "nur mit --yes" in refused.stderr

    moved = run("--database", str(demo_file), "move-to-server", address, "--yes")
    assert moved.returncode == 0, moved.stderr
    assert "alle Tabellen vollständig" in moved.stdout
    # A note beside the result, on stderr (no keyring in the tests)
    assert "Hinweis: Das Passwort wurde nicht gespeichert" in moved.stderr
    assert "Passwort" not in moved.stdout
    assert _counts(empty_postgres_url) == _counts(sqlite_url)
    stored = location_file().read_text("utf-8")
    assert "geheim" not in stored and empty_postgres_url.database in stored

    # Without --database the command line now works on the server.
    on_server = run("meetings")
    assert on_server.returncode == 0, on_server.stderr
    on_file = run("--database", str(demo_file), "meetings")
    assert on_file.returncode == 0, on_file.stderr  # (a failure here once showed only "")
    assert on_server.stdout == on_file.stdout and "1. Sitzung" in on_file.stdout

    again = run("--database", str(demo_file), "move-to-server", address, "--yes")
    assert again.returncode == 1
    assert "enthält schon Daten" in again.stderr and "Traceback" not in again.stderr


def test_move_refuses_a_target_that_is_no_server(demo_file, tmp_path):
    result = run("--database", str(demo_file), "move-to-server", str(tmp_path / "x.db"), "--yes")
    assert result.returncode == 1
    assert "kein PostgreSQL-Server" in result.stderr
    assert not location_file().exists()

    # Said before the question: no one confirms a move that cannot happen.
    unasked = run("--database", str(demo_file), "move-to-server", str(tmp_path / "x.db"))
    assert unasked.returncode == 1
    assert "kein PostgreSQL-Server" in unasked.stderr and "--yes" not in unasked.stderr


def test_a_move_from_the_database_the_it_presets_says_the_preset_still_wins(
    demo_file, empty_postgres_url
):
    """EXPERTENRAT_DATABASE_URL, set by the IT for every user, wins over the address the
    move stores: "ab jetzt den Server" was not so, the window and every command went on
    with the old file (found by a tester)."""
    address = empty_postgres_url.render_as_string(hide_password=False)

    moved = run("move-to-server", address, "--yes", env_database=str(demo_file))

    assert moved.returncode == 0, moved.stderr
    assert "alle Tabellen vollständig" in moved.stdout
    assert "ab jetzt den Server" not in moved.stdout
    assert "Warnung: Die Umgebungsvariable EXPERTENRAT_DATABASE_URL" in moved.stderr
