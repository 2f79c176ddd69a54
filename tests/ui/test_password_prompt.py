"""A server that checks the password: the window asks for it, the command line explains.

The test clusters trust every login but those of one group's members (see
tests/postgres_cluster.py); each test makes such a member with a password and a database
it owns, through the superuser, and drops both afterwards. The password is kept nowhere
but in the connection: not in a log, the settings or the stored address.
"""

from __future__ import annotations

import itertools
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runs import run_on_terminal, script_environment
from postgres_cluster import PASSWORD_GROUP, PASSWORD_HBA_LINE
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import create_engine, exc
from sqlalchemy.engine import URL

from expertenrat.store.database_address import describe
from expertenrat.store.database_location import location_file

PASSWORD = "Kenn&Wort<\"'@:/%1"  # ASCII, for QTest.keyClicks; URL and SQL quoting
_names = itertools.count()


@pytest.fixture
def server(postgres_admin_url, postgres_admin) -> Iterator[URL]:
    """An empty database on the test server whose owner must give ``PASSWORD``: its URL
    without the password."""
    if postgres_admin_url is None:
        pytest.skip("no PostgreSQL server (EXPERTENRAT_TEST_POSTGRES_URL unset, no initdb found)")
    name = f"expertenrat_pw_{os.getpid()}_{next(_names)}"
    password = PASSWORD.replace("'", "''")
    postgres_admin(
        # Test processes side by side may both make the group.
        f"DO $$ BEGIN CREATE ROLE {PASSWORD_GROUP} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
        f"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE {PASSWORD_GROUP}",
        f"CREATE DATABASE {name} OWNER {name}",
    )
    try:
        url = postgres_admin_url.set(username=name, password=None, database=name)
        _require_password_check(url)
        yield url
    finally:
        postgres_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"DROP ROLE {name}")


def _require_password_check(url: URL) -> None:
    engine = create_engine(url.set(password="falsch"))
    try:
        engine.connect().close()
    except exc.OperationalError:
        return
    finally:
        engine.dispose()
    reason = (
        f"the test server lets {url.username} in without its password: "
        f"{PASSWORD_HBA_LINE!r} is not in its pg_hba.conf"
    )
    pytest.fail(reason) if os.environ.get("CI") else pytest.skip(reason)


