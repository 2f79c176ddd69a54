"""Whether a member's time away from a meeting is in order, naming the member: "verlässt
die Sitzung während TOP 4 … kehrt zurück zu TOP 6". Both ends are needed (one who does not
come back leaves: "geht nach TOP"); the return comes after the leaving, by agenda item and
by time; the time away lies between the member's arrival and departure and within the
meeting (:func:`attendance_order.outside_meeting`).

(Which items may be named at all, and how the time away counts, is :mod:`domain.quorum`.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import time

from expertenrat.domain.attendance_order import MeetingSpan, outside_meeting, span_text
from expertenrat.domain.attendance_sheet import AgendaRef, AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.quorum import BACK_BEFORE_AWAY

NO_SPAN = MeetingSpan(None, None, None)  # the meeting's times unknown: not checked
PRESENT_ONLY = "Eine Unterbrechung lässt sich nur für anwesende Mitglieder erfassen."
# What a member does at a time of the time away, the time in the middle ("kehrt um 17:45
# Uhr zurück", not "kehrt zurück um 17:45 Uhr").
_AT = {"away_at": "verlässt die Sitzung um {} Uhr", "back_at": "kehrt um {} Uhr zurück"}


def step_out_problems(
    items: Sequence[AgendaRef], entry: AttendanceEntry, span: MeetingSpan
) -> list[FieldProblem]:
    """What is wrong with ``entry``'s time away on the agenda ``items`` (in order) and in
    the meeting's ``span``; empty where nothing is recorded or all is in order."""
    marks = (entry.away_item_id, entry.away_at, entry.back_item_id, entry.back_at)
    if marks == (None,) * 4:
        return []
    if entry.status is not AttendanceStatus.PRESENT:
        return [FieldProblem("away_item_id", PRESENT_ONLY)]
    if entry.away_item_id is None:
        return [_missing("away_item_id", entry.name, "bei welchem Punkt", "verlässt")]
    if entry.back_item_id is None:
        return [_missing("back_item_id", entry.name, "zu welchem Punkt", "zurückkehrt")]
    return _item_problems(items, entry) or _time_problems(entry, span)


def away_mismatch(items: Sequence[AgendaRef], entries: Sequence[AttendanceEntry]) -> str:
    """Why the recorded times away no longer fit the agenda, naming who (the items were
    reordered, or one deleted, after they were recorded), "" where they fit."""
    found = [
        problem.message
        for entry in entries
        if entry.status is AttendanceStatus.PRESENT
        and (entry.away_item_id, entry.back_item_id) != (None, None)
        for problem in step_out_problems(items, replace(entry, away_at=None, back_at=None), NO_SPAN)
    ]
    if not found:
        return ""
    return (
        f"Unterbrechungen passen nicht zur Tagesordnung: {' '.join(found)} "
        "Bitte berichtigen Sie die Anwesenheit."
    )


def _missing(field: str, name: str, which: str, verb: str) -> FieldProblem:
    return FieldProblem(
        field,
        f"Bitte geben Sie an, {which} {name} die Sitzung {verb}"
        + (" (wer nicht zurückkehrt, geht: „geht nach TOP“)." if verb == "zurückkehrt" else "."),
    )


def _item_problems(items: Sequence[AgendaRef], entry: AttendanceEntry) -> list[FieldProblem]:
    index = {item.id: i for i, item in enumerate(items)}
    number = {item.id: item.number for item in items}
    away, back = entry.away_item_id or 0, entry.back_item_id or 0
    if away not in index or back not in index:
        return [
            FieldProblem(
                "away_item_id",
                "Verlassen oder Rückkehr verweist auf einen fehlenden Tagesordnungspunkt.",
            )
        ]
    name, arrived, left = entry.name, entry.arrived_item_id, entry.left_item_id
    if index[back] <= index[away]:
        return [
            FieldProblem(
                "back_item_id",
                f"{name} verlässt die Sitzung während TOP {number[away]} und kehrt zu "
                f"TOP {number[back]} zurück. {BACK_BEFORE_AWAY} Die Rückkehr ist der erste "
                "Punkt, an dem das Mitglied wieder teilnimmt.",
            )
        ]
    if index[away] <= index.get(arrived or 0, 0):
        came = f"kommt erst zu TOP {number[arrived]} und " if arrived in number else ""
        return [
            FieldProblem(
                "away_item_id",
                f"{name} {came}verlässt die Sitzung schon während TOP {number[away]}, dem "
                "ersten Punkt, an dem das Mitglied teilnimmt. Wer einen Punkt von Beginn an "
                "versäumt, kommt später: bitte „kommt zu TOP“ erfassen.",
            )
        ]
    if left in index and index[back] > index[left]:
        return [
            FieldProblem(
                "back_item_id",
                f"{name} geht nach TOP {number[left]} und kehrt erst zu TOP {number[back]} "
                "zurück. Die Rückkehr muss vor dem Gehen liegen.",
            )
        ]
    return []


def _time_problems(entry: AttendanceEntry, span: MeetingSpan) -> list[FieldProblem]:
    name, away_at, back_at = entry.name, entry.away_at, entry.back_at
    problems = []
    if away_at is not None and back_at is not None and span.order(back_at) <= span.order(away_at):
        problems.append(
            FieldProblem(
                "back_at",
                f"{name} verlässt die Sitzung um {away_at:%H:%M} Uhr und kehrt schon um "
                f"{back_at:%H:%M} Uhr zurück. {BACK_BEFORE_AWAY}",
            )
        )
    for field, moment in (("away_at", away_at), ("back_at", back_at)):
        if moment is None:
            continue
        said = f"{name} {_AT[field].format(f'{moment:%H:%M}')}"
        beyond = _beyond_came_went(entry, moment, span)
        if beyond:
            problems.append(FieldProblem(field, f"{said}, {beyond}. Bitte prüfen Sie die Uhrzeit."))
        elif outside_meeting(moment, span.start, span.latest):
            problems.append(
                FieldProblem(
                    field,
                    f"{said}, außerhalb der Sitzung ({span_text(span.start, span.end)}). "
                    "Bitte prüfen Sie die Uhrzeit.",
                )
            )
    return problems


def _beyond_came_went(entry: AttendanceEntry, moment: time, span: MeetingSpan) -> str:
    """ "vor dem Kommen (16:30 Uhr)" where ``moment`` lies before ``entry``'s arrival time,
    "nach dem Gehen (…)" where after its departure time, else "": both ends of a time away
    lie between them (found by review: only the leaving was checked against the arrival,
    only the return against the departure)."""
    if entry.arrived_at is not None and span.order(moment) < span.order(entry.arrived_at):
        return f"vor dem Kommen ({entry.arrived_at:%H:%M} Uhr)"
    if entry.left_at is not None and span.order(moment) > span.order(entry.left_at):
        return f"nach dem Gehen ({entry.left_at:%H:%M} Uhr)"
    return ""
