"""The Übersicht shows the invitations that are due, and nothing when none is."""

from __future__ import annotations

from datetime import datetime

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.ui.overview_page import OverviewPage


def test_due_invitations_appear_on_the_overview(qtbot, sqlite_database, today):
    services = Services.create(sqlite_database, "Frau Schulz")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    page = OverviewPage(services.overview, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council.id)
    page.refresh()
    assert page.invitations_due.isHidden()

    with sqlite_database.transaction() as session:
        session.add(
            models.Meeting(council_id=council.id, number=5, starts_at=datetime(2026, 12, 10, 16))
        )
    page.refresh()

    assert not page.invitations_due.isHidden()
    assert page.invitations_due.title() == "Einladung fällig"
    assert [line.text() for line in page.invitations_due.lines] == [
        "5. Sitzung am 10.12.2026: Einladung bis 03.12.2026 versenden"
    ]
