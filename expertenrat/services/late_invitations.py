"""Sending an invited meeting's invitation on to members it did not reach with the others
(they joined after it went out: :mod:`services.invitation_latecomers`): who they are, and
"Einladung nachgesandt", recorded per member with its day. The meeting's own
``invitation_sent_on``, from which the notice period counts, stays as it is; the e-mail
draft to them alone is :meth:`MeetingDocumentsService.invitation_mail` with ``only``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.late_invitations import Latecomer
from expertenrat.domain.meetings import list_label
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.attendance_rows import full_name
from expertenrat.services.invitation_latecomers import latecomers
from expertenrat.services.meeting_document_rows import document_meeting
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.unit_of_work import changing, hold_council, reading
from expertenrat.store import models
from expertenrat.store.database import Database


class LateInvitationsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def missing(self, meeting_id: int) -> tuple[Latecomer, ...]:
        """The members of the invited meeting's day whom its invitation did not reach and
        to whom it was not sent on yet, by name; none for a meeting not invited."""
        with reading(self._db) as session:
            return _missing(session, document_meeting(session, meeting_id))

    def record_sent(
        self, meeting_id: int, membership_ids: Collection[int], sent_on: date
    ) -> tuple[Latecomer, ...]:
        """Record that the invitation was sent on to the members ``membership_ids`` on
        ``sent_on`` (audited per member); those recorded. Refused, with a German reason,
        for a meeting no longer invited, a day before the invitation or after the meeting,
        and a member not among :meth:`missing` (not a member on the meeting's day, invited
        with the others, or sent on already)."""
        with changing(self._db, "Die nachgesandte Einladung") as session:
            meeting = document_meeting(session, meeting_id)
            hold_council(session, meeting.council_id)  # the same member recorded elsewhere
            label = list_label(meeting.number, MeetingKind(meeting.kind), meeting.title)
            if meeting.state != MeetingState.INVITED.value or meeting.invitation_sent_on is None:
                state = MeetingState(meeting.state).label
                raise ExpertenratError(
                    f"Zur {label} ist nichts nachzusenden: die Sitzung ist nicht (mehr) "
                    f"eingeladen, sondern „{state}“."
                )
            day, first = meeting.starts_at.date(), meeting.invitation_sent_on
            if not first <= sent_on <= day:
                raise ExpertenratError(
                    f"Die Einladung kann nur zwischen der Einladung vom {first:%d.%m.%Y} und "
                    f"der Sitzung am {day:%d.%m.%Y} nachgesandt worden sein, nicht am "
                    f"{sent_on:%d.%m.%Y}."
                )
            missing = {m.membership_id: m for m in _missing(session, meeting)}
            if not membership_ids:
                raise ExpertenratError("Es ist kein Mitglied gewählt, dem sie nachgesandt wurde.")
            for membership_id in membership_ids:
                if membership_id not in missing:
                    raise ExpertenratError(_why_not(session, meeting, membership_id))
            recorded = tuple(missing[i] for i in dict.fromkeys(membership_ids))
            audited = list_label(meeting.number, MeetingKind(meeting.kind), meeting.title, isolated)
            for member in recorded:
                row = models.LateInvitation(
                    meeting_id=meeting.id, membership_id=member.membership_id, sent_on=sent_on
                )
                session.add(row)
                session.flush()
                audit.record(
                    session,
                    self._actor,
                    AuditAction.CREATE,
                    "late_invitation",
                    row.id,
                    council_id=meeting.council_id,
                    summary=(
                        f"Einladung zur {audited} an {isolated(member.name)} nachgesandt am "
                        f"{sent_on:%d.%m.%Y}"
                    ),
                    after=audit.snapshot(row),
                )
            return recorded


def _missing(session: Session, meeting: models.Meeting) -> tuple[Latecomer, ...]:
    if meeting.state != MeetingState.INVITED.value or meeting.invitation_sent_on is None:
        return ()
    zone = council_clock(session, meeting.council_id).zone
    return latecomers(session, meeting.council_id, [meeting], zone).get(meeting.id, ())


def _why_not(session: Session, meeting: models.Meeting, membership_id: int) -> str:
    """Why the invitation is not to be sent on to the member (German)."""
    row = session.get(models.Membership, membership_id)
    if row is None or row.deleted_at is not None or row.council_id != meeting.council_id:
        raise NotFoundError("Dieses Mitglied gibt es nicht mehr. Vielleicht wurde es gelöscht.")
    name, day = full_name(row), meeting.starts_at.date()
    if not (row.term_start <= day and (row.term_end is None or row.term_end >= day)):
        return (
            f"{name} gehört dem Gremium am Tag der Sitzung ({day:%d.%m.%Y}) nicht an: eine "
            "Einladung ist nicht nachzusenden."
        )
    sent = session.scalar(
        select(models.LateInvitation.sent_on).where(
            models.LateInvitation.meeting_id == meeting.id,
            models.LateInvitation.membership_id == membership_id,
        )
    )
    if sent is not None:
        return f"Die Einladung an {name} ist bereits am {sent:%d.%m.%Y} nachgesandt worden."
    return (
        f"{name} hat die Einladung vom {meeting.invitation_sent_on:%d.%m.%Y} mit den anderen "
        "erhalten: nachzusenden ist nichts."
    )
