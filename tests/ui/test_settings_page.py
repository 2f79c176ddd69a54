"""The Einstellungen page driven like a user: type, click, reopen."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import QuorumRule
from expertenrat.domain.members import Member


def _window_with_council(make_window, services):
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show_area(window.settings_page)
    return window, council


def test_a_further_council_starts_in_the_shown_councils_land_and_place(
    make_window, services, dialogs, qtbot
):
    # A Bavarian Landkreis adds its second council: its holidays are Bavaria's, not the
    # Mecklenburg-Vorpommern a new council starts with.
    services.settings.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Fürstenfeldbruck", bundesland="DE-BY")
    )
    window = make_window()
    window.show_area(window.settings_page)
    dialogs.texts.append("Jugendforum Digitales")

    qtbot.mouseClick(window.settings_page.new_council_button, Qt.MouseButton.LeftButton)

    created = next(c for c in services.settings.councils() if c.name == "Jugendforum Digitales")
    settings = services.settings.settings(created.id)
    assert (settings.city, settings.bundesland, settings.time_zone) == (
        "Fürstenfeldbruck",
        "DE-BY",
        "Europe/Berlin",
    )
    # a forum by its own word, not Rostock's "Expert*innenrat" (found by a tester)
    assert settings.classification == "Jugendforum"
    dialogs.texts.append("Seniorenbeirat")
    qtbot.mouseClick(window.settings_page.new_council_button, Qt.MouseButton.LeftButton)
    created = next(c for c in services.settings.councils() if c.name == "Seniorenbeirat")
    assert services.settings.settings(created.id).classification == "Beirat"


def test_a_further_council_takes_the_shown_councils_action_fields_not_rostocks(
    make_window, services, dialogs, qtbot
):
    wismar = services.settings.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar"),
        action_fields=[("Hafen", "#0088cc"), ("Tourismus", "#ff7f0e")],
    )
    window = make_window()
    window.show_area(window.settings_page)
    dialogs.texts.append("Jugendforum Digitales")

    qtbot.mouseClick(window.settings_page.new_council_button, Qt.MouseButton.LeftButton)

    created = next(c for c in services.settings.councils() if c.id != wismar.id)
    fields = [(f.name, f.colour) for f in services.settings.action_fields(created.id)]
    assert fields == [("Hafen", "#0088cc"), ("Tourismus", "#ff7f0e")]


def test_changed_settings_are_saved_and_shown_after_reopening(make_window, services, qtbot):
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    fields = page.council_form.council_fields
    fields.name_edit.setText("Smart City Expert*innenrat & Co. <Test> „Zoë“ 🚀")
    fields.city_edit.setText("Lübeck")
    fields.max_spin.setValue(12)
    fields.notice_spin.setValue(10)
    fields.quorum_combo.setCurrentIndex(fields.quorum_combo.findData(QuorumRule.TWO_THIRDS.value))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert page.saved_label.text() == "Gespeichert."
    window.close()
    reopened = make_window()
    reopened.show_area(reopened.settings_page)
    page = reopened.settings_page
    fields = page.council_form.council_fields
    assert fields.name_edit.text() == "Smart City Expert*innenrat & Co. <Test> „Zoë“ 🚀"
    assert fields.city_edit.text() == "Lübeck"
    assert fields.max_spin.value() == 12
    assert fields.notice_spin.value() == 10
    assert fields.quorum_combo.currentData() == QuorumRule.TWO_THIRDS.value
    assert services.settings.settings(council.id).quorum_rule is QuorumRule.TWO_THIRDS
    assert services.settings.settings(council.id).city == "Lübeck"


def test_the_periods_say_1_monat_and_1_tag_in_the_singular(make_window, services):
    """(found by a tester) the response period read "1 Monate", the notice "1 Tage"."""
    window, _council = _window_with_council(make_window, services)
    fields = window.settings_page.council_form.council_fields
    shown = []
    for spin in (fields.response_spin, fields.notice_spin):
        for value in (1, 2):
            spin.setValue(value)
            shown.append(spin.text())
    assert shown == ["1 Monat", "2 Monate", "1 Tag", "2 Tage"]


def test_invalid_settings_show_messages_next_to_the_fields_and_save_nothing(
    make_window, services, qtbot
):
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    fields = page.council_form.council_fields
    before = {w: w.mapTo(page, w.rect().topLeft()) for w in (fields.city_edit, page.save_button)}
    fields.name_edit.setText("   ")
    fields.min_spin.setValue(11)
    fields.max_spin.setValue(9)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert "Namen des Gremiums" in page.council_form.errors.message("name")
    assert "nicht kleiner als die Mindestzahl" in page.council_form.errors.message("max_members")
    assert fields.name_edit.property("error") is True
    assert fields.max_spin.property("error") is True
    assert not fields.city_edit.property("error")
    assert {w: w.mapTo(page, w.rect().topLeft()) for w in before} == before
    assert page.saved_label.text() == ""
    assert services.settings.settings(council.id).name == "Rat"


def test_renaming_the_council_updates_the_overview(make_window, services, qtbot):
    window, _council = _window_with_council(make_window, services)
    window.settings_page.council_form.council_fields.name_edit.setText("Beirat Digitales")
    qtbot.mouseClick(window.settings_page.save_button, Qt.MouseButton.LeftButton)
    window.show_area(window.overview_page)
    assert window.overview_page.subtitle.text() == "Beirat Digitales · Rostock"


def test_a_council_name_with_markup_is_shown_as_typed(make_window, services, qtbot):
    window, _council = _window_with_council(make_window, services)
    window.settings_page.council_form.council_fields.name_edit.setText("Rat <b>Digitales</b> & Co.")
    qtbot.mouseClick(window.settings_page.save_button, Qt.MouseButton.LeftButton)
    window.show_area(window.overview_page)
    label = window.overview_page.subtitle
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Rat <b>Digitales</b> & Co. · Rostock"


def test_logo_is_loaded_from_a_file_and_refused_when_not_an_image(
    make_window, services, dialogs, tmp_path
):
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    fields = page.council_form.council_fields
    image = QImage(1200, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#004f9f"))
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    text_file = tmp_path / "kein-bild.png"
    text_file.write_text("Das ist kein Bild", encoding="utf-8")
    dialogs.paths = [str(text_file), str(logo)]

    fields.logo.choose_button.click()
    assert "kein lesbares Bild" in dialogs.warnings()[0]
    assert not fields.logo.remove_button.isEnabled()
    fields.logo.choose_button.click()
    page.save()

    stored = services.settings.settings(council.id).logo_png
    assert stored is not None and stored.startswith(b"\x89PNG")
    assert QImage.fromData(stored).width() == 600  # scaled down to the longest side


def test_a_logo_chosen_and_the_same_logo_in_a_settings_file_are_stored_alike(
    make_window, services, dialogs, tmp_path
):
    """One rule scales every logo that comes in: a settings file's was stored unscaled (up
    to 4,000 pixels a side) while a chosen one was scaled to 600."""
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    image = QImage(2400, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#004f9f"))
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    dialogs.paths = [str(logo)]
    page.council_form.council_fields.logo.choose_button.click()
    page.save()
    chosen = services.settings.settings(council.id).logo_png
    transfer = services.council_transfer
    document = json.loads(transfer.export(council.id))
    document["council"]["logoPng"] = base64.b64encode(logo.read_bytes()).decode("ascii")
    (tmp_path / "rat.json").write_text(json.dumps(document), encoding="utf-8")

    created = transfer.create_council(transfer.read_file(tmp_path / "rat.json"))

    imported = services.settings.settings(created).logo_png
    assert imported == chosen
    assert QImage.fromData(imported).size().toTuple() == (600, 150)


def test_a_photo_larger_than_a_logo_may_come_in_is_read_smaller_and_scaled(
    make_window, services, dialogs, tmp_path
):
    window, council = _window_with_council(make_window, services)
    image = QImage(6000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#004f9f"))
    photo = tmp_path / "foto.jpg"
    image.save(str(photo))
    dialogs.paths = [str(photo)]

    window.settings_page.council_form.council_fields.logo.choose_button.click()
    window.settings_page.save()

    stored = services.settings.settings(council.id).logo_png
    assert QImage.fromData(stored).size().toTuple() == (600, 300)
    assert dialogs.warnings() == []


def test_logo_chooser_refuses_an_image_too_large_to_read_and_a_cut_one(
    make_window, services, dialogs, tmp_path
):
    from logo_images import header_only_png, oversized_png, truncated_png

    window, council = _window_with_council(make_window, services)
    logo = window.settings_page.council_form.council_fields.logo
    paths = []
    for name, data in (
        ("riesig.png", oversized_png()),
        ("kopf.png", header_only_png()),
        ("halb.png", truncated_png()),
    ):
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    dialogs.paths = list(paths)

    logo.choose_button.click()
    logo.choose_button.click()
    logo.choose_button.click()

    warnings = dialogs.warnings()
    assert warnings[0] == (
        f"Das Bild „{paths[0]}“ ist mit 20.000 × 20.000 Pixeln zu groß für ein Logo "
        "(höchstens 40 Millionen Bildpunkte). Bitte verkleinern Sie es vorher."
    )
    assert warnings[1:] == [f"Die Datei „{path}“ ist kein lesbares Bild." for path in paths[1:]]
    assert logo.png is None
    assert services.settings.settings(council.id).logo_png is None


def test_action_fields_are_added_renamed_recoloured_and_reordered(
    make_window, services, dialogs, qtbot
):
    window, council = _window_with_council(make_window, services)
    buttons = window.settings_page.field_buttons
    dialogs.texts = ["Mobilität & Verkehr", "Mobilität"]
    dialogs.colours = ["#ff8800"]

    buttons.add_button.click()
    assert buttons.selected().name == "Mobilität & Verkehr"
    buttons.rename_button.click()
    buttons.colour_button.click()
    buttons.up_button.click()

    names = [f.name for f in services.settings.action_fields(council.id)]
    assert names == ["Moderne Verwaltung", "Soziale Stadt", "Stadtdaten", "Mobilität", "Umwelt"]
    renamed = next(f for f in services.settings.action_fields(council.id) if f.name == "Mobilität")
    assert renamed.colour == "#ff8800"
    model = window.settings_page.fields_model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == names


def test_a_refused_new_action_field_is_asked_again_with_the_name_typed(
    make_window, services, dialogs
):
    """Found by a tester: a name refused (taken, too long) was gone with the message."""
    window, council = _window_with_council(make_window, services)
    dialogs.texts = ["umwelt"]
    window.settings_page.field_buttons.add_button.click()

    assert dialogs.offered_texts == ["", "umwelt"]
    assert dialogs.asked_texts[-1] == "Ein Handlungsfeld „umwelt“ gibt es bereits.\nName:"
    assert dialogs.warnings() == []
    assert len(services.settings.action_fields(council.id)) == 4
    typed = "Umwelt & Klima " * 10  # past the 100 characters allowed
    dialogs.texts = [typed]
    window.settings_page.field_buttons.add_button.click()
    assert dialogs.offered_texts[-1] == typed
    assert "höchstens 100 Zeichen" in dialogs.asked_texts[-1]
    dialogs.texts = ["Umwelt & Klima"]  # OK in the dialog asked again
    window.settings_page.field_buttons.add_button.click()
    names = [f.name for f in services.settings.action_fields(council.id)]
    assert names[-1] == "Umwelt & Klima"


def test_a_refused_new_name_of_an_action_field_is_asked_again_with_it(
    make_window, services, dialogs
):
    """Found by a tester: a new name refused (taken) was gone with the message."""
    window, council = _window_with_council(make_window, services)
    buttons = window.settings_page.field_buttons
    buttons._view.selectRow(0)
    shown = buttons.selected()
    dialogs.texts = ["umwelt", "Verwaltung & Bürgerdienste"]

    buttons.rename_button.click()

    assert dialogs.offered_texts == [shown.name, "umwelt"]
    assert dialogs.asked_texts[-1] == "Ein Handlungsfeld „umwelt“ gibt es bereits.\nNeuer Name:"
    assert dialogs.warnings() == []
    (renamed, *_) = services.settings.action_fields(council.id)
    assert (renamed.id, renamed.name) == (shown.id, "Verwaltung & Bürgerdienste")


def test_a_renamed_action_field_changed_on_another_pc_is_asked_again_with_the_name(
    make_window, services, dialogs
):
    """Found by a tester: the field renamed on another PC while the dialog was open, the
    typed name was gone with the message; asked again, OK renames the field as it is now."""
    window, council = _window_with_council(make_window, services)
    buttons = window.settings_page.field_buttons
    buttons._view.selectRow(0)
    shown = buttons.selected()
    other_pc = services.settings.update_action_field(
        replace(shown, name="Verwaltung digital", colour="#123456")
    )
    dialogs.texts = ["Verwaltung & Bürgerdienste", "Verwaltung & Bürgerdienste"]

    buttons.rename_button.click()  # the field as shown: another PC's change since

    assert dialogs.offered_texts == [shown.name, "Verwaltung & Bürgerdienste"]
    assert dialogs.asked_texts[-1] == (  # named as the page shows it now
        "Das Handlungsfeld „Verwaltung digital“ wurde inzwischen von jemand anderem geändert. "
        "Ihre Angabe ist erhalten.\nNeuer Name:"
    )
    assert dialogs.warnings() == []
    (renamed, *_) = services.settings.action_fields(council.id)
    assert (renamed.name, renamed.colour) == ("Verwaltung & Bürgerdienste", other_pc.colour)
    assert buttons.selected().name == "Verwaltung & Bürgerdienste"


def test_a_refused_name_of_a_new_council_is_asked_again_with_it(
    make_window, services, dialogs, qtbot
):
    """Found by a tester: a name refused (empty, too long) was gone with the message."""
    window, _council = _window_with_council(make_window, services)
    typed = "Jugendforum Digitales & Zukunft " * 8  # past the 200 characters allowed
    dialogs.texts = ["   ", typed]

    qtbot.mouseClick(window.settings_page.new_council_button, Qt.MouseButton.LeftButton)

    assert dialogs.offered_texts == ["", "   ", typed]
    assert "höchstens 200 Zeichen" in dialogs.asked_texts[-1]
    assert dialogs.asked_texts[-1].endswith("\nName des neuen Gremiums:")
    assert dialogs.warnings() == []
    assert [c.name for c in services.settings.councils()] == ["Rat"]
    dialogs.texts = ["Jugendforum Digitales"]
    qtbot.mouseClick(window.settings_page.new_council_button, Qt.MouseButton.LeftButton)
    assert "Jugendforum Digitales" in [c.name for c in services.settings.councils()]


def test_a_field_in_use_cannot_be_deleted_but_an_unused_one_can(
    make_window, services, dialogs, today
):
    window, council = _window_with_council(make_window, services)
    fields = services.settings.action_fields(council.id)
    services.members.save(
        council.id,
        Member(id=None, given_name="Anna", family_name="Berg", primary_field_id=fields[0].id),
        today,
    )
    buttons = window.settings_page.field_buttons
    view = window.settings_page.fields_view

    view.selectRow(0)
    buttons.delete_button.click()
    assert "wird noch verwendet" in dialogs.warnings()[0]
    view.selectRow(3)
    buttons.delete_button.click()

    names = [f.name for f in services.settings.action_fields(council.id)]
    assert names == ["Moderne Verwaltung", "Soziale Stadt", "Stadtdaten"]


def test_entf_in_the_action_fields_deletes_the_selected_one_after_asking(
    make_window, services, dialogs, qtbot
):
    """Another city drops one of the four proposed fields from the keyboard: Entf as
    "Löschen …", as in the members' list; it did nothing (found by a tester)."""
    window, council = _window_with_council(make_window, services)
    view = window.settings_page.fields_view
    view.selectRow(3)

    qtbot.keyClick(view, Qt.Key.Key_Delete)

    assert dialogs.messages[-1][0] == "question"
    names = [f.name for f in services.settings.action_fields(council.id)]
    assert names == ["Moderne Verwaltung", "Soziale Stadt", "Stadtdaten"]


