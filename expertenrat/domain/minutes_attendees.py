"""Who attended a meeting, as its minutes list them: the members present (with when they
came or went), the members absent, the guests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

# After the name of a member whose attendance was not recorded, in the list of the absent.
NOT_RECORDED = " (nicht erfasst)"


@dataclass(frozen=True, slots=True)
class PresentMember:
    """A member present, with role, action field and when they came or went (item numbers)."""

    name: str
    role_label: str = ""
    action_field: str = ""
    voting: bool = True
    arrived_at_item: str = ""  # "3": present from TOP 3 on
    left_after_item: str = ""  # "5": present up to and including TOP 5
    arrived_at: time | None = None
    left_at: time | None = None

    @property
    def partial(self) -> str:
        """ "ab TOP 3 (16:20 Uhr)", "bis TOP 5", both, "nur TOP 4 (16:40–17:05 Uhr)" for one
        item, or empty for the whole meeting."""
        if self.arrived_at_item and self.arrived_at_item == self.left_after_item:
            came, went = self.arrived_at, self.left_at
            if came and went:
                clock = f" ({came:%H:%M}–{went:%H:%M} Uhr)"
            elif came or went:
                clock = f" ({'ab' if came else 'bis'} {came or went:%H:%M} Uhr)"
            else:
                clock = ""
            return f"nur TOP {self.arrived_at_item}{clock}"
        parts = []
        if self.arrived_at_item:
            parts.append(f"ab TOP {self.arrived_at_item}{_clock(self.arrived_at)}")
        if self.left_after_item:
            parts.append(f"bis TOP {self.left_after_item}{_clock(self.left_at)}")
        return " ".join(parts)


def _clock(moment: time | None) -> str:
    return f" ({moment:%H:%M} Uhr)" if moment else ""


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
