"""Another PC's change appears in the open window: polled, selection kept, typing never lost.

The window and the "other PC" are two engines on one database of the real PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.services.change_marker import latest_change
from expertenrat.services.context import Services
from expertenrat.store.database import open_database
from expertenrat.ui.change_watch import ChangeWatch
from expertenrat.ui.members_table_model import MembersTableModel


@pytest.fixture
def server_database(empty_postgres_url):
    database = open_database(empty_postgres_url)
    yield database
    database.close()


@pytest.fixture
def services(server_database):
    return Services.create(server_database, "hier")


@pytest.fixture
def other_pc(empty_postgres_url, server_database):
    database = open_database(empty_postgres_url)
    yield Services.create(database, "anderer PC")
    database.close()


def _names(page) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, MembersTableModel.COLUMN_NAME).data() for r in range(proxy.rowCount())]


def _selected(page) -> str:
    return (
        page.view.selectionModel().selectedRows()[0].data(MembersTableModel.ObjectRole).family_name
    )


def test_a_change_on_another_pc_shows_and_the_selection_stays(
    make_window, services, other_pc, qtbot, today
):
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    field = services.settings.action_fields(council.id)[0]
    members = [
        services.members.save(
            council.id,
            Member(
                id=None,
                given_name="Anna",
                family_name=name,
                primary_field_id=field.id,
                term_start=date(2025, 1, 1),
            ),
            today,
        )
        for name in ("Berg", "Cordes", "Dahl")
    ]
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    page = window.members_page
    page.view.selectRow(1)
    assert _selected(page) == "Cordes"
    watch = ChangeWatch(
        lambda: latest_change(services.database), window.refresh_when_safe, window, interval_ms=50
    )
    watch.start()
    qtbot.waitUntil(lambda: watch.seen is not None)

    other_pc.members.save(council.id, replace(members[2], family_name="Dahl-Öztürk & Co"), today)
    qtbot.waitUntil(lambda: "Dahl-Öztürk & Co, Anna" in _names(page), timeout=5000)
    assert _selected(page) == "Cordes"

    # Typing in a field of the shown page holds the refresh back until the field is left.
    window.show_area(window.settings_page)
    window.settings_page.name_edit.setText("Rat der Stadt (Entwurf)")
    other_pc.settings.create_council(CouncilSettings(id=None, name="Zweiter Rat", city="Wismar"))
    marker = latest_change(other_pc.database)
    qtbot.wait(300)
    assert watch.seen != marker
    assert window.settings_page.name_edit.text() == "Rat der Stadt (Entwurf)"
    watch.stop()
    qtbot.waitUntil(lambda: not watch.job.running)  # its last result reaches the GUI
