"""Datei menu: backup now, restore (asks first, reloads), check the database."""

from __future__ import annotations

import re
import shutil
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

from backup_dates import berlin_clock, date_backup, date_file
from live_jobs import live_jobs
from PySide6.QtWidgets import QMessageBox, QWidget

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.store.engine import sqlite_file
from expertenrat.ui.backup_menu import BackupMenu
from expertenrat.ui.daily_backup import FOLDER_KEY, SAFETY_COPY_DAYS_KEY
from expertenrat.ui.damaged_restore import DamagedRestore
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.save_location import SaveLocations
from expertenrat.ui.worker import Job


def _wait(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.menus.backup.job.running, timeout=60000)


def test_the_file_menu_offers_backup_restore_and_check(make_window):
    window = make_window()
    texts = [a.text() for a in window.menus.file_menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Sicherung jetzt …",
        "&Wiederherstellen …",
        "&Datenbank prüfen",
        "&Offene Daten exportieren …",
        "O&Parl-Export …",
        "&Mit Server verbinden …",
        "Auf Server &umziehen …",
        "Neues Gremium aus &Vorlage …",
        "&Aufbewahrung …",
        "&Beenden",
    ]


def test_backup_now_and_restore_bring_back_the_old_data(
    make_window, services, dialogs, qtbot, tmp_path
):
    services.settings.create_council(CouncilSettings(id=None, name="Rat „Eins“", city="Rostock"))
    window = make_window()
    target = tmp_path / "sicherung.zip"
    dialogs.paths.append(str(target))
    window.menus.backup.backup_action.trigger()
    _wait(qtbot, window)
    assert dialogs.saved_files == [str(target)]
    assert zipfile.ZipFile(target).testzip() is None

    services.settings.create_council(CouncilSettings(id=None, name="Zwei", city="Wismar"))
    window.reload_councils()
    assert window.council_combo.count() == 2
    dialogs.paths.append(str(target))
    window.menus.backup.restore_action.trigger()
    _wait(qtbot, window)
    assert dialogs.messages[-2][0] == "question"
    # The copy of the replaced data is said with "Ordner öffnen", as a written file is
    # (it was a plain message: found by a tester).
    kind, _title, text = dialogs.messages[-1]
    kept = Path(dialogs.saved_files[-1])
    assert (
        kind == "saved"
        and kept.is_file()
        and kept.parent == sqlite_file(services.database.url).parent
    )
    assert re.fullmatch(
        rf"[\d.]+ Datensätze wurden wiederhergestellt\. "
        rf"Die bisherigen Daten liegen in „{re.escape(kept.name)}“\.",
        text,
    )
    assert [c.name for c in services.settings.councils()] == ["Rat „Eins“"]
    assert window.council_combo.count() <= 1  # reloaded: one council, no switcher needed


def test_restore_answered_no_changes_nothing(make_window, services, dialogs, qtbot, tmp_path):
    services.settings.create_council(CouncilSettings(id=None, name="Eins", city="Rostock"))
    target = tmp_path / "sicherung.zip"
    services.backup.backup(target)
    services.settings.create_council(CouncilSettings(id=None, name="Zwei", city="Wismar"))
    window = make_window()
    dialogs.answer_yes = False
    dialogs.paths.append(str(target))
    window.menus.backup.restore_action.trigger()
    assert window.menus.backup.job is None
    assert len(services.settings.councils()) == 2


def test_a_bad_file_is_a_warning_and_check_reports_in_order(
    make_window, services, dialogs, qtbot, tmp_path
):
    bogus = tmp_path / "kaputt.zip"
    bogus.write_bytes(b"kein zip")
    window = make_window()
    dialogs.paths.append(str(bogus))
    window.menus.backup.restore_action.trigger()
    _wait(qtbot, window)
    assert any("keine gültige Expertenrat-Sicherung" in w for w in dialogs.warnings())

    window.menus.backup.check_action.trigger()
    _wait(qtbot, window)
    assert dialogs.messages[-1] == (
        "information",
        "Datenbank prüfen",
        "Die Datenbank ist in Ordnung.",
    )


def test_one_problem_found_is_named_in_the_singular(make_window, dialogs, qtbot, monkeypatch):
    """(found by review) "Die Prüfung hat 1 Problem(e) gefunden", where the command line
    says "1 Problem"."""
    window = make_window()
    found = [Finding(FindingKind.REFERENCE, "Tabelle x: 1 Zeile verweist …")]
    monkeypatch.setattr(window.menus.backup._services.integrity, "check", lambda: found)

    window.menus.backup.check_action.trigger()
    _wait(qtbot, window)

    assert dialogs.messages[-1] == (
        "warning",
        "Datenbank prüfen",
        "Die Prüfung hat 1 Problem gefunden:\n\n• Tabelle x: 1 Zeile verweist …",
    )


