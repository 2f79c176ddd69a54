"""Rows and read models for the minutes approval and objections services: versions,
objections, the members who may object and the audit of a new version; the other meetings
an approval involves: :mod:`~expertenrat.services.approval_meetings`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from expertenrat.domain.agenda import PlacedItem
from expertenrat.domain.attendance_sheet import AgendaRef
from expertenrat.domain.enums import (
    AttendanceStatus,
    AuditAction,
    MeetingKind,
    MeetingState,
    MinutesApproval,
    MinutesState,
    ObjectionState,
)
from expertenrat.domain.errors import FieldProblem, NotFoundError, ValidationError
from expertenrat.domain.meetings import list_label
from expertenrat.domain.minutes_approval import MinutesStatus, VersionOrigin, VersionRecord
from expertenrat.domain.minutes_objections import ObjectionRecord
from expertenrat.domain.minutes_versions import fingerprint
from expertenrat.domain.wording import isolated
from expertenrat.services import agenda_rows, audit
from expertenrat.services.attendance_rows import agenda_refs
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_freeze import is_frozen
from expertenrat.services.unit_of_work import gone
from expertenrat.store import models

MEETING = "Die Sitzung"


def label(meeting: models.Meeting) -> str:
    """ "5. Sitzung"."""
    return list_label(meeting.number, MeetingKind(meeting.kind), meeting.title)


def _label_of(session: Session, meeting_id: int | None) -> str:
    """The label of the meeting ``meeting_id`` (see :func:`label`); "" for none or one no
    longer stored."""
    meeting = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    return label(meeting) if meeting is not None else ""


def live(session: Session, meeting_id: int, *, lock: bool = False) -> models.Meeting:
    meeting = session.get(models.Meeting, meeting_id, with_for_update=lock or None)
    if meeting is None or meeting.deleted_at is not None:
        raise NotFoundError(gone(MEETING))
    return meeting


def refuse(field: str, message: str) -> ValidationError:
    return ValidationError([FieldProblem(field, message)])


# What a version's rows need: its approved document is read where it is used (its PDFs
# are deferred in the model).
_WITHOUT_DOCUMENT = (defer(models.MinutesVersion.document),)


def versions(session: Session, meeting_id: int) -> list[models.MinutesVersion]:
    """The meeting's versions of its minutes, in order, without their stored files: the
    PDFs and the approved document stay in the database (read on first use), each version
    carried them along to every status and check (found by a tester)."""
    return list(
        session.scalars(
            select(models.MinutesVersion)
            .where(models.MinutesVersion.meeting_id == meeting_id)
            .options(*_WITHOUT_DOCUMENT)
            .order_by(models.MinutesVersion.number)
        )
    )


def next_number(session: Session, meeting_id: int) -> int:
    highest = session.scalar(
        select(func.max(models.MinutesVersion.number)).where(
            models.MinutesVersion.meeting_id == meeting_id
        )
    )
    return (highest or 0) + 1


def objections(session: Session, meeting_id: int) -> list[models.Objection]:
    return list(
        session.scalars(
            select(models.Objection)
            .join(models.MinutesVersion)
            .where(models.MinutesVersion.meeting_id == meeting_id)
            .order_by(models.Objection.raised_on, models.Objection.id)
        )
    )


def version_record(session: Session, row: models.MinutesVersion) -> VersionRecord:
    return VersionRecord(
        id=row.id,
        number=row.number,
        state=MinutesState(row.state),
        circulated_on=row.circulated_on,
        objections_due_on=row.objections_due_on,
        approved_on=row.approved_on,
        approved_in=_label_of(session, row.approved_in_meeting_id),
        fingerprint=fingerprint(row.content),
        sha256=row.sha256 or "",
        public_sha256=row.public_sha256 or "",
        origin=VersionOrigin(row.origin or VersionOrigin.SENT.value),
        made_on=row.made_on,
    )


def objection_record(
    session: Session, row: models.Objection, items: dict[int, str]
) -> ObjectionRecord:
    return ObjectionRecord(
        id=row.id,
        version=row.version,
        raised_by=row.raised_by,
        raised_on=row.raised_on,
        item_label=items.get(row.agenda_item_id, "") if row.agenda_item_id else "",
        agenda_item_id=row.agenda_item_id,
        passage=row.passage,
        proposed_text=row.proposed_text,
        text=row.text,
        state=ObjectionState(row.state),
        decision=row.decision,
        decided_on=row.decided_on,
        decided_in=_label_of(session, row.decided_in_meeting_id),
        objections_due_on=session.get_one(
            models.MinutesVersion, row.minutes_version_id
        ).objections_due_on,
    )


def item_labels(
    session: Session,
    meeting_id: int,
    placed: list[tuple[models.AgendaItem, PlacedItem]] | None = None,
) -> dict[int, str]:
    """The meeting's agenda items' labels ("TOP 3 Beratung") by id; ``placed``: its agenda
    (``placed_agenda_rows``), where the caller has read it."""
    if placed is None:
        return {ref.id: ref.label for ref in agenda_refs(session, meeting_id)}
    return {row.id: AgendaRef(row.id, where.number, row.title).label for row, where in placed}


def attendees(session: Session, meeting_id: int) -> list[models.Membership]:
    """The members present in the meeting: those who may object to its minutes."""
    return list(
        session.scalars(
            select(models.Membership)
            .join(models.Attendance, models.Attendance.membership_id == models.Membership.id)
            .where(
                models.Attendance.meeting_id == meeting_id,
                models.Attendance.status == AttendanceStatus.PRESENT.value,
            )
        )
    )


def status(
    session: Session,
    meeting: models.Meeting,
    stored: list[models.MinutesVersion] | None = None,
    placed: list[tuple[models.AgendaItem, PlacedItem]] | None = None,
) -> MinutesStatus:
    """``stored``: the meeting's :func:`versions`, ``placed`` its agenda (for
    :func:`item_labels`), where the caller has read them."""
    council = session.get(models.Council, meeting.council_id)
    stored = versions(session, meeting.id) if stored is None else stored
    labels = item_labels(session, meeting.id, placed)
    return MinutesStatus(
        meeting_id=meeting.id,
        meeting_label=label(meeting),
        held=meeting.state == MeetingState.HELD.value,
        practice=MinutesApproval(council.minutes_approval),
        objection_period_days=council.objection_period_days,
        versions=tuple(version_record(session, v) for v in stored),
        objections=tuple(
            objection_record(session, o, labels) for o in objections(session, meeting.id)
        ),
    )


def practice(session: Session, meeting: models.Meeting) -> MinutesApproval:
    return MinutesApproval(session.get(models.Council, meeting.council_id).minutes_approval)


def audit_version(
    session: Session, actor: str, meeting: models.Meeting, row: models.MinutesVersion, what: str
) -> None:
    audit.record(
        session,
        actor,
        AuditAction.CREATE if row.number == 1 else AuditAction.UPDATE,
        "minutes_version",
        row.id,
        council_id=meeting.council_id,
        summary=f"Protokoll {agenda_rows.meeting_name(meeting, isolated)}: {what}",
        after={"number": row.number, "state": row.state, "fingerprint": fingerprint(row.content)},
    )


def refuse_if_recorded(session: Session, deciding: models.Meeting, what: str) -> None:
    """A meeting whose own minutes are approved can no longer record a decision in them:
    its stored PDF would not say what it decided."""
    if is_frozen(session, deciding.id):
        raise refuse(
            "in_meeting_id",
            f"Das Protokoll der {label(deciding)} ist bereits genehmigt und kann nicht "
            f"mehr aufnehmen, was sie entschieden hat; {what} kann nur eine Sitzung, deren "
            "Protokoll noch nicht genehmigt ist.",
        )


def refuse_future(
    session: Session,
    meeting: models.Meeting,
    field: str,
    day: date,
    what: str,
    today: date | None = None,
) -> None:
    """A decision on ``meeting``'s minutes (an objection raised or decided, the approval)
    dated after the council's today (``today``, else its clock's) is a slip of the date
    picker: it would hold up the decisions and the approval until then."""
    today = today or council_clock(session, meeting.council_id).today()
    if day > today:
        raise refuse(
            field,
            f"{what} kann nicht auf einen künftigen Tag ({day:%d.%m.%Y}) datiert werden; "
            f"heute ist der {today:%d.%m.%Y}.",
        )
