"""Einstellungen: a standard phrase or agenda template typed but not saved is never dropped
silently. Switching area or council, or closing, asks first ("Nein" stays, "Ja" drops it),
and a refresh for another program's change waits until it is saved or dropped."""

from __future__ import annotations

from dataclasses import replace

import pytest

from expertenrat.domain.councils import CouncilSettings
from tests.ui.settling import exposed

TYPED = "Getippt & <nicht> gespeichert „Zoë“ 🚀"


@pytest.fixture
def window(make_window, services):
    """The window on the Einstellungen of the first of two councils."""
    for name in ("Expert*innenrat", "Smarte Köpfe"):
        services.settings.create_council(CouncilSettings(id=None, name=name, city="Rostock"))
    window = make_window()
    window.show()
    window.show_area(window.settings_page)
    return window


def _questions(dialogs) -> list[str]:
    return [title for kind, title, _text in dialogs.messages if kind == "question"]


def test_a_typed_phrase_asks_before_another_area_nein_stays_ja_drops(window, services, dialogs):
    page, council_id = window.settings_page, window.current_council_id()
    editor = page.phrases
    editor.view.selectRow(0)
    stored = editor.selected()
    editor.text_edit.setPlainText(TYPED)

    dialogs.answer_yes = False
    window.show_area(window.members_page)
    assert _questions(dialogs) == ["Textbaustein nicht gespeichert"]
    assert f"„{stored.label}“" in dialogs.messages[-1][2]
    assert window.stack.currentWidget() is page
    assert window.sidebar.currentRow() == window.row_of(page)
    assert editor.text_edit.toPlainText() == TYPED

    dialogs.answer_yes = True
    window.show_area(window.members_page)
    assert window.stack.currentWidget() is window.members_page
    assert window.sidebar.currentRow() == window.row_of(window.members_page)
    assert editor.text_edit.toPlainText() == stored.text  # dropped, not saved
    assert editor.selected() == stored
    assert services.text_templates.templates(council_id)[0] == stored

    window.show_area(page)
    editor.view.selectRow(0)
    editor.text_edit.setPlainText(TYPED)
    editor.save_button.click()
    window.show_area(window.members_page)  # saved: nothing to ask
    assert len(_questions(dialogs)) == 2
    assert services.text_templates.templates(council_id)[0].text == TYPED


def test_a_new_template_typed_asks_before_another_council(window, services, dialogs):
    page = window.settings_page
    first, second = (c.id for c in services.settings.councils())
    editor = page.agenda_templates
    editor.new_button.click()
    editor.title_edit.setText(TYPED)

    dialogs.answer_yes = False
    window.council_combo.setCurrentIndex(1)
    assert _questions(dialogs) == ["Vorlage nicht gespeichert"]
    assert "neue Vorlage" in dialogs.messages[-1][2]
    assert window.current_council_id() == first
    assert editor.title_edit.text() == TYPED

    dialogs.answer_yes = True
    window.council_combo.setCurrentIndex(1)
    assert window.current_council_id() == second
    assert page.council_form.council_fields.name_edit.text() == "Smarte Köpfe"
    assert editor.title_edit.text() == "" and not page.has_unsaved_changes()
    assert TYPED not in [t.title for t in services.agenda_templates.templates(first)]


def test_closing_asks_about_each_typed_form_in_turn(window, services, dialogs):
    page, council_id = window.settings_page, window.current_council_id()
    page.council_form.council_fields.city_edit.setText("Lübeck")
    page.agenda_templates.view.selectRow(0)
    page.agenda_templates.minutes_spin.setValue(55)
    page.phrases.new_button.click()
    page.phrases.label_edit.setText("Neu")

    dialogs.answer_yes = False
    window.close()
    assert window.isVisible()
    assert _questions(dialogs) == ["Einstellungen nicht gespeichert"]

    dialogs.answer_yes = True
    window.close()
    assert _questions(dialogs)[1:] == [
        "Einstellungen nicht gespeichert",
        "Vorlage nicht gespeichert",
        "Textbaustein nicht gespeichert",
    ]
    assert not window.isVisible()
    assert services.settings.settings(council_id).city == "Rostock"
    assert services.agenda_templates.templates(council_id)[0].planned_minutes != 55
    assert "Neu" not in [t.label for t in services.text_templates.templates(council_id)]


