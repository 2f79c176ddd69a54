"""Start-up: the window shows at once, the database is opened right after."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from backup_dates import berlin_clock, date_backup
from damaged_file import damage_table

from expertenrat.app import QUIT_AFTER_ENV, database_preset
from expertenrat.cli.opening import DATABASE_ENV
from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.paths import default_database_file
from expertenrat.services.backup import BackupService
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.database_location import location_file, store_address
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def test_the_window_shows_before_the_database_is_open(session):
    session.window.show()
    assert session.window.stack.currentWidget() is session.window.start_page
    assert session.window.areas == []


def test_opening_a_new_database_offers_the_demo_and_creates_nothing_yet(session, tmp_path):
    path = tmp_path / "Geschäftsstelle" / "neu.db"
    session.window.show()
    session.open(str(path))
    assert session.window.stack.currentWidget() is session.window.welcome_page
    assert not path.parent.exists()


def test_creating_a_council_on_the_welcome_page_creates_the_database(session, tmp_path):
    path = tmp_path / "Geschäftsstelle" / "neu.db"
    session.window.show()
    session.open(str(path))
    welcome = session.window.welcome_page
    welcome.name_edit.setText("Digitalbeirat")
    welcome.city_edit.setText("Wismar")

    welcome.create_button.click()

    assert path.is_file()
    assert session.window.sidebar.isVisible()
    assert session.window.stack.currentWidget() is not welcome


def test_loading_the_demo_on_the_welcome_page_creates_the_database(session, tmp_path):
    path = tmp_path / "neu.db"
    session.window.show()
    session.open(str(path))

    session.window.welcome_page.demo_button.click()

    assert path.is_file()
    assert session.window.council_combo.count() == 2  # Rostock, and Lübeck from its file


def test_a_file_that_is_no_database_is_refused_and_left_alone(session, tmp_path):
    letter = tmp_path / "brief.db"
    letter.write_text("Sehr geehrte Damen und Herren", encoding="utf-8")
    with pytest.raises(DatabaseUnusableError, match="keine Expertenrat-Datenbank"):
        session.open(str(letter))
    assert letter.read_text(encoding="utf-8") == "Sehr geehrte Damen und Herren"
    assert session.window.stack.currentWidget() is session.window.start_page


def test_the_window_quits_by_itself_after_the_delay_tests_ask_for(tmp_path):
    """EXPERTENRAT_QUIT_AFTER_MS lets a test start the real program and see it end cleanly."""
    environment = {**os.environ, QUIT_AFTER_ENV: "300"}
    result = subprocess.run(
        [sys.executable, "-m", "expertenrat", "--database", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr  # 0: the database was opened
    assert not (tmp_path / "x.db").exists()  # created only when the user creates a council


def _damaged_database(path: Path) -> Path:
    open_database(database_url(str(path))).close()
    return damage_table(path)


@pytest.mark.parametrize(
    ("database", "expected"),
    [
        ("mysql://sekretariat:geheim@db.example/rat", "Typ „mysql“"),
        ("postgresql+psycopg2://a@localhost/x", "„psycopg2“ ist nicht installiert"),
        ("://", "keine gültige Datenbankadresse"),
        ("sqlite:///:memory:", "nur im Arbeitsspeicher"),
        ("damaged", "ist beschädigt"),
    ],
)
def test_a_database_that_cannot_be_opened_is_explained_in_the_usable_window(
    session, tmp_path, database, expected
):
    if database == "damaged":
        database = str(_damaged_database(tmp_path / "kaputt.db"))
    session.window.show()

    assert not session.open_or_explain(database)

    window = session.window
    assert window.isVisible()
    assert window.stack.currentWidget() is window.start_page
    assert "Die Datenbank kann nicht geöffnet werden." in window.start_page.message_label.text()
    assert expected in window.start_page.message_label.text()
    assert "geheim" not in window.start_page.message_label.text()
    assert window.menus.about_action.isEnabled()


def test_erneut_versuchen_opens_the_database_once_it_can_be_opened(
    session, qtbot, tmp_path, demo_file
):
    path = tmp_path / "Geschäftsstelle.db"
    path.write_text("noch nicht da", encoding="utf-8")  # e.g. a sync still running
    session.window.show()
    assert not session.open_or_explain(str(path))
    page = session.window.start_page
    assert page.retry_button.isVisible()

    page.retry_button.click()  # still the same file: the reason again, and the button
    assert "keine Expertenrat-Datenbank" in page.message_label.text()
    assert page.retry_button.isVisible()

    path.write_bytes(demo_file.read_bytes())
    page.retry_button.click()

    assert session.window.council_combo.count() == 2
    qtbot.waitUntil(lambda: session.window.stack.currentWidget() is not page, timeout=WAIT)


def test_a_damaged_database_is_replaced_by_a_backup_from_the_start_page(
    session, dialogs, finish_job, monkeypatch, tmp_path, demo_file
):
    backup = tmp_path / "sicherung.zip"
    database = open_database(database_url(str(demo_file)))
    BackupService(database).backup(backup)
    database.close()
    date_backup(backup, "2026-11-01T12:48:00+00:00")
    damage_table(demo_file)
    session.dialogs = dialogs
    dialogs.paths.append(str(backup))
    session.window.show()
    assert not session.open_or_explain(str(demo_file))
    page = session.window.start_page
    assert "ist beschädigt" in page.message_label.text()
    assert page.restore_button.isVisible() and page.retry_button.isVisible()

    with berlin_clock(monkeypatch):
        page.restore_button.click()
    finish_job(session.ways.damaged_restore)

    question, done = dialogs.messages
    # When the backup was made, as the restore asks (found by a tester).
    assert question == (
        "question",
        "Sicherung wiederherstellen",
        f"Die beschädigte Datenbank „{demo_file}“ wird beiseitegelegt (sie bleibt unter "
        f"neuem Namen im selben Ordner) und die Sicherung „{backup}“ vom 01.11.2026, "
        "13:48 Uhr in eine neue Datei eingespielt. Fortfahren?",
    )
    (aside,) = tmp_path.glob("expertenrat-beschädigt-*.db")
    # Said with "Ordner öffnen", where the damaged file now lies (found by a tester).
    assert done[0] == "saved" and dialogs.saved_files == [str(aside)]
    assert f"Die beschädigte Datei liegt in „{aside.name}“." in done[2]
    assert session.database is not None
    assert session.window.council_combo.count() == 2


def test_a_database_that_is_not_damaged_offers_no_restore(session, tmp_path):
    letter = tmp_path / "brief.db"
    letter.write_text("Sehr geehrte Damen und Herren", encoding="utf-8")
    session.window.show()
    assert not session.open_or_explain(str(letter))
    assert not session.window.start_page.restore_button.isVisible()


_SHOW_WHY = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from expertenrat.app import Session
from expertenrat.ui.main_window import MainWindow

app = QApplication([])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
session = Session(MainWindow(settings, sys.argv[3]))
session.window.show()
opened = session.open_or_explain(sys.argv[1])
print(opened, session.window.start_page.message_label.text())
session.close()
"""


