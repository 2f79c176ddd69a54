"""A time zone by its IANA name, as a settings file names it or a council's row stores it."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from expertenrat.domain.errors import FieldProblem, ValidationError


def zone_named(name: str) -> ZoneInfo | None:
    """The time zone ``name`` ("Europe/Berlin"), or ``None`` where this computer knows
    none by that name: none at all, a path ("../x"), or a folder of the zone data
    ("Europe"), whose IsADirectoryError was said as the settings file naming it being a
    folder, or went on as a traceback (found by review)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def council_zone(name: str) -> ZoneInfo:
    """The time zone ``name`` of a council's row; one this computer does not know (a newer
    zone stored on another PC) is a German message, not a traceback."""
    zone = zone_named(name)
    if zone is None:
        raise ValidationError(
            [FieldProblem("time_zone", f"Die Zeitzone „{name}“ des Gremiums ist unbekannt.")]
        )
    return zone
