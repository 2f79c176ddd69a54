"""The content snapshot of a meeting's minutes, read from the database inside a session.

What the snapshot keeps of the attendance and the recusals is worded as the minutes
document prints it (:mod:`services.minutes_attendance`, ``recused_conflicts``), read from
the attendance sheet alone: the whole document (letterhead, quorum, annexes, earlier
minutes, the agenda's moves, some 35 statements) is not needed to tell whether the minutes
changed since they were sent, which the Genehmigung tab asks each time it is shown (found
by a tester: some 40 statements, each a round trip to a shared server).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from expertenrat.domain.agenda import PlacedItem
from expertenrat.domain.elections import election_line
from expertenrat.domain.enums import AgendaItemOutcome, RecommendationKind
from expertenrat.domain.minutes_attendees import (
    DIGITAL,
    AbsentMember,
    GuestLine,
    PresentMember,
)
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_versions import (
    HeaderSnapshot,
    ItemSnapshot,
    MinutesSnapshot,
    RecommendationSnapshot,
    VoteSnapshot,
    same_content,
)
from expertenrat.domain.votes import recused_label
from expertenrat.services.attendance_rows import agenda_rows, full_name, placed_agenda_rows
from expertenrat.services.attendance_sheets import attendance_sheet
from expertenrat.services.document_item_rows import recused_conflicts
from expertenrat.services.election_rows import election_of
from expertenrat.services.minutes_attendance import minutes_attendees
from expertenrat.services.minutes_document_items import adopted_recommendation_rows
from expertenrat.services.minutes_rows import vote_rows
from expertenrat.services.recusals import agenda_recusals
from expertenrat.store import models


@dataclass(frozen=True, slots=True)
class _Printed:
    """What the snapshot keeps of the people as the minutes print them."""

    attendance: str  # see :func:`_attendance`
    recused: dict[str, str]  # "A (Grund); B" by item number
    chair: str | None  # None: not read yet (a chair not on the attendance sheet)


def minutes_snapshot(
    session: Session,
    meeting: models.Meeting,
    doc: MinutesDocument | None = None,
    *,
    placed: list[tuple[models.AgendaItem, PlacedItem]] | None = None,
) -> MinutesSnapshot:
    """What the minutes of ``meeting`` say now, as stored in ``session``'s transaction;
    ``doc``: their full minutes document (not the public one), or ``placed`` its agenda
    (:func:`placed_agenda_rows`), where the caller has it."""
    if doc is None:
        placed = placed_agenda_rows(session, meeting.id) if placed is None else placed
        printed = _printed_now(session, meeting, placed)
        rows = [(row, where.number) for row, where in placed]
    else:
        printed = _printed_in(doc)
        rows = agenda_rows(session, meeting.id)
    ids = [row.id for row, _ in rows]
    votes = {
        item_id: [
            VoteSnapshot(
                v.subject,
                v.mode,
                v.yes,
                v.no,
                v.abstain,
                v.recused,
                v.adopted,
                _election_line(v),
            )
            for v in rows
        ]
        for item_id, rows in vote_rows(session, ids).items()
    }
    adopted: dict[int, list[RecommendationSnapshot]] = {}
    for rec, field, projects in adopted_recommendation_rows(session, ids):
        adopted.setdefault(rec.origin_agenda_item_id, []).append(
            RecommendationSnapshot(
                code=rec.code,
                kind=RecommendationKind(rec.kind).label,
                title=rec.title,
                text=rec.text,
                projects=projects,
                action_field=field,
            )
        )
    items = tuple(
        ItemSnapshot(
            item_id=row.id,
            number=number,
            title=row.title,
            public=row.public,
            discussion=row.discussion,
            motion=row.motion_text,
            resolution=row.resolution_text,
            result=row.result,
            votes=tuple(votes.get(row.id, ())),
            recommendations=tuple(adopted.get(row.id, ())),
            outcome=AgendaItemOutcome(row.outcome).label,
            recused=printed.recused.get(number, ""),
        )
        for row, number in rows
    )
    return MinutesSnapshot(_header(session, meeting, printed), items)


def _header(session: Session, meeting: models.Meeting, printed: _Printed) -> HeaderSnapshot:
    chair = printed.chair
    if chair is None:
        membership = session.get(models.Membership, meeting.chair_membership_id)
        chair = full_name(membership) if membership is not None else ""
    return HeaderSnapshot(
        opened_at=f"{meeting.opened_at:%H:%M}" if meeting.opened_at else "",
        closed_at=f"{meeting.closed_at:%H:%M}" if meeting.closed_at else "",
        chair=chair,
        minute_taker=meeting.minute_taker,
        agenda_approved=meeting.agenda_approved,
        agenda_changes=meeting.agenda_changes,
        quorum_noted=meeting.quorum_noted,
        attendance=printed.attendance,
    )


def _printed_in(doc: MinutesDocument) -> _Printed:
    return _Printed(
        _attendance(doc.present, doc.excused, doc.absent, doc.guests),
        {
            item.number: "; ".join(recused_label(c.member_name, c.reason) for c in item.recused)
            for item in doc.items
        },
        doc.chair,
    )


def _printed_now(
    session: Session, meeting: models.Meeting, placed: list[tuple[models.AgendaItem, PlacedItem]]
) -> _Printed:
    """:func:`_printed_in` the minutes document of ``meeting``, read from its attendance
    sheet and recusals as the document reads them (``placed``: its agenda)."""
    recusals = agenda_recusals(session, meeting.id, [row for row, _where in placed])
    sheet = attendance_sheet(session, meeting, agenda=placed, recusals=recusals)
    present, excused, absent = minutes_attendees(sheet, {ref.id: ref.number for ref in sheet.items})
    guests = [g.minutes_line() for g in sheet.guests]
    ids = [row.id for row, _where in placed]
    recused = recused_conflicts(session, ids, sheet.present_at, recusals)
    return _Printed(
        _attendance(present, excused, absent, guests),
        {
            where.number: "; ".join(
                recused_label(c.member_name, c.reason) for c in recused.get(row.id, ())
            )
            for row, where in placed
        },
        next(
            (e.name for e in sheet.entries if e.membership_id == meeting.chair_membership_id),
            None if meeting.chair_membership_id is not None else "",
        ),
    )


def _attendance(
    present: Sequence[PresentMember],
    excused: Sequence[str],
    absent: Sequence[AbsentMember],
    guests: Sequence[GuestLine],
) -> str:
    """Who was there as the minutes print it: an objection "Ich war ab TOP 3 anwesend" (or
    "… im Saal, nicht digital") is corrected in the attendance, and the versions and their
    diff must show it."""
    present_lines = [
        " ".join(
            part
            for part in (m.name, f"({m.partial})" if m.partial else "", ""
                         if m.voting else "– ohne Stimmrecht",
                         f"– {DIGITAL}" if m.digital else "")
            if part
        )
        for m in present
    ]  # fmt: skip
    guest_lines = [  # the mark shows in the diff: the public minutes leave such a guest out
        ", ".join(p for p in (g.name, g.organisation, g.role) if p)
        + (" (nur im nichtöffentlichen Teil)" if g.non_public_only else "")
        + (f" – {DIGITAL}" if g.digital else "")
        for g in guests
    ]
    lines = [
        ("Anwesend", present_lines),
        ("Entschuldigt", list(excused)),
        ("Abwesend", [a.text for a in absent]),
        ("Gäste", guest_lines),
    ]
    return "\n".join(f"{label}: {'; '.join(names)}" for label, names in lines if names)


def changed_since(
    session: Session,
    meeting: models.Meeting,
    stored: str,
    doc: MinutesDocument | None = None,
    *,
    placed: list[tuple[models.AgendaItem, PlacedItem]] | None = None,
) -> bool:
    """Whether the minutes of ``meeting`` now say other than the snapshot ``stored`` with
    a version (sent, say: then the members were sent another text); ``doc`` and ``placed``
    as for :func:`minutes_snapshot`."""
    return not same_content(stored, minutes_snapshot(session, meeting, doc, placed=placed))


def _election_line(row: models.Vote) -> str:
    election = election_of(row)
    return "" if election is None else election_line(election, row.abstain)
