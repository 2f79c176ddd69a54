"""A council's meetings as OParl records: deleted ones too, with their agenda items, votes,
recusals, who was present, the approved public minutes (with the times they record:
:mod:`services.oparl_minutes`), the public invitations and the public annexes."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from expertenrat.domain.attendance_sheet import AttendanceSheet
from expertenrat.domain.enums import (
    AgendaItemOutcome,
    AttendanceStatus,
    MeetingKind,
    MeetingState,
    VoteMode,
)
from expertenrat.domain.name_order import name_sort_key
from expertenrat.domain.oparl_records import (
    AgendaItemRecord,
    CandidateRecord,
    MeetingRecord,
    RecusalRecord,
    VoteRecord,
)
from expertenrat.domain.time_zones import council_zone
from expertenrat.domain.votes import unanimous_yes
from expertenrat.services.agenda_rows import effectively_public
from expertenrat.services.attendance_sheets import attendance_sheets
from expertenrat.services.document_item_rows import item_outcomes
from expertenrat.services.oparl_annexes import public_annexes
from expertenrat.services.oparl_invitations import InvitationPdfs, is_invited, retired_invitation
from expertenrat.services.oparl_minutes import approved_minutes
from expertenrat.services.oparl_rows import grouped, stamp_of
from expertenrat.services.recusals import council_recusals
from expertenrat.store import models

# What an agenda item holds and the export never reads (the minutes' long texts).
_UNPUBLISHED_ITEM_TEXTS = (models.AgendaItem.discussion, models.AgendaItem.motion_text)


def meeting_records(
    session: Session,
    council: models.Council,
    project_keys: dict[int, str],
    invitations: InvitationPdfs | None,
) -> tuple[list[MeetingRecord], dict[int, str]]:
    """The council's meetings (deleted ones too) and the public id of every agenda item."""
    meetings = list(
        session.scalars(
            select(models.Meeting)
            .where(models.Meeting.council_id == council.id)
            .order_by(models.Meeting.starts_at, models.Meeting.id)
        )
    )
    items = list(
        session.scalars(
            select(models.AgendaItem)
            .join(models.Meeting)
            .where(models.Meeting.council_id == council.id)
            .options(*(defer(c) for c in _UNPUBLISHED_ITEM_TEXTS))
        )
    )
    item_keys = {i.id: i.public_id for i in items}
    votes = grouped(
        session.scalars(
            select(models.Vote)
            .join(models.AgendaItem)
            .join(models.Meeting)
            .where(models.Meeting.council_id == council.id)
            .order_by(models.Vote.position, models.Vote.id)
        ),
        lambda v: v.agenda_item_id,
    )
    sheets = _Sheets(session, meetings)
    recusals = _recusals(session, council.id, sheets)
    people = _candidate_people(session, council.id)
    present = _present(session, council.id)
    # the files' bytes only for OParl (``invitations``), not for the open data's tables
    minutes = approved_minutes(session, council.id, pdfs=invitations is not None)
    invited = [m for m in meetings if is_invited(m)]
    rendered = invitations.of(session, invited) if invitations and invited else {}
    annexes = public_annexes(session, council.id) if invitations else {}
    by_meeting: dict[int, list[models.AgendaItem]] = defaultdict(list)
    for item in items:
        by_meeting[item.meeting_id].append(item)
    public = effectively_public(items)
    outcomes = _outcomes(items)
    zone = council_zone(council.time_zone)
    records = []
    for meeting in meetings:
        ordered = sorted(by_meeting[meeting.id], key=lambda i: _number_key(i.number))
        start, end = minutes.times(meeting)
        records.append(
            MeetingRecord(
                stamp=stamp_of(meeting),
                number=meeting.number,
                title=meeting.title,
                state=MeetingState(meeting.state),
                start=start.replace(tzinfo=zone),
                end=end.replace(tzinfo=zone) if end else None,
                kind=MeetingKind(meeting.kind),
                place=meeting.place,
                room=meeting.room,
                present_keys=tuple(present.get(meeting.id, ())),
                items=tuple(
                    _item(
                        i,
                        n,
                        public[i.id],
                        outcomes[i.id],
                        project_keys,
                        votes,
                        recusals,
                        sheets,
                        people,
                    )
                    for n, i in enumerate(ordered, start=1)
                ),
                invitation=rendered.get(meeting.id),
                minutes=minutes.files.get(meeting.id),
                annexes=annexes.get(meeting.id, ()),
                retired=retired_invitation(meeting),
            )
        )
    return records, item_keys


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))


def _outcomes(items: list[models.AgendaItem]) -> dict[int, AgendaItemOutcome]:
    """What became of each item: a sub-item of one postponed was postponed with it
    (``domain.agenda_outcomes``); a deleted item, or one under a deleted one, has its own."""
    live = item_outcomes((i, i.number) for i in items if i.deleted_at is None)
    return {
        i.id: live[i.id].outcome if i.id in live else AgendaItemOutcome(i.outcome) for i in items
    }


