"""(found by a tester) A whole agenda pasted into one item's title became the one title
"Begrüßung 2. Genehmigung …". The agenda editor with pytest-qt and the clipboard: the paste
asks "Als 3 Punkte einfügen?"; "Ja" makes the lines items, "Nein" pastes as before; where
the agenda may take no items, a warning says why."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shown_agenda_editor import shown_agenda_editor

from expertenrat.domain.agenda import AgendaItem, numbers
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.store import models
from expertenrat.ui.agenda_editor import AgendaEditor

BERLIN = ZoneInfo("Europe/Berlin")
AGENDA = "1.\tBegrüßung\r\n2.\tGenehmigung der Tagesordnung\r\n3.\tBericht der Geschäftsstelle\r\n"


@pytest.fixture
def meeting(services, council_id) -> int:
    """A planned meeting whose agenda ends in "Bericht" and "Neuer Tagesordnungspunkt"
    (after the standard opening items)."""
    start = datetime(2026, 12, 15, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = services.meetings.create(council_id, draft)
    for title in ("Bericht", "Neuer Tagesordnungspunkt"):
        services.agenda.add(meeting_id, AgendaItem(0, title))
    return meeting_id


@pytest.fixture
def editor(qtbot, services, dialogs, meeting) -> AgendaEditor:
    widget = shown_agenda_editor(qtbot, services, dialogs, meeting)
    new = next(i for i in services.agenda.agenda(meeting).items if i.title.startswith("Neuer"))
    widget.select(new.key)
    return widget


def _paste(qtbot, editor: AgendaEditor, copied: str) -> None:
    edit = editor.form.title_edit
    edit.setFocus()
    edit.selectAll()
    QApplication.clipboard().setText(copied)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _titles(services, meeting: int) -> list[str]:
    """The titles from "Bericht" on, in the agenda's order."""
    agenda = services.agenda.agenda(meeting)
    by_key = {i.key: i.title for i in agenda.items}
    placed = sorted(numbers(agenda.items).items(), key=lambda pair: int(pair[1]))
    titles = [by_key[key] for key, _number in placed]
    return titles[titles.index("Bericht") :]


def test_yes_makes_each_line_an_item(qtbot, editor, services, dialogs, meeting) -> None:
    _paste(qtbot, editor, AGENDA)

    (kind, title, text) = dialogs.messages[-1]
    assert (kind, title) == ("question", "Tagesordnung einfügen")
    assert "Als 3 Punkte einfügen?" in text and "„Begrüßung“" in text
    assert _titles(services, meeting) == [
        "Bericht",
        "Begrüßung",
        "Genehmigung der Tagesordnung",
        "Bericht der Geschäftsstelle",
    ]
    assert editor.form.title_edit.text() == "Begrüßung"  # the item pasted into, selected
    assert not editor.form.is_dirty()


def test_no_pastes_the_text_as_one_title_as_before(qtbot, editor, services, dialogs, meeting):
    dialogs.answers = [False]

    _paste(qtbot, editor, AGENDA)

    assert editor.form.title_edit.text().strip() == (
        "Begrüßung 2. Genehmigung der Tagesordnung 3. Bericht der Geschäftsstelle"
    )
    assert _titles(services, meeting) == ["Bericht", "Neuer Tagesordnungspunkt"]


def test_one_line_is_pasted_without_a_question(qtbot, editor, dialogs) -> None:
    _paste(qtbot, editor, "TOP 3\tGenehmigung der Tagesordnung\r\n")

    assert dialogs.messages == []
    assert editor.form.title_edit.text().strip() == "Genehmigung der Tagesordnung"


def test_a_held_meeting_s_agenda_refuses_the_lines_in_german(
    qtbot, editor, services, dialogs, meeting
) -> None:
    with services.database.transaction() as session:
        session.get(models.Meeting, meeting).state = MeetingState.HELD.value
    editor.refresh()

    _paste(qtbot, editor, AGENDA)

    (kind, _title, text) = dialogs.messages[-1]
    assert kind == "warning"
    assert text.startswith("Der eingefügte Text hat 3 Zeilen einer Tagesordnung.")
    assert "als durchgeführt erfasst" in text
    assert editor.form.title_edit.text() == "Neuer Tagesordnungspunkt"
    assert _titles(services, meeting) == ["Bericht", "Neuer Tagesordnungspunkt"]
