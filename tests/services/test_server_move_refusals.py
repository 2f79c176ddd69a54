"""A move to the server that the server refuses for a value says it is the move that
failed and that the old database stays in use, not that a backup could not be restored."""

from __future__ import annotations

import sqlite3

import pytest

from expertenrat.domain.integrity import FindingKind
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.server_move import move_to_server
from expertenrat.store.backup_format import BackupError
from expertenrat.store.database_address import describe


@pytest.mark.parametrize(
    "stored",
    [
        "UPDATE action_fields SET colour = '#1f77b4' || char(10) WHERE id = 1",  # 8 of 7
        "UPDATE persons SET notes = 'vor' || char(0) || 'her' WHERE id = 2",  # NUL
    ],
    ids=["too long for the server", "NUL"],
)
def test_a_value_the_server_refuses_fails_the_move_in_its_words(
    sqlite_demo_database, empty_postgres_url, tmp_path, stored
):
    """(found by a tester) SQLite keeps what PostgreSQL refuses (a text longer than its
    column, saved by an older version; a NUL): the move said 'Die Sicherung konnte nicht
    eingespielt werden … Die Datenbank ist unverändert.' where no backup was restored, and
    left open which database was meant."""
    with sqlite3.connect(sqlite_demo_database.url.database) as connection:
        connection.execute(stored)

    with pytest.raises(BackupError) as refused:
        move_to_server(sqlite_demo_database, empty_postgres_url, tmp_path / "kept")

    message = refused.value.message
    assert message.startswith(
        f"Der Umzug nach „{describe(empty_postgres_url)}“ ist an der Zieldatenbank gescheitert. "
        "Die Datenbank hat einen Wert abgelehnt"
    )
    # Found by a tester: nothing said which record holds the value; the check names it.
    assert message.endswith(
        "Welcher Eintrag es ist, nennt die Prüfung der bisherigen Datenbank (Datei → "
        "Datenbank prüfen, auf der Kommandozeile „expertenrat check“). "
        "Die bisherige Datenbank wird weiter verwendet."
    )
    assert "Sicherung" not in message
    assert [finding.kind for finding in IntegrityService(sqlite_demo_database).check()] == [
        FindingKind.TEXT
    ]
