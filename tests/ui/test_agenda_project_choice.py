"""The agenda item's project after ten years: 150 projects, most finished (found by a tester:
all of them in one list, finished ones unmarked among the running ones, no way to type)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind, MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.projects import Project
from expertenrat.services.project_choices import ProjectChoice
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.agenda_item_form import AgendaItemForm

# As the service offers them: the running ones first, then the finished ones.
RUNNING = [ProjectChoice(n, f"Projekt {n:03d}") for n in range(1, 40)] + [
    ProjectChoice(149, "Klimasensoren Südstadt")
]
FINISHED = [ProjectChoice(n, f"Altprojekt {n:03d}", ended=True) for n in range(40, 149)] + [
    ProjectChoice(150, "Ampeln Südstadt", ended=True)
]


def shown_form(qtbot, item: AgendaItem) -> AgendaItemForm:
    form = AgendaItemForm()
    qtbot.addWidget(form)
    form.set_choices(RUNNING + FINISHED, [], [])
    form.set_item(item)
    form.show()
    return form


def found(form: AgendaItemForm) -> list[str]:
    model = form.project_combo.completer().completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_finished_project_is_marked_and_still_shown_where_linked(qtbot):
    form = shown_form(qtbot, AgendaItem(1, "Rückblick", project_id=150, project_title="Ampeln"))
    combo = form.project_combo

    assert combo.currentText() == "Ampeln Südstadt (abgeschlossen)"
    assert form.item().project_id == 150
    assert form.item().project_title == "Ampeln Südstadt"  # the tree shows the title alone
    assert combo.itemText(1) == "Projekt 001"
    assert combo.itemText(len(RUNNING) + 1) == "Altprojekt 040 (abgeschlossen)"
    assert not form.is_dirty()


def test_the_words_typed_find_the_project_and_enter_picks_the_one_found(qtbot):
    form = shown_form(qtbot, AgendaItem(1, "Beratung"))
    combo = form.project_combo
    edits: list[None] = []
    form.edited.connect(lambda: edits.append(None))
    combo.setFocus()
    combo.lineEdit().selectAll()

    qtbot.keyClicks(combo.lineEdit(), "sudstadt")  # accents and case aside
    assert found(form) == ["Klimasensoren Südstadt", "Ampeln Südstadt (abgeschlossen)"]
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "SÜDSTADT klima")  # any order
    assert found(form) == ["Klimasensoren Südstadt"]
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)

    assert form.item().project_id == 149
    assert combo.currentText() == "Klimasensoren Südstadt"
    assert edits and form.is_dirty()  # a pick as from the list


def test_a_found_project_is_picked_with_the_arrow_keys(qtbot):
    form = shown_form(qtbot, AgendaItem(1, "Beratung"))
    combo = form.project_combo
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "projekt 01")
    popup = combo.completer().popup()
    assert found(form)[:2] == ["Projekt 001", "Projekt 010"]

    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert form.item().project_id == 10
    assert combo.currentText() == "Projekt 010"


def test_text_that_names_no_project_is_put_back_when_the_box_is_left(qtbot):
    form = shown_form(qtbot, AgendaItem(1, "Beratung", project_id=7, project_title="x"))
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    combo = form.project_combo
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "gibt es nicht")

    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Tab)  # on to "Geplante Dauer"

    assert form.focusWidget() is form.minutes_spin

    assert combo.currentText() == "Projekt 007"
    assert form.item().project_id == 7
    assert not form.is_dirty()


def test_words_typed_and_enter_link_the_project_found_and_store_the_item(
    qtbot, services, dialogs, council_id
):
    """In the Tagesordnung tab: Enter picks the one project found and stores the item, as
    Enter does in the form's one-line fields; a finished project linked before shows."""
    field = services.settings.action_fields(council_id)[0]
    for title in ("Radwege Nord", "Radwege Süd", "Ampeln"):
        services.projects.create(council_id, Project(None, title, action_field_id=field.id))
    ended = next(
        e.project for e in services.projects.projects(council_id) if e.project.title == "Ampeln"
    )
    services.projects.close(ended)
    start = datetime(2026, 12, 8, 16, tzinfo=ZoneInfo("Europe/Berlin"))
    meeting = services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    services.agenda.add(meeting, AgendaItem(0, "Rückblick", project_id=ended.id))
    editor = AgendaEditor(services, dialogs)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_meeting(meeting)
    editor.view.setCurrentIndex(editor.model.index(editor.model.rowCount() - 1, 0))
    assert editor.form.project_combo.currentText() == "Ampeln (abgeschlossen)"
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)

    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)
    combo = editor.form.project_combo
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo, "sud rad")
    qtbot.keyClick(combo, Qt.Key.Key_Return)

    added = services.agenda.agenda(meeting).items[-1]
    assert (added.kind, added.project_title) == (AgendaItemKind.CONSULTATION, "Radwege Süd")
