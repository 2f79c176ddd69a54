"""Checks of objections to circulated minutes before one is recorded, decided or withdrawn
(:mod:`services.minutes_objections` takes these steps): the minutes were circulated and the
deadline has not passed, the member attended, and an open objection is decided on a day
and in a meeting whose minutes can still say so.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState, MinutesApproval, ObjectionState
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.minutes_objections import ObjectionDraft
from expertenrat.domain.text_folding import match_key
from expertenrat.services import minutes_approval_rows as rows
from expertenrat.services.earlier_minutes import reporting_meeting
from expertenrat.services.minutes_freeze import ensure_not_frozen, is_frozen
from expertenrat.services.unit_of_work import check_version, fetch, raise_if_invalid
from expertenrat.store import models

WHAT = "Der Einwand"


def objected_version(
    session: Session, meeting: models.Meeting, raised_on: date, today: date | None
) -> models.MinutesVersion:
    """The version of the meeting's minutes an objection raised on ``raised_on`` is
    against: the latest circulated one, where the minutes are not approved, the day is not
    before their first sending and the deadline for objections has not passed."""
    ensure_not_frozen(session, meeting.id)
    rows.refuse_future(session, meeting, "raised_on", raised_on, "Der Einwand", today)
    stored = rows.versions(session, meeting.id)
    if not stored:
        raise rows.refuse(
            "raised_on",
            "Das Protokoll wurde noch nicht versandt; Einwände sind erst danach möglich.",
        )
    latest = stored[-1]
    first_sent = min(v.circulated_on for v in stored if v.circulated_on)
    if raised_on < first_sent:
        raise rows.refuse(
            "raised_on",
            "Ein Einwand kann erst nach dem Versand erhoben werden (versandt am "
            f"{first_sent:%d.%m.%Y}).",
        )
    due = latest.objections_due_on
    practice = rows.practice(session, meeting)
    if practice is MinutesApproval.OBJECTIONS and due and raised_on > due:
        raise rows.refuse("raised_on", f"Die Frist für Einwände ist am {due:%d.%m.%Y} abgelaufen.")
    return latest


def objecting_member(
    session: Session, meeting: models.Meeting, membership_id: int | None
) -> models.Membership:
    """The member raising an objection, who must have attended the meeting."""
    member = next(
        (m for m in rows.attendees(session, meeting.id) if m.id == membership_id),
        None,
    )
    if member is None:
        raise rows.refuse(
            "membership_id",
            "Einwände erheben kann nur, wer an der Sitzung teilgenommen hat.",
        )
    return member


def refuse_twin(session: Session, objected: models.MinutesVersion, draft: ObjectionDraft) -> None:
    """Refuse an objection the version ``objected`` has already: the same member's, to the
    same item, with the same text, passage and wording (case and spaces aside). Entered on
    two PCs, one objection stood twice, to be decided twice (found by a tester)."""
    same = [match_key(t) for t in (draft.text, draft.passage, draft.proposed_text)]
    others = session.scalars(
        select(models.Objection).where(
            models.Objection.minutes_version_id == objected.id,
            models.Objection.membership_id == draft.membership_id,
        )
    )
    twin = next(
        (
            o
            for o in others
            if o.agenda_item_id == draft.agenda_item_id
            and [match_key(t) for t in (o.text, o.passage, o.proposed_text)] == same
        ),
        None,
    )
    if twin is not None:
        raise rows.refuse(
            "text",
            f"Diesen Einwand von {twin.raised_by} gibt es schon (erhoben am "
            f"{twin.raised_on:%d.%m.%Y}), vielleicht an einem anderen Arbeitsplatz erfasst.",
        )


def objection_in_meeting(
    session: Session, objection_id: int
) -> tuple[models.Objection, models.Meeting]:
    """The objection and the meeting of its minutes (locked, not frozen)."""
    row = fetch(session, models.Objection, objection_id, WHAT)
    minutes = session.get(models.MinutesVersion, row.minutes_version_id)
    meeting = rows.live(session, minutes.meeting_id, lock=True)
    ensure_not_frozen(session, meeting.id)
    return row, meeting


def open_for_decision(
    session: Session,
    objection_id: int,
    version: int,
    decided_on: date,
    in_meeting_id: int | None,
    today: date | None = None,
) -> tuple[models.Objection, models.Meeting]:
    """The open objection and its meeting (locked, not frozen) for a decision."""
    raise_if_invalid(date_problems("decided_on", decided_on, "Das Datum der Entscheidung"))
    row, meeting = objection_in_meeting(session, objection_id)
    # Decided meanwhile (on another PC): said so, rather than as a change to reload.
    if row.state != ObjectionState.OPEN.value:
        raise rows.refuse(
            "state",
            f"Über den Einwand ist schon entschieden ({ObjectionState(row.state).label}).",
        )
    rows.refuse_future(session, meeting, "decided_on", decided_on, "Die Entscheidung", today)
    check_version(row, version, WHAT)
    if decided_on < row.raised_on:
        raise rows.refuse("decided_on", "Die Entscheidung kann nicht vor dem Einwand liegen.")
    if in_meeting_id is not None:
        _refuse_unless_deciding(session, meeting, row, in_meeting_id, decided_on)
    else:
        _refuse_if_reported(session, meeting, decided_on)
    return row, meeting


def _refuse_unless_deciding(
    session: Session,
    meeting: models.Meeting,
    row: models.Objection,
    in_meeting_id: int,
    decided_on: date,
) -> None:
    """A decision in a meeting: a later one of the same council, not cancelled, whose
    minutes are not recorded yet, held after the objection and not after ``decided_on``."""
    deciding = rows.live(session, in_meeting_id)
    if (
        deciding.council_id != meeting.council_id
        or deciding.starts_at <= meeting.starts_at
        or deciding.state == MeetingState.CANCELLED.value
    ):
        raise rows.refuse(
            "in_meeting_id",
            "Entscheiden kann nur eine spätere, nicht abgesagte Sitzung desselben Gremiums.",
        )
    rows.refuse_if_recorded(session, deciding, "entscheiden")
    if deciding.starts_at.date() < row.raised_on:
        raise rows.refuse(
            "in_meeting_id",
            f"Die {rows.label(deciding)} ({deciding.starts_at:%d.%m.%Y}) liegt vor dem "
            f"Einwand ({row.raised_on:%d.%m.%Y}); entscheiden kann eine Sitzung danach.",
        )
    if decided_on < deciding.starts_at.date():
        raise rows.refuse(
            "decided_on",
            f"Die Entscheidung in der {rows.label(deciding)} kann nicht vor deren Tag "
            f"({deciding.starts_at:%d.%m.%Y}) liegen.",
        )


def _refuse_if_reported(session: Session, meeting: models.Meeting, decided_on: date) -> None:
    """A decision outside a meeting is reported by the minutes of the first held meeting
    on or after its day (:func:`~expertenrat.services.earlier_minutes.reporting_meeting`);
    where those are approved already, their stored PDF could no longer say so."""
    reporting_id = reporting_meeting(session, meeting.council_id, meeting.starts_at, decided_on)
    if reporting_id is None or not is_frozen(session, reporting_id):
        return
    reporting = session.get(models.Meeting, reporting_id)
    raise rows.refuse(
        "decided_on",
        f"Eine Entscheidung außerhalb einer Sitzung am {decided_on:%d.%m.%Y} hält das "
        f"Protokoll der {rows.label(reporting)} ({reporting.starts_at:%d.%m.%Y}) fest, der "
        "ersten Sitzung an oder nach diesem Tag; es ist bereits genehmigt und kann sie nicht "
        "mehr aufnehmen. Bitte erfassen Sie die Entscheidung in einer Sitzung, deren "
        "Protokoll noch nicht genehmigt ist.",
    )