def _address(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _files_holding(text: str, *places: Path) -> list[Path]:
    files = [p for place in places for p in (place.rglob("*") if place.is_dir() else [place])]
    return [path for path in files if path.is_file() and text.encode() in path.read_bytes()]


def _answer(session, qtbot, password: str) -> None:
    """Type ``password`` into the open password dialog and press OK."""
    dialog = session.ways.password_dialog
    assert dialog.isVisible()
    assert not dialog.host_edit.isEnabled() and not dialog.user_edit.isEnabled()
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _intro(dialog) -> str:
    return dialog.findChild(QLabel).text()


def test_the_window_asks_for_the_password_until_the_server_takes_it(
    server,
    session,
    qtbot,
    tmp_path,
    caplog,  # the server first: it goes after the session
):
    caplog.set_level(logging.DEBUG)
    session.window.show()

    assert not session.open_or_explain(_address(server))  # as --database gives it
    first = session.ways.password_dialog
    assert "verlangt ein Passwort" in _intro(first)
    assert "verlangt ein Passwort" in session.window.start_page.message_label.text()

    _answer(session, qtbot, "falsch")
    second = session.ways.password_dialog
    assert second is not first and not first.isVisible()
    assert f"„{describe(server)}“" in _intro(second)
    assert "hat das Passwort abgelehnt" in _intro(second)
    assert "hat das Passwort abgelehnt" in session.window.start_page.message_label.text()
    assert session.database is None

    _answer(session, qtbot, PASSWORD)
    assert session.ways.password_dialog is second and not second.isVisible()
    assert session.database is not None
    assert session.window.stack.currentWidget() is session.window.welcome_page

    QSettings().sync()
    places = (Path(os.environ["HOME"]), tmp_path, Path(QSettings().fileName()))
    assert _files_holding(PASSWORD, *places) == []
    assert PASSWORD not in caplog.text
    assert PASSWORD not in session.window.start_page.message_label.text()


def test_the_password_asked_at_start_keeps_the_addresss_options(server, session, qtbot):
    """The address's own options (libpq's sslmode, sslrootcert, connect_timeout …) stay
    when the window asks for the password: they were dropped, so a server set up with
    ``?sslmode=verify-full`` was reached with libpq's ``prefer``, which goes on without
    encryption or with a forged certificate (found by a tester)."""
    session.window.show()
    assert not session.open_or_explain(f"{_address(server)}?sslmode=prefer&connect_timeout=7")

    _answer(session, qtbot, PASSWORD)
    assert session.database is not None
    assert dict(session.database.url.query) == {"sslmode": "prefer", "connect_timeout": "7"}
    assert session.database.url.password == PASSWORD


def test_cancelling_the_password_leaves_the_window_with_the_reason(server, session, qtbot):
    session.window.show()
    session.open_or_explain(_address(server))
    dialog = session.ways.password_dialog

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()

    assert not dialog.isVisible() and session.ways.password_dialog is dialog
    assert session.database is None
    assert session.window.start_page.message_label.text() == (
        "Die Datenbank kann nicht geöffnet werden.\n\n"
        f"Der Datenbankserver „{describe(server)}“ verlangt ein Passwort."
    )
    assert session.window.close()


def _command(*args: str, password: str | None = None, **popen) -> subprocess.Popen:
    env = script_environment()
    if password is not None:
        env["PGPASSWORD"] = password
    return subprocess.Popen(
        [sys.executable, "-m", "expertenrat", "--database", *args, "meetings"],
        env=env,
        text=True,
        **popen,
    )


def _assert_refused(code: int, output: str, server: URL) -> None:
    assert code == 1
    assert "Traceback" not in output and PASSWORD not in output and "falsch" not in output
    assert (
        f"expertenrat: Fehler: Der Datenbankserver „{describe(server)}“ hat das Passwort abgelehnt."
    ) in output


@pytest.mark.parametrize("where", ["address", "PGPASSWORD"])
def test_the_command_line_says_the_server_refused_the_password(server, where):
    given = server.set(password="falsch") if where == "address" else server
    process = _command(
        _address(given),
        password="falsch" if where == "PGPASSWORD" else None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output = process.communicate(timeout=120)[0]
    _assert_refused(process.returncode, output, server)
    assert output.rstrip().endswith(
        "Geben Sie es in der Umgebungsvariablen PGPASSWORD oder in der Passwortdatei von "
        "PostgreSQL an (.pgpass, unter Windows %APPDATA%\\postgresql\\pgpass.conf)."
    )


def _on_terminal(url: URL, typed: bytes) -> tuple[int, str]:
    """Run a command on a terminal and type ``typed`` at the password prompt."""
    return run_on_terminal("--database", _address(url), "meetings", answer=typed, at=b"Passwort: ")


def test_the_command_line_asks_for_the_password_on_a_terminal(server):
    code, output = _on_terminal(server, b"falsch\n")
    assert f"Der Datenbankserver „{describe(server)}“ verlangt ein Passwort. Passwort: " in output
    _assert_refused(code, output, server)

    code, output = _on_terminal(server, PASSWORD.encode() + b"\n")
    assert code == 1 and "Traceback" not in output and PASSWORD not in output
    assert "gibt es noch nicht oder sie ist leer" in output  # the server took the password

    code, output = _on_terminal(server, b"\x04")  # Ctrl+D: no password at all
    assert code == 1 and "Traceback" not in output
    assert output.rstrip().endswith("expertenrat: Fehler: Abgebrochen; es wurde nichts verändert.")


def test_move_to_server_asks_for_the_password_on_a_terminal(server, demo_file):
    """The password need not stand in the address, where the shell's history and every
    user's process list (``ps``) show it: the move asks for it as every command asks for
    its own server's; it said only "verlangt ein Passwort" (found by a tester)."""
    code, output = run_on_terminal(
        *("--database", str(demo_file), "move-to-server", _address(server), "--yes"),
        answer=PASSWORD.encode() + b"\n",
        at=b"Passwort: ",
    )
    assert f"Der Datenbankserver „{describe(server)}“ verlangt ein Passwort. Passwort: " in output
    assert code == 0 and "alle Tabellen vollständig" in output and PASSWORD not in output
    stored = location_file().read_text("utf-8")
    assert _address(server) in stored and PASSWORD not in stored
