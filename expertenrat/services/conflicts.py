"""Conflicts of interest per agenda item: declared recusals, screening suggestions and the
decisions on them (accepted: recused; overruled: by whom and why).

Stored in ``conflicts_of_interest``, one row per (item, member), with the meaning the model
documents: ``decision`` recused or overruled, ``origin`` declared or screening,
``decided_by`` the user who recorded the decision. The run sheet reads the recused rows.
Screening (``domain.conflict_screening``) compares the affiliation of each member active on
the meeting's date with the partners of the item's project when the sheet is read
(:mod:`expertenrat.services.conflict_sheets`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.conflict_screening import ConflictSuggestion
from expertenrat.domain.conflict_sheet import (
    CONFLICT,
    Conflict,
    ConflictSheet,
    reason_problems,
    screening_reason,
)
from expertenrat.domain.enums import AuditAction, ConflictDecision, ConflictOrigin
from expertenrat.domain.errors import FieldProblem, NotFoundError, ValidationError
from expertenrat.domain.field_limits import clean_text
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.attendance_rows import (
    changeable_meeting,
    full_name,
    live_meeting,
    meeting_memberships,
)
from expertenrat.services.conflict_sheets import away_members, conflict_from_row, conflict_sheet
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    gone,
    hold_council,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = "Die Befangenheit"
ITEM = "Der Tagesordnungspunkt"


class ConflictsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def sheet(self, meeting_id: int) -> ConflictSheet:
        """Every agenda item with its recorded conflicts and open screening suggestions."""
        with reading(self._db) as session:
            return conflict_sheet(session, live_meeting(session, meeting_id))

    def declare(self, item_id: int, membership_id: int, reason: str) -> Conflict:
        """Record that a member declared a conflict on an item: recused, with the reason."""
        reason = clean_text(reason, CONFLICT["reason"])
        raise_if_invalid(
            reason_problems("reason", reason, "Bitte geben Sie den Grund der Befangenheit an.")
        )
        return self._record(
            item_id, membership_id, ConflictOrigin.DECLARED, ConflictDecision.RECUSED, reason, ""
        )

    def accept(self, item_id: int, suggestion: ConflictSuggestion) -> Conflict:
        """Accept a screening suggestion: the member is recused from the item."""
        return self._record(
            item_id,
            suggestion.member,
            ConflictOrigin.SCREENING,
            ConflictDecision.RECUSED,
            screening_reason(suggestion),
            "",
        )

    def overrule(self, item_id: int, suggestion: ConflictSuggestion, why: str) -> Conflict:
        """Overrule a screening suggestion: the member takes part; who decided it and why
        are recorded (the reason is required)."""
        why = clean_text(why, CONFLICT["decision_reason"])
        raise_if_invalid(
            reason_problems(
                "decision_reason",
                why,
                "Bitte begründen Sie, warum der Hinweis auf Befangenheit übergangen wird.",
            )
        )
        return self._record(
            item_id,
            suggestion.member,
            ConflictOrigin.SCREENING,
            ConflictDecision.OVERRULED,
            screening_reason(suggestion),
            why,
        )

    def remove(self, conflict: Conflict) -> None:
        """Remove a recorded conflict (a screening suggestion then shows again)."""
        with changing(self._db, WHAT) as session:
            row = fetch(session, models.ConflictOfInterest, conflict.id, WHAT)
            item = fetch(session, models.AgendaItem, row.agenda_item_id, ITEM)
            meeting = changeable_meeting(session, item.meeting_id)
            check_version(row, conflict.version, WHAT)
            before = audit.snapshot(row)
            session.delete(row)
            audit.record(
                session,
                self._actor,
                AuditAction.DELETE,
                "conflict_of_interest",
                conflict.id,
                council_id=meeting.council_id,
                summary=(
                    f"Befangenheit von {isolated(conflict.member_name)} bei "
                    f"{_item_name(item, meeting)} entfernt"
                ),
                before=before,
            )

    def _record(
        self,
        item_id: int,
        membership_id: int,
        origin: ConflictOrigin,
        decision: ConflictDecision,
        reason: str,
        decision_reason: str,
    ) -> Conflict:
        with changing(self._db, WHAT) as session:
            item = fetch(session, models.AgendaItem, item_id, ITEM)
            if item.deleted_at is not None:
                raise NotFoundError(gone(ITEM))
            meeting = changeable_meeting(session, item.meeting_id)
            hold_council(session, meeting.council_id)  # the same decision made at once elsewhere
            membership = next(
                (m for m in meeting_memberships(session, meeting) if m.id == membership_id), None
            )
            if membership is None:
                raise ValidationError(
                    [
                        FieldProblem(
                            "membership_id", "Das Mitglied gehört an diesem Tag nicht zum Gremium."
                        )
                    ]
                )
            name = full_name(membership)
            if decision is ConflictDecision.RECUSED:
                _refuse_if_not_there(session, meeting, membership.id, name)
            taken = session.scalar(
                select(models.ConflictOfInterest.decision).where(
                    models.ConflictOfInterest.agenda_item_id == item.id,
                    models.ConflictOfInterest.membership_id == membership.id,
                )
            )
            if taken is not None:
                raise ValidationError(
                    [
                        FieldProblem(
                            "membership_id",
                            f"Für {name} ist bei diesem Tagesordnungspunkt schon entschieden: "
                            f"{ConflictDecision(taken).label}.",
                        )
                    ]
                )
            row = models.ConflictOfInterest(
                agenda_item_id=item.id,
                membership_id=membership.id,
                reason=reason,
                origin=origin.value,
                decision=decision.value,
                decided_by=self._actor,
                decision_reason=decision_reason,
            )
            session.add(row)
            session.flush()
            verdict = "befangen" if decision is ConflictDecision.RECUSED else "Hinweis übergangen"
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE,
                "conflict_of_interest",
                row.id,
                council_id=meeting.council_id,
                summary=f"{isolated(name)} bei {_item_name(item, meeting)}: {verdict}",
                after=audit.snapshot(row),
            )
            return conflict_from_row(row, name)


def _refuse_if_not_there(
    session: Session, meeting: models.Meeting, membership_id: int, name: str
) -> None:
    """Refuse a recusal of a member recorded as excused or absent: the minutes and the vote
    counts leave out who was not there. Where the attendance is not recorded yet (a
    declaration taken before the meeting), nothing is refused."""
    status = away_members(session, meeting.id).get(membership_id)
    if status is None:
        return
    raise ValidationError(
        [
            FieldProblem(
                "membership_id",
                f"{name} war bei der Sitzung nicht anwesend (in der Anwesenheit als "
                f"„{status.label}“ erfasst); eine Befangenheit lässt sich nur für anwesende "
                "Mitglieder erfassen. Nahm das Mitglied doch teil, berichtigen Sie bitte "
                "zuerst die Anwesenheit.",
            )
        ]
    )


def _item_name(item: models.AgendaItem, meeting: models.Meeting) -> str:
    """ "TOP 6.1 „Empfehlung an das Projekt“ der 4. Sitzung": many meetings have an item of
    that title, so the audit trail says which."""
    return f"TOP {item.number} „{item.title}“ {meeting_name(meeting, isolated)}"