def test_many_problems_show_the_first_and_all_behind_details(
    make_window, dialogs, qtbot, monkeypatch
):
    # Found by a tester: the check names every stored text that breaks the text rule; a
    # message box does not scroll, so hundreds of lines ran off the screen.
    window = make_window()
    found = [Finding(FindingKind.TEXT, f"Mitglied „M{n}“, Feld Notizen: …") for n in range(30)]
    monkeypatch.setattr(window.menus.backup._services.integrity, "check", lambda: found)

    window.menus.backup.check_action.trigger()
    _wait(qtbot, window)

    kind, _title, text = dialogs.messages[-1]
    assert kind == "warning"
    assert text.startswith("Die Prüfung hat 30 Probleme gefunden:\n\n• Mitglied „M0“")
    assert text.endswith(
        "• Mitglied „M11“, Feld Notizen: …\n… und 18 weitere (alle unter „Details einblenden …“)"
    )
    assert dialogs.details[-1].splitlines() == [f"• {finding.text}" for finding in found]


def test_a_restore_the_database_refuses_for_a_cause_not_known_shows_its_text_behind_details(
    services, qsettings, qtbot, finish_job, tmp_path
):
    services.settings.create_council(CouncilSettings(id=None, name="Eins", city="Rostock"))
    backup = tmp_path / "sicherung.zip"
    services.backup.backup(backup)
    path = sqlite_file(services.database.url)
    with closing(sqlite3.connect(path)) as connection:  # a schema this version does not know
        connection.execute("ALTER TABLE councils RENAME COLUMN city TO stadt")
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = BackupMenu(services, DialogService(SaveLocations(qsettings)), parent, lambda: None)

    menu.restore(str(backup))
    finish_job(menu)

    (box,) = parent.findChildren(QMessageBox)
    assert box.text() == (
        "Die Sicherung konnte nicht eingespielt werden. Die Meldung der Datenbank steht unter "
        "den Einzelheiten; bitte wenden Sie sich an Ihre IT-Betreuung. Die Datenbank ist "
        "unverändert."
    )
    assert box.detailedText() == "table councils has no column named city"
    box.close()


