"""(found by a tester) The agenda editor with pytest-qt: "Vertagte Punkte übernehmen …"
offers the items an earlier meeting postponed or took off its agenda, saying which, and
takes those checked up on a planned
meeting's agenda; once taken up they are offered no more; a held meeting has no such
button; the Übersicht names them until then. And the dialog: "OK" with none checked says
so and keeps it open."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from shown_agenda_editor import shown_agenda_editor

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind, AgendaItemOutcome, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.postponed_items import PostponedItem
from expertenrat.store import models
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.agenda_postponed_items import check_text
from expertenrat.ui.checks_question_dialog import ChecksQuestionDialog
from expertenrat.ui.overview_page import OverviewPage

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "Radwege & <b>Ampeln</b> \"x\" 'y' 🚲 مشروع"


@pytest.fixture
def meetings(services, council_id) -> tuple[int, int]:
    """A held meeting whose "Radwege" (non-public, with a presenter) was postponed and
    "Stadtdaten" taken off the agenda, and the planned meeting after it with the standard
    opening items."""
    made = []
    for day in (8, 15):
        start = datetime(2026, 12, day, 16, tzinfo=BERLIN)
        draft = MeetingDraft(
            MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"
        )
        made.append(services.meetings.create(council_id, draft))
        services.agenda.add_opening_items(made[-1])
    item = AgendaItem(
        0, HOSTILE, kind=AgendaItemKind.CONSULTATION, public=False, presenter="Frau Roth"
    )
    postponed = services.agenda.add(made[0], item).items[-1].key
    withdrawn = services.agenda.add(made[0], AgendaItem(0, "Stadtdaten")).items[-1].key
    with services.database.transaction() as session:
        session.get(models.Meeting, made[0]).state = MeetingState.HELD.value
        session.get(models.AgendaItem, postponed).outcome = AgendaItemOutcome.POSTPONED.value
        session.get(models.AgendaItem, withdrawn).outcome = AgendaItemOutcome.WITHDRAWN.value
    return made[0], made[1]


@pytest.fixture
def editor(qtbot, services, dialogs) -> AgendaEditor:
    return shown_agenda_editor(qtbot, services, dialogs)


def test_postponed_items_are_taken_up_on_the_next_agenda_once(
    editor, meetings, dialogs, services, qtbot
) -> None:
    held, planned = meetings
    editor.set_meeting(planned)
    button = editor.structure.postponed_button
    assert button.isVisible() and button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert dialogs.offered_checks == [
        [
            f"TOP 4 der 1. Sitzung (vertagt): {HOSTILE} (nichtöffentlich)",
            "TOP 5 der 1. Sitzung (abgesetzt): Stadtdaten",
        ]
    ]
    taken = services.agenda.agenda(planned).items[-2]
    assert (taken.title, taken.public, taken.presenter) == (HOSTILE, False, "Frau Roth")
    assert editor.selected_item().key == taken.key  # shown and chosen, as a new item

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert dialogs.messages[-1][2].startswith("Es warten keine vertagten oder abgesetzten")
    assert len(dialogs.offered_checks) == 1
    editor.set_meeting(held)
    assert not button.isVisible()


def test_the_dialog_asks_again_with_none_checked(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ChecksQuestionDialog(
        parent, "Vertagte Punkte übernehmen", "Welche?", ["A", "B"], "Bitte wählen Sie einen Punkt."
    )
    for box in dialog.check_boxes:
        box.setChecked(False)

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    assert dialog.error_label.text() == "Bitte wählen Sie einen Punkt."
    assert dialog.result() == 0
    dialog.check_boxes[1].setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.checked() == (1,)


def test_long_titles_wrap_so_the_dialog_fits_a_small_screen(qtbot) -> None:
    """(found by review) A check box does not wrap its text: a title of 100 letters (as the
    question cuts it) with its TOP and meeting made the dialog about 1,000 px wide (more in
    a larger font), its "OK" at or past the edge of a screen of 1024 px."""
    parent = QWidget()
    qtbot.addWidget(parent)
    title = "Förderrichtlinie Klimaanpassung und Starkregenvorsorge im Stadtgebiet " * 2
    item = PostponedItem(
        key=3,
        meeting_id=1,
        meeting="der Sondersitzung vom 05.12.2026",
        number="10.2",
        title=title,
        kind=AgendaItemKind.CONSULTATION,
        public=False,
        presenter="",
        planned_minutes=0,
        project_id=None,
        project_title="",
        parent=None,
    )
    text = check_text(item)
    dialog = ChecksQuestionDialog(parent, "Vertagte Punkte übernehmen", "Welche?", [text], "")

    assert dialog.sizeHint().width() < 800
    (box,) = dialog.check_boxes
    assert box.text().replace("\n", " ") == text  # broken at spaces only, all of it
    assert box.accessibleName() == text  # a screen reader reads it as one


def test_the_overview_lists_them_under_their_own_title(
    qtbot, meetings, services, council_id
) -> None:
    page = OverviewPage(services.overview, lambda: date(2026, 12, 10))
    qtbot.addWidget(page)
    page.set_council(council_id)
    page.refresh()

    assert page.postponed_waiting.title() == "Vertagte und abgesetzte Punkte ohne Tagesordnung"
    assert [line.text() for line in page.postponed_waiting.lines] == [
        "1 vertagter Punkt und 1 abgesetzter Punkt der 1. Sitzung warten auf eine Tagesordnung"
    ]
    services.postponed_items.take_up(
        meetings[1], [p.key for p in services.postponed_items.waiting(council_id)]
    )
    page.refresh()
    assert page.postponed_waiting.isHidden()


@pytest.mark.parametrize("button", ["postponed_button", "written_button", "add_button"])
def test_a_meeting_deleted_elsewhere_is_said_once_and_no_longer_shown(
    editor, meetings, dialogs, services, qtbot, button
) -> None:
    """(found by review) Where the meeting was deleted on another PC, "Vertagte Punkte
    übernehmen …" warned but left the editor showing the meeting gone; "Neuer Punkt" took it
    away, with the same warning twice."""
    _held, planned = meetings
    editor.set_meeting(planned)
    services.meetings.delete(planned, services.meetings.get(planned).version)

    qtbot.mouseClick(getattr(editor.structure, button), Qt.MouseButton.LeftButton)

    assert [(kind, title) for kind, title, _text in dialogs.messages] == [
        ("warning", "Tagesordnung")
    ]
    assert editor.model.rowCount() == 0
    assert not editor.structure.add_button.isEnabled()
