"""A database file on a network drive: the window says once on each PC that only one PC at
a time may work with it, and Einstellungen → Datenbank says it while it is open (found by a
tester: a secretariat keeps its files on the city's shared drive)."""

from __future__ import annotations

import pytest
from network_share import fake_share, open_on_another_pc

from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.ui.database_box import DatabaseBox
from expertenrat.ui.network_drive_notice import tell


@pytest.fixture
def shared_database(monkeypatch, tmp_path):
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    database = open_database(database_url(str(path)))
    yield database
    database.close()


def test_the_note_is_shown_once_on_each_pc(qtbot, dialogs, qsettings, shared_database, tmp_path):
    parent = DatabaseBox(shared_database, dialogs)
    qtbot.addWidget(parent)
    tell(shared_database, dialogs, parent, qsettings)
    tell(shared_database, dialogs, parent, qsettings)
    [(kind, title, text)] = dialogs.messages
    assert (kind, title) == ("information", "Datenbank auf einem Netzlaufwerk")
    assert "immer nur ein PC zur selben Zeit" in text
    assert "PostgreSQL-Server" in text and "Datei → Auf Server umziehen …" in text
    assert "liegt auf einem Netzlaufwerk" in parent.location_label.text()


def test_the_note_on_a_preset_file_leaves_the_move_to_whoever_preset_it(
    qtbot, dialogs, qsettings, shared_database
):
    """The window offers no move from a database preset at start (the IT's, for every
    user): the note sent every user to "Datei → Auf Server umziehen …", which was not
    there (found by a tester)."""
    preset = "die Umgebungsvariable EXPERTENRAT_DATABASE_URL"
    box = DatabaseBox(shared_database, dialogs, preset=preset)
    qtbot.addWidget(box)
    tell(shared_database, dialogs, box, qsettings, preset)
    [(_kind, _title, text)] = dialogs.messages
    for said in (text, box.location_label.text()):
        assert "Auf Server umziehen" not in said
        assert "den Umzug übernimmt, wer die Datenbank vorgegeben hat, etwa die IT" in said


def test_a_file_on_this_pc_gets_no_note(qtbot, dialogs, qsettings, services):
    box = DatabaseBox(services.database, dialogs)
    qtbot.addWidget(box)
    tell(services.database, dialogs, box, qsettings)
    assert dialogs.messages == []
    assert "Netzlaufwerk" not in box.location_label.text()


def test_another_pc_that_has_the_file_open_is_warned_of_at_every_opening(
    qtbot, dialogs, qsettings, monkeypatch, tmp_path
):
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    open_database(database_url(str(path))).close()
    with open_on_another_pc(path):
        for _opening in range(2):
            database = open_database(database_url(str(path)))
            try:
                box = DatabaseBox(database, dialogs)
                qtbot.addWidget(box)
                tell(database, dialogs, box, qsettings)
            finally:
                database.close()
    assert [(kind, title) for kind, title, _text in dialogs.messages] == [
        ("warning", "Datenbank auch auf einem anderen PC geöffnet")
    ] * 2
    text = dialogs.messages[0][2]
    assert "ist gerade auch auf dem PC „PC-SCHULZ“ geöffnet" in text
    assert "immer nur ein PC zur selben Zeit" in text
