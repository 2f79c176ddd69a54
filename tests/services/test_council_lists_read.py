"""Einstellungen's lists of a council (Berufungsperioden, Tagesordnungsvorlagen,
Textbausteine) read the council's row only where a list is empty."""

from __future__ import annotations

from datetime import date

import pytest
from client_statements import recorded_statements

from expertenrat.domain.appointment_periods import AppointmentPeriod
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import NotFoundError
from expertenrat.services.context import Services

LISTS = [
    ("appointment_periods", "periods"),
    ("agenda_templates", "templates"),
    ("text_templates", "templates"),
]


def test_einstellungen_reads_the_council_once_not_again_per_list(database):
    """(found by a tester) Each list read the council before its rows: 13 statements for
    the page, a round trip each on a server 20 ms away."""
    services = Services.create(database, "Frau Schulz")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    services.appointment_periods.add(
        council.id, AppointmentPeriod(id=None, name="2026–2029", start=date(2026, 1, 1))
    )
    services.text_templates.templates(council.id)  # the default phrases, written once

    with recorded_statements(database.engine) as sent:
        services.settings.settings(council.id)
        lists = [getattr(getattr(services, name), read)(council.id) for name, read in LISTS]

    assert all(lists)
    assert len([s for s in sent if "FROM councils" in s]) == 1


@pytest.mark.parametrize("service, read", LISTS)
def test_a_list_of_a_council_gone_says_so(database, service, read):
    services = Services.create(database, "Frau Schulz")
    with pytest.raises(NotFoundError, match="Das Gremium gibt es nicht mehr"):
        getattr(getattr(services, service), read)(999)
