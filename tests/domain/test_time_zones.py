"""A time zone named in a settings file or stored for a council, as this computer knows
it: a folder of the zone data ("Europe") is no zone (found by review: its IsADirectoryError
was said as the settings file being a folder, or went on as a traceback)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from expertenrat.domain.council_clock import clock_of
from expertenrat.domain.time_zones import zone_named


def test_a_zone_this_computer_knows_is_named() -> None:
    assert zone_named("Europe/Berlin") == ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize("name", ["Europe", "America", "Mars/Olympus", "../Europe/Berlin", ""])
def test_a_folder_a_path_or_no_zone_is_none(name) -> None:
    assert zone_named(name) is None


def test_a_council_s_clock_with_a_folder_for_its_zone_runs_on_the_default_zone() -> None:
    assert clock_of("Europe", "DE-MV").zone == ZoneInfo("Europe/Berlin")
