"""Objections to circulated minutes: raising them, and deciding on them.

An accepted objection replaces the passage objected to by the new wording in the live text
of the agenda item and makes a new version of the minutes with the new snapshot; the
version that was circulated keeps its content (:mod:`services.objection_corrections`). A
rejected objection keeps its reason; one not decided yet may be withdrawn. The rules are in
:mod:`expertenrat.domain.minutes_approval`, the checks against the stored minutes and
meetings in :mod:`services.objection_checks`; approved minutes refuse every change.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, ObjectionState
from expertenrat.domain.field_limits import clean_text, text_problems
from expertenrat.domain.minutes_approval import Choice, MinutesStatus
from expertenrat.domain.minutes_objections import (
    OBJECTION,
    ObjectionDraft,
    ObjectionRecord,
    clean_objection,
    objection_problems,
)
from expertenrat.domain.minutes_versions import same_content
from expertenrat.domain.wording import isolated, shortened
from expertenrat.services import audit
from expertenrat.services import minutes_approval_rows as rows
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.attendance_rows import full_name, sort_name
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.services.objection_checks import (
    WHAT,
    objected_version,
    objecting_member,
    objection_in_meeting,
    open_for_decision,
    refuse_twin,
)
from expertenrat.services.objection_corrections import add_corrected_version, correct_passage
from expertenrat.services.unit_of_work import changing, check_version, raise_if_invalid, reading
from expertenrat.store import models
from expertenrat.store.database import Database

NOTHING_CORRECTED = (
    "Ohne beanstandete Stelle und neue Fassung ersetzt „Berücksichtigen …“ keinen Text, und "
    "seit der letzten Fassung wurde nichts berichtigt. Berichtigen Sie zuerst, was der "
    "Einwand betrifft (etwa die Anwesenheit oder eine Abstimmung), und berücksichtigen Sie "
    "ihn dann – oder geben Sie die Stelle und ihre neue Fassung an."
)


# Who objected, as written then: the name the column holds (title, given and family name
# may be longer together; the objection's membership names the member in full).
_RAISED_BY = models.Objection.__table__.c.raised_by.type.length


class MinutesObjectionsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def attendees(self, meeting_id: int) -> list[Choice]:
        """The members present in the meeting (who may object), by name."""
        with reading(self._db) as session:
            present = sorted(rows.attendees(session, meeting_id), key=sort_name)
            return [Choice(m.id, full_name(m)) for m in present]

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
            meeting = rows.live(session, meeting_id, lock=True)  # the same objection at once
            latest = objected_version(session, meeting, draft.raised_on, today)
            member = objecting_member(session, meeting, draft.membership_id)
            refuse_twin(session, latest, draft)
            labels = rows.item_labels(session, meeting.id)
            if draft.agenda_item_id is not None and draft.agenda_item_id not in labels:
                raise rows.refuse(
                    "agenda_item_id", "Der Tagesordnungspunkt gehört nicht zu dieser Sitzung."
                )
            row = models.Objection(
                minutes_version_id=latest.id,
                membership_id=member.id,
                raised_by=shortened(full_name(member), _RAISED_BY),
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
            row, meeting = open_for_decision(
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
            row, meeting = open_for_decision(
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
            row, meeting = objection_in_meeting(session, objection_id)
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
                    f"Einwand von {isolated(row.raised_by)} gegen das Protokoll "
                    f"{meeting_name(meeting, isolated)} zurückgezogen"
                ),
                before=before,
            )
            return rows.status(session, meeting)

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
                f"Einwand von {isolated(row.raised_by)} gegen das Protokoll "
                f"{meeting_name(meeting, isolated)} {what}"
            ),
            before=before,
            after=audit.snapshot(row),
        )