def test_restoring_offers_the_daily_backups_first(services, dialogs, qtbot, qsettings, tmp_path):
    """Wiederherstellen … and the start page's "Sicherung wiederherstellen …" start in the
    folder of the daily copies, the one this PC chose or "Sicherungen" beside the file
    (found by a tester)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = BackupMenu(services, dialogs, parent, lambda: None, qsettings)
    damaged = DamagedRestore(dialogs, parent, qsettings)
    file = sqlite_file(services.database.url)

    menu.ask_restore()
    damaged.ask(tmp_path / "anderswo" / "expertenrat.db")
    qsettings.setValue(FOLDER_KEY, str(tmp_path / "Netzlaufwerk"))
    menu.ask_restore()

    assert dialogs.open_fallbacks == [
        file.parent / "Sicherungen",
        tmp_path / "anderswo" / "Sicherungen",
        tmp_path / "Netzlaufwerk",
    ]


def test_the_restore_question_says_that_every_council_is_replaced(
    make_window, services, dialogs, tmp_path
):
    """(found by a tester) "Alle Daten in „…“" read as the data of the council on screen;
    a restore replaces every council of the database."""
    for name in ("Eins", "Zwei", "Drei"):
        services.settings.create_council(CouncilSettings(id=None, name=name, city="Rostock"))
    window = make_window()
    dialogs.answer_yes = False
    dialogs.paths.append(str(tmp_path / "sicherung.zip"))
    window.menus.backup.restore_action.trigger()

    kind, _title, text = dialogs.messages[-1]
    assert kind == "question"
    assert text.startswith(
        f"Alle Daten in „{services.database.location}“ – alle 3 Gremien dieser Datenbank, "
        "nicht nur das angezeigte – werden durch die Sicherung „"
    )


def test_with_one_council_the_restore_question_stays_short(
    make_window, services, dialogs, tmp_path
):
    services.settings.create_council(CouncilSettings(id=None, name="Eins", city="Rostock"))
    window = make_window()
    dialogs.answer_yes = False
    dialogs.paths.append(str(tmp_path / "sicherung.zip"))
    window.menus.backup.restore_action.trigger()

    text = dialogs.messages[-1][2]
    assert text.startswith(
        f"Alle Daten in „{services.database.location}“ werden durch die Sicherung „"
    )
    assert "Gremien" not in text


def test_a_restore_deletes_the_safety_copies_past_their_days_but_not_its_own(
    services, qsettings, qtbot, finish_job, tmp_path
):
    """Safety copies are rotated as the daily copies are when one is made: the newest
    three stay (the one just made among them), older ones past the days set go."""
    services.settings.create_council(CouncilSettings(id=None, name="Eins", city="Rostock"))
    backup = tmp_path / "sicherung.zip"
    services.backup.backup(backup)
    path = sqlite_file(services.database.url)
    old = []
    for month in (1, 2, 3, 4):
        copy = path.with_name(f"{path.stem}-vor-wiederherstellung-2025-0{month}-01-120000.db")
        copy.write_bytes(b"alt")
        old.append(copy)
    qsettings.setValue(SAFETY_COPY_DAYS_KEY, 30)
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = BackupMenu(
        services, DialogService(SaveLocations(qsettings)), parent, lambda: None, qsettings
    )

    menu.restore(str(backup))
    finish_job(menu)

    copies = sorted(path.parent.glob(f"{path.stem}-vor-wiederherstellung-*"))
    assert copies[:2] == old[2:] and len(copies) == 3  # and the one just made


def test_restore_asks_about_unsaved_settings_first_and_never_saves_them_over_the_backup(
    make_window, services, dialogs, qtbot, tmp_path
):
    """(found by a tester) Typed before the restore, the Einstellungen stayed in the form;
    "Speichern" afterwards wrote them, with the form's other values from before the
    restore, over the council just restored."""
    services.settings.create_council(CouncilSettings(id=None, name="Beirat", city="Wismar"))
    target = tmp_path / "sicherung.zip"
    services.backup.backup(target)
    window = make_window()
    window.show()
    window.show_area(window.settings_page)
    fields = window.settings_page.council_form.council_fields
    fields.city_edit.setText("Rostock (ungespeichert)")

    dialogs.answer_yes = False  # "Die Änderungen verwerfen?" – Nein: no restore
    window.menus.backup.restore_action.trigger()
    assert dialogs.messages[-1][1] == "Einstellungen nicht gespeichert"
    assert window.menus.backup.job is None and dialogs.file_dialogs == []
    assert fields.city_edit.text() == "Rostock (ungespeichert)"

    dialogs.answer_yes = True
    dialogs.paths.append(str(target))
    window.menus.backup.restore_action.trigger()
    _wait(qtbot, window)

    assert dialogs.messages[-1][0] == "saved"
    assert fields.city_edit.text() == "Wismar"
    assert not window.settings_page.has_unsaved_changes()
    assert [c.city for c in services.settings.councils()] == ["Wismar"]


def test_the_restore_question_names_when_the_backup_was_made(
    make_window, services, dialogs, monkeypatch, tmp_path
):
    """(found by a tester) The question named neither when the backup was made nor that
    what was changed since goes too: a clerk who picked last month's daily copy by
    mistake was not warned. A backup's manifest says when it was made, a daily copy
    (a copy of the database file) its file's last change, both in this computer's time."""
    services.settings.create_council(CouncilSettings(id=None, name="Eins", city="Rostock"))
    backup = tmp_path / "sicherung.zip"
    services.backup.backup(backup)
    date_backup(backup, "2026-11-01T12:48:00+00:00")
    daily = tmp_path / "expertenrat-2026-07-14.db"
    shutil.copyfile(sqlite_file(services.database.url), daily)
    date_file(daily, "2026-07-14T21:05:00+00:00")
    window = make_window()
    dialogs.answer_yes = False

    with berlin_clock(monkeypatch):
        for path in (backup, daily):
            dialogs.paths.append(str(path))
            window.menus.backup.restore_action.trigger()

    assert [text for _kind, _title, text in dialogs.messages[-2:]] == [
        f"Alle Daten in „{services.database.location}“ werden durch die Sicherung "
        f"„{path}“ vom {made} Uhr ersetzt, auch alles, was seitdem geändert oder neu "
        "erfasst wurde. Eine Kopie der bisherigen Daten wird vorher angelegt. Fortfahren?"
        for path, made in ((backup, "01.11.2026, 13:48"), (daily, "14.07.2026, 23:05"))
    ]
    assert len(services.settings.councils()) == 1 and window.menus.backup.job is None


def test_backups_made_one_after_another_leave_no_job_with_the_window(
    services, dialogs, qtbot, qsettings, finish_job, tmp_path
):
    """Every "Sicherung jetzt …" and "Datenbank prüfen" left its job with the window until
    the program ended (found by a tester)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = BackupMenu(services, dialogs, parent, lambda: None, qsettings)

    for run in range(3):
        menu.backup(str(tmp_path / f"sicherung {run}.zip"))
        finish_job(menu)
    menu.check()
    finish_job(menu)

    qtbot.waitUntil(lambda: parent.findChildren(Job) == [])  # deleted once the loop turns
    assert len(dialogs.saved_files) == 3


def test_restore_after_restore_over_a_damaged_file_keeps_no_job_behind(
    dialogs, qtbot, qsettings, tmp_path, finish_job
):
    """Each restore tried from the start page stayed in memory until the program ended: a
    lambda on the job's own signal held the job, Qt holds the lambda, and the job's parent
    kept it as well (found by a helper)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    damaged = DamagedRestore(dialogs, parent, qsettings)
    before = live_jobs()

    for run in range(3):
        damaged.restore(tmp_path / "expertenrat.db", tmp_path / f"fehlt {run}.zip")
        finish_job(damaged)

    assert len(dialogs.warnings()) == 3
    assert live_jobs() - before <= 1  # the last one, until the next
    assert damaged.findChildren(Job) == []
