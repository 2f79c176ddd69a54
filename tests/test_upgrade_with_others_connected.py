"""An older server database is not upgraded silently while other sessions are connected
to it (found by a tester: a version older than the schema check, running on another PC,
wrote on unwarned into the upgraded database, and newer ones were locked out in the
middle of their work). A held connection plays the other PC."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from cli_runs import run_main
from connected_elsewhere import connected_elsewhere
from schema_reads import revision_of

from expertenrat.domain.errors import OthersConnectedError
from expertenrat.store import schema_revisions
from expertenrat.store.database_opening import open_database
from expertenrat.store.other_connections import OtherConnection, other_connections


@pytest.fixture
def old_database(database_at):
    return database_at("0024")


@pytest.fixture
def other_pc(old_database) -> Iterator[None]:
    with connected_elsewhere(old_database, "alt"):
        yield


@pytest.mark.parametrize("database_at", ["postgresql"], indirect=True)
def test_an_old_server_database_with_another_session_is_not_upgraded(old_database, other_pc):
    copied = []

    with pytest.raises(OthersConnectedError) as refused:
        open_database(old_database, server_copy=lambda url, revision: copied.append(revision))

    assert "1 weitere Verbindung zur Datenbank ist offen (PC " in refused.value.message
    assert "/Programm alt). Bitte beenden Sie das Programm dort zuerst." in refused.value.message
    assert "Die Datenbank wurde nicht verändert." in refused.value.message
    assert (revision_of(old_database), copied) == ("0024", [])


@pytest.mark.parametrize("database_at", ["postgresql"], indirect=True)
def test_the_command_line_refuses_unless_told_to_upgrade_anyway(old_database, other_pc, capsys):
    address = old_database.render_as_string(hide_password=False)

    code, out, err = run_main(capsys, "--database", address, "check")

    assert code == 1 and out == ""
    assert "1 weitere Verbindung zur Datenbank ist offen" in err
    assert err.rstrip().endswith(
        "Um trotzdem zu aktualisieren, geben Sie vor dem Befehl --upgrade-anyway an "
        "(expertenrat --upgrade-anyway BEFEHL …)."
    )
    assert revision_of(old_database) == "0024"

    code, out, err = run_main(capsys, "--database", address, "--upgrade-anyway", "check")

    assert (code, out) == (0, "Die Datenbank ist in Ordnung.\n"), err
    assert revision_of(old_database) == schema_revisions.head_revision()


@pytest.mark.parametrize("database_at", ["postgresql"], indirect=True)
def test_a_login_without_the_right_to_read_all_sessions_sees_the_others_too(
    old_database, other_pc, postgres_admin
):
    """Without pg_read_all_stats the server still shows another login's sessions (their
    program, not their PC), and none of its own processes (autovacuum): those count."""
    role = f"sekretariat_{os.getpid()}"
    postgres_admin(f"CREATE ROLE {role} LOGIN")
    try:
        seen = other_connections(old_database.set(username=role))
    finally:
        postgres_admin(f"DROP ROLE {role}")

    assert seen == [OtherConnection(pc="", program="alt")]
