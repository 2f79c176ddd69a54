"""The main window opening what the Übersicht points at: the page is read once."""

from __future__ import annotations

from client_statements import recorded_statements

from expertenrat.domain.overview import Area, MeetingTab, Target, TargetFilter


def _meetings_read(services, council_id: int) -> str:
    """The statement that reads the council's meetings (for the list and its years)."""
    with recorded_statements(services.database.engine) as statements:
        services.meetings.list(council_id)
    return next(s for s in statements if "\nFROM meetings \n" in s)


def test_a_meeting_opened_from_the_overview_is_read_once(make_window, services, held_in_rostock):
    """The window reread the Sitzungen on showing them, and the page reread itself for the
    target's meetings: every list and detail read twice (found by a tester: 300 statements,
    half a second on ten years of meetings)."""
    window = make_window()
    window.show()
    page = window.pages.meetings
    council_id = window.current_council_id()
    window.show_area(page)  # read before: the window rereads it in place
    window.show_area(window.overview_page)
    meetings_read = _meetings_read(services, council_id)
    with recorded_statements(services.database.engine) as reread:
        page.refresh()
    window.show_area(window.overview_page)

    with recorded_statements(services.database.engine) as opening:
        window.open_target(
            Target(Area.MEETINGS, record_id=held_in_rostock.meeting_id, tab=MeetingTab.MINUTES)
        )

    assert opening.count(meetings_read) == reread.count(meetings_read) > 0
    assert window.stack.currentWidget() is page
    assert window.sidebar.currentRow() == window.row_of(page)
    assert page.selected().id == held_in_rostock.meeting_id
    assert page.tabs.currentWidget() is page.tabs.minutes_editor()


def test_a_new_meeting_opened_from_the_overview_shows_the_list_read(
    make_window, services, held_in_rostock
):
    window = make_window()
    window.show()
    page = window.pages.meetings
    window.show_area(window.overview_page)

    window.open_target(Target(Area.MEETINGS, filter=TargetFilter.NEW))

    assert window.stack.currentWidget() is page
    assert page.meeting_list.model.row_of(held_in_rostock.meeting_id) >= 0
    assert page.form.meeting is None  # the form starts a new meeting
    assert page.tabs.currentWidget() is page.form
