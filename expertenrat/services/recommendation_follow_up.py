"""Dealings with the project(s) about a recommendation sent to them: a response recorded
(interim or final), a new due date agreed, a reminder sent (:class:`RecommendationsService`
takes these from :class:`RecommendationFollowUp`; the status steps are in
:mod:`expertenrat.services.recommendation_lifecycle`).

Each runs in one transaction: the checked change, a line of the recommendation's history
(the date as entered, a note, the actor) and the audit entry. A response and a new due date
take a ``version``, refuse a recommendation changed since it was read, and bump its
version. Comply or explain is in ``domain.recommendation_responses``, due dates in
``domain.recommendations``, which recommendations a reminder names in ``domain.reminders``.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection
from datetime import date

from sqlalchemy import select

from expertenrat.domain.enums import AuditAction, HistoryKind, RecommendationStatus
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.recommendation_content import clean_note, note_problems
from expertenrat.domain.recommendation_responses import (
    ResponseDraft,
    clean_response,
    response_problems,
)
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationFilter
from expertenrat.domain.recommendations import Step, due_date_problems, refuse_unless
from expertenrat.domain.reminders import reminder_summary
from expertenrat.services import audit
from expertenrat.services import recommendation_records as records
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.unit_of_work import changing, fetch, raise_if_invalid
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.model_base import utc_now

WHAT = records.WHAT
S = RecommendationStatus


class RecommendationFollowUp:
    """Responses, due dates and reminders of the register (:class:`RecommendationsService`
    sets the database and the actor)."""

    _db: Database
    _actor: str

    def record_response(
        self,
        recommendation_id: int,
        version: int,
        response: ResponseDraft,
        note: str = "",
        *,
        today: date | None = None,
    ) -> RecommendationDetail:
        """A project's response (interim or final): the recommendation is then answered."""
        response, note = clean_response(response), clean_note(note)
        raise_if_invalid(note_problems(note))
        with changing(self._db, WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            current = S(row.status)
            refuse_unless(row.code, current, Step.RESPOND)
            raise_if_invalid(response_problems(response, row.sent_on))
            records.refuse_future(
                session, row.council_id, response.received_on, "Der Eingang der Antwort", today
            )
            before = records.snapshot(row)
            session.add(
                models.RecommendationResponse(
                    recommendation_id=row.id,
                    received_on=response.received_on,
                    responder=response.responder,
                    verdict=response.verdict.value,
                    reasons=response.reasons,
                    measures=response.measures,
                    measures_due_on=response.measures_due_on,
                    final=response.final,
                )
            )
            row.status, row.modified = S.ANSWERED.value, utc_now()
            return records.record_update(
                session, row, before, HistoryKind.RESPONSE, response.received_on, self._actor,
                summary=f"Antwort zu Empfehlung {row.code}: {response.verdict.label}",
                note=note or response.verdict.label, from_status=current, to_status=S.ANSWERED,
            )  # fmt: skip

    def set_due_date(
        self, recommendation_id: int, version: int, due_on: date, on: date, note: str = ""
    ) -> RecommendationDetail:
        """A new due date for the response (agreed ``on``), never before the send date."""
        note = clean_note(note)
        raise_if_invalid(note_problems(note) + date_problems("on", on, "Das Datum"))
        with changing(self._db, WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            refuse_unless(row.code, S(row.status), Step.DUE_DATE)
            raise_if_invalid(due_date_problems(row.sent_on, due_on))
            before = records.snapshot(row)
            old = row.due_on
            row.due_on = due_on
            was = f"{old:%d.%m.%Y}" if old else "keine"
            return records.record_update(
                session, row, before, HistoryKind.DUE_DATE, on, self._actor,
                summary=f"Frist der Empfehlung {row.code} geändert",
                note=note or f"Frist {was} → {due_on:%d.%m.%Y}",
            )  # fmt: skip

    def record_reminder(
        self,
        project_id: int,
        on: date,
        note: str = "",
        *,
        recommendation_ids: Collection[int] | None = None,
    ) -> builtins.list[str]:
        """A reminder sent to the project ``on``: a history line for each of its
        recommendations the council waits for (``RecommendationRow.awaits_project``: a
        response, or the state of a planned implementation whose date has passed, as of
        ``on``), of ``recommendation_ids`` only, where given: those the letter names.
        Returns their codes."""
        note = clean_note(note)
        raise_if_invalid(note_problems(note) + date_problems("on", on, "Das Datum"))
        with changing(self._db, "Die Erinnerung") as session:
            project = fetch(session, models.Project, project_id, "Das Projekt")
            awaited = [
                row.id
                for row in register_rows(
                    session, project.council_id, on, RecommendationFilter(project_id=project_id)
                )
                if row.awaits_project
                and (recommendation_ids is None or row.id in recommendation_ids)
            ]
            query = (
                select(models.Recommendation)
                .where(models.Recommendation.id.in_(awaited))
                .order_by(models.Recommendation.code)
            )
            rows = session.scalars(query).all()
            note = note or f"Erinnerung an „{project.title}“"
            # The same letter saved again that day (into another folder, or replacing its
            # files) is the same reminder: the history names it once.
            already = set(
                session.scalars(
                    select(models.RecommendationStatusChange.recommendation_id).where(
                        models.RecommendationStatusChange.recommendation_id.in_(awaited),
                        models.RecommendationStatusChange.kind == HistoryKind.REMINDER.value,
                        models.RecommendationStatusChange.occurred_on == on,
                        models.RecommendationStatusChange.note == note,
                    )
                )
            )
            new = [row for row in rows if row.id not in already]
            for row in new:
                records.add_history(
                    session, row, HistoryKind.REMINDER, on, self._actor, note=note
                )  # fmt: skip
            if new:
                audit.record(
                    session, self._actor, AuditAction.UPDATE, "project", project.id,
                    council_id=project.council_id,
                    summary=reminder_summary(project.title, on, (r.code for r in new)),
                )  # fmt: skip
            return [r.code for r in rows]
