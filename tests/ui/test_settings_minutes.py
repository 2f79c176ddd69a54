"""Einstellungen: the minutes settings and the standard phrases, driven like a user."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QWidget

from expertenrat.domain.agenda_templates import STANDARD_TEMPLATES
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AgendaItemKind, MinutesApproval, MinutesStyle
from expertenrat.domain.text_templates import DEFAULT_PHRASES
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.settings_minutes import MinutesSettingsFields, PhrasesEditor
from tests.ui.wheeling import fields_the_wheel_changed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""


def _page(make_window, services):
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show_area(window.settings_page)
    return window.settings_page, council


def _labels(page) -> list[str]:
    return [t.label for t in page.phrases.model.templates()]


def test_minutes_settings_are_saved_with_the_council(make_window, services, qtbot) -> None:
    page, council = _page(make_window, services)
    fields = page.council_form.minutes_fields
    fields.style_combo.setCurrentIndex(fields.style_combo.findData(MinutesStyle.COURSE.value))
    fields.approval_combo.setCurrentIndex(
        fields.approval_combo.findData(MinutesApproval.OBJECTIONS.value)
    )
    fields.objection_spin.setValue(21)
    assert page.has_unsaved_changes()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    saved = services.settings.settings(council.id)
    assert (saved.minutes_style, saved.minutes_approval, saved.objection_period_days) == (
        MinutesStyle.COURSE, MinutesApproval.OBJECTIONS, 21,
    )  # fmt: skip
    assert fields.style_combo.currentText() == "Verlaufsprotokoll"


def test_phrases_are_listed_added_edited_moved_and_deleted(
    make_window, services, dialogs, qtbot
) -> None:
    page, council = _page(make_window, services)
    editor = page.phrases
    assert _labels(page) == [label for label, _text in DEFAULT_PHRASES]
    assert editor.model.index(0, PhrasesEditor.STRETCH_COLUMN).data() == (
        "Der Rat nimmt den Bericht zur Kenntnis."  # the council is called "Rat"
    )

    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.label_edit.setText("Eigener & <Baustein>")
    editor.text_edit.setPlainText(f"{HOSTILE}\nZweite Zeile")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert _labels(page)[-1] == "Eigener & <Baustein>"
    assert editor.selected().text == f"{HOSTILE}\nZweite Zeile"

    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert _labels(page)[-2] == "Eigener & <Baustein>"
    assert editor.selected().label == "Eigener & <Baustein>"

    editor.view.selectRow(0)
    assert editor.label_edit.text() == DEFAULT_PHRASES[0][0]
    editor.text_edit.setPlainText("Zur Kenntnis genommen.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert services.text_templates.templates(council.id)[0].text == "Zur Kenntnis genommen."

    editor.view.selectRow(1)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert dialogs.messages[-1][0] == "question"
    assert DEFAULT_PHRASES[1][0] not in _labels(page)
    assert [t.label for t in services.text_templates.templates(council.id)] == _labels(page)


def test_an_empty_phrase_shows_the_problem_beside_the_field(make_window, services, qtbot) -> None:
    page, _council = _page(make_window, services)
    editor = page.phrases
    count = len(_labels(page))
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.label_edit.setText("Ohne Text")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("text") == "Bitte geben Sie den Text des Bausteins ein."
    assert len(_labels(page)) == count


def test_agenda_templates_are_edited_beside_the_phrases(make_window, services, qtbot) -> None:
    page, council = _page(make_window, services)
    editor = page.agenda_templates
    assert [t.title for t in editor.model.templates()] == [t.title for t in STANDARD_TEMPLATES]

    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("title") == "Bitte geben Sie einen Titel für den Punkt an."

    editor.title_edit.setText(HOSTILE)
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(AgendaItemKind.CONSULTATION))
    editor.public_check.setChecked(False)
    editor.minutes_spin.setValue(40)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)

    offered = services.agenda.templates(council.id)
    assert offered[len(STANDARD_TEMPLATES) - 1] == editor.selected()
    assert (offered[-2].title, offered[-2].kind, offered[-2].public) == (
        HOSTILE, AgendaItemKind.CONSULTATION, False,
    )  # fmt: skip


def test_only_neu_puts_the_cursor_into_a_template_form(make_window, services, qtbot) -> None:
    """Rereading on a council switch leaves the cursor alone (in a text field it would hold
    back every refresh for another PC's change)."""
    page, council = _page(make_window, services)
    window = page.window()
    window.show()
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus, timeout=WAIT)
    page.set_council(council.id)
    assert window.sidebar.hasFocus()
    for editor, field in ((page.phrases, "label_edit"), (page.agenda_templates, "title_edit")):
        qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
        assert getattr(editor, field).hasFocus()


def test_tab_leaves_a_phrase_text_instead_of_typing_a_tab(make_window, services, qtbot) -> None:
    page, _council = _page(make_window, services)
    window = page.window()
    window.show()
    editor = page.phrases
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.text_edit.setFocus()
    qtbot.waitUntil(editor.text_edit.hasFocus, timeout=WAIT)

    qtbot.keyClicks(editor.text_edit, "Vertagt")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Tab)

    assert editor.text_edit.toPlainText() == "Vertagt"
    assert not editor.text_edit.hasFocus()  # no trap: on to the next field


