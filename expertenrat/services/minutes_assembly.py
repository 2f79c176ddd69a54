"""Reading a meeting's minutes as a document (``domain.minutes_document``) in one session.

A handful of queries for the whole document: the meeting and its council, the attendance
sheet (``services.attendance``, with the quorum by the council's rule), the agenda items
(read once) with their votes, recused members and adopted recommendations
(``minutes_document_items``) and those taken up in another order than invited
(``invitation_trail.held_moves``), the annexes (``annex_rows``, without their content), what
the meeting decided about earlier minutes (``earlier_minutes``) and the latest minutes
version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from expertenrat.domain.approved_minutes import ApprovedMinutes, PrintedName
from expertenrat.domain.enums import (
    MeetingKind,
    MinutesState,
    MinutesStyle,
)
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.minutes import recorded_times
from expertenrat.domain.minutes_approval import VersionOrigin
from expertenrat.domain.minutes_attendees import GuestLine
from expertenrat.domain.minutes_document import ApprovalStamp, Invitation, MinutesDocument
from expertenrat.domain.minutes_versions import fingerprint
from expertenrat.domain.public_minutes import left_out_guests, public_version
from expertenrat.domain.unnamed_mentions import UnnamedMember, non_public_guest
from expertenrat.services.annex_rows import annex_entries
from expertenrat.services.attendance_rows import full_name, placed_agenda_rows
from expertenrat.services.attendance_sheets import attendance_sheet
from expertenrat.services.council_rows import WITH_LOGO, letterhead_of
from expertenrat.services.earlier_minutes import earlier_minutes
from expertenrat.services.invitation_trail import held_moves, unsent_changes
from expertenrat.services.minutes_attendance import action_field_names, minutes_attendees
from expertenrat.services.minutes_document_items import minutes_items
from expertenrat.services.recusals import agenda_recusals
from expertenrat.store import models


def latest_version(session: Session, meeting_id: int) -> models.MinutesVersion | None:
    """The meeting's newest minutes version (highest number), or ``None`` before the first."""
    return session.scalar(
        select(models.MinutesVersion)
        .where(models.MinutesVersion.meeting_id == meeting_id)
        .order_by(models.MinutesVersion.number.desc())
        .limit(1)
    )


def approval_stamp(session: Session, version: models.MinutesVersion) -> ApprovalStamp | None:
    """What an approved ``version`` prints: day, approving meeting, content fingerprint."""
    if version.state != MinutesState.APPROVED.value or version.approved_on is None:
        return None
    approving = (
        session.get(models.Meeting, version.approved_in_meeting_id)
        if version.approved_in_meeting_id is not None
        else None
    )
    return ApprovalStamp(
        approved_on=version.approved_on,
        approved_in=meeting_label(approving) if approving else "",
        fingerprint=fingerprint(version.content),
    )


def meeting_label(meeting: models.Meeting) -> str:
    """ "7. Sitzung am 12.03.2027" (without a number: "Sitzung am …", "Klausur am …")."""
    return dated_meeting_label(
        meeting.number, MeetingKind(meeting.kind), meeting.starts_at.date(), meeting.title
    )


def minutes_document(
    session: Session,
    meeting: models.Meeting,
    approval: ApprovalStamp | None = None,
    *,
    public: bool = False,
) -> MinutesDocument:
    """The minutes of ``meeting`` as stored now, full or ``public``; with ``approval``, as
    approved. Only the public version reads who has not agreed to the publication of the
    name (it calls them "Mitglied ohne Namensnennung"); the full one names everyone."""
    council = session.get(models.Council, meeting.council_id, options=WITH_LOGO)
    assert council is not None  # a foreign key with ON DELETE CASCADE
    placed = placed_agenda_rows(session, meeting.id)
    recusals = agenda_recusals(session, meeting.id, [row for row, _p in placed])  # sheet, items
    sheet = attendance_sheet(session, meeting, agenda=placed, recusals=recusals)
    numbers = {ref.id: ref.number for ref in sheet.items}
    version = latest_version(session, meeting.id)
    state = MinutesState(version.state) if version else MinutesState.DRAFT
    if approval is not None:
        state = MinutesState.APPROVED
    elif state is MinutesState.APPROVED:  # a fresh rendering of approved minutes
        approval = approval_stamp(session, version)  # type: ignore[arg-type]
    present, excused, absent = minutes_attendees(
        sheet, numbers, council.role_titles, action_field_names(session, sheet)
    )
    unsent = unsent_changes(session, meeting, placed)
    doc = MinutesDocument(
        letterhead=letterhead_of(council),
        number=meeting.number,
        day=meeting.starts_at.date(),
        state=state,
        style=MinutesStyle(council.minutes_style),
        title=meeting.title,
        kind=MeetingKind(meeting.kind),
        kind_label=_kind_label(meeting),
        place=meeting.place,
        room=meeting.room,
        online_link=meeting.online_link,
        opened_at=meeting.opened_at,
        closed_at=meeting.closed_at,
        ended_on=_ended_on(meeting),
        chair=_chair(session, meeting),
        minute_taker=meeting.minute_taker,
        present=present,
        excused=excused,
        absent=absent,
        attendance_unrecorded=sheet.unrecorded,
        guests=tuple(g.minutes_line() for g in sheet.guests),
        invitation=Invitation(meeting.invitation_sent_on, council.notice_period_days),
        quorum=sheet.quorum,
        quorum_spans=sheet.quorum_spans,
        quorum_opening=sheet.quorum_opening,
        quorum_noted=meeting.quorum_noted,
        agenda_approved=meeting.agenda_approved,
        agenda_changes=meeting.agenda_changes,
        agenda_sent_on=meeting.invitation_agenda_sent_on,
        moved_items=held_moves(session, meeting, [row for row, _placed in placed]),
        renumbered_told=True,
        unsent_items=unsent.added,
        unsent_dropped=unsent.dropped,
        unsent_certain=unsent.certain,
        items=minutes_items(session, placed, sheet, recusals),
        annexes=annex_entries(session, meeting.id),
        version=version.number if version else None,
        circulated_on=version.circulated_on if version else None,
        objections_due_on=version.objections_due_on if version else None,
        corrected_on=(
            version.made_on if version and version.origin == VersionOrigin.OBJECTION.value else None
        ),
        approval=approval,
        earlier_minutes=earlier_minutes(session, meeting, [row for row, _placed in placed]),
    )
    return public_minutes(session, doc, meeting.council_id) if public else doc


