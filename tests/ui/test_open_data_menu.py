"""Datei menu: the open-data files and the OParl tree, written in the worker."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import MemberRole
from expertenrat.ui.open_data_menu import OpenDataMenu
from expertenrat.ui.worker import Job


@pytest.fixture
def services(demo_services):
    return demo_services


def _wait(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.menus.open_data.job.running, timeout=60000)


def test_open_data_goes_into_the_chosen_folder(make_window, dialogs, qtbot, tmp_path):
    window = make_window()
    folder = tmp_path / "Offene Daten & Ü"
    folder.mkdir()
    dialogs.paths.append(str(folder))

    window.menus.open_data.open_data_action.trigger()
    _wait(qtbot, window)

    assert dialogs.saved_files == [str(folder / "datapackage.json")]
    assert dialogs.messages[-1][2].startswith("3 Dateien")
    assert (folder / "empfehlungen.csv").is_file()


def test_oparl_asks_for_the_address_and_refuses_http(make_window, dialogs, qtbot, tmp_path):
    window = make_window()
    dialogs.texts.append("http://daten.example.de/oparl")

    window.menus.open_data.oparl_action.trigger()

    assert window.menus.open_data.job is None
    assert "muss mit https:// beginnen" in dialogs.warnings()[0]
    assert dialogs.file_dialogs == []


def test_oparl_replaces_a_full_folder_only_when_the_user_agrees(
    make_window, dialogs, qtbot, tmp_path
):
    window = make_window()
    folder = tmp_path / "oparl"
    folder.mkdir()
    (folder / "system.json").write_text("{}", "utf-8")  # of an earlier export
    (folder / "alt.txt").write_text("alt", "utf-8")
    dialogs.answer_yes = False
    dialogs.texts.append("https://daten.example.de/oparl/v1/")
    dialogs.paths.append(str(folder))

    window.menus.open_data.oparl_action.trigger()

    assert window.menus.open_data.job is None and dialogs.messages[-1][0] == "question"
    dialogs.answer_yes = True
    dialogs.texts.append("https://daten.example.de/oparl/v1/")
    dialogs.paths.append(str(folder))
    window.menus.open_data.oparl_action.trigger()
    _wait(qtbot, window)

    system = json.loads((folder / "system.json").read_text("utf-8"))
    assert system["id"] == "https://daten.example.de/oparl/v1/system.json"
    assert not (folder / "alt.txt").exists()
    assert dialogs.saved_files == [str(folder / "system.json")]


def test_a_folder_of_other_files_is_refused_before_anything_is_asked_or_written(
    make_window, dialogs, tmp_path
):
    window = make_window()
    documents = tmp_path / "Dokumente"
    documents.mkdir()
    (documents / "Brief.odt").write_text("Liebe Oma", "utf-8")
    dialogs.answer_yes = True
    dialogs.paths.append(str(documents))

    window.menus.open_data.open_data_action.trigger()

    assert window.menus.open_data.job is None
    assert "keinen früheren Export" in dialogs.warnings()[-1]
    assert all(kind != "question" for kind, _title, _text in dialogs.messages)
    assert [p.name for p in documents.iterdir()] == ["Brief.odt"]


@pytest.mark.parametrize("kind", ["oparl", "open data"])
def test_abbrechen_in_the_progress_writes_nothing(
    make_window, dialogs, qtbot, tmp_path, kind, abbrechen
):
    """The progress dialog's "Abbrechen" was offered but never reached the export, which
    went on and replaced the folder."""
    window = make_window()
    folder = tmp_path / "export"
    dialogs.paths.append(str(folder))
    menu = window.menus.open_data
    with abbrechen.held():
        if kind == "oparl":
            dialogs.texts.append("https://daten.example.de/oparl/v1")
            menu.oparl_action.trigger()
        else:
            menu.open_data_action.trigger()
    abbrechen.press(menu.job)
    _wait(qtbot, window)

    assert menu.job.stop is not None  # ended as cancelled
    assert not folder.exists()
    assert dialogs.saved_files == []
    assert not list(tmp_path.glob(".export*"))


def test_oparl_says_which_published_minutes_still_name_a_member_who_withdrew(
    make_window, services, dialogs, qtbot, tmp_path, today
):
    """(found by a tester) The approved public minutes go out as approved; a typed text in
    them that names a member who withdrew consent since is said after the export."""
    council_id = services.settings.councils()[0].id
    chair = next(m for m in services.members.members(council_id) if m.role is MemberRole.CHAIR)
    services.members.save(
        council_id, replace(chair, publish_name=False, publish_name_on=None), today
    )
    window = make_window()
    dialogs.texts.append("https://daten.example.de/oparl/v1")
    dialogs.paths.append(str(tmp_path / "oparl"))

    window.menus.open_data.oparl_action.trigger()
    _wait(qtbot, window)

    kind, _title, text = dialogs.messages[-1]
    assert kind == "saved"
    assert (
        f"Im öffentlichen Text von TOP 1 steht der Name von {chair.full_name}, der nicht "
        "genannt werden darf." in text
    )
    assert "Protokoll der 1. Sitzung am " in text


def test_exports_one_after_another_leave_no_job_with_the_window(
    services, dialogs, qtbot, qsettings, finish_job, tmp_path
):
    """Every open-data or OParl export left its job with the window until the program
    ended (found by a tester)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = OpenDataMenu(services, dialogs, parent, qsettings)

    for run in range(3):
        dialogs.paths.append(str(tmp_path / f"Offene Daten {run}"))
        menu.open_data_action.trigger()
        finish_job(menu)

    qtbot.waitUntil(lambda: parent.findChildren(Job) == [])  # deleted once the loop turns
    assert len(dialogs.saved_files) == 3