def test_a_healthy_database_in_a_folder_without_write_permission_is_not_called_damaged(
    tmp_path, bound_by_file_modes
):
    folder = tmp_path / "Archiv"
    folder.mkdir()
    path = folder / "expertenrat.db"
    open_database(database_url(str(path))).close()
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            [*bound_by_file_modes, sys.executable, "-c", _SHOW_WHY, str(path),
             str(tmp_path / "settings.ini"), str(tmp_path / "log.txt")],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        folder.chmod(0o755)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False Die Datenbank kann nicht geöffnet werden.")
    assert f"Im Ordner „{folder}“ fehlt Ihnen die Schreibberechtigung" in result.stdout
    assert "Sicherung wieder" not in result.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["expertenrat.db"]


def test_an_unreadable_stored_choice_is_said_once_at_the_start(session, dialogs):
    """(found by a tester) An unreadable datenbank.json is passed over for the default
    file, which after a move to a server holds the data from before it: the window said
    nothing, the user worked on stale data."""
    stored = location_file()
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text('{"url": "postgresql://rat@server/exp', "utf-8")  # cut off
    session.dialogs = dialogs
    session.window.show()

    session.start(None)

    assert session.database is not None
    assert session.database.location == str(default_database_file())
    assert dialogs.messages == [
        (
            "warning",
            "Datenbank",
            f"Die Datei „{stored}“, in der dieser PC sich die gewählte Datenbank merkt, ist "
            f"unlesbar; verwendet wird die Standarddatei „{default_database_file()}“. "
            "Reparieren oder löschen Sie diese Datei, oder wählen Sie die Datenbank unter "
            "Einstellungen → Datenbank neu (arbeitet dieser PC mit einem Server: „Mit "
            "Server verbinden …“).",
        )
    ]


def test_a_stored_choice_edited_into_no_address_is_explained_on_the_start_page(session):
    """(found by review) A NUL in datenbank.json's address raised a ValueError that no
    caller caught."""
    stored = location_file()
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text('{"url": "rat\\u0000.db"}', "utf-8")
    session.window.show()

    session.start(None)

    window = session.window
    assert window.stack.currentWidget() is window.start_page
    assert "„rat.db“ ist keine gültige Datenbankadresse" in window.start_page.message_label.text()


