"""Einstellungen follows changes that another program made on the same SQLite file: the shown
council's settings, action fields, phrases and agenda templates are reread (selection kept)
unless the form holds unsaved input, which stays and, when saved, meets the merge of both
versions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QImage

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MinutesStyle
from expertenrat.services.context import Services
from expertenrat.ui.settings_logo import png_bytes

HOSTILE = "Rat & <Beirat> „Zoë“ 🚀"


@pytest.fixture
def shown(make_window, services, qtbot):
    """The window on the Einstellungen of "Rat", the second phrase and template selected,
    the cursor outside the page's text fields."""
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show()
    window.show_area(window.settings_page)
    page = window.settings_page
    page.phrases.view.selectRow(1)
    page.agenda_templates.view.selectRow(1)
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    return window, page, council


def _logo() -> bytes:
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    return png_bytes(image)


def _change_everything(other: Services, council_id: int) -> None:
    settings = other.settings.settings(council_id)
    other.settings.update_settings(
        replace(
            settings,
            name=HOSTILE,
            city="Güstrow",
            logo_png=_logo(),
            max_members=12,
            notice_period_days=10,
            minutes_style=MinutesStyle.COURSE,
            website="https://example.org/rat",
            secretariat="Geschäftsstelle Smart City",
        )
    )
    other.settings.add_action_field(council_id, "Energie & Klima", "#123456")
    phrase = other.text_templates.templates(council_id)[1]
    other.text_templates.update(replace(phrase, text="Neuer Text & <mehr>"))
    template = other.agenda_templates.templates(council_id)[1]
    other.agenda_templates.update(replace(template, planned_minutes=25))


def test_settings_changed_elsewhere_show_at_the_next_refresh_selection_kept(
    shown, other_program, qtbot
):
    window, page, council = shown
    fields = page.council_form.council_fields
    _change_everything(other_program, council.id)

    assert window.refresh_when_safe(other_program.settings.councils())

    assert (fields.name_edit.text(), fields.city_edit.text()) == (HOSTILE, "Güstrow")
    assert (fields.max_spin.value(), fields.notice_spin.value()) == (12, 10)
    assert page.council_form.minutes_fields.style_combo.currentData() == MinutesStyle.COURSE.value
    assert page.council_form.profile_fields.website_edit.text() == "https://example.org/rat"
    assert page.council_form.profile_fields.secretariat_edit.text() == "Geschäftsstelle Smart City"
    assert fields.logo.remove_button.isEnabled() and not fields.logo.preview.pixmap().isNull()
    assert page.fields_model.fields()[-1].name == "Energie & Klima"
    assert page.phrases.selected().id == other_program.text_templates.templates(council.id)[1].id
    assert page.phrases.text_edit.toPlainText() == "Neuer Text & <mehr>"
    assert page.agenda_templates.minutes_spin.value() == 25
    assert not page.has_unsaved_changes()
    assert window.sidebar.hasFocus()  # the refresh put the cursor nowhere
    assert window.council_combo.currentText() == f"{HOSTILE} (Güstrow)"

    # Saved now, nothing of the other program's change is lost.
    fields.response_spin.setValue(3)
    page.save_button.click()
    stored = other_program.settings.settings(council.id)
    assert (stored.name, stored.notice_period_days, stored.response_period_months) == (
        HOSTILE, 10, 3,
    )  # fmt: skip


def test_unsaved_input_stays_and_saving_it_meets_the_other_version(
    shown, other_program, dialogs, qtbot
):
    window, page, council = shown
    fields = page.council_form.council_fields
    fields.city_edit.setText("Lübeck")
    page.phrases.text_edit.setPlainText("getippt, nicht gespeichert")
    _change_everything(other_program, council.id)

    assert not window.refresh_when_safe(
        other_program.settings.councils()
    )  # the window waits for the typed settings
    page.refresh()  # as on showing the page
    assert (fields.name_edit.text(), fields.city_edit.text()) == ("Rat", "Lübeck")
    assert fields.notice_spin.value() == 7
    assert page.phrases.text_edit.toPlainText() == "getippt, nicht gespeichert"
    assert page.agenda_templates.minutes_spin.value() == 25  # no typing there: reread
    assert page.fields_model.fields()[-1].name == "Energie & Klima"

    page.save_button.click()
    rows = {
        name: (mine.text(), theirs.text())
        for name, (mine, theirs) in page.saving.merge_dialog.choices.items()
    }
    assert rows["city"] == ("Lübeck", "Güstrow")
    assert rows["notice_period_days"] == ("7", "10")
    assert other_program.settings.settings(council.id).city == "Güstrow"  # not overwritten


def test_a_disabled_button_hands_the_cursor_to_the_list_not_to_the_form(
    shown, other_program, services, qtbot
):
    """Deleting a phrase (here or elsewhere) leaves the cursor in the list: in the form's
    text field it would hold back every later refresh."""
    window, page, council = shown
    editor = page.phrases
    editor.delete_button.setFocus()
    qtbot.waitUntil(editor.delete_button.hasFocus)
    other_program.text_templates.delete(editor.selected())

    assert window.refresh_when_safe(other_program.settings.councils())
    assert editor.selected() is None and not editor.delete_button.isEnabled()
    assert editor.view.hasFocus()

    editor.view.selectRow(0)
    editor.delete_button.setFocus()
    qtbot.waitUntil(editor.delete_button.hasFocus)
    editor.delete_button.click()  # the scripted question says yes
    assert len(services.text_templates.templates(council.id)) == editor.model.rowCount()
    assert editor.view.hasFocus()


def test_a_move_in_a_list_another_pc_reordered_meanwhile_leaves_its_order_and_says_so(
    shown, other_program, dialogs
):
    """Both PCs showed the same order; the other one moved "Umwelt" up first. The move
    here, made from the old order, would put it back silently: it is refused, and the
    list shows the order as it is now."""
    _window, page, council = shown
    fields = other_program.settings.action_fields(council.id)
    theirs = [f.id for f in fields]
    theirs[2], theirs[3] = theirs[3], theirs[2]
    other_program.settings.reorder_action_fields(council.id, theirs)
    page.fields_view.selectRow(1)  # "Soziale Stadt", as this page still shows it

    page.field_buttons.up_button.click()

    assert dialogs.warnings() == [
        "Die Handlungsfelder wurden inzwischen geändert. Bitte laden Sie neu."
    ]
    assert [f.id for f in page.fields_model.fields()] == theirs
    assert [f.id for f in other_program.settings.action_fields(council.id)] == theirs
    assert page.field_buttons.selected().name == "Soziale Stadt"


def test_a_move_of_an_agenda_template_another_pc_reordered_meanwhile_is_refused(
    shown, other_program
):
    _window, page, council = shown
    templates = other_program.agenda_templates.templates(council.id)
    theirs = [t.id for t in templates]
    theirs[2], theirs[3] = theirs[3], theirs[2]
    other_program.agenda_templates.reorder(council.id, theirs)
    editor = page.agenda_templates  # the second template is selected

    editor.up_button.click()

    assert "inzwischen geändert" in editor.errors.general.text()
    assert [t.id for t in editor.model.templates()] == theirs
    assert [t.id for t in other_program.agenda_templates.templates(council.id)] == theirs
