"""The change watch rereads the shown page for another program's change, not for the
window's own save, whose page shows it already (found by a helper: every save reread the
Mitglieder page once more, a dozen statements, each a round trip to a server)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from client_statements import recorded_statements

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.services.change_marker import OwnEntries, change_marker
from expertenrat.ui.change_watch import ChangeWatch

WAIT = 60_000  # ms, for a poll in the worker on a busy machine
TODAY = date(2026, 11, 27)


@pytest.fixture
def watched(make_window, services, qtbot):
    """The Mitglieder page of "Rat" with Berg, and its change watch (polled by hand)."""
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    field = services.settings.action_fields(council.id)[0]
    member = Member(
        id=None,
        given_name="Anna",
        family_name="Berg",
        primary_field_id=field.id,
        term_start=date(2025, 1, 1),
    )
    services.members.save(council.id, member, TODAY)
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    database, own = services.database, OwnEntries(services.database)
    watch = ChangeWatch(
        lambda council_id, since: change_marker(database, council_id, since, own),
        window.refresh_when_safe,
        window.current_council_id,
        window,
        interval_ms=3_600_000,  # the test polls
    )
    watch.start()
    qtbot.waitUntil(lambda: watch.seen is not None, timeout=WAIT)
    yield window, watch, council.id
    watch.stop()


def _poll(watch, database, qtbot) -> list[str]:
    """The statements of one poll and what it sets off."""
    with recorded_statements(database.engine) as statements:
        watch.poll()
        qtbot.waitUntil(lambda: not watch.job.running, timeout=WAIT)
        qtbot.wait(50)  # the comparison, and a reread it asks for
    return [s for s in statements if s != "BEGIN"]


def _rename(services, council_id: int, given_name: str) -> None:
    member = services.members.members(council_id)[0]
    services.members.save(council_id, replace(member, given_name=given_name), TODAY)


def _shown(window) -> str:
    return window.members_page.proxy.index(0, 0).data()


def test_own_saves_are_not_reread_other_changes_are(watched, services, other_program, qtbot):
    window, watch, council = watched
    database = services.database

    _rename(services, council, "Ann")  # as the page's own save (its page shows it)
    statements = _poll(watch, database, qtbot)
    assert len(statements) == 1, statements  # the marker alone
    assert watch.seen == change_marker(database, council)  # taken as seen

    _rename(other_program, council, "Anne")
    statements = _poll(watch, database, qtbot)
    assert len(statements) > 1 and "Anne" in _shown(window)

    # Another program's change beside the window's own: reread all the same.
    _rename(services, council, "Anna")
    _rename(other_program, council, "Annika")
    statements = _poll(watch, database, qtbot)
    assert len(statements) > 1 and "Annika" in _shown(window)
    assert _poll(watch, database, qtbot) == statements[:1]  # nothing new: the marker alone
