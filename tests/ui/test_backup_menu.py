"""Datei menu: backup now, restore (asks first, reloads), check the database."""

from __future__ import annotations

import zipfile

from expertenrat.domain.councils import CouncilSettings


def _wait(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.backup_menu.job.running, timeout=60000)


def test_the_file_menu_offers_backup_restore_and_check(make_window):
    window = make_window()
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Sicherung jetzt …",
        "&Wiederherstellen …",
        "Datenbank &prüfen",
        "&Offene Daten exportieren …",
        "O&Parl-Export …",
        "Auf &Server umziehen …",
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
    window.backup_menu.backup_action.trigger()
    _wait(qtbot, window)
    assert dialogs.saved_files == [str(target)]
    assert zipfile.ZipFile(target).testzip() is None

    services.settings.create_council(CouncilSettings(id=None, name="Zwei", city="Wismar"))
    window.reload_councils()
    assert window.council_combo.count() == 2
    dialogs.paths.append(str(target))
    window.backup_menu.restore_action.trigger()
    _wait(qtbot, window)
    assert dialogs.messages[-2][0] == "question"
    assert dialogs.messages[-1][0] == "information"
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
    window.backup_menu.restore_action.trigger()
    assert window.backup_menu.job is None
    assert len(services.settings.councils()) == 2


def test_a_bad_file_is_a_warning_and_check_reports_in_order(
    make_window, services, dialogs, qtbot, tmp_path
):
    bogus = tmp_path / "kaputt.zip"
    bogus.write_bytes(b"kein zip")
    window = make_window()
    dialogs.paths.append(str(bogus))
    window.backup_menu.restore_action.trigger()
    _wait(qtbot, window)
    assert any("keine gültige Expertenrat-Sicherung" in w for w in dialogs.warnings())

    window.backup_menu.check_action.trigger()
    _wait(qtbot, window)
    assert dialogs.messages[-1] == (
        "information",
        "Datenbank prüfen",
        "Die Datenbank ist in Ordnung.",
    )
