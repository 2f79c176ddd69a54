"""Einstellungen → transfer kit, driven like a user: export, take over with the differences
shown, start a new council from a file, and a refused file."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.council_transfer_format import setting_label
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.ui.save_location import FileKind
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def _two_councils(services):
    rostock = services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    luebeck = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat Digitales & <Lübeck>", city="Lübeck")
    )
    services.settings.update_settings(
        replace(luebeck, classification="Beirat", notice_period_days=12, bundesland="DE-SH")
    )
    services.settings.add_action_field(luebeck.id, "Hafen 🚢", "#0088cc")
    services.agenda_templates.add(
        luebeck.id, AgendaTemplate("Hafen & <Kai> 🚢", AgendaItemKind.CONSULTATION, False, 20)
    )
    return rostock, luebeck


def _row_label(dialog, text: str) -> QLabel:
    return next(label for label in dialog.findChildren(QLabel) if label.text() == text)


def _file(services, council_id, tmp_path):
    path = tmp_path / "luebeck.json"
    path.write_bytes(services.council_transfer.export(council_id))
    return str(path)


def test_taking_over_shows_the_differences_and_applies_the_chosen_ones(
    make_window, services, dialogs, qtbot, tmp_path
):
    rostock, luebeck = _two_councils(services)
    window = make_window()
    window.show_area(window.settings_page)
    page = window.settings_page
    dialogs.paths.append(_file(services, luebeck.id, tmp_path))

    qtbot.mouseClick(page.transfer_buttons[1], Qt.MouseButton.LeftButton)

    dialog = page.transfer.dialog
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.choices) == {
        "name", "city", "classification", "notice_period_days", "bundesland", "action_fields",
        "agenda_templates",
    }  # fmt: skip
    # no "text_templates": Lübeck's phrases ("Der Beirat nimmt …") differ from Rostock's only
    # in the council they name, and the import names Rostock's (found by a tester)
    intro = dialog.findChildren(QLabel)[0].text()
    # every own setting kept is named: Kurzname, Art, Bundesland and the mailbox were
    # kept unnamed (found by a tester)
    assert (
        "Sie stammt aus Lübeck: Name, Kurzname, Art, Stadt, Bundesland, Logo, Website, "
        "Geschäftsstelle mit E-Mail-Adresse und Handlungsfelder Ihres Gremiums bleiben "
        "vorgeschlagen, wie sie sind."
    ) in intro
    # (found by a tester) what changes in a list is its row's tooltip, not nine lines of intro
    assert "Vorlage" not in intro and "Textbaust" not in intro
    assert "1 Vorlage für Tagesordnungspunkte kommt hinzu: „Hafen & <Kai> 🚢“." in (
        _row_label(dialog, "Vorlagen für Tagesordnungspunkte ℹ").toolTip()
    )
    keep, take = dialog.choices["city"]
    assert (keep.text(), take.text()) == ("Rostock", "Lübeck")
    assert dialog.choices["name"][1].text() == "Beirat Digitales && <Lübeck>"
    # the action fields by name, without their colour codes (found by a tester)
    fields = dialog.choices["action_fields"][1]
    assert "Hafen 🚢" in fields.whole and "#" not in fields.whole
    # (found by a tester) another city's name, kind and Land are not proposed
    proposed = {name for name, (_keep, take) in dialog.choices.items() if take.isChecked()}
    assert proposed == {"notice_period_days", "agenda_templates"}
    dialog.choices["name"][1].setChecked(True)  # the name is Lübeck's, the city stays
    dialog.choices["action_fields"][1].setChecked(True)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert page.transfer.dialog is None  # not the closed window, deleted soon

    stored = services.settings.settings(rostock.id)
    assert (stored.name, stored.city, stored.notice_period_days, stored.classification) == (
        "Beirat Digitales & <Lübeck>", "Rostock", 12, "Expert*innenrat",
    )  # fmt: skip
    assert [f.name for f in services.settings.action_fields(rostock.id)][-1] == "Hafen 🚢"
    assert services.agenda_templates.templates(rostock.id)[-1].title == "Hafen & <Kai> 🚢"
    assert page.council_form.council_fields.name_edit.text() == "Beirat Digitales & <Lübeck>"
    assert page.council_form.profile_fields.bundesland_combo.currentData() == "DE-MV"
    assert page.saved_label.text() == "Aus der Datei übernommen."
    assert dialogs.file_dialogs == [(FileKind.SETTINGS, "")]


def test_the_file_names_the_settings_as_the_einstellungen_do(make_window, services):
    """(found by a tester) "Einwandsfrist (Tage)" in the file's preview and the audit
    trail, "Frist für Einwände" in the Einstellungen, "Einwandfrist" on the Genehmigung tab."""
    _two_councils(services)
    window = make_window()
    window.show_area(window.settings_page)
    shown = {label.text() for label in window.settings_page.findChildren(QLabel)}
    names = {
        "min_members": "Mindestzahl Mitglieder",
        "max_members": "Höchstzahl Mitglieder",
        "quorum_rule": "Beschlussfähig bei",
        "notice_period_days": "Ladungsfrist",
        "response_period_months": "Frist für Stellungnahmen",
        "minutes_style": "Protokollart",
        "minutes_approval": "Genehmigung des Protokolls",
        "objection_period_days": "Frist für Einwände",
    }
    assert {name: setting_label(name) for name in names} == names
    assert set(names.values()) <= shown


def test_a_new_council_from_a_file_is_created_and_shown(make_window, services, dialogs, tmp_path):
    _rostock, luebeck = _two_councils(services)
    path = _file(services, luebeck.id, tmp_path)
    window = make_window()
    dialogs.paths.append(path)

    window.settings_page.transfer.new_action.trigger()

    councils = services.settings.councils()
    assert len(councils) == 3
    assert window.current_council_id() == councils[-1].id
    window.show_area(window.settings_page)  # read as it is shown (from the Datei menu too)
    assert (
        window.settings_page.council_form.council_fields.name_edit.text()
        == "Beirat Digitales & <Lübeck>"
    )
    assert [f.name for f in services.settings.action_fields(councils[-1].id)][-1] == "Hafen 🚢"
    assert services.members.members(councils[-1].id) == []
    assert window.settings_page.transfer.new_action in window.menus.file_menu.actions()


def test_a_file_taken_twice_as_a_new_council_asks_first(make_window, services, dialogs, tmp_path):
    """(found by a tester) Taken twice, the file made two councils alike without a word."""
    _rostock, luebeck = _two_councils(services)
    path = _file(services, luebeck.id, tmp_path)
    window = make_window()
    dialogs.paths += [path, path]
    dialogs.answers = [False, True]

    window.settings_page.transfer.new_action.trigger()  # "Nein"

    question = (
        "question",
        "Neues Gremium aus Vorlage",
        "Ein Gremium „Beirat Digitales & <Lübeck>“ (Lübeck) gibt es bereits. Trotzdem ein "
        "weiteres Gremium aus der Vorlage anlegen?",
    )
    assert dialogs.messages[-1] == question
    assert len(services.settings.councils()) == 2

    window.settings_page.transfer.new_action.trigger()  # "Ja"

    # then that its prefix "E" is the other councils' too (tests/ui/test_settings_transfer_prefix)
    assert dialogs.messages[-2] == question
    assert dialogs.messages[-1][0] == "warning"
    councils = services.settings.councils()
    assert len(councils) == 3 and window.current_council_id() == councils[-1].id


def test_export_writes_a_file_that_reads_back(make_window, services, dialogs, tmp_path):
    rostock, _luebeck = _two_councils(services)
    window = make_window()
    window.show_area(window.settings_page)
    target = tmp_path / "rostock.json"
    dialogs.paths.append(str(target))

    window.settings_page.transfer.export_action.trigger()

    assert dialogs.saved_files == [str(target)]
    assert dialogs.file_dialogs == [
        (FileKind.SETTINGS, "Einstellungen Expert innenrat Rostock.json")
    ]
    assert dialogs.messages[-1][2].startswith(
        "Die Einstellungen wurden gespeichert: ohne Mitgliederdaten, aber mit der "
        "Geschäftsstelle und ihrer E-Mail-Adresse."
    )  # not "ohne personenbezogene Daten": the Geschäftsstelle can name a person
    assert services.council_transfer.read(target.read_bytes()).settings.name == rostock.name


def test_a_refused_file_is_explained_and_changes_nothing(make_window, services, dialogs, tmp_path):
    rostock, luebeck = _two_councils(services)
    window = make_window()
    window.show_area(window.settings_page)
    path = tmp_path / "kaputt.json"
    path.write_bytes(
        services.council_transfer.export(luebeck.id).replace(
            b'"formatVersion": 2', b'"formatVersion": 3'
        )
    )
    dialogs.paths.append(str(path))

    window.settings_page.transfer.import_action.trigger()

    assert window.settings_page.transfer.dialog is None
    assert any("Format 3 einer neueren Programmversion" in w for w in dialogs.warnings())
    assert services.settings.settings(rostock.id) == rostock


def test_a_refused_file_is_named_with_its_folder(make_window, services, dialogs, tmp_path):
    """(found by a tester) The warning said what was wrong ("Die Datei ist kein gültiges
    JSON") but not of which file: several "einstellungen.json" lie in Downloads, on the
    desktop and on a share."""
    rostock, luebeck = _two_councils(services)
    window = make_window()
    window.show_area(window.settings_page)
    broken = tmp_path / "Downloads" / "einstellungen.json"
    broken.parent.mkdir()
    broken.write_text('{"format": ', "utf-8")
    unruly = tmp_path / "Freigabe" / "einstellungen.json"
    unruly.parent.mkdir()
    document = json.loads(services.council_transfer.export(luebeck.id))
    council = document["council"]
    council["minMembers"], council["maxMembers"] = 9, 8  # each allowed, together not
    unruly.write_text(json.dumps(document), "utf-8")

    dialogs.paths.append(str(broken))
    window.settings_page.transfer.import_action.trigger()
    dialogs.paths.append(str(broken))
    window.settings_page.transfer.new_action.trigger()
    dialogs.paths.append(str(unruly))
    window.settings_page.transfer.new_action.trigger()

    first, second, third = dialogs.warnings()
    for warning in (first, second):
        assert warning.startswith(f"Die Einstellungsdatei „{broken}“ kann nicht verwendet")
        assert "kein gültiges JSON" in warning
    assert third.startswith(f"Die Einstellungsdatei „{unruly}“ kann nicht verwendet")
    assert len(services.settings.councils()) == 2
    assert services.settings.settings(rostock.id) == rostock


def test_a_file_of_many_phrases_names_a_few_and_leaves_room_for_the_choices(
    make_window, services, dialogs, qtbot, tmp_path
):
    """500 phrases and 100 agenda templates of 2,000 characters: the intro named each,
    tens of thousands of characters above the choices, which had no room left."""
    _rostock, luebeck = _two_councils(services)
    document = json.loads(services.council_transfer.export(luebeck.id))
    document["textTemplates"] = [{"label": f"Baustein {n}", "text": "x"} for n in range(500)]
    document["agendaTemplates"] = [
        {"title": f"{n} " + "Titel " * 330, "kind": "report", "public": True, "plannedMinutes": 5}
        for n in range(100)
    ]
    path = tmp_path / "viele.json"
    path.write_text(json.dumps(document), "utf-8")
    window = make_window()
    window.show_area(window.settings_page)
    dialogs.paths.append(str(path))

    window.settings_page.transfer.import_action.trigger()

    dialog = window.settings_page.transfer.dialog
    phrases = _row_label(dialog, "Textbausteine ℹ").toolTip()
    assert "„Baustein 7“ und 492 weitere." in phrases
    assert "Baustein 8“" not in phrases and len(phrases) < 3_000
    assert (
        "Titel…“ und 92 weitere."
        in _row_label(dialog, "Vorlagen für Tagesordnungspunkte ℹ").toolTip()
    )
    dialog.reject()


def test_a_very_wide_value_ends_in_an_ellipsis_and_shows_whole_as_tooltip(
    make_window, services, dialogs, qtbot, tmp_path
):
    _rostock, luebeck = _two_councils(services)
    website = "https://www.luebeck.de/" + "digitale-stadt/" * 12 + "sitzungen.html"
    services.settings.update_settings(
        replace(services.settings.settings(luebeck.id), website=website)
    )
    window = make_window()
    window.show_area(window.settings_page)
    dialogs.paths.append(_file(services, luebeck.id, tmp_path))

    window.settings_page.transfer.import_action.trigger()

    dialog = window.settings_page.transfer.dialog
    exposed(dialog)
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    kept, taken = dialog.choices["website"]
    assert kept.text() == "(leer)" and not kept.toolTip()
    qtbot.waitUntil(lambda: taken.text().endswith("…"), timeout=WAIT)
    assert website.startswith(taken.text()[:-1])
    assert taken.fontMetrics().horizontalAdvance(taken.text()) < taken.width()
    scroll_content = taken.parentWidget()
    assert taken.geometry().right() <= scroll_content.width()  # not cut at the edge
    assert taken.toolTip() == website
    short = dialog.choices["city"][1]
    assert (short.text(), short.toolTip()) == ("Lübeck", "")
    dialog.reject()
    assert window.settings_page.transfer.dialog is None  # not the closed window


def test_export_leaves_out_a_logo_that_cannot_be_drawn_and_says_so(
    make_window, services, dialogs, tmp_path
):
    from logo_images import header_only_png

    from expertenrat.store import models

    rostock, _luebeck = _two_councils(services)
    with services.database.transaction() as session:  # stored before logos were checked
        session.get(models.Council, rostock.id).logo_png = header_only_png()
    window = make_window()
    window.show_area(window.settings_page)
    target = tmp_path / "rostock.json"
    dialogs.paths.append(str(target))

    assert window.settings_page.council_form.council_fields.logo.preview.text() == (
        "Logo nicht lesbar – bitte ein neues wählen"
    )  # not an empty preview (and a warning of Qt's in the log)

    window.settings_page.transfer.export_action.trigger()

    assert dialogs.messages[-1][2].endswith(
        "Das Logo in den Einstellungen ist kein lesbares PNG-Bild (beschädigt oder "
        "unvollständig) und fehlt in der Datei; bitte unter Einstellungen ein neues Logo wählen."
    )
    assert services.council_transfer.read(target.read_bytes()).settings.logo_png is None


def test_enter_takes_over_the_choices_shown(make_window, services, dialogs, qtbot, tmp_path):
    """(found by a tester) Enter pressed "Alles übernehmen", not "Auswahl übernehmen": the
    default set before the button was in the dialog did not hold, so from another city's
    file Enter took its name, city and Geschäftsstelle the dialog proposes to keep."""
    rostock, luebeck = _two_councils(services)
    window = make_window()
    window.show_area(window.settings_page)
    dialogs.paths.append(_file(services, luebeck.id, tmp_path))
    window.settings_page.transfer.import_action.trigger()
    dialog = window.settings_page.transfer.dialog
    exposed(dialog)

    assert dialog.apply_button.isDefault() and not dialog.theirs_button.isDefault()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    stored = services.settings.settings(rostock.id)
    assert (stored.name, stored.city, stored.notice_period_days) == (
        "Expert*innenrat",
        "Rostock",
        12,
    )