def _item(
    item: models.AgendaItem,
    order: int,
    public: bool,
    outcome: AgendaItemOutcome,
    project_keys: dict[int, str],
    votes: dict[int, list[models.Vote]],
    recusals: dict[int, list[RecusalRecord]],
    sheets: _Sheets,
    people: dict[int, str],
) -> AgendaItemRecord:
    return AgendaItemRecord(
        stamp=stamp_of(item),
        number=item.number,
        order=order,
        title=item.title,
        public=public,
        result=item.result,
        resolution_text=item.resolution_text,
        project_key=project_keys.get(item.project_id) if item.project_id else None,
        votes=tuple(  # recused, unanimous yes: as now (the counts stored may be stale)
            VoteRecord(
                VoteMode(v.mode),
                unanimous_yes(VoteMode(v.mode), v.yes, sheets.voting_at(item, v)),
                v.no,
                v.abstain,
                len(recusals.get(item.id, ())),
                v.adopted,
                v.invalid,
                v.secret,
                tuple(
                    CandidateRecord(people.get(c.membership_id), c.votes, c.elected)
                    for c in v.candidates
                ),
                v.accepted,
            )
            for v in votes.get(item.id, ())
        ),
        recusals=tuple(recusals.get(item.id, ())),
        outcome=outcome,
    )


class _Sheets:
    """The attendance sheets of the council's meetings, all read together when the first is
    needed (one sheet at a time took some ten statements per meeting)."""

    def __init__(self, session: Session, meetings: list[models.Meeting]) -> None:
        self._session = session
        self._meetings = meetings
        self._sheets: dict[int, AttendanceSheet] | None = None

    def of(self, meeting_id: int) -> AttendanceSheet:
        if self._sheets is None:
            self._sheets = attendance_sheets(self._session, self._meetings)
        return self._sheets[meeting_id]

    def voting_at(self, item: models.AgendaItem, vote: models.Vote) -> int | None:
        """Who could vote at ``item`` now, read only for a unanimous ``vote``."""
        if VoteMode(vote.mode) is not VoteMode.UNANIMOUS:
            return None
        return self.of(item.meeting_id).voting_at(item.id)


def _recusals(session: Session, council_id: int, sheets: _Sheets) -> dict[int, list[RecusalRecord]]:
    """The members recused per agenda item, as the minutes name them: also those recused at
    an item above it about the same project (:func:`council_recusals`), only those present at
    the item (``AttendanceSheet.present_at``), not one recorded recused who was excused or
    had left by then."""
    items = dict(
        session.execute(
            select(models.AgendaItem.id, models.AgendaItem.meeting_id)
            .join(models.Meeting, models.Meeting.id == models.AgendaItem.meeting_id)
            .where(models.Meeting.council_id == council_id)
            .where(models.AgendaItem.deleted_at.is_(None))
        ).all()
    )
    held = council_recusals(session, council_id)
    people = dict(
        session.execute(
            select(models.Membership.id, models.Person.public_id)
            .join(models.Person, models.Person.id == models.Membership.person_id)
            .where(models.Membership.id.in_({c.membership_id for cs in held.values() for c in cs}))
        ).all()
    )
    found: dict[int, list[RecusalRecord]] = defaultdict(list)
    for item_id, conflicts in sorted(held.items()):
        sheet = sheets.of(items[item_id])
        for conflict in conflicts:
            if conflict.membership_id not in sheet.present_at(item_id):
                continue
            found[item_id].append(
                RecusalRecord(people[conflict.membership_id], conflict.reason.strip())
            )
    return found


def _candidate_people(session: Session, council_id: int) -> dict[int, str]:
    """The person key of each member of the council who stood in an election."""
    return dict(
        session.execute(
            select(models.Membership.id, models.Person.public_id)
            .join(models.Person, models.Person.id == models.Membership.person_id)
            .join(
                models.ElectionCandidate,
                models.ElectionCandidate.membership_id == models.Membership.id,
            )
            .where(models.Membership.council_id == council_id)
        ).all()
    )


def _present(session: Session, council_id: int) -> dict[int, list[str]]:
    """The persons present per meeting, in name order as the minutes list them
    (:func:`name_sort_key`; sorted here, not by SQL's collation: a council's members times
    its meetings, a few thousand rows at most)."""
    rows = session.execute(
        select(
            models.Attendance.meeting_id,
            models.Person.public_id,
            models.Person.family_name,
            models.Person.given_name,
            models.Person.id,
        )
        .join(models.Membership, models.Membership.id == models.Attendance.membership_id)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .where(
            models.Membership.council_id == council_id,
            models.Attendance.status == AttendanceStatus.PRESENT.value,
        )
    )
    found: dict[int, list[str]] = defaultdict(list)
    for row in sorted(
        rows, key=lambda row: (name_sort_key(row.family_name, row.given_name), row.id)
    ):
        found[row.meeting_id].append(row.public_id)
    return found
