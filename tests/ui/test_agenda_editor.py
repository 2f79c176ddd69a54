"""The agenda editor with pytest-qt: reorder with Alt+arrows and by a drop, live numbers and
time plan, the item form, read-only meetings and the flush protocol."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from merge_line import cancelling_the_merge_keeps_the_input
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtTest import QTest
from shiboken6 import isValid
from shown_agenda_editor import shown_agenda_editor

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.members import Member
from expertenrat.domain.projects import Project
from expertenrat.store import models
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.agenda_editor_view import BEGUN_HINT, INVITED_HINT
from expertenrat.ui.agenda_tree_model import AgendaTreeModel
from tests.ui.wheeling import fields_the_wheel_changed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "Radwege & <b>Ampeln</b> \"x\" 'y' 🚲 مشروع שלום"


@pytest.fixture
def make_meeting(services, council_id):
    """A meeting on 8 Dec 2026 at 16:00 with the standard opening items (the four of a
    meeting after another: the council met before, on 10 Nov)."""
    days = iter(range(0, 700, 7))
    first = datetime(2026, 11, 10, 16, tzinfo=BERLIN)
    services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, first, first + timedelta(hours=2), place="Rathaus"),
    )

    def make(state: MeetingState = MeetingState.PLANNED) -> int:
        start = datetime(2026, 12, 8, 16, tzinfo=BERLIN) + timedelta(days=next(days))
        draft = MeetingDraft(
            MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"
        )
        meeting_id = services.meetings.create(council_id, draft)
        services.agenda.add_opening_items(meeting_id)
        if state is not MeetingState.PLANNED:
            with services.database.transaction() as session:
                session.get(models.Meeting, meeting_id).state = state.value
        return meeting_id

    return make


@pytest.fixture
def editor(qtbot, services, dialogs) -> AgendaEditor:
    return shown_agenda_editor(qtbot, services, dialogs)


def shown(editor: AgendaEditor, column: int = AgendaTreeModel.TITLE) -> dict[str, str]:
    """Number → text of ``column`` as the tree shows it."""
    model = editor.model
    result = {}

    def visit(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            number = model.index(row, AgendaTreeModel.NUMBER, parent)
            result[number.data()] = model.index(row, column, parent).data()
            visit(number)

    visit(QModelIndex())
    return result


def select_number(editor: AgendaEditor, number: str) -> None:
    key = next(p.item.key for p in editor.model.placed() if p.number == number)
    editor.select(key)


def test_the_opening_items_are_shown_with_the_time_plan(editor, make_meeting):
    editor.set_meeting(make_meeting())

    assert shown(editor) == {
        "1": "Eröffnung",
        "2": "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit",
        "3": "Genehmigung der Tagesordnung",
        "4": "Genehmigung des Protokolls der letzten Sitzung",
    }
    assert list(shown(editor, AgendaTreeModel.START).values()) == [
        "16:00",
        "16:05",
        "16:10",
        "16:15",
    ]
    assert editor.end_label.text() == "Geplantes Ende: 16:20 Uhr (20 Minuten)"


def test_the_shown_columns_fit_and_the_title_takes_the_room_left(editor, make_meeting):
    editor.set_meeting(make_meeting())
    view, header = editor.view, editor.view.header()
    metrics = view.fontMetrics()
    title = "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit"
    assert view.columnWidth(AgendaTreeModel.TITLE) >= metrics.horizontalAdvance(title)
    assert header.length() <= view.viewport().width()  # no sideways scrolling
    shown_columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert shown_columns == [
        AgendaTreeModel.NUMBER,
        AgendaTreeModel.START,
        AgendaTreeModel.TITLE,
        AgendaTreeModel.PUBLIC,
    ]
    index = editor.model.index(1, AgendaTreeModel.TITLE)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == title  # whole where the column cuts it


def test_the_header_menu_shows_the_other_columns_and_the_choice_is_kept(
    qtbot, services, dialogs, make_meeting, qsettings
):
    editor = AgendaEditor(services, dialogs, settings=qsettings)
    qtbot.addWidget(editor)
    editor.resize(1200, 600)
    editor.show()
    editor.set_meeting(make_meeting())
    menu = editor.columns.build_menu()
    offered = {action.text(): action for action in menu.actions()}
    assert list(offered) == ["Beginn", "Art", "Öffentlich", "Vortragende*r", "Projekt", "Minuten"]
    assert not offered["Art"].isChecked() and offered["Öffentlich"].isChecked()

    offered["Vortragende*r"].setChecked(True)

    header = editor.view.header()
    assert not header.isSectionHidden(AgendaTreeModel.PRESENTER)
    assert header.sectionSize(AgendaTreeModel.PRESENTER) > 0
    assert header.length() <= editor.view.viewport().width()
    again = AgendaEditor(services, dialogs, settings=qsettings)
    qtbot.addWidget(again)
    assert not again.view.header().isSectionHidden(AgendaTreeModel.PRESENTER)
    assert again.view.header().isSectionHidden(AgendaTreeModel.KIND)


def test_alt_down_moves_the_item_and_renumbers_live(qtbot, editor, make_meeting, services):
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "2")

    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    assert shown(editor)["3"] == "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit"
    assert shown(editor)["2"] == "Genehmigung der Tagesordnung"
    assert editor.selected_item().title.startswith("Feststellung")  # stays selected
    stored = services.agenda.agenda(meeting).items
    assert next(i for i in stored if i.title.startswith("Feststellung")).position == 2


def test_alt_right_indents_and_alt_left_outdents(qtbot, editor, make_meeting):
    editor.set_meeting(make_meeting())
    select_number(editor, "3")

    qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert shown(editor)["2.1"] == "Genehmigung der Tagesordnung"
    assert shown(editor)["3"] == "Genehmigung des Protokolls der letzten Sitzung"

    qtbot.keyClick(editor.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert shown(editor)["3"] == "Genehmigung der Tagesordnung"


def test_a_simulated_drop_puts_the_item_under_another(qtbot, editor, make_meeting, services):
    meeting = make_meeting()
    editor.set_meeting(meeting)
    model = editor.model
    dragged = model.index(3, 0)  # TOP 4
    target = model.index(1, 0)  # TOP 2
    data = model.mimeData([dragged])

    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    qtbot.waitUntil(lambda: "2.1" in shown(editor), timeout=WAIT)

    assert shown(editor)["2.1"] == "Genehmigung des Protokolls der letzten Sitzung"
    assert [p.number for p in model.placed()] == ["1", "2", "2.1", "3"]
    assert len(services.agenda.agenda(meeting).items) == 4


def test_a_drop_between_top_level_items_reorders(qtbot, editor, make_meeting):
    editor.set_meeting(make_meeting())
    model = editor.model
    data = model.mimeData([model.index(0, 0)])  # TOP 1 …

    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # … before TOP 4
    qtbot.waitUntil(lambda: shown(editor)["3"] == "Eröffnung", timeout=WAIT)

    assert shown(editor)["4"] == "Genehmigung des Protokolls der letzten Sitzung"


def test_the_time_plan_follows_typed_minutes_before_and_after_saving(
    editor, make_meeting, services
):
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "1")

    editor.form.minutes_spin.setValue(20)

    assert shown(editor, AgendaTreeModel.START)["2"] == "16:20"
    assert editor.end_label.text() == "Geplantes Ende: 16:35 Uhr (35 Minuten)"
    assert editor.save_item()
    assert services.agenda.agenda(meeting).items[0].planned_minutes == 20
    assert shown(editor, AgendaTreeModel.START)["4"] == "16:30"


def test_new_items_and_sub_items_get_their_numbers(qtbot, editor, make_meeting, services):
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "2")
    changes = []
    editor.changed.connect(lambda: changes.append(1))

    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)
    assert shown(editor)["3"] == "Neuer Tagesordnungspunkt"
    editor.form.title_edit.setText(HOSTILE)
    editor.form.title_edit.textEdited.emit(HOSTILE)
    assert shown(editor)["3"] == HOSTILE  # the tree follows the typing
    qtbot.mouseClick(
        editor.structure.add_sub_button, Qt.MouseButton.LeftButton
    )  # saves the title first

    assert shown(editor)["3.1"] == "Neuer Tagesordnungspunkt"
    assert shown(editor)["5"] == "Genehmigung des Protokolls der letzten Sitzung"
    assert HOSTILE in [i.title for i in services.agenda.agenda(meeting).items]
    assert len(changes) == 3


def test_enter_in_the_items_title_takes_it_over(qtbot, editor, make_meeting, services):
    """Enter in a one-line field of the item's form is "Übernehmen", as Enter saves the
    meeting's form; it did nothing, and a keyboard user's typed title stayed unsaved
    (found by a tester)."""
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "4")
    qtbot.keyClick(editor.structure.add_button, Qt.Key.Key_Space)
    assert editor.focusWidget() is editor.form.title_edit  # typed over at once
    qtbot.keyClicks(editor.form.title_edit, "Open-Data-Portal")

    qtbot.keyClick(editor.form.title_edit, Qt.Key.Key_Return)

    assert not editor.form.is_dirty()
    assert services.agenda.agenda(meeting).items[-1].title == "Open-Data-Portal"
    planned = editor.form.minutes_spin.value()
    editor.form.minutes_spin.setFocus()
    qtbot.keyClick(editor.form.minutes_spin, Qt.Key.Key_Up)
    qtbot.keyClick(editor.form.minutes_spin, Qt.Key.Key_Enter)  # the keypad's Enter
    assert services.agenda.agenda(meeting).items[-1].planned_minutes == planned + 1
    assert editor.focusWidget() is editor.form.minutes_spin  # the cursor stays


def test_ctrl_s_in_the_items_form_takes_it_over(qtbot, editor, make_meeting, services):
    """Strg+S is "Übernehmen", as in every desktop program, and the button's tooltip says
    so; it did nothing (found by a tester)."""
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "4")
    qtbot.keyClick(editor.structure.add_button, Qt.Key.Key_Space)
    qtbot.keyClicks(editor.form.title_edit, "Open-Data-Portal")
    qtbot.keyClick(editor.form.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.agenda.agenda(meeting).items[-1].title == "Open-Data-Portal"
    assert editor.focusWidget() is editor.form.title_edit  # the cursor stays

    planned = editor.form.minutes_spin.value()
    editor.form.minutes_spin.setFocus()
    qtbot.keyClick(editor.form.minutes_spin, Qt.Key.Key_Up)
    qtbot.keyClick(editor.form.minutes_spin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.agenda.agenda(meeting).items[-1].planned_minutes == planned + 1
    assert editor.save_button.toolTip() == "Übernehmen (Strg+S)"


def test_a_new_item_on_a_new_meeting_goes_after_the_opening_items(
    qtbot, editor, make_meeting, services
):
    """Found by a tester: the tab selects TOP 1 "Eröffnung" itself, and "Neuer Punkt" put
    the item after it, before "Feststellung der ordnungsgemäßen Ladung …"; the invitation
    listed the formalities after the subject."""
    meeting = make_meeting()
    editor.set_meeting(meeting)  # the tab opens
    assert editor.selected_item().title == "Eröffnung"

    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.form.title_edit, "Personalangelegenheiten")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert shown(editor) == {
        "1": "Eröffnung",
        "2": "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit",
        "3": "Genehmigung der Tagesordnung",
        "4": "Genehmigung des Protokolls der letzten Sitzung",
        "5": "Personalangelegenheiten",
    }
    stored = services.agenda.agenda(meeting).items
    assert [i.title for i in stored if i.key == editor.selected_item().key] == [
        "Personalangelegenheiten"
    ]


def test_a_new_item_without_a_project_is_no_consultation_of_one(
    qtbot, editor, make_meeting, services
):
    """Found by a tester: "Personalangelegenheiten" went out in the invitation as
    "Beratung eines Projekts", the kind of every new item."""
    meeting = make_meeting()
    editor.set_meeting(meeting)

    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)

    assert editor.form.kind_combo.currentText() == "Bericht"
    assert editor.form.project_combo.currentData() is None
    added = next(
        i for i in services.agenda.agenda(meeting).items if i.key == editor.selected_item().key
    )
    assert added.kind is AgendaItemKind.REPORT


def _pick_project(qtbot, form, title: str) -> None:
    """The project chosen in the form with the keyboard, as the user does."""
    combo = form.project_combo
    combo.setFocus()
    wanted = combo.findText(title)
    assert wanted >= 0
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    for _step in range(abs(wanted - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == wanted


def test_a_new_item_becomes_the_consultation_of_the_project_picked(
    qtbot, editor, make_meeting, services, council_id
):
    """(found by a helper) Since a new item is a "Bericht", picking its project left it a
    "Bericht"; the kind follows the project until the user chooses one."""
    field = services.settings.action_fields(council_id)[0]
    services.projects.create(council_id, Project(None, "Radwege", action_field_id=field.id))
    meeting = make_meeting()
    editor.set_meeting(meeting)
    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)

    _pick_project(qtbot, editor.form, "Radwege")
    assert editor.form.kind_combo.currentText() == "Beratung eines Projekts"
    _pick_project(qtbot, editor.form, "– kein Projekt –")
    assert editor.form.kind_combo.currentText() == "Bericht"
    _pick_project(qtbot, editor.form, "Radwege")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    added = next(
        i for i in services.agenda.agenda(meeting).items if i.key == editor.selected_item().key
    )
    assert (added.kind, added.project_title) == (AgendaItemKind.CONSULTATION, "Radwege")


def test_a_kind_chosen_or_stored_stays_when_a_project_is_picked(
    qtbot, editor, make_meeting, services, council_id
):
    field = services.settings.action_fields(council_id)[0]
    services.projects.create(council_id, Project(None, "Radwege", action_field_id=field.id))
    meeting = make_meeting()
    services.agenda.add(meeting, AgendaItem(0, "Sachstand", kind=AgendaItemKind.REPORT))
    editor.set_meeting(meeting)
    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)
    kinds = editor.form.kind_combo
    kinds.setFocus()
    qtbot.keyClick(kinds, Qt.Key.Key_Down)  # the user's choice
    chosen = kinds.currentText()
    _pick_project(qtbot, editor.form, "Radwege")
    assert kinds.currentText() == chosen

    select_number(editor, "5")  # stored before, a "Bericht"
    assert editor.selected_item().title == "Sachstand"
    _pick_project(qtbot, editor.form, "Radwege")
    assert kinds.currentText() == "Bericht"


def test_a_new_item_goes_before_the_closing_items_or_after_the_row_clicked(
    qtbot, editor, make_meeting, services
):
    meeting = make_meeting()
    closing = AgendaItem(0, "Verschiedenes", kind=AgendaItemKind.MISCELLANEOUS)
    services.agenda.add(meeting, closing)
    editor.set_meeting(meeting)

    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)
    assert shown(editor)["5"] == "Neuer Tagesordnungspunkt"
    assert shown(editor)["6"] == "Verschiedenes"

    editor.set_meeting(meeting)  # TOP 1 selected by the tab, then clicked by the user
    first = editor.model.index(0, AgendaTreeModel.TITLE)
    qtbot.mouseClick(
        editor.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=editor.view.visualRect(first).center(),
    )
    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)

    assert shown(editor)["2"] == "Neuer Tagesordnungspunkt"  # after the one chosen


def test_an_empty_title_is_refused_beside_the_field(editor, make_meeting):
    editor.set_meeting(make_meeting())
    select_number(editor, "1")
    editor.form.title_edit.setText("  ")
    editor.form.title_edit.textEdited.emit("  ")

    assert not editor.save_item()
    assert "Titel" in editor.form.errors.message("title")


def test_flush_asks_about_an_item_that_cannot_be_saved(editor, make_meeting, dialogs):
    editor.set_meeting(make_meeting())
    select_number(editor, "1")
    editor.form.title_edit.setText("")
    editor.form.title_edit.textEdited.emit("")
    left = []

    dialogs.answer_yes = False
    assert not editor.flush(lambda: left.append(1))
    assert left == []
    assert editor.form.is_dirty()

    dialogs.answer_yes = True
    assert not editor.flush(lambda: left.append(1))
    assert left == [1]
    assert not editor.form.is_dirty()
    assert shown(editor)["1"] == "Eröffnung"


def test_flush_saves_a_valid_item(editor, make_meeting, services):
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "1")
    editor.form.title_edit.setText("Begrüßung")
    editor.form.title_edit.textEdited.emit("Begrüßung")

    assert editor.flush(lambda: None)
    assert services.agenda.agenda(meeting).items[0].title == "Begrüßung"


def test_delete_asks_and_takes_sub_items_along(qtbot, editor, make_meeting, dialogs, services):
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "3")
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    select_number(editor, "2")

    qtbot.mouseClick(editor.structure.delete_button, Qt.MouseButton.LeftButton)

    assert "Unterpunkte werden mit gelöscht" in dialogs.messages[-1][2]
    assert list(shown(editor)) == ["1", "2"]
    assert len(services.agenda.agenda(meeting).items) == 2


def test_entf_in_the_tree_deletes_the_item_after_asking(
    qtbot, editor, make_meeting, dialogs, services
):
    """Entf deletes the selected item as "Löschen …" does, as it deletes a member or a
    project in their lists; in the tree it did nothing (found by a tester)."""
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "4")

    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)

    assert dialogs.messages[-1][1] == "Tagesordnungspunkt löschen"
    assert list(shown(editor)) == ["1", "2", "3"]
    assert len(services.agenda.agenda(meeting).items) == 3


def test_after_a_delete_the_item_that_took_its_place_is_selected(
    qtbot, editor, make_meeting, dialogs
):
    """The first row was selected, and the arrow keys went on from TOP 1 (found by a
    tester); a sub-item deleted with its parent is not chosen, the last one's place goes
    to the one before."""
    editor.set_meeting(make_meeting())
    titles = shown(editor)
    select_number(editor, "3")
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # 2.1
    select_number(editor, "2")

    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)

    assert editor.selected_item().title == titles["4"]  # now TOP 2
    select_number(editor, "2")
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert editor.selected_item().title == titles["1"]


def test_entf_deletes_nothing_where_the_agenda_cannot_change(
    qtbot, editor, make_meeting, dialogs, services
):
    meeting = make_meeting(MeetingState.HELD)
    editor.set_meeting(meeting)
    select_number(editor, "4")

    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)

    assert dialogs.messages == []
    assert len(services.agenda.agenda(meeting).items) == 4


def test_a_move_refused_for_a_change_made_elsewhere_says_why(
    qtbot, editor, make_meeting, dialogs, other_program
):
    """The buttons follow the agenda shown; what changed elsewhere meanwhile only the
    stored agenda knows, and the refusal is explained (the agenda is reread)."""
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "3")
    stored = other_program.agenda.agenda(meeting).items[2]
    other_program.agenda.indent(stored.key, stored.version)  # 3 becomes 2.1 there
    assert editor.structure.indent_button.isEnabled()  # as shown, 3 can be indented

    qtbot.mouseClick(editor.structure.indent_button, Qt.MouseButton.LeftButton)

    assert "geändert" in dialogs.warnings()[-1]
    assert list(shown(editor)) == ["1", "2", "2.1", "3"]


def test_a_new_item_after_a_row_moved_elsewhere_goes_right_after_it(
    qtbot, editor, make_meeting, other_program
):
    """Found by a tester: it went to the row's old place, the row moved on another PC."""
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "1")
    opening = other_program.agenda.agenda(meeting).items[0]
    other_program.agenda.move_to(opening.key, opening.version, None, 2)

    qtbot.mouseClick(editor.structure.add_button, Qt.MouseButton.LeftButton)

    assert list(shown(editor).values())[2:4] == ["Eröffnung", "Neuer Tagesordnungspunkt"]


