"""(found by review) The Sitzungen list says "fertig" for a draft finished and unchanged
since, the Genehmigung tab "abgeschlossen am …". Text typed into an item afterwards or its
votes changed, saved in the background, left them so: the page rereads nothing for these
saves, and the change watch no longer rereads it for this window's own saves (only another
PC's).
The list is read anew for the line of the minutes typed in, not for another line's
"fertig" (it reads that draft whole); the tab shown when the save lands, too."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from meeting_rows import add_meeting
from minutes_saves_held import CHANGES, WAIT, changed, saves_held
from minutes_setup import Minutes, complete_minutes, held_minutes, hold
from minutes_tab import minutes_tab_of
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.minutes import RecommendationDraft
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel
from expertenrat.ui.minutes_item_list import item_key

TODAY = date(2026, 3, 12)
EARLIER = datetime(2026, 2, 10, 16, 0)  # a meeting before the minutes' (the council's first)


@pytest.fixture
def council_id(services) -> int:
    return services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    ).id


@pytest.fixture
def minutes(services, council_id) -> Minutes:
    field = services.settings.action_fields(council_id)[0].id
    return held_minutes(services.database, council_id, field)


def typed(page: MeetingsPage, item_id: int, text: str) -> None:
    editor = page.tabs.minutes_editor()
    editor.items.select_key(item_key(item_id))
    edit = editor.item_form.discussion_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, text)


def typed_and_saved(qtbot, page: MeetingsPage, item_id: int, text: str) -> None:
    typed(page, item_id, text)
    editor = page.tabs.minutes_editor()
    editor.autosave.flush()
    qtbot.waitUntil(editor.idle, timeout=WAIT)


def listed(page: MeetingsPage, meeting_id: int) -> str:
    model = page.meeting_list.model
    return model.row(model.row_of(meeting_id)).minutes_text


def test_text_typed_after_the_draft_was_finished_makes_it_a_draft_in_the_list(
    qtbot, services, dialogs, council_id, minutes
) -> None:
    services.minutes.finish_draft(minutes.meeting_id)
    page, _ = minutes_tab_of(qtbot, services, dialogs, council_id, minutes.meeting_id, TODAY)
    assert listed(page, minutes.meeting_id) == "fertig"

    typed_and_saved(qtbot, page, minutes.item_ids[1], " Nachtrag")

    saved = services.minutes.minutes(minutes.meeting_id).items[1].texts.discussion
    assert saved.endswith(" Nachtrag")
    assert listed(page, minutes.meeting_id) == "Entwurf"


@pytest.mark.parametrize("change", ["outcome", "recommendation"])
def test_an_outcome_or_a_recommendation_changed_after_finishing_makes_it_a_draft_in_the_list(
    qtbot, services, dialogs, council_id, minutes, change
) -> None:
    """(found by a helper) They are saved at once, but tell the page nothing either."""
    item_id = minutes.item_ids[2]
    adopted = services.minutes.adopt_recommendation(item_id, RecommendationDraft("Offene Daten"))
    services.minutes.finish_draft(minutes.meeting_id)
    page, _ = minutes_tab_of(qtbot, services, dialogs, council_id, minutes.meeting_id, TODAY)
    editor = page.tabs.minutes_editor()
    editor.items.select_key(item_key(item_id))
    assert listed(page, minutes.meeting_id) == "fertig"

    if change == "outcome":
        combo = editor.item_form.outcome_combo
        combo.activated.emit(combo.findText(AgendaItemOutcome.POSTPONED.label))
    else:
        editor.recommendation_actions.ask_remove(adopted)  # "Ja"

    stored = services.minutes.minutes(minutes.meeting_id).item(item_id)
    assert (stored.outcome, stored.recommendations) == (
        (AgendaItemOutcome.POSTPONED, (adopted,)) if change == "outcome" else (stored.outcome, ())
    )
    assert listed(page, minutes.meeting_id) == "Entwurf"


def test_another_meetings_finished_draft_does_not_reread_the_list_at_each_save(
    qtbot, services, dialogs, council_id, minutes, monkeypatch
) -> None:
    earlier = add_meeting(services.database, council_id, starts_at=EARLIER).meeting_id
    hold(services.database, earlier, EARLIER)
    complete_minutes(services.database, earlier, minutes.members["Berg"])
    services.minutes.finish_draft(earlier)
    page, _ = minutes_tab_of(qtbot, services, dialogs, council_id, minutes.meeting_id, TODAY)
    reads, read = [], services.meetings.list
    monkeypatch.setattr(
        services.meetings, "list", lambda *args, **kw: reads.append(args) or read(*args, **kw)
    )

    typed_and_saved(qtbot, page, minutes.item_ids[1], " Nachtrag")

    assert listed(page, earlier) == "fertig" and listed(page, minutes.meeting_id) == "Entwurf"
    assert reads == []


@pytest.mark.parametrize("change", CHANGES)
def test_the_tab_shown_while_a_change_is_saved_reads_it_once_stored(
    qtbot, services, dialogs, council_id, minutes, monkeypatch, change
) -> None:
    """(found by review) Votes too: they are saved in the worker as the text is."""
    services.minutes.finish_draft(minutes.meeting_id)
    stored = saves_held(monkeypatch, services)
    page, _ = minutes_tab_of(qtbot, services, dialogs, council_id, minutes.meeting_id, TODAY)
    editor = page.tabs.minutes_editor()
    approval = next(w for w in page.tabs.details if isinstance(w, MinutesApprovalPanel))
    changed(editor, minutes, change)

    page.tabs.setCurrentWidget(approval)  # read as stored
    assert "Entwurf – abgeschlossen am" in approval.state_label.text()
    assert listed(page, minutes.meeting_id) == "fertig"
    stored.set()
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert "Entwurf – nach dem Abschluss am" in approval.state_label.text()
    assert listed(page, minutes.meeting_id) == "Entwurf"
