"""The agenda editor with pytest-qt: "Dringlichkeitsantrag …" extends a held meeting's
agenda while its minutes are an open draft (a title refused is asked for again with what
was typed); the new item is marked and its settings may be changed; before the meeting the
button is not there, once the draft is finished it is off and says why."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from shown_agenda_editor import shown_agenda_editor

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.store import models
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.agenda_urgent_item import URGENT_TOOLTIP
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.save_location import SaveLocations

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "Radwege & <b>Ampeln</b> \"x\" 'y' 🚲 مشروع"


@pytest.fixture
def make_meeting(services, council_id):
    """A meeting on 8 Dec 2026 with the standard opening items, in ``state``."""

    def make(state: MeetingState, *, closing: bool = False) -> int:
        """``closing``: "Verschiedenes" (of its kind) ends the agenda."""
        start = datetime(2026, 12, 8, 16, tzinfo=BERLIN)
        draft = MeetingDraft(
            MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"
        )
        meeting_id = services.meetings.create(council_id, draft)
        services.agenda.add_opening_items(meeting_id)
        if closing:
            item = AgendaItem(0, "Verschiedenes", kind=AgendaItemKind.MISCELLANEOUS)
            services.agenda.add(meeting_id, item)
        with services.database.transaction() as session:
            session.get(models.Meeting, meeting_id).state = state.value
        return meeting_id

    return make


@pytest.fixture
def editor(qtbot, services, dialogs) -> AgendaEditor:
    return shown_agenda_editor(qtbot, services, dialogs)


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
    assert button.toolTip() == URGENT_TOOLTIP  # not in the hint above, cut off there
    dialogs.texts = ["   ", HOSTILE]  # no title first: refused, asked again

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert dialogs.messages[0][2] == "Bitte geben Sie einen Titel für den Punkt an."
    assert dialogs.offered_texts == ["", "   "]  # what was typed is offered again
    assert titles(editor)["3"] == "Genehmigung der Tagesordnung"
    assert titles(editor)["4"] == f"{HOSTILE} (Dringlichkeitsantrag)"  # the last
    # Without "Verschiedenes" at its end, the agenda is extended at the end by default.
    assert dialogs.offered_choices[0] == (
        "Stelle",
        [
            "vor TOP 1 „Eröffnung“",
            "vor TOP 2 „Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit“",
            "vor TOP 3 „Genehmigung der Tagesordnung“",
            "am Ende der Tagesordnung",
        ],
        3,
    )
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
    assert button.toolTip() != URGENT_TOOLTIP


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


def test_an_urgent_item_goes_before_verschiedenes_unless_another_place_is_chosen(
    editor, make_meeting, dialogs, services, qtbot
) -> None:
    meeting = make_meeting(MeetingState.HELD, closing=True)
    editor.set_meeting(meeting)
    dialogs.texts = ["Eilantrag", "Nachtrag"]
    dialogs.chosen = [3, 5]  # the first as offered; the second at the end

    qtbot.mouseClick(editor.structure.urgent_button, Qt.MouseButton.LeftButton)

    _label, places, chosen = dialogs.offered_choices[0]
    assert places[chosen] == "vor TOP 4 „Verschiedenes“"
    assert places[-1] == "am Ende der Tagesordnung"
    assert titles(editor)["4"] == "Eilantrag (Dringlichkeitsantrag)"
    assert titles(editor)["5"] == "Verschiedenes"  # renumbered, as after a move
    assert editor.selected_item().title == "Eilantrag"

    qtbot.mouseClick(editor.structure.urgent_button, Qt.MouseButton.LeftButton)

    # Offered before "Verschiedenes" again; chosen: the end.
    assert dialogs.offered_choices[1][1][dialogs.offered_choices[1][2]] == (
        "vor TOP 5 „Verschiedenes“"
    )
    assert titles(editor)["6"] == "Nachtrag (Dringlichkeitsantrag)"
    assert [i.title for i in services.agenda.agenda(meeting).items if i.urgent] == [
        "Eilantrag",
        "Nachtrag",
    ]


def test_a_refused_title_is_asked_for_again_at_the_place_chosen(
    editor, make_meeting, dialogs, qtbot
) -> None:
    editor.set_meeting(make_meeting(MeetingState.HELD, closing=True))
    dialogs.texts = ["  ", "Eilantrag"]
    dialogs.chosen = [0]  # before TOP 1; asked again, that place is chosen first

    qtbot.mouseClick(editor.structure.urgent_button, Qt.MouseButton.LeftButton)

    assert [choice[2] for choice in dialogs.offered_choices] == [3, 0]
    assert titles(editor)["1"] == "Eilantrag (Dringlichkeitsantrag)"
    assert titles(editor)["2"] == "Eröffnung"


def test_the_dialog_asks_for_the_title_and_the_place(qtbot, qsettings) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[tuple[str, int]] = []
    places = ["vor TOP 4 „Verschiedenes“", "am Ende der Tagesordnung"]

    DialogService(SaveLocations(qsettings)).ask_text_and_choice(
        parent, "Dringlichkeitsantrag", "Titel:", "", ("Stelle", places, 0),
        lambda text, index: answers.append((text, index)),
    )  # fmt: skip

    dialog = parent.findChild(QDialog)
    combo = dialog.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == places
    assert combo.currentIndex() == 0
    label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is combo)
    assert label.text() == "Stelle"
    combo.setCurrentIndex(1)
    dialog.findChild(QLineEdit).setText("Eilantrag")
    next(b for b in dialog.findChildren(QPushButton) if b.text() in ("OK", "&OK")).click()
    assert answers == [("Eilantrag", 1)]