def test_a_sub_item_of_a_row_deleted_elsewhere_says_so_and_shows_the_agenda_stored(
    qtbot, editor, make_meeting, dialogs, other_program
):
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "2")
    gone = other_program.agenda.agenda(meeting).items[1]
    other_program.agenda.delete(gone.key, gone.version)

    qtbot.mouseClick(editor.structure.add_sub_button, Qt.MouseButton.LeftButton)

    assert dialogs.warnings()[-1].startswith("Der gewählte Punkt ist nicht mehr in der")
    assert len(shown(editor)) == 3


def test_a_drop_on_an_item_deleted_elsewhere_says_so_and_shows_the_agenda_stored(
    qtbot, editor, make_meeting, dialogs, other_program
):
    """TOP 4 dragged onto TOP 2, which another PC deleted meanwhile (TOP 4 became TOP 3
    there): not "… geändert … neu laden", but that the target is gone and what to do
    (found by a tester)."""
    meeting = make_meeting()
    editor.set_meeting(meeting)
    model = editor.model
    data = model.mimeData([model.index(3, 0)])  # TOP 4
    target = model.index(1, 0)  # TOP 2
    gone = other_program.agenda.agenda(meeting).items[1]
    other_program.agenda.delete(gone.key, gone.version)

    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    qtbot.waitUntil(lambda: len(shown(editor)) == 3, timeout=WAIT)

    assert dialogs.warnings()[-1] == (
        "Der Punkt, unter den verschoben werden sollte, ist nicht mehr in der Tagesordnung. "
        "Vielleicht wurde er inzwischen gelöscht. Die Tagesordnung zeigt jetzt den "
        "gespeicherten Stand; verschieben Sie den Punkt dort bitte erneut."
    )
    assert shown(editor) == {
        "1": "Eröffnung",
        "2": "Genehmigung der Tagesordnung",
        "3": "Genehmigung des Protokolls der letzten Sitzung",
    }


