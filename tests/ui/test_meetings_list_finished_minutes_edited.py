"""(found by review) The Sitzungen list says "fertig" for a draft finished and unchanged
since. Text typed into an item afterwards, saved in the background, left it "fertig": the
page rereads nothing for the minutes' text saves, and the change watch no longer rereads
it for this window's own saves (only another PC's)."""

from __future__ import annotations

from datetime import date

from minutes_setup import held_minutes
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: saves run in the worker; waits end as soon as they are done


TODAY = date(2026, 3, 12)


def test_text_typed_after_the_draft_was_finished_makes_it_a_draft_in_the_list(
    qtbot, services, dialogs
) -> None:
    council_id = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    ).id
    field = services.settings.action_fields(council_id)[0].id
    meeting = held_minutes(services.database, council_id, field)
    services.minutes.finish_draft(meeting.meeting_id)
    page = MeetingsPage(services, dialogs, lambda: TODAY)
    editor = page.tabs.minutes_editor()
    qtbot.addWidget(
        page, before_close_func=lambda _page: qtbot.waitUntil(editor.idle, timeout=WAIT)
    )
    page.set_council(council_id)
    page.refresh()
    page.show()
    page.select(meeting.meeting_id)
    page.tabs.setCurrentWidget(editor)

    def minutes_listed() -> str:
        model = page.meeting_list.model
        return model.row(model.row_of(meeting.meeting_id)).minutes_text

    assert minutes_listed() == "fertig"

    editor.items.select_key(item_key(meeting.item_ids[1]))
    edit = editor.item_form.discussion_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, " Nachtrag")
    editor.autosave.flush()
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert (
        services.minutes.minutes(meeting.meeting_id).items[1].texts.discussion.endswith(" Nachtrag")
    )
    assert minutes_listed() == "Entwurf"
