"""The notes column of the chair's run sheet (Ablaufplan): what the chair has to do or
know at each agenda item, from what the app knows about the meeting.

Per item, in this order: the item's own notes; at the first item, who is excused; who is
expected to arrive at it, to take part again from it or to step out during it ("Verlässt
die Sitzung": away, and so neither leaving for a recusal nor coming back after it, up to
the item of return); the public leaving before the first non-public item of a stretch
(and coming back after it); members recused from the item before who are back; members
recused from it; who is expected to leave after it (a member excused, not come yet or gone
already neither leaves for a recusal nor comes back after it);
an item without planned minutes; the item at which the time plan runs past the planned
end of the meeting; after the last item, the planned end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from expertenrat.domain.meeting_documents import AgendaEntry
from expertenrat.domain.wording import isolated

EXCLUDE_PUBLIC = "Öffentlichkeit ausschließen: Gäste und Zuhörende verlassen den Raum."
RESTORE_PUBLIC = "Öffentlichkeit wiederherstellen."
NO_DURATION = "Keine Dauer geplant."


@dataclass(frozen=True, slots=True)
class ExpectedMove:
    """A member expected to arrive at an item, to leave after it, to step out during it or
    to take part again from it (``at``: the time)."""

    member_name: str
    at: time | None = None

    @property
    def text(self) -> str:
        return isolated(self.member_name) + (f" (gegen {self.at:%H:%M} Uhr)" if self.at else "")


def with_notes(
    entries: Sequence[AgendaEntry],
    *,
    arrivals: Mapping[str, Sequence[ExpectedMove]] | None = None,
    departures: Mapping[str, Sequence[ExpectedMove]] | None = None,
    stepping_out: Mapping[str, Sequence[ExpectedMove]] | None = None,
    returning: Mapping[str, Sequence[ExpectedMove]] | None = None,
    excused: Sequence[str] = (),
    planned_end: datetime | None = None,
) -> tuple[AgendaEntry, ...]:
    """``entries`` (agenda order) with their notes filled; moves are keyed by item number
    (``stepping_out``: who leaves during the item, ``returning``: who takes part again
    from it)."""
    arrivals, departures = arrivals or {}, departures or {}
    stepping_out, returning = stepping_out or {}, returning or {}
    noted = []
    overrun_noted = False
    # Who is not in the room: the excused, those still to come, those who have left. A
    # recusal of one of them needs no leaving, nor calling back, at that item.
    away = set(excused) | {m.member_name for moves in arrivals.values() for m in moves}
    recused_in_room: list[str] = []
    for index, entry in enumerate(entries):
        away -= {m.member_name for m in arrivals.get(entry.number, ())}
        away -= {m.member_name for m in returning.get(entry.number, ())}
        away |= {m.member_name for m in stepping_out.get(entry.number, ())}
        lines = [entry.notes] if entry.notes.strip() else []
        if index == 0 and excused:
            lines.append("Entschuldigt: " + ", ".join(isolated(n) for n in excused) + ".")
        for moves, said in (
            (arrivals, "Kommt hinzu"),
            (returning, "Nimmt wieder teil"),
            (stepping_out, "Verlässt die Sitzung"),
        ):
            if moves.get(entry.number):
                lines.append(f"{said}: {_names(moves[entry.number])}.")
        before = entries[index - 1].public if index else True
        if before and not entry.public:
            lines.append(EXCLUDE_PUBLIC)
        elif entry.public and not before:
            lines.append(RESTORE_PUBLIC)
        recused = [c.member_name for c in entry.conflicts if c.member_name not in away]
        back = [name for name in recused_in_room if name not in recused and name not in away]
        if back:  # the chair calls them in again (or records their recusal here too)
            lines.append(
                "Nach der Befangenheit wieder im Raum: "
                + ", ".join(isolated(n) for n in back)
                + "."
            )
        lines += [f"{isolated(name)} ist befangen und verlässt den Raum." for name in recused]
        if departures.get(entry.number):
            lines.append("Geht nach diesem Punkt: " + _names(departures[entry.number]) + ".")
        recused_in_room = recused
        away |= {m.member_name for m in departures.get(entry.number, ())}
        ends = _end(entry)
        if not entry.planned_minutes:
            lines.append(NO_DURATION)
        elif planned_end and ends and ends > planned_end and not overrun_noted:
            overrun_noted = True
            lines.append(f"Der Zeitplan geht über das Sitzungsende ({planned_end:%H:%M} Uhr).")
        if index == len(entries) - 1 and ends:
            lines.append(f"Geplantes Ende: {ends:%H:%M} Uhr.")
        noted.append(replace(entry, notes="\n".join(lines)))
    return tuple(noted)


def _names(moves: Sequence[ExpectedMove]) -> str:
    return ", ".join(move.text for move in moves)


def _end(entry: AgendaEntry) -> datetime | None:
    if entry.planned_start is None:
        return None
    return entry.planned_start + timedelta(minutes=entry.planned_minutes or 0)
