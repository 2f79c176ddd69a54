"""A marker read ``since`` the one a window reflects tells whether only this program's own
saves moved it (its page shows them: no reread) or another PC's change too (found by a
helper: every own save, a step on Empfehlungen or a member saved, reread the shown page once
more when the change watch saw its own audit entry)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from client_statements import recorded_statements
from held_meeting import held_meeting
from overview_sample import seed

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes import ItemTexts
from expertenrat.services.change_marker import OwnEntries, change_marker
from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database

TODAY = date(2026, 11, 27)


@pytest.fixture
def other_pc(database):
    other = open_database(database.url)
    yield Services.create(other, "anderer PC")
    other.close()


@pytest.fixture
def here(database):
    services = Services.create(database, "hier")
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    return services, seed(database, council.id)


def _moved(database, own, council_id, since) -> bool:
    with recorded_statements(database.engine) as statements:
        marker = change_marker(database, council_id, since, own)
    assert [s for s in statements if s != "BEGIN"] == statements[-1:]  # still one statement
    assert marker != since  # the marker moved: the watch would reread without the check
    return marker.moved_by_own_saves_only(since)


def _rename(services, sample, name: str) -> None:
    member = services.members.member(sample.members["Berg"])
    services.members.save(sample.council_id, replace(member, given_name=name), TODAY)


def _withdraw(services, sample) -> None:
    detail = services.recommendations.get(sample.recommendations["E-2026-04"])
    services.recommendations.withdraw(detail.row.id, detail.row.version, TODAY, "Erledigt")


def test_own_saves_alone_are_told_apart_from_another_pcs_change(database, here, other_pc):
    services, sample = here
    own = OwnEntries(database)
    council = sample.council_id

    seen = change_marker(database, council, None, own)
    _rename(services, sample, "Ann")
    _withdraw(services, sample)
    assert _moved(database, own, council, seen)

    seen = change_marker(database, council, None, own)
    _rename(other_pc, sample, "Anne")
    assert not _moved(database, own, council, seen)

    seen = change_marker(database, council, None, own)  # own, another PC's, own again
    _rename(services, sample, "Anna")
    other_pc.settings.update_settings(
        replace(other_pc.settings.settings(council), city="Bad Doberan")
    )
    _rename(services, sample, "Annika")
    assert not _moved(database, own, council, seen)


def test_the_first_autosave_of_minutes_is_an_own_save(database, here):
    """An editing session's first save writes its entry (later ones update it in place)."""
    services, sample = here
    own = OwnEntries(database)
    council = sample.council_id
    present = [m.id for m in services.members.members(council)]
    meeting = held_meeting(database, council, present)
    item = services.minutes.minutes(meeting.meeting_id).items[1]
    seen = change_marker(database, council, None, own)
    services.minutes.save_item(item.item_id, ItemTexts("Erster Entwurf"), item.version, "s")
    assert _moved(database, own, council, seen)
