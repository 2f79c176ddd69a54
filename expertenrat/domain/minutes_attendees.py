"""Who attended a meeting, as its minutes list them: the members present (with when they
came or went), the members absent, the guests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time

# After the name of a member whose attendance was not recorded, in the list of the absent.
NOT_RECORDED = " (nicht erfasst)"
# After the item a member left after, before its sub-items: "bis TOP 6 ohne Unterpunkte".
_WITHOUT_SUB_ITEMS = " ohne Unterpunkte"


@dataclass(frozen=True, slots=True)
class PresentMember:
    """A member present, with role, action field and when they came or went (item numbers;
    ``left_before_item``: see :func:`partial_attendance`)."""

    name: str
    role_label: str = ""
    action_field: str = ""
    voting: bool = True
    arrived_at_item: str = ""  # "3": present from TOP 3 on
    left_after_item: str = ""  # "5": present up to and including TOP 5
    arrived_at: time | None = None
    left_at: time | None = None
    left_before_item: str = ""  # "6.1": left after TOP 6's own discussion, before 6.1
    digital: bool = False  # present by video or phone: "digital zugeschaltet"
    away_item: str = ""  # "4": stepped out during TOP 4 …
    away_at: time | None = None
    back_item: str = ""  # … "6": took part again from TOP 6
    back_at: time | None = None

    @property
    def partial(self) -> str:
        """ "ab TOP 3 (16:20 Uhr)", "bis TOP 5", … (:func:`partial_attendance`), with a time
        away after it (:func:`time_away`)."""
        came_went = partial_attendance(
            self.arrived_at_item,
            self.arrived_at,
            self.left_after_item,
            self.left_at,
            self.left_before_item,
        )
        away = time_away(self.away_item, self.away_at, self.back_item, self.back_at)
        return "; ".join(part for part in (came_went, away) if part)


def time_away(away_item: str, away_at: time | None, back_item: str, back_at: time | None) -> str:
    """A member's time away as the minutes word it: "verlässt die Sitzung während TOP 4
    (17:10 Uhr) und nimmt ab TOP 6 (17:45 Uhr) wieder teil", empty without one."""
    if not (away_item and back_item):
        return ""
    left = f"verlässt die Sitzung während TOP {away_item}" + _clock(away_at)
    return f"{left} und nimmt ab TOP {back_item}{_clock(back_at)} wieder teil"


def _clock(moment: time | None) -> str:
    return f" ({moment:%H:%M} Uhr)" if moment else ""


def partial_attendance(
    arrived_item: str,
    arrived_at: time | None,
    left_item: str,
    left_at: time | None,
    left_before: str = "",
) -> str:
    """When a member came or went, as the minutes and the Auskunft word it: "ab TOP 3
    (16:20 Uhr)", "bis TOP 5", both, "nur TOP 4 (16:40–17:05 Uhr)" for one item, or empty
    for the whole meeting. A time without an item: "ab 16:20 Uhr", "bis 17:05 Uhr".

    ``left_before``: the first sub-item of ``left_item`` where the member left after the
    item's own discussion, before its sub-items: "bis TOP 6 ohne Unterpunkte" ("bis TOP 6"
    alone would read as if they had stayed through 6.1 and 6.2, which belong to TOP 6;
    "bis vor TOP 6.1" is not German one writes)."""
    short = _WITHOUT_SUB_ITEMS if left_before else ""
    if arrived_item and arrived_item == left_item:
        if arrived_at and left_at:
            clock = f" ({arrived_at:%H:%M}–{left_at:%H:%M} Uhr)"
        elif arrived_at or left_at:
            clock = f" ({'ab' if arrived_at else 'bis'} {arrived_at or left_at:%H:%M} Uhr)"
        else:
            clock = ""
        return f"nur TOP {arrived_item}{short}{clock}"
    came = f"TOP {arrived_item}" if arrived_item else ""
    went = f"TOP {left_item}{short}" if left_item else ""
    moments = (_moment("ab", came, arrived_at), _moment("bis", went, left_at))
    return " ".join(m for m in moments if m)


def _moment(word: str, place: str, moment: time | None) -> str:
    """ "ab TOP 3 (16:20 Uhr)", "ab TOP 3", "ab 16:20 Uhr" or empty."""
    clock = f"{moment:%H:%M} Uhr" if moment else ""
    if not place:
        return f"{word} {clock}" if clock else ""
    return f"{word} {place} ({clock})" if clock else f"{word} {place}"


def first_sub_item(numbers: Sequence[str], number: str) -> str:
    """The number following ``number`` in the agenda ``numbers`` (in order) where it is a
    sub-item of it ("6.1" after "6"); else empty."""
    if number not in numbers:
        return ""
    index = numbers.index(number) + 1
    following = numbers[index] if index < len(numbers) else ""
    return following if following.startswith(f"{number}.") else ""


@dataclass(frozen=True, slots=True)
class AbsentMember:
    """A member in the list of the absent; ``recorded`` False where the attendance was not
    recorded at all: the minutes print :data:`NOT_RECORDED` after the name. The note is the
    program's and kept apart from the name, so that the PDF sets it left to right after an
    Arabic or Hebrew name and the public version hides a name by the name alone."""

    name: str
    recorded: bool = True

    @property
    def text(self) -> str:
        """ "Anna Berg", or "Anna Berg (nicht erfasst)" while the attendance is not recorded."""
        return self.name if self.recorded else f"{self.name}{NOT_RECORDED}"


@dataclass(frozen=True, slots=True)
class GuestLine:
    name: str
    organisation: str = ""
    role: str = ""
    non_public_only: bool = False  # attended only the non-public part: not in the public minutes
    digital: bool = False  # took part by video or phone


DIGITAL = "digital zugeschaltet"
"""How the minutes and the Auskunft call a member present or a guest who took part by video
or phone, not in the room."""
