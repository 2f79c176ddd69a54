"""(found by a tester) On Windows with roaming profiles, as a city's IT sets them up, the
database a user chose (``datenbank.json``: a server's address) follows the user to every
PC; the data and the log stay on the PC (``%LOCALAPPDATA%``)."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from expertenrat.paths import default_database_file, user_config_dir, user_data_dir, user_log_dir
from expertenrat.services.database_choice import earlier_choice_note
from expertenrat.store.database_location import (
    LOCATION_FILE,
    chosen_is_server,
    location_file,
    set_aside_earlier_choice,
    store_address,
    stored_address,
    stored_file_missing,
    unreadable_location_file,
)
from expertenrat.store.engine import database_url

ROAMING = r"C:\Users\anna\AppData\Roaming"
LOCAL = r"C:\Users\anna\AppData\Local"
SERVER = "postgresql://expertenrat@db.rostock.de/expertenrat"


@pytest.fixture
def windows_profile(monkeypatch, tmp_path) -> None:
    """platformdirs as on Windows, its folders ("C:\\…", one name on this system) made in
    ``tmp_path``."""
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", ROAMING)
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", LOCAL)
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("windows_profile")
def test_the_chosen_database_roams_and_the_data_stays_on_the_pc():
    assert str(user_config_dir()).startswith(ROAMING)
    assert str(user_data_dir()).startswith(LOCAL)
    assert str(user_log_dir()).startswith(LOCAL)


@pytest.mark.usefixtures("windows_profile")
def test_the_choice_an_earlier_version_kept_on_the_pc_is_brought_over(tmp_path):
    earlier = tmp_path / platformdirs.user_config_dir("Expertenrat", "Expertenrat")
    earlier.mkdir(parents=True)
    (earlier / LOCATION_FILE).write_text(json.dumps({"url": SERVER}), "utf-8")

    assert stored_address() == SERVER  # the PC keeps its server after the update
    assert str(location_file()).startswith(ROAMING)
    assert not (earlier / LOCATION_FILE).exists()


def test_of_the_stored_choices_only_a_file_not_on_this_pc_is_missing(tmp_path):
    """(found by review) A file chosen on another PC is missing here; a server, this PC's
    default file (new or not) and a file that is here are not."""
    elsewhere = tmp_path / "Rat" / "rat.db"
    here = tmp_path / "hier.db"
    here.touch()
    for stored, missing in [
        (None, None),
        (database_url(SERVER), None),
        (database_url(str(default_database_file())), None),
        (database_url(str(here)), None),
        (database_url(str(elsewhere)), elsewhere),
    ]:
        store_address(stored)
        assert stored_file_missing() == missing


def _earlier_choice(tmp_path, url: str | None) -> Path:
    """This PC's datenbank.json of a version before the roaming one, holding ``url``."""
    earlier = tmp_path / platformdirs.user_config_dir("Expertenrat", "Expertenrat")
    earlier.mkdir(parents=True, exist_ok=True)
    (earlier / LOCATION_FILE).write_text(json.dumps({"url": url} if url else {}), "utf-8")
    return earlier / LOCATION_FILE


@pytest.mark.usefixtures("windows_profile")
def test_this_pc_s_earlier_choice_that_gave_way_to_the_roaming_one_is_told_once(tmp_path):
    """(found by review) Another PC brought its choice over first: this PC's own was passed
    over without a word, and it opened another database than before the update."""
    store_address(database_url(SERVER))  # brought over by another PC
    own = str(tmp_path / "Rat" / "eigene.db")
    earlier = _earlier_choice(tmp_path, own)

    note = earlier_choice_note(None)

    assert note.startswith(f"Dieser PC war bisher auf die Datenbank „{own}“ eingestellt.")
    assert f"daher gilt hier die auf einem anderen PC gewählte „{SERVER}“" in note
    assert "Die Datei bleibt auf diesem PC unverändert." in note
    assert not earlier.exists() and chosen_is_server(None)  # the roaming choice stays
    assert earlier_choice_note(None) == ""  # once

    _earlier_choice(tmp_path, None)  # the default file
    assert "„Standarddatei verwenden“ führt zu ihr zurück" in earlier_choice_note(None)


@pytest.mark.usefixtures("windows_profile")
def test_an_earlier_choice_the_same_as_the_roaming_one_is_removed_without_a_word(tmp_path):
    store_address(database_url(SERVER))
    earlier = _earlier_choice(tmp_path, SERVER)

    assert earlier_choice_note("sqlite:///rat.db") == "" and earlier.exists()  # --database
    assert set_aside_earlier_choice() is None and not earlier.exists()


@pytest.mark.usefixtures("windows_profile")
def test_an_earlier_choice_not_in_utf8_is_brought_over_and_read_as_unreadable(tmp_path):
    """(found by review) A datenbank.json of an earlier version saved by hand in Windows'
    own encoding ("C:\\Users\\Jörg\\rat.db" in Notepad) was no UTF-8: bringing it over raised
    a UnicodeDecodeError at every start. It comes over as it is, and is read as any file
    that cannot be read: the default file, and the window says why."""
    earlier = tmp_path / platformdirs.user_config_dir("Expertenrat", "Expertenrat")
    earlier.mkdir(parents=True)
    content = '{"url": "C:\\\\Users\\\\Jörg\\\\rat.db"}'.encode("cp1252")
    (earlier / LOCATION_FILE).write_bytes(content)

    assert stored_address() is None
    assert unreadable_location_file() == location_file()
    assert location_file().read_bytes() == content  # brought over unchanged
    assert not (earlier / LOCATION_FILE).exists()
