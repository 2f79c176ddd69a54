"""Members who joined the council after an invited meeting's invitation went out, and so
never got it: the Übersicht names them under "Einladung fällig"
(:mod:`services.overview_lists` reads the meetings ahead)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.overview import Area, Line, MeetingTab, Target
from expertenrat.domain.wording import listed
from expertenrat.services.overview_lists import MeetingAhead
from expertenrat.store import models


def joined_after_invitation(
    session: Session, council_id: int, ahead: list[MeetingAhead], zone: ZoneInfo
) -> tuple[Line, ...]:
    """Invited meetings with members whose term began after the invitation went out and
    who were saved after it too (days in the council's ``zone``; one appointed ahead got
    it with the others), active on the meeting's day, so who never got it: "7. Sitzung am
    11.12.2026: Dr. Jana Petersen ist nach der Einladung vom 27.11.2026 ins Gremium
    gekommen – Einladung nachsenden"."""
    invited = [m for m in ahead if m.state is MeetingState.INVITED and m.invitation_sent_on]
    if not invited:
        return ()
    rows = session.execute(
        select(models.Membership, models.Person)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .where(
            models.Membership.council_id == council_id,
            models.Membership.created
            >= datetime.combine(min(m.invitation_sent_on for m in invited), time.min),
        )
        .order_by(models.Person.family_name, models.Person.given_name)
    ).all()
    lines = []
    for meeting in invited:
        day = meeting.starts_at.date()
        names = [
            " ".join(filter(None, (person.title, person.given_name, person.family_name)))
            for membership, person in rows
            if _local_day(membership.created, zone) > meeting.invitation_sent_on
            and meeting.invitation_sent_on < membership.term_start <= day
            and (membership.term_end is None or membership.term_end >= day)
        ]
        if names:
            who = listed(names)
            verb = "ist" if len(names) == 1 else "sind"
            lines.append(
                Line(
                    f"{meeting.label} am {day:%d.%m.%Y}: {who} {verb} nach der Einladung vom "
                    f"{meeting.invitation_sent_on:%d.%m.%Y} ins Gremium gekommen – Einladung "
                    "nachsenden",
                    Target(Area.MEETINGS, record_id=meeting.id, tab=MeetingTab.MEETING),
                    urgent=True,
                )
            )
    return tuple(lines)


def _local_day(utc: datetime, zone: ZoneInfo) -> date:
    return utc.replace(tzinfo=UTC).astimezone(zone).date()
