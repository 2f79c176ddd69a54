"""A database file on a network drive: the window says once on each PC that only one PC at
a time may work with it, and Einstellungen → Datenbank says it while it is open (found by a
tester: a secretariat keeps its files on the city's shared drive)."""

from __future__ import annotations

import pytest
from network_share import fake_share

from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.ui.database_box import DatabaseBox
from expertenrat.ui.network_drive_notice import tell_once


@pytest.fixture
def shared_database(monkeypatch, tmp_path):
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    database = open_database(database_url(str(path)))
    yield database
    database.close()


def test_the_note_is_shown_once_on_each_pc(qtbot, dialogs, qsettings, shared_database, tmp_path):
    parent = DatabaseBox(shared_database, dialogs)
    qtbot.addWidget(parent)
    tell_once(shared_database, dialogs, parent, qsettings)
    tell_once(shared_database, dialogs, parent, qsettings)
    [(kind, title, text)] = dialogs.messages
    assert (kind, title) == ("information", "Datenbank auf einem Netzlaufwerk")
    assert "immer nur ein PC zur selben Zeit" in text
    assert "PostgreSQL-Server" in text and "Datei → Auf Server umziehen …" in text
    assert "liegt auf einem Netzlaufwerk" in parent.location_label.text()


def test_a_file_on_this_pc_gets_no_note(qtbot, dialogs, qsettings, services):
    box = DatabaseBox(services.database, dialogs)
    qtbot.addWidget(box)
    tell_once(services.database, dialogs, box, qsettings)
    assert dialogs.messages == []
    assert "Netzlaufwerk" not in box.location_label.text()
