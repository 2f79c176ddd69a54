"""Hilfe gives the first steps in German and names every key the program knows and the
licence (found by a tester: the Hilfe menu held only "Über Expertenrat", without licence;
the only guide was the README, in English; the keys were spread over tooltips)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from expertenrat.ui.about_dialog import about_text
from expertenrat.ui.help_texts import first_steps_text, running_tasks_text
from expertenrat.ui.reading_dialog import ReadingDialog
from expertenrat.ui.window_menus import WindowMenus


def test_hilfe_lists_the_keys(qtbot, tmp_path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat)
    menus = WindowMenus(window, settings, tmp_path / "log.txt")
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text() for a in help_menu.actions()] == [
        "Erste &Schritte …",
        "&Laufende Aufgaben …",
        "&Tastenkürzel …",
        "Über &Expertenrat …",
    ]
    window.show()

    menus.shortcuts_action.trigger()

    box = window.findChild(ReadingDialog)
    assert box is not None and box.isVisible()
    for key in ("F1", "Strg+1 … Strg+8", "Strg+N", "Strg+F", "Strg+S", "Entf", "Strg+Q"):
        assert f"<b>{key}</b>" in box.text()
    box.close()


def test_hilfe_gives_the_first_steps_in_the_buttons_own_words(qtbot, tmp_path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat)
    WindowMenus(window, settings, tmp_path / "log.txt")
    window.show()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    QTest.keyClick(window, Qt.Key.Key_F1)

    box = window.findChild(ReadingDialog)
    assert box is not None and box.isVisible()
    assert "<h3>Erste Schritte</h3>" in box.text() and "Sicherung jetzt" in box.text()
    # (found by a tester) F1 is where one taking over looks first: it points on
    assert box.text().endswith("sagt „Hilfe“ → „Laufende Aufgaben\u00a0…“.</p>")
    box.close()
    labels = _labels(first_steps_text())
    assert len(labels) > 15
    assert [label for label in labels if f'"{label}"' not in _ui_sources()] == []


def _labels(text: str) -> list[str]:
    """The labels quoted in a help text, as the window's code spells them."""
    return re.findall("„([^“]+)“", text.replace("\u00a0", " "))


def _ui_sources() -> str:
    """Every string of the window's code but the help's own, without the '&' of keys."""
    ui = Path(__file__).resolve().parents[2] / "expertenrat" / "ui"
    return "".join(
        path.read_text("utf-8").replace("&", "")
        for path in ui.glob("*.py")
        if path.name != "help_texts.py"
    )


def test_hilfe_says_where_the_running_years_work_is_in_the_buttons_own_words(
    qtbot, tmp_path
) -> None:
    """(found by a tester) A colleague taking the secretariat over in the middle of the
    year found in the program only the first steps of a new council: nothing said where
    the reminders, the approved minutes, the changes of last week, the annual report or
    the open data are; the README that does is in English."""
    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat)
    menus = WindowMenus(window, settings, tmp_path / "log.txt")
    window.show()

    menus.running_tasks_action.trigger()

    box = window.findChild(ReadingDialog)
    assert box is not None and box.isVisible()
    assert box.text() == running_tasks_text()
    box.close()
    labels = _labels(running_tasks_text())
    for label in ("Erinnerungen …", "Änderungsprotokoll", "Tätigkeitsbericht …", "Protokoll …"):
        assert label in labels
    assert "Offene Daten exportieren …" in labels and "Sicherung jetzt …" in labels
    # (found by a tester) the Übersicht's way to the reminders, and whom they leave unchosen
    assert "Erinnerungen an die Projekte …" in labels
    assert "wer in den letzten 14 Tagen erinnert wurde, ist zunächst nicht gewählt" in (
        running_tasks_text()
    )
    assert [label for label in labels if f'"{label}"' not in _ui_sources()] == []


def test_the_first_steps_call_the_daily_backup_as_the_settings_do() -> None:
    """(found by a tester) They said "eine tägliche Kopie", where Einstellungen → Auf diesem
    PC and the Datei menu say "tägliche Sicherung"."""
    assert "tägliche Sicherung" in first_steps_text()


def test_the_help_says_a_window_left_open_over_night_makes_the_daily_backup_too() -> None:
    """(found by a tester) Both texts said the daily backup was made at the start, as it
    was until bffa1a2d; one who leaves the window open for weeks read that the program
    had to be restarted each day for a backup."""
    for text in (first_steps_text(), running_tasks_text()):
        assert "beim ersten Start des Tages" in text
        assert "bleibt das Fenster über Nacht geöffnet, kurz nach Tagesbeginn" in text


def test_about_names_the_licence(tmp_path) -> None:
    assert "MIT-Lizenz" in about_text("db", Path(tmp_path / "log.txt"))


def test_the_readme_names_every_hilfe_entry_and_the_first_steps_reach_the_backups(
    qtbot, tmp_path
) -> None:
    """A newcomer reads "First steps" only: they end with the council's settings and where
    the data and its backups are."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    window = QMainWindow()
    qtbot.addWidget(window)
    WindowMenus(window, QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat), tmp_path)
    for action in window.menuBar().actions()[-1].menu().actions():
        assert f"**Hilfe → {action.text().replace('&', '')}**" in readme
    assert "**Hilfe → Erste Schritte …** (F1)" in readme
    first_steps = readme.split("## First steps", 1)[1].split("\n## ", 1)[0]
    for pointer in ("Einstellungen exportieren", "Sicherung jetzt", "`expertenrat.db`"):
        assert pointer in first_steps
    for section in ("## Where the data lives", "### Sicherung und Wiederherstellung"):
        assert section in readme


def test_the_readme_opens_with_what_the_program_is_and_where_to_read_on() -> None:
    """A non-developer meets the install command first; the lines above it say what the
    program is and name the sections to read, which exist."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    opening = readme.split("```", 1)[0]
    assert "secretariat" in opening
    for section in ("What it is for", "First steps", "Where the data lives"):
        assert f'"{section}"' in opening
        assert f"\n## {section}" in readme
    assert "taking over a\nrunning council: Hilfe → Laufende Aufgaben" in opening  # (a tester)


def test_a_label_ending_in_an_ellipsis_keeps_it_on_its_line() -> None:
    """(found by a tester) At the dialog's width „Amtszeit beenden …“ and „Schreiben
    speichern …“ broke before the "…", which began the next line alone."""
    for text in (first_steps_text(), running_tasks_text()):
        assert " …" not in text and "\u00a0…“" in text