def test_nein_on_a_later_form_stays_with_its_text(window, dialogs):
    page = window.settings_page
    page.council_form.council_fields.city_edit.setText("Lübeck")
    page.phrases.view.selectRow(1)
    page.phrases.label_edit.setText(TYPED)
    dialogs.answers = [True, False]

    window.show_area(window.members_page)
    assert _questions(dialogs) == [
        "Einstellungen nicht gespeichert",
        "Textbaustein nicht gespeichert",
    ]
    assert window.stack.currentWidget() is page
    assert page.council_form.council_fields.city_edit.text() == "Rostock"  # "Ja": dropped
    assert page.phrases.label_edit.text() == TYPED  # "Nein": stays


def test_a_refresh_waits_for_a_typed_phrase_and_rereads_the_page_once_it_is_saved(
    window, other_program, qtbot
):
    page, council_id = window.settings_page, window.current_council_id()
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)  # the cursor is in none of the page's fields
    page.phrases.view.selectRow(0)
    page.phrases.text_edit.setPlainText(TYPED)
    other_program.text_templates.update(
        replace(other_program.text_templates.templates(council_id)[1], label="Von drüben")
    )
    template = other_program.agenda_templates.templates(council_id)[0]
    other_program.agenda_templates.update(replace(template, planned_minutes=33))

    assert page.has_unsaved_changes()
    assert not window.refresh_when_safe(
        other_program.settings.councils()
    )  # the change watch tries again later
    assert page.agenda_templates.model.templates()[0].planned_minutes != 33

    page.phrases.save_button.click()
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    assert window.refresh_when_safe(other_program.settings.councils())
    assert page.agenda_templates.model.templates()[0].planned_minutes == 33
    assert [t.label for t in page.phrases.model.templates()][1] == "Von drüben"
    assert page.phrases.selected().text == TYPED


def test_verwerfen_drops_the_typed_settings_but_not_a_typed_phrase(window):
    page = window.settings_page
    page.council_form.council_fields.city_edit.setText("Lübeck")
    page.phrases.new_button.click()
    page.phrases.label_edit.setText(TYPED)

    page.revert_button.click()
    assert page.council_form.council_fields.city_edit.text() == "Rostock"
    assert page.phrases.label_edit.text() == TYPED
    assert page.has_unsaved_changes()


def test_choosing_another_phrase_with_typed_text_asks_nein_keeps_row_ja_shows_it(
    window, services, dialogs
):
    council_id = window.current_council_id()
    editor = window.settings_page.phrases
    first, second = services.text_templates.templates(council_id)[:2]
    editor.view.selectRow(0)
    editor.text_edit.setPlainText(TYPED)

    dialogs.answer_yes = False
    editor.view.selectRow(1)
    assert _questions(dialogs) == ["Textbaustein nicht gespeichert"]
    assert f"„{first.label}“" in dialogs.messages[-1][2]
    assert editor.selected() == first  # the row being edited is selected again
    assert editor.text_edit.toPlainText() == TYPED and editor.has_typed_input()

    dialogs.answer_yes = True
    editor.view.selectRow(1)
    assert len(_questions(dialogs)) == 2
    assert editor.selected() == second
    assert editor.label_edit.text() == second.label
    assert editor.text_edit.toPlainText() == second.text
    assert services.text_templates.templates(council_id)[0] == first  # nothing saved


