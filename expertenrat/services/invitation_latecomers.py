"""Members whom an invited meeting's invitation did not reach with the others: the
Übersicht names them under "Einladung fällig" (:mod:`services.overview_lists` reads the
meetings ahead) until it is sent on to them ("Einladung nachgesandt",
:mod:`services.late_invitations`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, contains_eager

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.late_invitations import Latecomer, send_on_text
from expertenrat.domain.overview import Area, Line, MeetingTab, Target
from expertenrat.services.attendance_rows import full_name, sort_name
from expertenrat.services.overview_lists import MeetingAhead
from expertenrat.store import models

ONE_DAY = timedelta(days=1)


class InvitedMeeting(Protocol):
    """What the rule reads of a meeting (a row, or a meeting ahead of the Übersicht)."""

    @property
    def id(self) -> int: ...
    @property
    def starts_at(self) -> datetime: ...
    @property
    def invitation_sent_on(self) -> date | None: ...


def joined_after_invitation(
    session: Session, council_id: int, ahead: list[MeetingAhead], zone: ZoneInfo
) -> tuple[Line, ...]:
    """A line per invited meeting with :func:`latecomers`: "7. Sitzung am 11.12.2026:
    Dr. Jana Petersen ist nach der Einladung vom 27.11.2026 ins Gremium gekommen –
    Einladung nachsenden"."""
    invited = [m for m in ahead if m.state is MeetingState.INVITED and m.invitation_sent_on]
    found = latecomers(session, council_id, invited, zone)
    return tuple(
        Line(
            send_on_text(m.label, m.starts_at.date(), m.invitation_sent_on, found[m.id]),
            Target(Area.MEETINGS, record_id=m.id, tab=MeetingTab.MEETING),
            urgent=True,
        )
        for m in invited
        if m.invitation_sent_on and found.get(m.id)
    )


def latecomers(
    session: Session, council_id: int, invited: Sequence[InvitedMeeting], zone: ZoneInfo
) -> dict[int, tuple[Latecomer, ...]]:
    """Per invited meeting (by id) the members of its day, by name, whom its invitation did
    not reach and to whom it was not sent on since: saved after the invitation's day (in
    the council's ``zone``) with a term that began after it (one appointed ahead got it
    with the others; one saved late whose term began earlier was invited outside the
    program), or saved before but, as stored at the end of that day, without the meeting's
    day in their term (lengthened or moved since: "Amtszeit verlängert")."""
    invited = [m for m in invited if m.invitation_sent_on is not None]
    if not invited:
        return {}
    since = _utc_start(min(m.invitation_sent_on for m in invited) + ONE_DAY, zone)
    rows = session.scalars(
        select(models.Membership)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .options(contains_eager(models.Membership.person))
        .where(
            models.Membership.council_id == council_id,
            models.Membership.deleted_at.is_(None),
            models.Person.deleted_at.is_(None),
            or_(models.Membership.created >= since, models.Membership.modified >= since),
        )
    ).all()
    # Saved before, changed since: the trail tells their terms then (read only for them).
    last = _utc_start(max(m.invitation_sent_on for m in invited) + ONE_DAY, zone)
    changed = [row.id for row in rows if row.created < last]
    history = _changes_since(session, changed, since) if changed else {}
    found: dict[int, list[Latecomer]] = {}
    for meeting in invited:
        day, sent = meeting.starts_at.date(), meeting.invitation_sent_on
        assert sent is not None  # filtered above
        missed = found.setdefault(meeting.id, [])
        for row in sorted(rows, key=sort_name):
            if not _covers(row.term_start, row.term_end, day):
                continue
            if _local_day(row.created, zone) > sent:
                if row.term_start > sent:
                    missed.append(Latecomer(row.id, full_name(row)))
            elif not _held_then(
                row, history.get(row.id, ()), _utc_start(sent + ONE_DAY, zone), day
            ):
                missed.append(Latecomer(row.id, full_name(row), lengthened=True))
    sent_on = _sent_on(session, {m.membership_id for missed in found.values() for m in missed})
    return {
        meeting_id: tuple(m for m in missed if (meeting_id, m.membership_id) not in sent_on)
        for meeting_id, missed in found.items()
    }


def _sent_on(session: Session, ids: set[int]) -> set[tuple[int, int]]:
    """(meeting, membership) of the invitations sent on to the memberships ``ids``."""
    if not ids:
        return set()
    rows = session.execute(
        select(models.LateInvitation.meeting_id, models.LateInvitation.membership_id).where(
            models.LateInvitation.membership_id.in_(ids)
        )
    )
    return {(meeting_id, membership_id) for meeting_id, membership_id in rows}


def _changes_since(
    session: Session, ids: list[int], since: datetime
) -> dict[int, list[tuple[datetime, str | None]]]:
    """The audit trail's changes of the memberships ``ids`` from ``since`` on, oldest first,
    with the state before each."""
    found: dict[int, list[tuple[datetime, str | None]]] = {}
    entries = session.execute(
        select(models.AuditEntry.entity_id, models.AuditEntry.at, models.AuditEntry.before)
        .where(
            models.AuditEntry.entity == "membership",
            models.AuditEntry.entity_id.in_(ids),
            models.AuditEntry.at >= since,
            models.AuditEntry.before.is_not(None),  # changes, not the creation
        )
        .order_by(models.AuditEntry.at, models.AuditEntry.id)
    )
    for entity_id, at, before in entries:
        found.setdefault(entity_id, []).append((at, before))
    return found


def _held_then(
    row: models.Membership,
    changes: Sequence[tuple[datetime, str | None]],
    after: datetime,
    day: date,
) -> bool:
    """Whether the term as stored when the invitation's day ended (``after``, naive UTC)
    held the meeting's ``day``. The trail keeps of a change the fields it changed, as they
    were: each bound is the one before its first change from then on, else as it is now
    (also where the trail was erased)."""
    bounds: dict[str, str | None] = {}
    for at, before in changes:
        if at >= after and before:
            state = json.loads(before)
            for key in ("term_start", "term_end"):
                if key in state:
                    bounds.setdefault(key, state[key])
    start = bounds.get("term_start", row.term_start.isoformat())
    end = bounds.get("term_end", row.term_end.isoformat() if row.term_end else None)
    if not start:
        return True
    return _covers(date.fromisoformat(start), date.fromisoformat(end) if end else None, day)


def _covers(start: date, end: date | None, day: date) -> bool:
    return start <= day and (end is None or end >= day)


def _utc_start(day: date, zone: ZoneInfo) -> datetime:
    """The start of the local ``day`` as a naive UTC moment (as the database stores them)."""
    return datetime.combine(day, time.min, zone).astimezone(UTC).replace(tzinfo=None)


def _local_day(utc: datetime, zone: ZoneInfo) -> date:
    return utc.replace(tzinfo=UTC).astimezone(zone).date()
