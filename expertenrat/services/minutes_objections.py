"""Objections to circulated minutes: raising them, and deciding on them.

An accepted objection replaces the passage objected to by the new wording in the live text
of the agenda item and makes a new version of the minutes with the new snapshot; the
version that was circulated keeps its content (:mod:`services.objection_corrections`). A
rejected objection keeps its reason; one not decided yet may be withdrawn. The rules are in
:mod:`expertenrat.domain.minutes_approval`; approved minutes refuse every change.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from expertenrat.domain.enums import (
    AuditAction,
    MeetingState,
    MinutesApproval,
    ObjectionState,
)
from expertenrat.domain.field_limits import clean_text, date_problems, text_problems
from expertenrat.domain.minutes_approval import (
    OBJECTION,
    Choice,
    MinutesStatus,
    ObjectionDraft,
    ObjectionRecord,
    clean_objection,
    objection_problems,
)
from expertenrat.domain.minutes_versions import same_content
from expertenrat.services import audit
from expertenrat.services import minutes_approval_rows as rows
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.attendance_rows import full_name
from expertenrat.services.minutes_assembly import reporting_meeting
from expertenrat.services.minutes_freeze import ensure_not_frozen, is_frozen
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.services.objection_corrections import add_corrected_version, correct_passage
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = "Der Einwand"


NOTHING_CORRECTED = (
    "Ohne beanstandete Stelle und neue Fassung ersetzt „Berücksichtigen“ keinen Text, und "
    "seit der letzten Fassung wurde nichts berichtigt. Berichtigen Sie zuerst, was der "
    "Einwand betrifft (etwa die Anwesenheit oder eine Abstimmung), und berücksichtigen Sie "
    "ihn dann – oder geben Sie die Stelle und ihre neue Fassung an."
)


class MinutesObjectionsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def attendees(self, meeting_id: int) -> list[Choice]:
        """The members present in the meeting (who may object), by name."""
        with reading(self._db) as session:
            return sorted(
                (Choice(m.id, full_name(m)) for m in rows.attendees(session, meeting_id)),
                key=lambda c: c.label.casefold(),
            )

    def items(self, meeting_id: int) -> list[Choice]:
        """The meeting's agenda items ("TOP 3 Beratung"), in agenda order."""
        with reading(self._db) as session:
            return [Choice(k, v) for k, v in rows.item_labels(session, meeting_id).items()]

    def raise_objection(
        self, meeting_id: int, draft: ObjectionDraft, *, today: date | None = None
    ) -> ObjectionRecord:
        """Record an objection of a member who attended against the circulated minutes."""
        draft = clean_objection(draft)
        raise_if_invalid(objection_problems(draft))
        assert draft.raised_on is not None  # checked above
        with changing(self._db, WHAT) as session:
            meeting = rows.live(session, meeting_id)
            ensure_not_frozen(session, meeting.id)
            rows.refuse_future(session, meeting, "raised_on", draft.raised_on, "Der Einwand", today)
            stored = rows.versions(session, meeting.id)
            if not stored:
                raise rows.refuse(
                    "raised_on",
                    "Das Protokoll wurde noch nicht versandt; Einwände sind erst danach möglich.",
                )
            latest = stored[-1]
            first_sent = min(v.circulated_on for v in stored if v.circulated_on)
            if draft.raised_on < first_sent:
                raise rows.refuse(
                    "raised_on",
                    "Ein Einwand kann erst nach dem Versand erhoben werden (versandt am "
                    f"{first_sent:%d.%m.%Y}).",
                )
            due = latest.objections_due_on
            practice = rows.practice(session, meeting)
            if practice is MinutesApproval.OBJECTIONS and due and draft.raised_on > due:
                raise rows.refuse(
                    "raised_on", f"Die Frist für Einwände ist am {due:%d.%m.%Y} abgelaufen."
                )
            member = next(
                (m for m in rows.attendees(session, meeting.id) if m.id == draft.membership_id),
                None,
            )
            if member is None:
                raise rows.refuse(
                    "membership_id",
                    "Einwände erheben kann nur, wer an der Sitzung teilgenommen hat.",
                )
            labels = rows.item_labels(session, meeting.id)
            if draft.agenda_item_id is not None and draft.agenda_item_id not in labels:
                raise rows.refuse(
                    "agenda_item_id", "Der Tagesordnungspunkt gehört nicht zu dieser Sitzung."
                )
            row = models.Objection(
                minutes_version_id=latest.id,
                membership_id=member.id,
                raised_by=full_name(member),
                raised_on=draft.raised_on,
                agenda_item_id=draft.agenda_item_id,
                passage=draft.passage,
                proposed_text=draft.proposed_text,
                text=draft.text,
                state=ObjectionState.OPEN.value,
            )
            session.add(row)
            session.flush()
            self._audit(session, meeting, row, None, "erhoben")
            return rows.objection_record(session, row, labels)

    def accept(
        self,
        objection_id: int,
        version: int,
        decided_on: date,
        *,
        in_meeting_id: int | None = None,
        passage: str | None = None,
        wording: str | None = None,
        reason: str = "",
        today: date | None = None,
    ) -> MinutesStatus:
        """Accept an objection: ``passage`` (default: the objection's) is replaced by
        ``wording`` (default: the proposed wording) in the live text of the item, and a
        new version with the new snapshot is made; the circulated version stays as it is.
        ``decided_on`` may not be after ``today`` (default: the council's clock's)."""
        if passage is not None:
            passage = clean_text(passage, OBJECTION["passage"])
        if wording is not None:
            wording = clean_text(wording, OBJECTION["proposed_text"])
        reason = clean_text(reason, OBJECTION["decision"])
        raise_if_invalid(text_problems("decision", reason, OBJECTION["decision"]))
        with changing(self._db, WHAT) as session:
            row, meeting = self._open(
                session, objection_id, version, decided_on, in_meeting_id, today
            )
            passage = row.passage if passage is None else passage
            wording = row.proposed_text if wording is None else wording
            previous = rows.versions(session, meeting.id)[-1]
            if not passage.strip() and not wording.strip():
                # Corrected where no text says it (attendance, a vote): the version keeps it.
                if same_content(previous.content, minutes_snapshot(session, meeting)):
                    raise rows.refuse("passage", NOTHING_CORRECTED)
                what = "berücksichtigt (an anderer Stelle berichtigt)"
            else:
                if not wording:
                    raise rows.refuse(
                        "proposed_text", "Bitte geben Sie die neue Fassung der Stelle an."
                    )
                raise_if_invalid(
                    text_problems("proposed_text", wording, OBJECTION["proposed_text"])
                )
                number = correct_passage(session, self._actor, meeting, row, passage, wording)
                what = f"berücksichtigt (TOP {number})"
            before = audit.snapshot(row)
            row.state = ObjectionState.ACCEPTED.value
            row.passage, row.proposed_text, row.decision = passage, wording, reason
            row.decided_on, row.decided_in_meeting_id = decided_on, in_meeting_id
            session.flush()
            self._audit(session, meeting, row, before, what)
            add_corrected_version(session, self._actor, meeting, previous, decided_on)
            return rows.status(session, meeting)

    def reject(
        self,
        objection_id: int,
        version: int,
        decided_on: date,
        reason: str,
        *,
        in_meeting_id: int | None = None,
        today: date | None = None,
    ) -> MinutesStatus:
        """Reject an objection; the reason is required and recorded (``today`` as for
        :meth:`accept`)."""
        reason = clean_text(reason, OBJECTION["decision"])
        if not reason:
            raise rows.refuse(
                "decision", "Bitte begründen Sie, warum der Einwand zurückgewiesen wird."
            )
        raise_if_invalid(text_problems("decision", reason, OBJECTION["decision"]))
        with changing(self._db, WHAT) as session:
            row, meeting = self._open(
                session, objection_id, version, decided_on, in_meeting_id, today
            )
            before = audit.snapshot(row)
            row.state = ObjectionState.REJECTED.value
            row.decision = reason
            row.decided_on, row.decided_in_meeting_id = decided_on, in_meeting_id
            session.flush()
            self._audit(session, meeting, row, before, "zurückgewiesen")
            return rows.status(session, meeting)

    def withdraw(self, objection_id: int, version: int) -> MinutesStatus:
        """Withdraw an objection not decided yet (the member takes it back, or it was
        recorded by mistake): it is deleted, so no minutes and no count name it; the audit
        trail keeps what it said. A decided objection stays: its decision is on record."""
        with changing(self._db, WHAT) as session:
            row = fetch(session, models.Objection, objection_id, WHAT)
            minutes = session.get(models.MinutesVersion, row.minutes_version_id)
            meeting = rows.live(session, minutes.meeting_id, lock=True)
            ensure_not_frozen(session, meeting.id)
            check_version(row, version, WHAT)
            if row.state != ObjectionState.OPEN.value:
                raise rows.refuse(
                    "state",
                    f"Über den Einwand ist schon entschieden ({ObjectionState(row.state).label}); "
                    "ein entschiedener Einwand kann nicht mehr zurückgezogen werden.",
                )
            before = audit.snapshot(row)
            session.delete(row)
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.DELETE,
                "objection",
                objection_id,
                council_id=meeting.council_id,
                summary=(
                    f"Einwand von {row.raised_by} gegen das Protokoll {meeting_name(meeting)} "
                    "zurückgezogen"
                ),
                before=before,
            )
            return rows.status(session, meeting)

    # --- helpers ------------------------------------------------------------------------

    def _open(
        self,
        session: Session,
        objection_id: int,
        version: int,
        decided_on: date,
        in_meeting_id: int | None,
        today: date | None = None,
    ) -> tuple[models.Objection, models.Meeting]:
        """The open objection and its meeting (locked, not frozen) for a decision."""
        raise_if_invalid(date_problems("decided_on", decided_on, "Das Datum der Entscheidung"))
        row = fetch(session, models.Objection, objection_id, WHAT)
        minutes = session.get(models.MinutesVersion, row.minutes_version_id)
        meeting = rows.live(session, minutes.meeting_id, lock=True)
        ensure_not_frozen(session, meeting.id)
        rows.refuse_future(session, meeting, "decided_on", decided_on, "Die Entscheidung", today)
        check_version(row, version, WHAT)
        if row.state != ObjectionState.OPEN.value:
            raise rows.refuse(
                "state",
                f"Über den Einwand ist schon entschieden ({ObjectionState(row.state).label}).",
            )
        if decided_on < row.raised_on:
            raise rows.refuse("decided_on", "Die Entscheidung kann nicht vor dem Einwand liegen.")
        if in_meeting_id is not None:
            deciding = rows.live(session, in_meeting_id)
            if (
                deciding.council_id != meeting.council_id
                or deciding.starts_at <= meeting.starts_at
                or deciding.state == MeetingState.CANCELLED.value
            ):
                raise rows.refuse(
                    "in_meeting_id",
                    "Entscheiden kann nur eine spätere, nicht abgesagte Sitzung desselben "
                    "Gremiums.",
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
        else:
            _refuse_if_reported(session, meeting, decided_on)
        return row, meeting

    def _audit(
        self,
        session: Session,
        meeting: models.Meeting,
        row: models.Objection,
        before: dict | None,
        what: str,
    ) -> None:
        audit.record(
            session,
            self._actor,
            AuditAction.CREATE if before is None else AuditAction.UPDATE,
            "objection",
            row.id,
            council_id=meeting.council_id,
            summary=(
                f"Einwand von {row.raised_by} gegen das Protokoll {meeting_name(meeting)} {what}"
            ),
            before=before,
            after=audit.snapshot(row),
        )


def _refuse_if_reported(session: Session, meeting: models.Meeting, decided_on: date) -> None:
    """A decision outside a meeting is reported by the minutes of the first held meeting
    on or after its day (:func:`~expertenrat.services.minutes_assembly.reporting_meeting`);
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
