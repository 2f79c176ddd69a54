"""A council's periods (Ladungsfrist, Einwandsfrist …) with their unit ("14 Tage",
"1 Monat"), as the Änderungsprotokoll, the minutes' approval and a settings file's preview
and messages write them."""

from __future__ import annotations

from collections.abc import Mapping

# The council's periods and their units, one and many: "1 Tag", "14 Tage".
PERIOD_UNITS: Mapping[str, tuple[str, str]] = {
    "notice_period_days": ("Tag", "Tage"),
    "objection_period_days": ("Tag", "Tage"),
    "response_period_months": ("Monat", "Monate"),
    "minutes_draft_weeks": ("Woche", "Wochen"),
}
NO_PERIOD = {"minutes_draft_weeks": "keine Frist"}  # what 0 means where it means none


def period_text(field: str, value: int, *, zero_as_none: bool = True) -> str:
    """A council period with its unit ("14 Tage", "1 Monat"; "keine Frist" for 0 where it
    means none, :data:`NO_PERIOD`, unless not ``zero_as_none``: a limit, "0 Wochen")."""
    if value == 0 and field in NO_PERIOD and zero_as_none:
        return NO_PERIOD[field]
    one, many = PERIOD_UNITS[field]
    return f"{value} {one if value == 1 else many}"