def test_a_cancelled_meeting_is_read_only_with_a_hint(qtbot, editor, make_meeting):
    editor.set_meeting(make_meeting(MeetingState.CANCELLED))
    select_number(editor, "2")

    assert "abgesagt" in editor.hint.text()
    assert not editor.structure.add_button.isEnabled()
    assert not editor.structure.up_button.isEnabled()
    assert not editor.form.isEnabled()
    assert not editor.model.flags(editor.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_a_held_meeting_allows_title_corrections_and_moves_only(editor, make_meeting, services):
    meeting = make_meeting(MeetingState.HELD)
    editor.set_meeting(meeting)
    select_number(editor, "1")

    # Marked held once it has begun, perhaps while it runs: before, "Die Sitzung hat bereits
    # stattgefunden", said during the meeting.
    assert editor.hint.text() == (
        "Die Sitzung ist als durchgeführt erfasst: Nur Titel lassen sich noch berichtigen und, "
        "solange das Protokoll ein offener Entwurf ist, Punkte in die Reihenfolge verschieben, "
        "in der sie behandelt wurden."
    )
    assert editor.form.title_edit.isEnabled()
    assert not editor.form.minutes_spin.isEnabled()
    structure = editor.structure
    assert structure.down_button.isEnabled()  # its minutes are an open draft
    assert not any(b.isEnabled() for b in (structure.add_button, structure.delete_button))
    assert not editor.model.flags(editor.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    structure.down_button.click()
    assert shown(editor)["2"] == "Eröffnung"
    assert not structure.indent_button.isEnabled()  # within its level only
    structure.move_selected("indent")  # Alt+Right does nothing either
    assert shown(editor)["2"] == "Eröffnung"
    editor.form.title_edit.setText("Eröffnung und Begrüßung")
    editor.form.title_edit.textEdited.emit("x")
    assert editor.save_item()
    assert services.agenda.agenda(meeting).items[0].title == "Eröffnung und Begrüßung"


def test_the_template_picker_fills_the_form(editor, make_meeting):
    editor.set_meeting(make_meeting())
    select_number(editor, "4")
    form = editor.form
    index = form.template_combo.findText("Verschiedenes")

    form.template_combo.setCurrentIndex(index)
    form.template_combo.activated.emit(index)

    assert form.title_edit.text() == "Verschiedenes"
    assert form.item().kind is AgendaItemKind.MISCELLANEOUS
    assert form.is_dirty()


def test_no_meeting_shows_an_empty_disabled_editor(editor, make_meeting):
    editor.set_meeting(make_meeting())
    editor.set_meeting(None)

    assert editor.model.rowCount() == 0
    assert not editor.structure.add_button.isEnabled()
    assert not editor.form.isEnabled()


def test_refresh_keeps_the_selection(editor, make_meeting):
    editor.set_meeting(make_meeting())
    select_number(editor, "3")

    editor.refresh()

    assert editor.selected_item().title == "Genehmigung der Tagesordnung"


def test_the_tree_model_passes_the_model_tester(qtmodeltester, editor, make_meeting, services):
    meeting = make_meeting()
    agenda = services.agenda.agenda(meeting)
    services.agenda.indent(agenda.items[2].key, agenda.items[2].version)
    parent = services.agenda.agenda(meeting).items[2]
    services.agenda.add(meeting, AgendaItem(0, HOSTILE * 10), parent.key)
    editor.set_meeting(meeting)

    qtmodeltester.check(editor.model)


def test_a_meeting_that_is_gone_empties_the_editor_with_a_message(editor, make_meeting, dialogs):
    editor.set_meeting(make_meeting())

    editor.set_meeting(99_999)

    assert "gibt es nicht mehr" in dialogs.warnings()[-1]
    assert editor.model.rowCount() == 0
    assert not editor.structure.add_button.isEnabled()


def _title_typed_while_the_minutes_changed_elsewhere(editor, make_meeting, services) -> int:
    """Item 1 of a new meeting shown with "Begrüßung & <Einführung>" typed as its title
    while another PC changes its minutes; returns the meeting."""
    meeting = make_meeting()
    editor.set_meeting(meeting)
    select_number(editor, "1")
    editor.form.title_edit.setText("Begrüßung & <Einführung>")  # mine
    editor.form.title_edit.textEdited.emit("Begrüßung & <Einführung>")
    stored = services.agenda.agenda(meeting).items[0]
    services.agenda.update(replace(stored, planned_minutes=25))  # another PC, first
    return meeting


def test_an_item_saved_elsewhere_meanwhile_is_merged_field_by_field(editor, make_meeting, services):
    meeting = _title_typed_while_the_minutes_changed_elsewhere(editor, make_meeting, services)

    _merges_my_title_and_their_minutes(editor, services, meeting, 0, "Begrüßung & <Einführung>")


def test_while_the_merge_is_open_the_line_under_the_item_points_to_it(
    editor, make_meeting, services, dialogs
):
    """While "Gleichzeitig geändert" was open, the line under the item's form said "Bitte
    laden Sie die Daten neu …": there is no reloading there, and it would lose the typed
    input. It points to the merge now; after its "Abbrechen" it says the input is kept and
    "Übernehmen" shows both versions again. The editor no longer holds the closed window:
    once it was deleted, leaving an item that could not be saved failed on it."""
    _title_typed_while_the_minutes_changed_elsewhere(editor, make_meeting, services)

    assert not editor.save_item()

    cancelling_the_merge_keeps_the_input(
        editor.saving,
        editor.form.errors.general.text,
        editor.save_item,
        "Der Tagesordnungspunkt wurde inzwischen von jemand anderem geändert.",
        "„Übernehmen“ zeigt beide Fassungen noch einmal.",
    )
    assert editor.form.title_edit.text() == "Begrüßung & <Einführung>"
    again = editor.saving.merge_dialog
    again.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window is gone
    assert not isValid(again)
    editor.form.title_edit.setText("")  # cannot be saved
    editor.form.title_edit.textEdited.emit("")
    dialogs.answers.append(False)

    assert not editor.flush(lambda: None)

    assert "Die Änderungen verwerfen?" in dialogs.messages[-1][2]


def test_refresh_rereads_the_projects_templates_and_members_offered(
    editor, make_meeting, services, council_id
):
    """Added elsewhere (another PC, the Einstellungen), they are offered after a refresh."""
    editor.set_meeting(make_meeting())
    select_number(editor, "4")
    field = services.settings.action_fields(council_id)[0]
    services.projects.create(council_id, Project(None, HOSTILE, action_field_id=field.id))
    services.agenda_templates.add(
        council_id, AgendaTemplate("Bericht & <Ausblick>", AgendaItemKind.REPORT)
    )

    editor.refresh()

    form = editor.form
    assert form.project_combo.findText(HOSTILE) > 0
    assert form.template_combo.findText("Bericht & <Ausblick>") > 0
    assert editor.selected_item().title == "Genehmigung des Protokolls der letzten Sitzung"
    assert not form.is_dirty()


def _merges_my_title_and_their_minutes(editor, stored_by, meeting, index, title) -> None:
    """Saving the typed title over another PC's new minutes (25) of item ``index`` offers
    both changes, each side's own preselected; applied, both are stored."""
    assert not editor.save_item()
    dialog = editor.saving.merge_dialog
    assert set(dialog.choices) == {"title", "planned_minutes"}
    assert dialog.choices["title"][0].isChecked()  # mine: only I changed it
    assert dialog.choices["planned_minutes"][1].isChecked()  # theirs: only they did
    dialog.apply_button.click()
    saved = stored_by.agenda.agenda(meeting).items[index]
    assert (saved.title, saved.planned_minutes) == (title, 25)
    assert not editor.form.is_dirty()


def _typed_title_of(editor: AgendaEditor, meeting: int, number: str, text: str) -> tuple[int, str]:
    """``meeting`` shown, ``text`` typed at the end of item ``number``'s title and not
    saved; returns the meeting and the title as typed."""
    editor.set_meeting(meeting)
    select_number(editor, number)
    editor.form.title_edit.setFocus()
    editor.form.title_edit.end(False)
    QTest.keyClicks(editor.form.title_edit, text)
    return meeting, editor.form.title_edit.text()


def test_a_refresh_keeps_the_typed_item_and_saving_it_merges_a_change_made_elsewhere(
    editor, make_meeting, other_program
):
    meeting, typed = _typed_title_of(editor, make_meeting(), "2", " & Gaeste")
    stored = other_program.agenda.agenda(meeting).items[1]
    other_program.agenda.update(replace(stored, planned_minutes=25))  # the same item
    other_program.agenda.add(meeting, AgendaItem(0, "Bericht von anderswo"))

    editor.refresh()

    assert editor.form.title_edit.text() == typed and editor.form.is_dirty()
    assert shown(editor)["2"] == typed  # the tree shows the typed title, too
    assert shown(editor)[str(len(editor.model.placed()))] == "Bericht von anderswo"
    _merges_my_title_and_their_minutes(editor, other_program, meeting, 1, typed)


def test_a_refresh_offers_new_choices_beside_the_typed_item_which_saves_as_typed(
    editor, make_meeting, other_program, council_id
):
    meeting, typed = _typed_title_of(editor, make_meeting(), "3", " (neu)")
    field = other_program.settings.action_fields(council_id)[0]
    other_program.projects.create(council_id, Project(None, HOSTILE, action_field_id=field.id))

    editor.refresh()

    assert editor.form.project_combo.findText(HOSTILE) > 0
    assert editor.form.title_edit.text() == typed
    assert editor.save_item()
    assert other_program.agenda.agenda(meeting).items[2].title == typed


def test_a_refresh_leaves_the_typed_item_alone_when_it_was_deleted_elsewhere(
    editor, make_meeting, other_program
):
    meeting, typed = _typed_title_of(editor, make_meeting(), "4", " (neu)")
    gone = other_program.agenda.agenda(meeting).items[3]
    other_program.agenda.delete(gone.key, gone.version)

    editor.refresh()

    assert editor.form.title_edit.text() == typed
    assert not editor.save_item()
    assert "gibt es nicht mehr" in editor.form.errors.general.text()


def test_a_time_plan_past_the_meetings_end_is_a_warning_under_the_tree(
    editor, make_meeting, services
):
    """(found by a tester) 48 items planned until 23:15 showed "Geplantes Ende: 23:15 Uhr"
    without a word that the invitation names 18:00 as the end."""
    meeting_id = make_meeting()
    editor.set_meeting(meeting_id)
    assert editor.end_label.objectName() != "warningLabel"

    services.agenda.add(meeting_id, AgendaItem(key=0, title="Langer Bericht", planned_minutes=125))
    editor.set_meeting(meeting_id)

    assert editor.end_label.text() == (
        "Geplantes Ende: 18:25 Uhr (145 Minuten) – 25 Minuten nach dem Ende der Sitzung (18:00 Uhr)"
    )
    assert editor.end_label.objectName() == "warningLabel"


def test_one_minute_is_named_in_the_singular(editor, make_meeting, services):
    """(found by review) "1 Minuten nach dem Ende der Sitzung"."""
    meeting_id = make_meeting()  # with the opening items' 20 minutes
    services.agenda.add(meeting_id, AgendaItem(key=0, title="Bericht", planned_minutes=101))
    editor.set_meeting(meeting_id)

    assert editor.end_label.text() == (
        "Geplantes Ende: 18:01 Uhr (121 Minuten) – 1 Minute nach dem Ende der Sitzung (18:00 Uhr)"
    )


def test_an_invited_meeting_s_agenda_says_to_send_invitation_and_calendar_again(
    editor, make_meeting, monkeypatch
):
    """The members have the agenda from the invitation and the calendar file: a change
    reaches them only when both go out again (as after a move). Nothing said so (found by a
    tester)."""
    monkeypatch.setattr(CouncilClock, "now", lambda clock: datetime(2026, 12, 1, 9, tzinfo=BERLIN))
    editor.set_meeting(make_meeting(MeetingState.INVITED))

    assert editor.hint.text() == INVITED_HINT and editor.hint.isVisible()
    # the way, then what the other file is: a semicolon between, as in the meeting's warning
    assert "speichern …“; „Kalender …“ ist die öffentliche Datei" in INVITED_HINT
    assert editor.structure.add_button.isEnabled()  # a note, not a refusal
    editor.set_meeting(make_meeting())
    assert not editor.hint.isVisible()


def test_an_invited_meeting_that_has_begun_says_an_item_taken_up_is_urgent(
    editor, make_meeting, monkeypatch
):
    """At 16:05 of the meeting, not yet set "durchgeführt", the minute-taker adds the item
    the council takes up at the start: the hint said to send the invitation again, and
    the item went in as a plain one, no Dringlichkeitsantrag (found by a tester)."""
    now = datetime(2026, 12, 8, 16, 5, tzinfo=BERLIN)  # the meeting began at 16:00
    monkeypatch.setattr(CouncilClock, "now", lambda clock: now)
    editor.set_meeting(make_meeting(MeetingState.INVITED))

    assert editor.hint.text() == BEGUN_HINT and editor.hint.isVisible()
    assert editor.structure.add_button.isEnabled()  # a note, not a refusal


def test_the_presenters_offered_are_the_members_in_reading_order(
    editor, make_meeting, services, council_id
):
    """Family name first (name_sort_key), not the shown name: "Dr. Eva Dahl" under D,
    "Kim von Hohenzollern" under H, "Ece Öztürk" before "Jan Zimmermann"."""
    field = services.settings.action_fields(council_id)[0].id
    for title, given, family in (
        ("", "Jan", "Zimmermann"),
        ("", "Ece", "Öztürk"),
        ("", "Kim", "von Hohenzollern"),
        ("Dr.", "Eva", "Dahl"),
        ("", "Ute", "Huber"),
    ):
        services.members.save(
            council_id,
            Member(
                id=None, title=title, given_name=given, family_name=family,
                primary_field_id=field, term_start=datetime(2025, 1, 1).date(),
            ),
            datetime(2025, 1, 1).date(),
        )  # fmt: skip
    editor.set_meeting(make_meeting())

    combo = editor.form.presenter_edit
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered == [
        "Dr. Eva Dahl",
        "Kim von Hohenzollern",
        "Ute Huber",
        "Ece Öztürk",
        "Jan Zimmermann",
    ]


def test_the_presenters_offered_are_the_members_serving_on_the_meetings_day(
    editor, make_meeting, services, council_id
):
    """After ten years a council has had forty members and more: the list offered those
    who left years ago too (found by a tester). Offered are those whose term covers the
    meeting's day (8 Dec 2026); a former member's name may still be typed."""
    field = services.settings.action_fields(council_id)[0].id
    for given, start, end in (
        ("Gone", date(2016, 1, 1), date(2019, 12, 31)),
        ("Serving", date(2025, 1, 1), None),
        ("Last", date(2024, 1, 1), date(2026, 12, 8)),
        ("Coming", date(2027, 1, 1), None),
    ):
        services.members.save(
            council_id,
            Member(
                id=None, given_name=given, family_name="Berg", primary_field_id=field,
                term_start=start, term_end=end,
            ),
            date(2016, 1, 1),
        )  # fmt: skip
    editor.set_meeting(make_meeting())

    combo = editor.form.presenter_edit
    assert [combo.itemText(i) for i in range(combo.count())] == ["Last Berg", "Serving Berg"]
    combo.setEditText("Gone Berg")
    assert editor.form.item().presenter == "Gone Berg"


def test_the_wheel_over_a_field_scrolls_the_agenda_item_form(editor, make_meeting):
    """The wheel over "Art", "Vortrag" or "Projekt" of an item chose their next entry, over
    "Geplante Dauer" it added a minute."""
    editor.set_meeting(make_meeting())
    select_number(editor, "1")

    assert fields_the_wheel_changed(editor.form) == []
    assert not editor.form.is_dirty()
