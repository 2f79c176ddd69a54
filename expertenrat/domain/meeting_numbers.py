"""Running numbers of a council's meetings ("5. Sitzung"), and how a meeting is called.

Numbers of meetings already invited or held never change, nor those of meetings
cancelled after their invitation. Only planned meetings are (re)numbered: in order of
their start, from the highest fixed number + 1, so a deleted or cancelled planned meeting
leaves no gap among the planned ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from expertenrat.domain.enums import MeetingKind, MeetingState

# The field of the note that a meeting planned before one whose number is fixed gets a
# higher number than that one (``fixed_after``): the meeting form says it before saving.
NUMBER_ORDER_FIELD = "number_order"


@dataclass(frozen=True, slots=True)
class NumberedMeeting:
    id: int
    state: MeetingState
    start: datetime
    number: int | None


def meeting_name(number: int | None, kind: MeetingKind = MeetingKind.REGULAR) -> str:
    """ "5. Sitzung"; without a number "Sitzung", or "Klausur" for a workshop. The one rule
    for the window's lists and every document (invitation, run sheet, minutes, calendar)."""
    noun = meeting_noun(number, kind)
    return f"{number}. {noun}" if number else noun


def meeting_file_stem(number: int | None, kind: MeetingKind, day: date) -> str:
    """ "5. Sitzung 2026-12-08": a meeting's part of its documents' file names (the number,
    not the title: titles may hold "/" or ":"); without a number "Sitzung …", "Klausur …"."""
    return f"{meeting_name(number, kind)} {day:%Y-%m-%d}"


def meeting_noun(number: int | None, kind: MeetingKind = MeetingKind.REGULAR) -> str:
    """The word of :func:`meeting_name` without the number: "Sitzung", or "Klausur" for a
    workshop without one (a page header's "Klausur vom 12.03.2026")."""
    return "Klausur" if kind is MeetingKind.WORKSHOP and not number else "Sitzung"


def next_number(numbers: Iterable[int | None]) -> int:
    """The number for a new meeting: the highest given number + 1 (1 for the first)."""
    return max((n for n in numbers if n is not None), default=0) + 1


def renumber_planned(meetings: Iterable[NumberedMeeting]) -> dict[int, int]:
    """New numbers for the planned meetings, by id; other meetings keep theirs.

    Fixed are the numbers of all meetings that are not planned (a meeting cancelled while
    planned is expected to carry no number, see ``meeting_states``).
    """
    meetings = list(meetings)
    first = next_number(m.number for m in meetings if m.state is not MeetingState.PLANNED)
    planned = sorted(
        (m for m in meetings if m.state is MeetingState.PLANNED), key=lambda m: (m.start, m.id)
    )
    return {m.id: first + index for index, m in enumerate(planned)}


def number_as_planned(meetings: Iterable[NumberedMeeting], meeting_id: int) -> int:
    """The number meeting ``meeting_id`` gets planned again (its invitation taken back):
    :func:`renumber_planned` with it planned. Higher than its number as invited where a
    later meeting is invited already (found by a tester: the 7. Sitzung became the 9.)."""
    planned = (
        replace(m, state=MeetingState.PLANNED) if m.id == meeting_id else m for m in meetings
    )
    return renumber_planned(planned)[meeting_id]


def changed_numbers(meetings: Iterable[NumberedMeeting]) -> dict[int, int]:
    """Only the planned meetings whose number :func:`renumber_planned` changes."""
    meetings = list(meetings)
    current = {m.id: m.number for m in meetings}
    return {i: n for i, n in renumber_planned(meetings).items() if current[i] != n}


def fixed_after(
    meetings: Iterable[NumberedMeeting], meeting_id: int | None, start: datetime
) -> tuple[int, NumberedMeeting] | None:
    """For a planned meeting (``meeting_id``; ``None``: a new one) starting at ``start``:
    the number it gets and the first meeting after it whose number is fixed (invited, held
    or cancelled after its invitation), whose lower number stays; ``None`` where no such
    meeting follows it. Renumbering that one instead would change a number its invitation
    and the members' calendars have announced already."""
    new_id = -1 if meeting_id is None else meeting_id
    others = [m for m in meetings if m.id != meeting_id]
    found = before_fixed(others, [NumberedMeeting(new_id, MeetingState.PLANNED, start, None)])
    return (found[0][1], found[0][2]) if found else None


def before_fixed(
    meetings: Iterable[NumberedMeeting], new: Sequence[NumberedMeeting]
) -> list[tuple[NumberedMeeting, int, NumberedMeeting]]:
    """Of the ``new`` planned meetings (beside ``meetings``), those a meeting whose number is
    fixed follows (:func:`fixed_after`), in order of their start: each with the number it
    gets and the first such meeting after it."""
    meetings = list(meetings)
    numbers = renumber_planned([*meetings, *new])
    fixed = sorted(
        (m for m in meetings if m.state is not MeetingState.PLANNED and m.number),
        key=lambda m: (m.start, m.id),
    )
    found = []
    for planned in sorted(new, key=lambda m: (m.start, m.id)):
        later = next((m for m in fixed if m.start > planned.start), None)
        if later is not None:
            found.append((planned, numbers[planned.id], later))
    return found
