"""The agenda editor with pytest-qt: "Dringlichkeitsantrag …" extends a held meeting's
agenda while its minutes are an open draft (a title refused is asked for again with what
was typed); the new item is marked and its settings may be changed; before the meeting the
button is not there, once the draft is finished it is off and says why."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.store import models
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.agenda_editor_view import URGENT_HINT

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "Radwege & <b>Ampeln</b> \"x\" 'y' 🚲 مشروع"


@pytest.fixture
def make_meeting(services, council_id):
    """A meeting on 8 Dec 2026 with the standard opening items, in ``state``."""

    def make(state: MeetingState) -> int:
        start = datetime(2026, 12, 8, 16, tzinfo=BERLIN)
        draft = MeetingDraft(
            MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"
        )
        meeting_id = services.meetings.create(council_id, draft)
        services.agenda.add_opening_items(meeting_id)
        with services.database.transaction() as session:
            session.get(models.Meeting, meeting_id).state = state.value
        return meeting_id

    return make


@pytest.fixture
def editor(qtbot, services, dialogs) -> AgendaEditor:
    widget = AgendaEditor(services, dialogs)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def titles(editor: AgendaEditor) -> dict[str, str]:
    model = editor.model
    return {
        model.index(row, model.NUMBER).data(): model.index(row, model.TITLE).data()
        for row in range(model.rowCount())
    }


def test_an_urgent_item_is_added_to_a_held_meeting_through_the_button(
    editor, make_meeting, dialogs, services, qtbot
) -> None:
    meeting = make_meeting(MeetingState.HELD)
    editor.set_meeting(meeting)
    button = editor.structure.urgent_button
    assert button.isVisible() and button.isEnabled()
    assert not editor.structure.add_button.isEnabled()
    assert editor.hint.text().endswith(URGENT_HINT)
    dialogs.texts = ["   ", HOSTILE]  # no title first: refused, asked again

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert dialogs.messages[0][2] == "Bitte geben Sie einen Titel für den Punkt an."
    assert dialogs.offered_texts == ["", "   "]  # what was typed is offered again
    assert titles(editor)["3"] == "Genehmigung der Tagesordnung"
    assert titles(editor)["4"] == f"{HOSTILE} (Dringlichkeitsantrag)"  # the last
    selected = editor.selected_item()
    assert selected.urgent and selected.title == HOSTILE
    assert editor.form.title_edit.hasFocus()
    # Its settings are the secretariat's to set, unlike those of the items invited to.
    assert editor.form.public_check.isEnabled()
    editor.form.public_check.setChecked(False)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = next(i for i in services.agenda.agenda(meeting).items if i.urgent)
    assert (stored.title, stored.public) == (HOSTILE, False)
    editor.select(next(i.key for i in services.agenda.agenda(meeting).items if not i.urgent))
    assert not editor.form.public_check.isEnabled()


def test_the_button_is_not_there_before_the_meeting(editor, make_meeting) -> None:
    editor.set_meeting(make_meeting(MeetingState.INVITED))

    assert not editor.structure.urgent_button.isVisible()
    assert editor.structure.add_button.isEnabled()


def test_a_finished_draft_turns_the_button_off_and_says_why(editor, make_meeting, services) -> None:
    meeting = make_meeting(MeetingState.HELD)
    with services.database.transaction() as session:
        session.get(models.Meeting, meeting).minutes_finished_on = date(2026, 12, 9)

    editor.set_meeting(meeting)

    button = editor.structure.urgent_button
    assert button.isVisible() and not button.isEnabled()
    assert "„Abschluss aufheben“" in button.toolTip()
    assert URGENT_HINT not in editor.hint.text()


def test_an_urgent_item_taken_up_by_mistake_is_deleted_again(
    editor, make_meeting, dialogs, services, qtbot
) -> None:
    meeting = make_meeting(MeetingState.HELD)
    editor.set_meeting(meeting)
    dialogs.texts = ["Eilantrag"]
    qtbot.mouseClick(editor.structure.urgent_button, Qt.MouseButton.LeftButton)
    delete = editor.structure.delete_button
    assert delete.isEnabled()  # the urgent item is selected

    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)

    assert dialogs.messages[-1][2] == "TOP 4 „Eilantrag“ löschen?"
    assert not any(i.urgent for i in services.agenda.agenda(meeting).items)
    assert titles(editor)["3"] == "Genehmigung der Tagesordnung" and "4" not in titles(editor)
    editor.select(services.agenda.agenda(meeting).items[0].key)
    assert not delete.isEnabled()  # an item invited to stays
