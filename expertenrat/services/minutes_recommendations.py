"""Recommendations adopted in an agenda item: rows of the recommendations register.

A recommendation gets its code when it is adopted (``recommendation_records.new_code``).
The register (status, responses, due dates) is the recommendations area's business; here
they are adopted (:func:`adopt`), corrected and removed (:func:`remove`) while the minutes
are written. Without a project or
action field given, the item's linked project and that project's action field are taken
(not where the user chose "– kein Projekt –", ``RecommendationDraft.project_chosen``).
A held meeting whose day is corrected takes its recommendations along
(:func:`follow_meeting_day`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, HistoryKind, RecommendationStatus
from expertenrat.domain.errors import FieldProblem, InUseError, ValidationError
from expertenrat.domain.minutes import (
    AdoptedRecommendation,
    RecommendationDraft,
    clean_recommendation,
)
from expertenrat.domain.recommendation_content import content_problems
from expertenrat.domain.wording import isolated
from expertenrat.services import audit, recommendation_records
from expertenrat.services.minutes_rows import label_of, recommendation_of
from expertenrat.services.recommendation_records import (
    WHAT,
    checked_action_field,
    checked_projects,
    set_projects,
)
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models
from expertenrat.store.model_base import utc_now

__all__ = [
    "WHAT",
    "adopt",
    "apply",
    "checked_draft",
    "follow_meeting_day",
    "refuse_unless_only_adopted",
    "remove",
]


def checked_draft(
    session: Session, council_id: int, item: models.AgendaItem, draft: RecommendationDraft
) -> RecommendationDraft:
    """``draft`` cleaned, with the item's project and field filled in, or a German refusal."""
    draft = clean_recommendation(draft)
    raise_if_invalid(content_problems(draft))
    taken = draft.project_id is not None or draft.project_chosen
    project_id = draft.project_id if taken else item.project_id
    projects = checked_projects(session, council_id, (project_id,) if project_id else ())
    field_id = draft.action_field_id
    if field_id is None and projects:
        field_id = projects[0].action_field_id
    checked_action_field(session, council_id, field_id)
    return RecommendationDraft(draft.title, draft.text, draft.kind, field_id, project_id)


def apply(row: models.Recommendation, draft: RecommendationDraft) -> None:
    row.title, row.text, row.kind = draft.title, draft.text, draft.kind.value
    row.action_field_id = draft.action_field_id
    set_projects(row, (draft.project_id,) if draft.project_id is not None else ())


def refuse_unless_only_adopted(row: models.Recommendation) -> None:
    """Once sent to the project, a recommendation belongs to the register, not the draft."""
    if row.status != RecommendationStatus.ADOPTED.value:
        status = RecommendationStatus(row.status).label
        raise InUseError(
            f"{WHAT} {row.code} ist bereits „{status}“ und lässt sich nur noch im "
            "Empfehlungsregister ändern."
        )


def adopt(
    session: Session,
    actor: str,
    meeting: models.Meeting,
    item: models.AgendaItem,
    draft: RecommendationDraft,
) -> AdoptedRecommendation:
    """Add a recommendation adopted in ``item`` with the next code, its history and audit."""
    draft = checked_draft(session, meeting.council_id, item, draft)
    day = meeting.starts_at.date()
    row = models.Recommendation(
        council_id=meeting.council_id,
        code=recommendation_records.new_code(session, meeting.council_id, day.year),
        origin_agenda_item_id=item.id,
        adopted_on=day,
        status=RecommendationStatus.ADOPTED.value,
    )
    apply(row, draft)
    session.add(row)
    session.flush()
    recommendation_records.add_history(
        session, row, HistoryKind.STATUS, day, actor,
        to_status=RecommendationStatus.ADOPTED,
        note=f"In TOP {item.number} der {label_of(meeting)} beschlossen",
    )  # fmt: skip
    audit.record(
        session, actor, AuditAction.CREATE, "recommendation", row.id,
        council_id=meeting.council_id,
        summary=f"Empfehlung {row.code} in TOP {item.number} der {label_of(meeting, isolated)} "
        "beschlossen",
        after=recommendation_records.snapshot(row),
    )  # fmt: skip
    return recommendation_of(row)


def remove(
    session: Session, actor: str, row: models.Recommendation, meeting: models.Meeting
) -> None:
    """Delete a recommendation adopted in the minutes of ``meeting``, audited."""
    before = recommendation_records.snapshot(row)
    session.delete(row)
    recommendation_records.retire_code(session, meeting.council_id, before["code"])
    audit.record(
        session, actor, AuditAction.DELETE, "recommendation", row.id,
        council_id=meeting.council_id,
        summary=f"Empfehlung {before['code']} aus dem Protokoll der {label_of(meeting, isolated)} "
        "entfernt",
        before=before,
    )  # fmt: skip


def follow_meeting_day(session: Session, actor: str, meeting: models.Meeting) -> None:
    """The recommendations adopted in ``meeting``'s items are adopted on its day: where the
    day of a held meeting is corrected (its minutes not yet approved), their "beschlossen
    am" follows, and one not yet sent whose code is of another year gets the next code of
    the new one (``recommendation_records.renumber_on_adoption``); each with a line of its
    history and an audit entry. One sent before the new day is refused: it cannot have
    gone out before it was adopted."""
    day = meeting.starts_at.date()
    rows = session.scalars(
        select(models.Recommendation)
        .join(
            models.AgendaItem, models.AgendaItem.id == models.Recommendation.origin_agenda_item_id
        )
        .where(
            models.AgendaItem.meeting_id == meeting.id,
            models.Recommendation.deleted_at.is_(None),
            models.Recommendation.adopted_on != day,
        )
        .order_by(models.Recommendation.code)
    ).all()
    for row in rows:
        if row.sent_on is not None and row.sent_on < day:
            raise ValidationError(
                [
                    FieldProblem(
                        "end",  # the form's "Termin"
                        f"Die Empfehlung {row.code} aus dieser Sitzung wurde am "
                        f"{row.sent_on:%d.%m.%Y} übermittelt; die Sitzung kann nicht danach "
                        "liegen.",
                    )
                ]
            )
    for row in rows:
        before = recommendation_records.snapshot(row)
        was = row.adopted_on
        row.adopted_on = day
        old = recommendation_records.renumber_on_adoption(session, row, day)
        row.modified = utc_now()
        session.flush()
        moved = f"Beschlossen am {day:%d.%m.%Y} statt {was:%d.%m.%Y} (Sitzung verlegt)"
        note = f"{moved}; neue Kennung {row.code} (bisher {old})" if old else moved
        recommendation_records.add_history(
            session, row, HistoryKind.EDIT, day, actor, note=note
        )  # fmt: skip
        code = f"{old} → {row.code}" if old else row.code
        audit.record(
            session, actor, AuditAction.UPDATE, "recommendation", row.id,
            council_id=row.council_id, summary=f"Empfehlung {code}: {moved}",
            before=before, after=recommendation_records.snapshot(row),
        )  # fmt: skip
