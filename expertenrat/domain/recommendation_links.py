"""What a row of the recommendations register links to: the projects a recommendation is
addressed to (with whom to remind), and where it was adopted (a meeting's agenda item, or
between meetings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from expertenrat.domain.recommendations import BETWEEN_MEETINGS
from expertenrat.domain.written_procedures import in_writing_label


@dataclass(frozen=True, slots=True)
class AddressedProject:
    """A project a recommendation is addressed to, with whom to remind; ``ended``: marked
    as finished (phase "abgeschlossen"), which a reminder is not preselected for."""

    id: int
    title: str
    lead_unit: str = ""
    contact_name: str = ""
    contact_email: str = ""
    ended: bool = False


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a recommendation was adopted: a meeting's agenda item, or between meetings
    (``in_writing_on``: in writing, an Umlaufverfahren, on that day)."""

    meeting_id: int | None = None
    meeting_label: str = ""  # "5. Sitzung am 12.03.2026"
    item_id: int | None = None
    item_number: str = ""
    in_writing_on: date | None = None

    @property
    def label(self) -> str:
        if self.in_writing_on is not None:
            return in_writing_label(self.in_writing_on)
        if self.meeting_id is None:
            return BETWEEN_MEETINGS
        top = f", TOP {self.item_number}" if self.item_number else ""
        return f"{self.meeting_label}{top}"