def test_action_fields_model_passes_the_model_tester(make_window, services, qtmodeltester):
    window, _council = _window_with_council(make_window, services)
    qtmodeltester.check(window.settings_page.fields_model)


def test_enter_in_a_field_saves_the_council_as_the_default_button_says(
    make_window, services, qtbot
):
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    page.council_form.council_fields.city_edit.clear()
    qtbot.keyClicks(page.council_form.council_fields.city_edit, "Wismar")

    qtbot.keyClick(page.council_form.council_fields.city_edit, Qt.Key.Key_Return)

    assert page.saved_label.text() == "Gespeichert."
    assert services.settings.settings(council.id).city == "Wismar"


def test_enter_in_a_phrase_does_not_save_the_council(make_window, services, qtbot):
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    page.council_form.council_fields.city_edit.clear()
    qtbot.keyClicks(page.council_form.council_fields.city_edit, "Wismar")  # typed, not saved

    qtbot.keyClick(page.phrases.label_edit, Qt.Key.Key_Return)

    assert services.settings.settings(council.id).city == "Rostock"


def test_each_added_action_field_gets_a_colour_of_its_own(make_window, services, dialogs):
    """Görlitz starts with three fields and adds two: the fifth got the first field's
    blue, the palette having only Rostock's four colours; the composition panel and the
    charts then showed two fields alike (found by a tester)."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Digitalbeirat der Stadt Görlitz", city="Görlitz"),
        action_fields=[
            ("Digitale Verwaltung", "#1f77b4"),
            ("Grüne Stadt & Klimaschutz", "#d62728"),
            ("Bürgerbeteiligung & Öffnung", "#2ca02c"),
        ],
    )
    window = make_window()
    window.show_area(window.settings_page)
    dialogs.texts = ["Bildung", "Kultur & Tourismus", "Wirtschaft"]

    for _ in range(3):
        window.settings_page.field_buttons.add_button.click()

    colours = [f.colour.casefold() for f in services.settings.action_fields(council.id)]
    assert len(colours) == 6
    assert len(set(colours)) == 6


def test_the_prefix_of_the_recommendation_codes_is_a_setting(make_window, services):
    """(found by a tester) Görlitz's Digitalbeirat had no way to number its
    recommendations "DB-2026-01"; every council's were "E-…"."""
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    assert page.council_form.council_fields.prefix_edit.text() == "E"

    page.council_form.council_fields.prefix_edit.setText("D B")
    page.save_button.click()
    assert "Großbuchstaben" in page.council_form.errors.message("recommendation_prefix")
    assert services.settings.settings(council.id).recommendation_prefix == "E"

    page.council_form.council_fields.prefix_edit.setText("db")
    page.save_button.click()
    assert services.settings.settings(council.id).recommendation_prefix == "DB"
    assert page.council_form.council_fields.prefix_edit.text() == "DB"