def test_a_phrase_pasted_from_a_pdf_is_saved_without_its_invisible_hyphens(
    make_window, services, qtbot
) -> None:
    """Kept, a soft hyphen made the phrase impossible to save ("enthält ein unsichtbares
    Steuerzeichen"), and nobody could see where."""
    page, _council = _page(make_window, services)
    editor = page.phrases
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.label_edit.setText("Aus dem PDF")
    editor.text_edit.setFocus()
    QApplication.clipboard().setText("Der Rat begrüßt die Digitali\u00adsierung.")

    QTest.keyClick(editor.text_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert _labels(page)[-1] == "Aus dem PDF"
    assert editor.selected().text == "Der Rat begrüßt die Digitalisierung."


def test_a_phrase_changed_on_another_pc_keeps_what_was_typed_here(
    make_window, services, other_program, qtbot
) -> None:
    """Found by a tester: the refused save emptied the form, the typed phrase was gone."""
    page, council = _page(make_window, services)
    editor = page.phrases
    editor.view.selectRow(0)
    stored = other_program.text_templates.templates(council.id)[0]
    other_program.text_templates.update(replace(stored, text="Vom anderen Arbeitsplatz"))
    typed = "\n".join([f"{HOSTILE} – mein Baustein"] * 20)
    editor.text_edit.setPlainText(typed)

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert editor.errors.general.text() == (
        "Der Textbaustein wurde inzwischen von jemand anderem geändert. Die Liste zeigt die "
        "gespeicherte Fassung; Ihre Eingaben stehen noch im Formular: „Speichern“ speichert "
        "sie."
    )
    assert editor.selected().text == "Vom anderen Arbeitsplatz"  # the list: as stored
    assert editor.text_edit.toPlainText() == typed
    assert editor.label_edit.text() == stored.label
    assert page.has_unsaved_changes()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # the change repeated

    assert services.text_templates.templates(council.id)[0].text == typed


def test_a_phrase_deleted_on_another_pc_keeps_what_was_typed_as_a_new_one(
    make_window, services, other_program, qtbot
) -> None:
    page, council = _page(make_window, services)
    editor = page.phrases
    editor.view.selectRow(0)
    stored = other_program.text_templates.templates(council.id)[0]
    other_program.text_templates.delete(stored)
    editor.text_edit.setPlainText("Mein Text & <mehr>")

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert editor.errors.general.text().endswith(
        "Ihre Eingaben stehen noch im Formular: „Speichern“ speichert sie."
    )
    assert editor.text_edit.toPlainText() == "Mein Text & <mehr>"
    assert editor.selected() is None  # no longer listed: the form holds a new phrase
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = services.text_templates.templates(council.id)[-1]
    assert (saved.label, saved.text) == (stored.label, "Mein Text & <mehr>")


def test_a_new_title_of_the_chair_shows_in_the_phrases_at_once(
    make_window, services, qtbot
) -> None:
    page, _council = _page(make_window, services)
    editor = page.phrases
    opening = _labels(page).index("Eröffnung")
    assert (
        editor.model.index(opening, PhrasesEditor.STRETCH_COLUMN)
        .data()
        .startswith("Die/Der Vorsitzende eröffnet")
    )

    page.council_form.council_fields.chair_title_edit.setText("Sprecher*in")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert editor.model.index(opening, PhrasesEditor.STRETCH_COLUMN).data() == (
        "Die/Der Sprecher*in eröffnet die Sitzung und begrüßt die Anwesenden."
    )


def test_a_new_name_and_kind_of_the_council_show_in_the_phrases_at_once(
    make_window, services, qtbot
) -> None:
    page, _council = _page(make_window, services)
    editor = page.phrases

    page.council_form.council_fields.name_edit.setText("Smarte Köpfe")
    page.council_form.profile_fields.classification_combo.setCurrentText("Bürgerrat")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert editor.model.index(0, PhrasesEditor.STRETCH_COLUMN).data() == (
        "Der Bürgerrat nimmt den Bericht zur Kenntnis."
    )


def test_the_wheel_over_a_field_scrolls_the_settings(make_window, services) -> None:
    """The mouse wheel passing over "Protokollart", "Beschlussfähig bei", "Bundesland" …
    while the page scrolled chose their next entry, over "Höchstzahl Mitglieder", a
    "Frist", a period's start, an agenda template's "Geplante Dauer" or the years kept it
    stepped the number or date; only a focused field takes it."""
    page, _council = _page(make_window, services)

    assert fields_the_wheel_changed(page.scroll_area.widget()) == []
    assert not page.has_unsaved_changes()


def test_the_periods_show_none_for_zero_one_week_and_one_day_and_are_edited(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    form = QFormLayout(host)
    fields = MinutesSettingsFields(FormErrors(form), form)
    council = CouncilSettings(id=1, name="Rat", city="Rostock")

    fields.show(council)
    assert fields.draft_weeks_spin.text() == "4 Wochen"
    assert form.labelForField(fields.draft_weeks_spin.parentWidget()).text() == (
        "Protokollentwurf versenden binnen"
    )
    fields.draft_weeks_spin.setValue(0)
    assert fields.draft_weeks_spin.text() == "keine Frist"
    assert fields.edited(council).minutes_draft_weeks == 0
    fields.draft_weeks_spin.setValue(1)
    assert fields.draft_weeks_spin.text() == "1 Woche"  # not "1 Wochen" (found by a tester)
    fields.objection_spin.setValue(1)
    assert fields.objection_spin.text() == "1 Tag"
    fields.draft_weeks_spin.setValue(2)
    assert fields.edited(council).minutes_draft_weeks == 2
