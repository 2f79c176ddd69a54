"""The content snapshot of a meeting's minutes, read from the database inside a session."""

from __future__ import annotations

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemOutcome, RecommendationKind
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
from expertenrat.services.attendance_rows import agenda_rows, full_name
from expertenrat.services.minutes_document_items import adopted_recommendation_rows
from expertenrat.services.minutes_rows import vote_rows
from expertenrat.store import models


def minutes_snapshot(
    session: Session, meeting: models.Meeting, doc: MinutesDocument | None = None
) -> MinutesSnapshot:
    """What the minutes of ``meeting`` say now, as stored in ``session``'s transaction;
    ``doc``: their full minutes document (not the public one), where the caller has it."""
    if doc is None:
        # Imported here: the minutes document brings the whole assembly along.
        from expertenrat.services.minutes_assembly import minutes_document

        doc = minutes_document(session, meeting)  # attendance and recusals as printed
    recused = {
        item.number: "; ".join(recused_label(c.member_name, c.reason) for c in item.recused)
        for item in doc.items
    }
    rows = agenda_rows(session, meeting.id)
    ids = [row.id for row, _ in rows]
    votes = {
        item_id: [
            VoteSnapshot(v.subject, v.mode, v.yes, v.no, v.abstain, v.recused, v.adopted)
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
            recused=recused.get(number, ""),
        )
        for row, number in rows
    )
    return MinutesSnapshot(_header(session, meeting, doc), items)


def _header(session: Session, meeting: models.Meeting, doc: MinutesDocument) -> HeaderSnapshot:
    chair = ""
    if meeting.chair_membership_id is not None:
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
        attendance=_attendance(doc),
    )


def _attendance(doc: MinutesDocument) -> str:
    """Who was there as the minutes print it: an objection "Ich war ab TOP 3 anwesend" is
    corrected in the attendance, and the versions and their diff must show it."""
    present = [
        " ".join(
            part
            for part in (m.name, f"({m.partial})" if m.partial else "", ""
                         if m.voting else "– ohne Stimmrecht")
            if part
        )
        for m in doc.present
    ]  # fmt: skip
    guests = [  # the mark shows in the diff: the public minutes leave such a guest out
        ", ".join(p for p in (g.name, g.organisation, g.role) if p)
        + (" (nur im nichtöffentlichen Teil)" if g.non_public_only else "")
        for g in doc.guests
    ]
    lines = [
        ("Anwesend", present),
        ("Entschuldigt", list(doc.excused)),
        ("Abwesend", [a.text for a in doc.absent]),
        ("Gäste", guests),
    ]
    return "\n".join(f"{label}: {'; '.join(names)}" for label, names in lines if names)


def changed_since(
    session: Session, meeting: models.Meeting, stored: str, doc: MinutesDocument | None = None
) -> bool:
    """Whether the minutes of ``meeting`` now say other than the snapshot ``stored`` with
    a version (sent, say: then the members were sent another text); ``doc`` as for
    :func:`minutes_snapshot`."""
    return not same_content(stored, minutes_snapshot(session, meeting, doc))
