"""The change watch's poll is one statement (one round trip to a server every few seconds,
on every PC): the audit trail's newest id and count and the councils together."""

from __future__ import annotations

from client_statements import recorded_statements

from expertenrat.domain.councils import CouncilChoice, CouncilSettings
from expertenrat.services.change_marker import change_marker
from expertenrat.services.settings import SettingsService


def test_the_marker_is_one_statement_and_tells_each_council(database):
    assert change_marker(database) == change_marker(database, 7)
    assert change_marker(database).councils == ()
    settings = SettingsService(database, "PC 1")
    rat = settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    before = change_marker(database, rat.id)
    beirat = settings.create_council(CouncilSettings(id=None, name="Beirat", city="Wismar"))

    with recorded_statements(database.engine) as statements:
        marker = change_marker(database, rat.id)

    assert [s for s in statements if s != "BEGIN"] == statements[-1:], statements  # SQLite's
    assert marker.councils == (
        CouncilChoice(rat.id, "Rat", "Rostock"),
        CouncilChoice(beirat.id, "Beirat", "Wismar"),
    )
    assert (marker.latest, marker.recent) == (before.latest, before.recent)  # Beirat's own
    everything = change_marker(database)
    assert everything.latest > marker.latest
    assert everything.recent > marker.recent
    assert change_marker(database, beirat.id).latest == everything.latest
