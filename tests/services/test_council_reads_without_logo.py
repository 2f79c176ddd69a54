"""The council's logo (up to a few hundred kilobytes) crosses the network only for what
shows or prints it: the Mitglieder page's refresh, the Übersicht and a file name's label
read the council's row without it, the roster (its letterhead) with it."""

from __future__ import annotations

from datetime import date

from client_statements import recorded_statements
from logo_images import png

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.roster import RosterGrouping
from expertenrat.services.members import MembersService
from expertenrat.services.overview import OverviewService
from expertenrat.services.settings import SettingsService

TODAY = date(2027, 3, 1)


def test_reads_that_show_no_logo_leave_it_on_the_server(database):
    settings = SettingsService(database, "PC 1")
    council = settings.create_council(
        CouncilSettings(id=None, name="Rat", city="Rostock", logo_png=png())
    )
    settings.create_council(CouncilSettings(id=None, name="Beirat", city="Wismar"))
    members = MembersService(database, "PC 1")

    with recorded_statements(database.engine) as statements:
        composition = members.members_and_composition(council.id, TODAY)
        overview = OverviewService(database).overview(council.id, TODAY)
        label = settings.file_label(council.id)

    assert not [s for s in statements if "logo_png" in s], statements
    assert overview.council.name == "Rat" and label == "Rat"
    assert composition.titles == council.role_titles
    roster = members.roster(
        council.id, public=True, grouping=RosterGrouping.ALPHABETICAL, today=TODAY
    )
    assert roster.logo_png == settings.settings(council.id).logo_png is not None
