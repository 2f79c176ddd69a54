"""Filtering the members table per keystroke with 5,000 rows. Aim: under 16 ms.

Run with ``pytest tests/benchmarks --benchmark-only``.
"""

from __future__ import annotations

from datetime import date
from itertools import cycle

import pytest

from expertenrat.domain.enums import Sector
from expertenrat.domain.members import Member
from expertenrat.ui.members_filter_proxy import MembersFilterProxy, StatusFilter
from expertenrat.ui.members_table_model import MembersTableModel

TODAY = date(2026, 11, 27)
GIVEN = ["Anna", "Jörg", "Gülşen", "Łukasz", "Zoë", "Ödön", "Malte", "Katharina"]
FAMILY = ["Berg", "Brüggemann", "Yılmaz", "Wiśniewski", "Hartmann", "Pál", "Jürgensen"]
PLACES = ["Universität Rostock", "Hochschule Wismar", "Stadtwerke", "IHK", "Verein e. V."]


def _members(count: int) -> list[Member]:
    sectors = cycle(Sector)
    return [
        Member(
            id=n,
            given_name=GIVEN[n % len(GIVEN)],
            family_name=f"{FAMILY[n % len(FAMILY)]}{n}",
            affiliation=PLACES[n % len(PLACES)],
            email=f"person{n}@example.org",
            sector=next(sectors),
            primary_field_id=n % 4 + 1,
            term_start=date(2024, 1, 1),
            term_end=None if n % 3 else date(2025, 1, 1),
        )
        for n in range(count)
    ]


@pytest.fixture
def proxy(qapp) -> MembersFilterProxy:
    model = MembersTableModel()
    model.set_members(
        _members(5000), {1: "Stadtdaten", 2: "Umwelt", 3: "Soziales", 4: "Verwaltung"}, TODAY
    )
    proxy = MembersFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status(StatusFilter.ALL)
    proxy.sort(MembersTableModel.COLUMN_NAME)
    return proxy


def test_one_keystroke_in_the_search_field(benchmark, proxy):
    keystrokes = cycle(["h", "ha", "han", "hans", "hanse", "hans", "han", "ha", "h", ""])

    def type_one() -> int:
        proxy.set_search(next(keystrokes))
        return proxy.rowCount()

    benchmark(type_one)
