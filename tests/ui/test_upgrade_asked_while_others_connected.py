"""The window does not upgrade an older server database silently while another PC is
connected to it (found by a tester): it asks, "Nein" leaves the database as it was and
the start page says why, "Ja" upgrades it."""

from __future__ import annotations

import pytest
from connected_elsewhere import connected_elsewhere
from schema_reads import revision_of

from expertenrat.store import schema_revisions


@pytest.mark.parametrize("database_at", ["postgresql"], indirect=True)
def test_the_window_asks_before_upgrading_while_another_pc_is_connected(
    session, dialogs, database_at
):
    url = database_at("0024")
    session.dialogs = dialogs
    dialogs.answers = [False, True]

    with connected_elsewhere(url, "Expertenrat"):
        session.open_or_explain(url)
        assert session.database is None
        assert session.window.stack.currentWidget() is session.window.start_page
        assert revision_of(url) == "0024"

        session.open_or_explain(url)

    (kind, title, text), (again, *_) = dialogs.messages[:2]
    assert (kind, again, title) == ("question", "question", "Datenbank aktualisieren")
    assert "1 weitere Verbindung zur Datenbank ist offen" in text
    assert "/Programm Expertenrat). Bitte beenden Sie das Programm dort zuerst." in text
    assert text.endswith("Die Datenbank wurde nicht verändert. Trotzdem aktualisieren?")
    assert session.database is not None and session.database.upgraded_from == "0024"
    assert revision_of(url) == schema_revisions.head_revision()