def test_a_readable_stored_choice_is_opened_without_a_warning(session, dialogs, tmp_path):
    (tmp_path / "neu.db").touch()  # one not on this PC is not created: see the start page
    store_address(database_url(str(tmp_path / "neu.db")))
    session.dialogs = dialogs
    session.window.show()

    session.start(None)

    assert session.database is not None
    assert session.database.location == str(tmp_path / "neu.db")
    assert dialogs.messages == []


def test_a_database_given_at_the_start_is_opened_without_a_word_of_the_stored_choice(
    session, dialogs, tmp_path
):
    """``--database`` wins over datenbank.json: its being unreadable is not asked."""
    stored = location_file()
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text("{kaputt", "utf-8")
    session.dialogs = dialogs
    session.window.show()

    session.start(str(tmp_path / "neu.db"))

    assert session.database is not None and dialogs.messages == []


def test_what_named_the_database_at_start_is_told_apart(monkeypatch, tmp_path):
    preset = str(tmp_path / "rat.db")
    monkeypatch.setenv(DATABASE_ENV, preset)
    assert database_preset(preset) == f"die Umgebungsvariable {DATABASE_ENV}"
    assert "--database" in database_preset(str(tmp_path / "andere.db"))
    assert database_preset(None) == ""


@pytest.mark.parametrize("preset_opens", [True, False])
def test_einstellungen_says_the_preset_only_while_its_database_is_open(
    session, dialogs, tmp_path, demo_file, preset_opens
):
    """The IT's database (EXPERTENRAT_DATABASE_URL) is said in Einstellungen → Datenbank,
    and on the start page where it cannot be opened; one chosen there in its place (for
    this run) is no preset."""
    preset = tmp_path / "rat.db"
    if preset_opens:
        preset.write_bytes(demo_file.read_bytes())
    else:
        preset.write_text(LETTER_NOT_A_DATABASE, "utf-8")
    session.database_preset = "die Umgebungsvariable EXPERTENRAT_DATABASE_URL"
    session.dialogs = dialogs
    session.window.show()

    session.start(str(preset))
    if not preset_opens:
        # the start page says that a way out holds for this run only
        refusal = session.window.start_page.message_label.text()
        assert f"beim Start vorgegeben, durch {session.database_preset}" in refusal
        assert "nur, bis das Programm beendet wird" in refusal
        session.open_or_explain(str(tmp_path / "andere.db"), chosen=True)

    box = session.window.settings_page.database_box
    assert box.preset == (session.database_preset if preset_opens else "")
    assert ("Vorgegeben beim Start" in box.location_label.text()) == preset_opens


LETTER_NOT_A_DATABASE = "Sehr geehrte Damen und Herren"


def test_a_preset_server_opened_with_the_password_asked_is_still_the_preset(session):
    """A server preset for every user names no password: the one asked at start came
    with an address unlike the preset's, and Einstellungen did not say the preset."""
    session.database_preset = "die Umgebungsvariable EXPERTENRAT_DATABASE_URL"
    session.started_with = "postgresql://rat@db.stadt.de/expertenrat"
    asked = database_url(session.started_with).set(password="geheim")
    other = database_url("postgresql://rat@db2.stadt.de/expertenrat").set(password="geheim")

    assert session.preset_of(asked) == session.database_preset
    assert session.preset_of(other) == ""


def test_a_file_upgraded_as_the_window_opens_it_is_said_once(session, dialogs, tmp_path):
    """(found by a tester) The window upgraded a database of an older version without a
    word (only the log named the copy): nothing told the user where the old state was
    kept, nor that the older version, on another PC sharing the file too, no longer opens
    it."""
    path = tmp_path / "alt.db"
    open_database(database_url(str(path))).close()
    migrate.downgrade(database_url(str(path)), "0030")
    session.dialogs = dialogs
    session.window.show()

    session.open(str(path))

    assert dialogs.messages == [
        (
            "information",
            "Datenbank aktualisiert",
            f"Die Datenbank „{path}“ hatte noch den Schemastand 0030 einer älteren "
            "Programmversion und wurde auf den Stand dieser Version "
            f"({schema_revisions.head_revision()}) gebracht; die Kopie des alten Stands liegt in "
            f"„{tmp_path / 'alt-vor-update-von-0030.db'}“. Ältere Versionen von Expertenrat "
            "können sie nicht mehr öffnen: Aktualisieren Sie das Programm auf jedem PC, der "
            "mit dieser Datenbank arbeitet.",
        )
    ]