def test_the_titles_of_chair_and_vice_chair_are_settings(make_window, services):
    """(found by a tester) A council whose rules speak of a "Sprecher*in" had no way to say
    so; every list and document said "Vorsitz" and "Stellvertretung"."""
    window, council = _window_with_council(make_window, services)
    fields = window.settings_page.council_form.council_fields
    page = window.settings_page
    assert (fields.chair_title_edit.text(), fields.vice_chair_title_edit.text()) == (
        "Vorsitz",
        "Stellv. Vorsitz",
    )
    assert fields.chair_title_edit.maxLength() == 60

    fields.chair_title_edit.setText("   ")
    page.save_button.click()
    assert "wie der Vorsitz heißt" in page.council_form.errors.message("chair_title")
    assert services.settings.settings(council.id).chair_title == "Vorsitz"

    fields.chair_title_edit.setText("Sprecher*in 🙂")
    fields.vice_chair_title_edit.setText("sprecher*in 🙂")
    page.save_button.click()
    assert "verschiedene Bezeichnungen" in page.council_form.errors.message("vice_chair_title")

    fields.vice_chair_title_edit.setText(" & < \" ' Stellv. ")
    page.save_button.click()
    saved = services.settings.settings(council.id)
    assert (saved.chair_title, saved.vice_chair_title) == ("Sprecher*in 🙂", "& < \" ' Stellv.")
    assert fields.vice_chair_title_edit.text() == "& < \" ' Stellv."


def test_the_secretariats_e_mail_address_is_a_setting_checked_beside_its_field(
    make_window, services
):
    window, council = _window_with_council(make_window, services)
    page = window.settings_page
    edit = page.council_form.profile_fields.secretariat_email_edit
    assert (edit.text(), edit.maxLength()) == ("", 320)

    edit.setText("Geschäftsstelle <gs@rostock.de>")
    page.save_button.click()
    assert "„gs@rostock.de“" in page.council_form.errors.message("secretariat_email")
    assert edit.text() == "Geschäftsstelle <gs@rostock.de>"  # kept to be mended
    assert services.settings.settings(council.id).secretariat_email == ""

    edit.setText(" gs@rostock.de ")
    page.save_button.click()
    assert services.settings.settings(council.id).secretariat_email == "gs@rostock.de"
    assert not page.council_form.errors.message("secretariat_email")
