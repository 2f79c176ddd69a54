"""Dealings with the project(s) about a recommendation sent to them besides their
responses: a new due date agreed, a reminder sent (:class:`RecommendationsService` takes
these from :class:`RecommendationFollowUp`; responses recorded or removed are in
:mod:`expertenrat.services.recommendation_responses`, the status steps in
:mod:`expertenrat.services.recommendation_lifecycle`).

Each runs in one transaction: the checked change, a line of the recommendation's history
(the date as entered, a note, the actor) and the audit entry. A new due date takes a
``version``, refuses a recommendation changed since it was read, and bumps its version.
Due dates are in ``domain.recommendations``, which recommendations a reminder names in
``domain.reminders``.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection
from datetime import date

from sqlalchemy import select

from expertenrat.domain.enums import AuditAction, HistoryKind, RecommendationStatus
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.recommendation_content import clean_note, note_problems
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_views import RecommendationDetail
from expertenrat.domain.recommendations import Step, due_date_problems, refuse_unless
from expertenrat.domain.reminders import reminder_summary
from expertenrat.services import audit
from expertenrat.services import recommendation_records as records
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.unit_of_work import changing, fetch, raise_if_invalid
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = records.WHAT
S = RecommendationStatus


class RecommendationFollowUp:
    """Due dates and reminders of the register (:class:`RecommendationsService`
    sets the database and the actor)."""

    _db: Database
    _actor: str

    def set_due_date(
        self, recommendation_id: int, version: int, due_on: date, on: date, note: str = ""
    ) -> RecommendationDetail:
        """A new due date for the response (agreed ``on``), never before the send date; the
        same date again without a note changes nothing (no history line "Frist 23.12.2025
        → 23.12.2025", found by a tester: "Frist ändern …" offers the current one)."""
        note = clean_note(note)
        raise_if_invalid(note_problems(note) + date_problems("on", on, "Das Datum"))
        with changing(self._db, WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            refuse_unless(row.code, S(row.status), Step.DUE_DATE)
            raise_if_invalid(due_date_problems(row.sent_on, due_on))
            if due_on == row.due_on and not note:
                return records.detail_of(session, row)
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
        recommendations the council waits for from it (``RecommendationRow.
        follow_up_for``: its response, or the state of its planned implementation whose
        date has passed, as of ``on``; not one it has answered while another project's
        answer is awaited, unless its plan has passed), of ``recommendation_ids`` only,
        where given: those the letter names. Returns their codes."""
        note = clean_note(note)
        raise_if_invalid(note_problems(note) + date_problems("on", on, "Das Datum"))
        with changing(self._db, "Die Erinnerung") as session:
            project = fetch(session, models.Project, project_id, "Das Projekt")
            awaited = [
                row.id
                for row in register_rows(
                    session, project.council_id, on, RecommendationFilter(project_id=project_id)
                )
                if row.follow_up_for(project_id) is not None
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
