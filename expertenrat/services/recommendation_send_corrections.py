"""A recommendation's sending recorded wrongly, corrected (:class:`RecommendationsService`
takes these from :class:`RecommendationSendCorrections`): the day it went out, or the
sending itself taken back (back to "beschlossen"), both only while it is "übermittelt"
and no statement is recorded, the taking back also only while no reminder went out.

A due date that was the council's period from the old day moves with the day; one set by
hand ("Frist ändern …", or at the sending) stays. Each correction writes a line of the
recommendation's history ("Berichtigung: …") and the audit entry.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import HistoryKind, RecommendationStatus
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.recommendation_views import RecommendationDetail
from expertenrat.domain.recommendations import (
    default_due_date,
    due_date_problems,
    sent_on_problems,
)
from expertenrat.services import recommendation_records as records
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.unit_of_work import changing, raise_if_invalid, reading
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.model_base import utc_now

S = RecommendationStatus


class RecommendationSendCorrections:
    """Corrections of a sending (:class:`RecommendationsService` sets the database and the
    actor)."""

    _db: Database
    _actor: str

    def correct_sent_on(
        self, recommendation_id: int, version: int, sent_on: date, *, today: date | None = None
    ) -> RecommendationDetail:
        """The day the recommendation went out, corrected: not before its adoption, not
        after ``today`` (default: the council's) nor after a reminder."""
        raise_if_invalid(date_problems("sent_on", sent_on, "Die Übermittlung"))
        with changing(self._db, records.WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            _refuse_unless_awaiting(session, row, "Das Versanddatum", "ändern")
            records.refuse_future(session, row.council_id, sent_on, "Die Übermittlung", today)
            if sent_on == row.sent_on:
                raise ValidationError(
                    [
                        FieldProblem(
                            "sent_on",
                            f"Die Übermittlung ist bereits für den {sent_on:%d.%m.%Y} erfasst; "
                            "wählen Sie den Tag, an dem sie hinausging.",
                        )
                    ]
                )
            reminded = _first_reminder(session, row)
            raise_if_invalid(sent_on_problems(sent_on, row.adopted_on, reminded))
            council = session.get(models.Council, row.council_id)

            def period(day: date) -> date:
                return default_due_date(day, council.response_period_months, council.bundesland)

            old = row.sent_on
            due = period(sent_on) if old is None or row.due_on == period(old) else row.due_on
            raise_if_invalid(due_date_problems(sent_on, due))
            before = records.snapshot(row)
            row.sent_on, row.due_on, row.modified = sent_on, due, utc_now()
            told = f"Berichtigung: übermittelt am {sent_on:%d.%m.%Y}, nicht am {old:%d.%m.%Y}"
            return records.record_update(
                session, row, before, HistoryKind.EDIT, _today(session, row, today), self._actor,
                summary=f"Empfehlung {row.code}: {told}", note=told,
            )  # fmt: skip

    def sending_kept(self, recommendation_id: int) -> str | None:
        """Why the sending can no longer be taken back (:meth:`take_back_sending` refuses:
        a reminder went out, only the day can be corrected), or ``None``; for "Versand
        ändern …" to say before the choice is made."""
        with reading(self._db) as session:
            return _reminded(session, records.live(session, recommendation_id))

    def take_back_sending(
        self, recommendation_id: int, version: int, *, today: date | None = None
    ) -> RecommendationDetail:
        """The sending recorded by mistake taken back: "beschlossen" again, without a send
        day or a due date; refused once a reminder went out."""
        with changing(self._db, records.WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            _refuse_unless_awaiting(session, row, "Der Versand", "zurücknehmen")
            kept = _reminded(session, row)
            if kept is not None:
                raise ValidationError([FieldProblem("status", kept)])
            before = records.snapshot(row)
            told = f"Berichtigung: Versand vom {row.sent_on:%d.%m.%Y} zurückgenommen"
            row.status, row.sent_on, row.due_on = S.ADOPTED.value, None, None
            row.modified = utc_now()
            return records.record_update(
                session, row, before, HistoryKind.STATUS, _today(session, row, today), self._actor,
                summary=f"Empfehlung {row.code}: {told} ({S.SENT.label} → {S.ADOPTED.label})",
                note=told, from_status=S.SENT, to_status=S.ADOPTED,
            )  # fmt: skip


def _refuse_unless_awaiting(
    session: Session, row: models.Recommendation, what: str, verb: str
) -> None:
    """Refuse unless ``row`` is "übermittelt" without a statement recorded: "``what`` der
    Empfehlung … lässt sich nicht ``verb``"."""
    status = S(row.status)
    answered = session.scalar(
        select(func.count()).where(models.RecommendationResponse.recommendation_id == row.id)
    )
    if status is not S.SENT or answered:
        why = "eine Stellungnahme ist erfasst" if answered else f"sie ist „{status.label}“"
        raise ValidationError(
            [
                FieldProblem(
                    "status", f"{what} der Empfehlung {row.code} lässt sich nicht {verb}: {why}."
                )
            ]
        )


def _reminded(session: Session, row: models.Recommendation) -> str | None:
    """The refusal to take ``row``'s sending back once a reminder went out, or ``None``."""
    reminded = _first_reminder(session, row)
    if reminded is None:
        return None
    return (
        f"An die Stellungnahme zur Empfehlung {row.code} wurde am {reminded:%d.%m.%Y} "
        "erinnert; ihr Versand lässt sich nicht mehr zurücknehmen."
    )


def _first_reminder(session: Session, row: models.Recommendation) -> date | None:
    step = models.RecommendationStatusChange
    return session.scalar(
        select(func.min(step.occurred_on)).where(
            step.recommendation_id == row.id, step.kind == HistoryKind.REMINDER.value
        )
    )


def _today(session: Session, row: models.Recommendation, today: date | None) -> date:
    return today or council_clock(session, row.council_id).today()
