"""A council's clock: its time zone and Bundesland, for the wall-clock times the database
keeps. Apart from the services that read the council's row (``services.meeting_rows``), so
that the window, which makes the shown council's clock, does not load the data stack
(SQLAlchemy) before it first appears."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from expertenrat.domain.councils import DEFAULT_TIME_ZONE
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_series import Occurrence
from expertenrat.domain.time_zones import zone_named


@dataclass(frozen=True, slots=True)
class CouncilClock:
    """The council's time zone and Bundesland: wall clock in the database, aware outside."""

    zone: ZoneInfo
    bundesland: str | None

    def now(self) -> datetime:
        return datetime.now(self.zone)

    def today(self) -> date:
        return self.now().date()

    def aware(self, wall: datetime) -> datetime:
        return wall.replace(tzinfo=self.zone)

    def wall(self, moment: datetime) -> datetime:
        """``moment`` as the council's wall clock (naive); a naive value is taken as it is."""
        if moment.tzinfo is None:
            return moment
        return moment.astimezone(self.zone).replace(tzinfo=None)

    def localise(self, draft: MeetingDraft) -> MeetingDraft:
        """``draft`` with aware times in the council's zone (naive ones are its wall clock)."""
        return replace(
            draft, start=self.aware(self.wall(draft.start)), end=self.aware(self.wall(draft.end))
        )

    def occurrence(self, draft: MeetingDraft) -> Occurrence:
        localised = self.localise(draft)
        return Occurrence(localised.start, localised.end)


def clock_of(time_zone: str | None, bundesland: str | None) -> CouncilClock:
    """The clock of a council of ``time_zone`` and ``bundesland`` as stored (empty, or a
    zone this PC does not know: the default zone)."""
    zone = zone_named(time_zone or DEFAULT_TIME_ZONE) or ZoneInfo(DEFAULT_TIME_ZONE)
    return CouncilClock(zone, bundesland or None)