def test_neu_with_a_typed_template_asks_nein_keeps_it_ja_empties_the_form(
    window, services, dialogs
):
    council_id = window.current_council_id()
    editor = window.settings_page.agenda_templates
    stored = services.agenda_templates.templates(council_id)[0]
    editor.view.selectRow(0)
    editor.title_edit.setText(TYPED)

    dialogs.answer_yes = False
    editor.new_button.click()
    assert _questions(dialogs) == ["Vorlage nicht gespeichert"]
    assert editor.selected() == stored
    assert editor.title_edit.text() == TYPED

    dialogs.answer_yes = True
    editor.new_button.click()
    assert editor.selected() is None
    assert editor.title_edit.text() == "" and not editor.has_typed_input()
    assert services.agenda_templates.templates(council_id)[0] == stored

    editor.title_edit.setText("Neu getippt")  # a new one typed: "Neu" again asks too
    dialogs.answer_yes = False
    editor.new_button.click()
    assert _questions(dialogs)[-1] == "Vorlage nicht gespeichert"
    assert "neue Vorlage" in dialogs.messages[-1][2]
    assert editor.title_edit.text() == "Neu getippt"


def test_moving_a_phrase_keeps_its_typed_text(window, services, dialogs):
    council_id = window.current_council_id()
    editor = window.settings_page.phrases
    first = services.text_templates.templates(council_id)[0]
    editor.view.selectRow(0)
    editor.text_edit.setPlainText(TYPED)

    editor.down_button.click()
    assert services.text_templates.templates(council_id)[1].id == first.id
    assert editor.selected().id == first.id
    assert editor.text_edit.toPlainText() == TYPED and editor.has_typed_input()
    editor.save_button.click()
    assert services.text_templates.templates(council_id)[1].text == TYPED
    assert _questions(dialogs) == []


def test_the_lists_say_what_is_new_and_show_every_row_the_page_scrolls_instead(
    window, services, qtbot
):
    """One wording for adding, as on the other pages ("Neues Mitglied …"); each list as
    high as its rows, so that the page scrolls and no list scrolls inside it."""
    page = window.settings_page
    window.resize(1280, 800)
    exposed(window)
    assert page.field_buttons.add_button.text() == "Neues Handlungsfeld …"
    assert page.agenda_templates.new_button.text() == "Neue Vorlage"
    assert page.phrases.new_button.text() == "Neuer Baustein"

    council_id = window.current_council_id()
    assert len(services.text_templates.templates(council_id)) >= 10
    for view in (page.fields_view, page.agenda_templates.view, page.phrases.view):
        rows = view.model().rowCount()
        assert rows >= 4
        assert view.verticalScrollBar().maximum() == 0  # nothing hidden below
        assert view.rowViewportPosition(rows - 1) + view.rowHeight(rows - 1) <= (
            view.viewport().height()
        )

    editor = page.phrases
    editor.new_button.click()
    editor.label_edit.setText("Noch einer")
    editor.text_edit.setPlainText("Ein weiterer Baustein.")
    editor.save_button.click()
    view = editor.view
    rows = view.model().rowCount()
    assert view.rowViewportPosition(rows - 1) + view.rowHeight(rows - 1) <= (
        view.viewport().height()
    )


def test_deleting_a_phrase_selects_the_next_one_and_the_last_its_predecessor(
    window, services, dialogs
):
    """After "Löschen …" the keyboard keeps its place: the row after the deleted one is
    selected and shown in the form (the form went blank, as for a new phrase; found by a
    tester); deleting the last row selects the one before."""
    council_id = window.current_council_id()
    editor = window.settings_page.phrases
    phrases = services.text_templates.templates(council_id)
    assert len(phrases) >= 3
    editor.view.selectRow(0)
    editor.delete_button.click()
    assert [t.id for t in services.text_templates.templates(council_id)] == [
        t.id for t in phrases[1:]
    ]
    assert editor.selected().id == phrases[1].id
    assert editor.text_edit.toPlainText() == phrases[1].text

    editor.view.selectRow(len(phrases) - 2)
    editor.delete_button.click()
    assert editor.selected().id == phrases[-2].id
    assert editor.text_edit.toPlainText() == phrases[-2].text
