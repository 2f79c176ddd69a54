"""Councils created, renamed or deleted by another program on the same SQLite file show in
the open window's council switcher at the next poll, the shown council kept if it is still
there; typing holds the switcher back as it holds back the page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.change_marker import change_marker
from expertenrat.services.context import Services
from expertenrat.store.models import Council
from expertenrat.ui.change_watch import ChangeWatch

WAIT = 60_000  # ms, for a poll in the worker on a busy machine


@pytest.fixture
def watched(make_window, services, qtbot):
    """The window on two councils, "Rat" shown, and its change watch (polled by hand)."""
    for name, city in (("Rat", "Rostock"), ("Beirat", "Wismar")):
        services.settings.create_council(CouncilSettings(id=None, name=name, city=city))
    window = make_window()
    window.show()
    database = services.database
    watch = ChangeWatch(
        lambda council_id, since: change_marker(database, council_id, since),
        window.refresh_when_safe,
        window.current_council_id,
        window,
        interval_ms=3_600_000,  # the test polls: a tick in between would be read too early
    )
    watch.start()
    qtbot.waitUntil(lambda: watch.seen is not None, timeout=WAIT)
    yield window, watch
    watch.stop()


def _poll(watch, qtbot) -> None:
    watch.poll()
    qtbot.waitUntil(lambda: not watch.job.running, timeout=WAIT)


def _entries(window) -> list[str]:
    combo = window.council_combo
    return [combo.itemText(index) for index in range(combo.count())]


def _delete_council(services: Services, council_id: int) -> None:
    """As another program may: the app itself deletes no council (no audit entry)."""
    with services.database.engine.begin() as connection:
        connection.execute(delete(Council).where(Council.id == council_id))


def test_a_council_created_or_renamed_elsewhere_shows_in_the_switcher(
    watched, other_program, qtbot, dialogs
):
    window, watch = watched
    shown, beirat = (council.id for council in other_program.settings.councils())
    assert window.current_council_id() == shown
    assert _entries(window) == ["Rat (Rostock)", "Beirat (Wismar)"]

    other_program.settings.create_council(
        CouncilSettings(id=None, name="Jugendrat & <Co> 🙂", city="Güstrow")
    )
    _poll(watch, qtbot)
    assert _entries(window)[-1] == "Jugendrat & <Co> 🙂 (Güstrow)"
    assert window.current_council_id() == shown and window.council_combo.currentText() == (
        "Rat (Rostock)"
    )

    # A rename waits while the cursor is in a field of the page, then shows.
    window.show_area(window.settings_page)
    window.settings_page.council_form.council_fields.name_edit.setFocus()
    qtbot.waitUntil(window.settings_page.council_form.council_fields.name_edit.hasFocus)
    settings = other_program.settings.settings(beirat)
    other_program.settings.update_settings(replace(settings, name="Seniorenbeirat", city="Rostock"))
    _poll(watch, qtbot)
    assert "Beirat (Wismar)" in _entries(window)
    window.sidebar.setFocus()
    _poll(watch, qtbot)
    assert _entries(window)[1] == "Seniorenbeirat (Rostock)"
    assert window.current_council_id() == shown and dialogs.messages == []


def test_the_shown_council_deleted_elsewhere_gives_way_to_another_then_to_the_welcome_page(
    watched, services, other_program, qtbot, dialogs
):
    window, watch = watched
    window.show_area(window.settings_page)
    rat, beirat = (council.id for council in services.settings.councils())
    assert window.current_council_id() == rat

    _delete_council(other_program, rat)
    _poll(watch, qtbot)
    assert _entries(window) == ["Beirat (Wismar)"] and window.current_council_id() == beirat
    assert window.stack.currentWidget() is window.settings_page
    assert window.settings_page.council_form.council_fields.name_edit.text() == "Beirat"
    assert dialogs.messages == [
        (
            "information",
            "Gremium gelöscht",
            "Das Gremium „Rat (Rostock)“ gibt es nicht mehr: Es wurde an einem anderen PC "
            "oder von einem anderen Programm gelöscht. Angezeigt wird jetzt „Beirat (Wismar)“.",
        )
    ]

    _delete_council(other_program, beirat)
    _poll(watch, qtbot)
    assert window.stack.currentWidget() is window.welcome_page
    assert not window.sidebar.isVisible() and window.current_council_id() is None
    assert dialogs.messages[-1][2] == (
        "Das Gremium „Beirat (Wismar)“ gibt es nicht mehr: Es wurde an einem anderen PC "
        "oder von einem anderen Programm gelöscht."
    )

    # A council created elsewhere then leaves the welcome page, without a message.
    other_program.settings.create_council(CouncilSettings(id=None, name="Neu", city="Parchim"))
    _poll(watch, qtbot)
    assert window.stack.currentWidget() is window.settings_page
    assert window.settings_page.council_form.council_fields.name_edit.text() == "Neu"
    assert _entries(window) == ["Neu (Parchim)"] and len(dialogs.messages) == 2


def test_a_council_created_after_the_shown_one_was_deleted_is_not_taken_for_it(
    watched, services, other_program, qtbot, dialogs
):
    """Before migration 0013 SQLite gave the new council the deleted one's id: the window
    went on as if nothing had happened, with the old council's search and time zone."""
    window, watch = watched
    rat, beirat = (council.id for council in services.settings.councils())
    window.council_combo.setCurrentIndex(1)  # Beirat: the newest, the highest id
    window.show_area(window.members_page)
    window.members_page.search_edit.setText("Müller")

    _delete_council(other_program, beirat)
    created = other_program.settings.create_council(
        CouncilSettings(id=None, name="Jugendrat", city="Güstrow")
    )
    _poll(watch, qtbot)

    assert created.id not in (rat, beirat)
    assert dialogs.messages[-1][2] == (
        "Das Gremium „Beirat (Wismar)“ gibt es nicht mehr: Es wurde an einem anderen PC "
        "oder von einem anderen Programm gelöscht. Angezeigt wird jetzt „Rat (Rostock)“."
    )
    assert window.current_council_id() == rat
    assert window.members_page.search_edit.text() == ""
    assert _entries(window) == ["Rat (Rostock)", "Jugendrat (Güstrow)"]