def public_minutes(session: Session, full: MinutesDocument, council_id: int) -> MinutesDocument:
    """The public version of ``full``, the full minutes document of a meeting of the council
    ``council_id``, with its members who have not agreed to the publication of the name
    unnamed."""
    return public_version(replace(full, unnamed=unnamed_members(session, council_id)))


def approved_minutes(
    session: Session, meeting: models.Meeting, approval: ApprovalStamp
) -> ApprovedMinutes:
    """What the approval of ``meeting``'s minutes keeps: the full document as approved, with
    the members unnamed that day, and the names of the council's members by person."""
    full = minutes_document(session, meeting, approval)
    rows = session.scalars(
        select(models.Membership)
        .join(models.Membership.person)
        .options(contains_eager(models.Membership.person))
        .where(models.Membership.council_id == meeting.council_id)
        .order_by(models.Membership.person_id, models.Membership.id)
    )
    names = dict.fromkeys(PrintedName(row.person_id, full_name(row)) for row in rows)
    unnamed = unnamed_members(session, meeting.council_id)
    return ApprovedMinutes(replace(full, unnamed=unnamed), tuple(names))


def unnamed_members(session: Session, council_id: int) -> frozenset[str]:
    """The names of the council's members who have not agreed to the publication of their
    name (the public minutes do not print them)."""
    return frozenset(m.name for m in unnamed_persons(session, council_id))


def unnamed_persons(session: Session, council_id: int) -> tuple[UnnamedMember, ...]:
    """The council's members who have not agreed to the publication of their name, with
    their family name (:func:`domain.unnamed_mentions.unnamed_mentions` looks for it)."""
    rows = session.scalars(
        select(models.Membership)
        .join(models.Membership.person)
        .options(contains_eager(models.Membership.person))  # one query, not one per name
        .where(models.Membership.council_id == council_id, models.Person.publish_name.is_(False))
        .order_by(models.Membership.id)
    )
    return tuple(
        UnnamedMember(name, row.person.family_name) for row in rows if (name := full_name(row))
    )


def unnamed_in_public(
    session: Session,
    meeting: models.Meeting,
    members: tuple[UnnamedMember, ...] | None = None,
    full: MinutesDocument | None = None,
) -> tuple[UnnamedMember, ...]:
    """Who the public minutes of ``meeting`` may not name: the council's members who have
    not agreed to the publication of their name and the meeting's guests the public minutes
    leave out (:func:`domain.public_minutes.left_out_guests`: marked "nur im
    nichtöffentlichen Teil anwesend", or presenters of non-public items only). Exporting
    and the completeness check warn where a typed text names one. ``members``: the
    council's :func:`unnamed_persons`, where the caller has read them already; ``full``:
    the meeting's full minutes document (its guests and presenters), where the caller has
    read it."""
    if full is None:
        rows = session.scalars(
            select(models.Guest)
            .where(models.Guest.meeting_id == meeting.id)
            .order_by(models.Guest.id)
        )
        guests = [GuestLine(g.name, non_public_only=g.non_public_only) for g in rows]
        placed = placed_agenda_rows(session, meeting.id)
        presenters = [(row.presenter, p.public) for row, p in placed]
    else:
        guests, presenters = list(full.guests), [(i.presenter, i.public) for i in full.items]
    return unnamed_among(session, meeting.council_id, guests, presenters, members)


def unnamed_among(
    session: Session,
    council_id: int,
    guests: Sequence[GuestLine],
    presenters: Sequence[tuple[str, bool]],
    members: tuple[UnnamedMember, ...] | None = None,
) -> tuple[UnnamedMember, ...]:
    """:func:`unnamed_in_public` of a meeting of the council ``council_id`` whose
    ``guests`` and items' ``presenters`` (each with whether its item is public) the caller
    has read."""
    left_out = left_out_guests(guests, presenters)
    return (
        *(unnamed_persons(session, council_id) if members is None else members),
        *(non_public_guest(g.name, marked=g.non_public_only) for g in left_out if g.name.strip()),
    )


def _ended_on(meeting: models.Meeting) -> date | None:
    """The day a meeting over days ended, as its minutes print it (None for one day)."""
    start, end = recorded_times(
        meeting.starts_at, meeting.ends_at, meeting.opened_at, meeting.closed_at
    )
    return end.date() if end is not None and end.date() > start.date() else None


def _kind_label(meeting: models.Meeting) -> str:
    """The kind of a meeting that is not a regular one ("Außerordentliche Sitzung")."""
    kind = MeetingKind(meeting.kind)
    return "" if kind is MeetingKind.REGULAR else kind.label


def _chair(session: Session, meeting: models.Meeting) -> str:
    if meeting.chair_membership_id is None:
        return ""
    membership = session.get(models.Membership, meeting.chair_membership_id)
    return full_name(membership) if membership is not None else ""
