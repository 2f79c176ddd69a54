"""The status steps of a recommendation in the register: adopt, send, close, withdraw, and
open a closed one again (:class:`RecommendationsService` takes these steps from
:class:`RecommendationLifecycle`;
a response is in :mod:`expertenrat.services.recommendation_responses`, a new due date and a
reminder in :mod:`expertenrat.services.recommendation_follow_up`).

Each step runs in one transaction: the checked change, a line of the recommendation's
history (the step's date as entered, a note, the actor) and the audit entry. A step
refuses a recommendation changed since it was read, and bumps its version. The rules
(allowed steps, due dates) are in ``domain.recommendations``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import HistoryKind, RecommendationStatus
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.recommendation_answers import status_by_answers
from expertenrat.domain.recommendation_content import clean_note, note_problems, reason_note
from expertenrat.domain.recommendation_views import RecommendationDetail
from expertenrat.domain.recommendations import (
    CLOSING,
    STEP_TARGET,
    Step,
    default_due_date,
    due_date_problems,
    refuse_unless,
    sent_on_problems,
)
from expertenrat.domain.written_procedures import WrittenVote, written_vote_problems
from expertenrat.services import recommendation_records as records
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.recommendation_row_parts import given_answers
from expertenrat.services.unit_of_work import changing, raise_if_invalid
from expertenrat.services.written_procedures import record_written_vote
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.model_base import utc_now

WHAT = records.WHAT
S = RecommendationStatus


class RecommendationLifecycle:
    """The status steps of the register (:class:`RecommendationsService` sets the database
    and the actor)."""

    _db: Database
    _actor: str

    def adopt(
        self,
        recommendation_id: int,
        version: int,
        on: date,
        note: str = "",
        in_writing: WrittenVote | None = None,
    ) -> RecommendationDetail:
        """Adopted ``on``; a draft of another year gets the next code of the year of
        adoption (``records.renumber_on_adoption``), its history saying which it had.
        ``in_writing``: adopted between meetings by a written procedure, stored beside it
        (``domain.written_procedures``), the history naming the votes."""
        if in_writing is not None:
            raise_if_invalid(written_vote_problems(in_writing, on))

        def change(session: Session, row: models.Recommendation) -> str | None:
            row.adopted_on = on
            old = records.renumber_on_adoption(session, row, on)
            lines = [] if in_writing is None else [record_written_vote(session, row, in_writing)]
            if old is not None:
                lines.append(
                    f"Neue Kennung {row.code} (bisher {old}), nach dem Jahr des Beschlusses"
                )
            return " – ".join(lines) or None

        return self._step(recommendation_id, version, Step.ADOPT, on, note, change=change)

    def send(
        self,
        recommendation_id: int,
        version: int,
        sent_on: date,
        due_on: date | None = None,
        note: str = "",
        *,
        today: date | None = None,
    ) -> RecommendationDetail:
        """Sent to the project(s) ``sent_on``; the due date defaults to the council's period
        (moved to the next working day, :func:`~expertenrat.domain.recommendations.
        default_due_date`); a ``due_on`` given is kept as it is.
        Every step is dated no later than ``today`` (default: the council's clock's)."""

        def change(session: Session, row: models.Recommendation) -> None:
            raise_if_invalid(sent_on_problems(sent_on, row.adopted_on))
            council = session.get(models.Council, row.council_id)
            due = due_on or default_due_date(
                sent_on, council.response_period_months, council.bundesland
            )
            raise_if_invalid(due_date_problems(sent_on, due))
            row.sent_on, row.due_on = sent_on, due

        raise_if_invalid(date_problems("sent_on", sent_on, "Die Übermittlung"))
        return self._step(
            recommendation_id, version, Step.SEND, sent_on, note, change=change, today=today
        )

    def close(
        self,
        recommendation_id: int,
        version: int,
        outcome: RecommendationStatus,
        on: date,
        note: str = "",
        *,
        today: date | None = None,
    ) -> RecommendationDetail:
        """Closed as implemented, partly implemented or not implemented."""
        if outcome not in CLOSING:
            raise ValueError(f"not a closing state: {outcome}")
        return self._step(
            recommendation_id, version, Step.CLOSE, on, note, outcome=outcome,
            change=lambda session, row: _not_before_earlier_steps(session, row, on),
            today=today,
        )  # fmt: skip

    def withdraw(
        self,
        recommendation_id: int,
        version: int,
        on: date,
        note: str = "",
        *,
        today: date | None = None,
    ) -> RecommendationDetail:
        """Withdraw the recommendation; ``note`` says why (required: the register and the
        project are owed the reason)."""
        if not clean_note(note):
            raise ValidationError(
                [
                    FieldProblem(
                        "note", "Bitte geben Sie an, warum die Empfehlung zurückgezogen wird."
                    )
                ]
            )
        return self._step(
            recommendation_id, version, Step.WITHDRAW, on, note,
            change=lambda session, row: _not_before_earlier_steps(session, row, on),
            today=today,
        )  # fmt: skip

    def reopen(
        self, recommendation_id: int, version: int, reason: str, *, today: date | None = None
    ) -> RecommendationDetail:
        """A recommendation closed (on a wrong answer, say) opened again, ``reason`` saying
        why (required): it is again what its answers make it (``status_by_answers``:
        beantwortet, or übermittelt where not every addressed project has answered), so
        that an answer can be removed or another recorded, and it be closed anew. Dated
        ``today`` (default: the council's); its history keeps the closing and the reason,
        the audit trail both states. Not a withdrawn one (``Step.REOPEN``)."""
        reason = clean_note(reason)
        raise_if_invalid(note_problems(reason))
        if not reason:
            raise ValidationError(
                [
                    FieldProblem(
                        "note", "Bitte geben Sie an, warum die Empfehlung wieder geöffnet wird."
                    )
                ]
            )
        with changing(self._db, WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            current = S(row.status)
            refuse_unless(row.code, current, Step.REOPEN)
            ids = [key for key, _title in records.addressed(session, row.id)]
            answers = given_answers(session, row.council_id, [row.id]).get(row.id, [])
            reached = status_by_answers(ids, answers)
            before = records.snapshot(row)
            row.status, row.modified = reached.value, utc_now()
            on = today or council_clock(session, row.council_id).today()
            return records.record_update(
                session, row, before, HistoryKind.STATUS, on, self._actor,
                summary=f"Empfehlung {row.code} wieder geöffnet: {current.label} → {reached.label}",
                note=reason_note(f"Wieder geöffnet (war „{current.label}“): ", reason),
                from_status=current, to_status=reached,
            )  # fmt: skip

    def _step(
        self,
        recommendation_id: int,
        version: int,
        step: Step,
        on: date,
        note: str,
        *,
        change: Callable[[Session, models.Recommendation], str | None] | None = None,
        outcome: RecommendationStatus | None = None,
        today: date | None = None,
    ) -> RecommendationDetail:
        """A lifecycle step to ``STEP_TARGET[step]`` (closing: to ``outcome``); ``change``
        may return a line the history adds to the note."""
        wanted = outcome or STEP_TARGET[step]
        note = clean_note(note)
        raise_if_invalid(note_problems(note) + date_problems("on", on, "Das Datum"))
        with changing(self._db, WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            current = S(row.status)
            refuse_unless(row.code, current, step, outcome)
            records.refuse_future(session, row.council_id, on, today=today)
            before = records.snapshot(row)
            added = change(session, row) if change is not None else None
            row.status, row.modified = wanted.value, utc_now()
            code = row.code if row.code == before["code"] else f"{before['code']} → {row.code}"
            return records.record_update(
                session, row, before, HistoryKind.STATUS, on, self._actor,
                summary=f"Empfehlung {code}: {current.label} → {wanted.label}",
                note=" – ".join(filter(None, (note, added))), from_status=current,
                to_status=wanted,
            )  # fmt: skip


def _not_before_earlier_steps(session: Session, row: models.Recommendation, on: date) -> None:
    """A closing or withdrawal dated ``on`` cannot come before the adoption, the sending,
    the latest response or the latest opening again ('Wieder öffnen'): the history would
    list the end before its start."""
    received = session.scalar(
        select(models.RecommendationResponse.received_on)
        .where(models.RecommendationResponse.recommendation_id == row.id)
        .order_by(models.RecommendationResponse.received_on.desc())
        .limit(1)
    )
    step = models.RecommendationStatusChange
    reopened = session.scalar(
        select(func.max(step.occurred_on)).where(
            step.recommendation_id == row.id, step.from_status.in_([s.value for s in CLOSING])
        )
    )
    earlier = [
        (day, what)
        for day, what in (
            (row.adopted_on, "dem Beschluss"),
            (row.sent_on, "der Übermittlung"),
            (received, "der letzten Stellungnahme"),
            (reopened, "dem Wiederöffnen"),
        )
        if day is not None and on < day
    ]
    if earlier:
        day, what = max(earlier, key=lambda found: found[0])
        raise ValidationError(
            [
                FieldProblem(
                    "on",
                    f"Das Datum ({on:%d.%m.%Y}) kann nicht vor {what} ({day:%d.%m.%Y}) liegen.",
                )
            ]
        )
