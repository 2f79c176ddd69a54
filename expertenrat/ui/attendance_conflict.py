"""A member's line of the attendance tab recorded first at another PC: what the warning
says (:mod:`ui.attendance_panel` shows what that PC recorded). The same as chosen here
needs no word; anything else names both in full."""

from __future__ import annotations

from dataclasses import replace

from expertenrat.domain.attendance_sheet import AttendanceEntry, AttendanceSheet
from expertenrat.ui.i18n import tr

_CONTEXT = "AttendancePanel"


def taken_elsewhere(
    sheet: AttendanceSheet | None, membership_id: int, chosen: AttendanceEntry
) -> str | None:
    """The warning after ``chosen`` was refused because another PC recorded the line of
    ``membership_id`` first, as ``sheet`` (reread) has it now: "" where both chose the
    same, ``None`` where the sheet has no such line (the refusal's own message says it)."""
    now = _stored_entry(sheet, membership_id)
    if now is None:
        return None
    if _same_attendance(now, chosen):
        return ""
    return tr(
        _CONTEXT,
        "Die Anwesenheit von „{name}“ wurde inzwischen an einem anderen PC "
        "erfasst: {now}. Ihre Angabe ({yours}) ist nicht gespeichert; die Liste "
        "zeigt jetzt, was der andere PC erfasst hat. Wählen Sie Ihre Angabe dort "
        "erneut, wenn sie gelten soll.",
    ).format(name=now.name, now=_describe(sheet, now), yours=_describe(sheet, chosen))


def _stored_entry(sheet: AttendanceSheet | None, membership_id: int) -> AttendanceEntry | None:
    """The line of ``membership_id`` as ``sheet`` has it (None if it has none)."""
    if sheet is None:
        return None
    return next((e for e in sheet.entries if e.membership_id == membership_id), None)


def _describe(sheet: AttendanceSheet | None, entry: AttendanceEntry) -> str:
    """``entry`` in words: "anwesend, digital zugeschaltet, ohne Stimmrecht, kommt zu TOP 2
    Bericht", with a time away "verlässt die Sitzung während TOP 3 …, nimmt wieder teil ab
    TOP 5 …"."""
    if entry.status is None:
        return tr(_CONTEXT, "nicht erfasst")
    items = {} if sheet is None else {i.id: i.label for i in sheet.items}
    parts = [entry.status.label]
    if entry.digital:
        parts.append(tr(_CONTEXT, "digital zugeschaltet"))
    if not entry.voting_right:
        parts.append(tr(_CONTEXT, "ohne Stimmrecht"))
    if entry.arrived_item_id in items:
        parts.append(tr(_CONTEXT, "kommt zu {item}").format(item=items[entry.arrived_item_id]))
    if entry.left_item_id in items:
        parts.append(tr(_CONTEXT, "geht nach {item}").format(item=items[entry.left_item_id]))
    if entry.away_item_id in items and entry.back_item_id in items:
        parts.append(
            tr(_CONTEXT, "verlässt die Sitzung während {away}, nimmt wieder teil ab {back}").format(
                away=items[entry.away_item_id], back=items[entry.back_item_id]
            )
        )
    return ", ".join(parts)


def _same_attendance(one: AttendanceEntry, other: AttendanceEntry) -> bool:
    """``one`` and ``other`` record the same (their row's id and version aside)."""
    return replace(one, id=None, version=0) == replace(other, id=None, version=0)
