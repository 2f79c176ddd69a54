"""(found by review) The minutes' text typed last is stored in the background, also as the
Sitzungen are left, and so are votes. The area shown then (the Übersicht) was read before
it was stored and kept saying "Entwurf abgeschlossen" of a draft changed since: the change
watch rereads for another PC's saves only, not for this window's own. It is read again
once it is stored."""

from __future__ import annotations

import pytest
from minutes_saves_held import CHANGES, WAIT, changed, saves_held
from minutes_setup import held_minutes

from expertenrat.domain.councils import CouncilSettings


@pytest.mark.parametrize("change", CHANGES)
def test_the_overview_shown_while_the_minutes_are_stored_is_read_again(
    qtbot, services, make_window, monkeypatch, change
) -> None:
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    minutes = held_minutes(
        services.database, council.id, services.settings.action_fields(council.id)[0].id
    )
    services.minutes.finish_draft(minutes.meeting_id)
    stored = saves_held(monkeypatch, services)
    window = make_window()
    window.show()
    meetings = window.pages.meetings
    editor = meetings.tabs.minutes_editor()
    window.show_area(meetings)
    meetings.select(minutes.meeting_id)
    meetings.tabs.setCurrentWidget(editor)
    changed(editor, minutes, change)

    def waiting() -> list[str]:
        return [line.text() for line in window.overview_page.minutes_waiting.lines]

    window.show_area(window.overview_page)
    assert any("Entwurf abgeschlossen am" in line for line in waiting()), waiting()
    stored.set()
    qtbot.waitUntil(editor.idle, timeout=WAIT)

    assert not any("Entwurf abgeschlossen am" in line for line in waiting()), waiting()
