"""Responses of the project(s) to a recommendation sent to them: one recorded (interim or
final, of one addressed project or a joint one of all) or removed as recorded by mistake
(:class:`RecommendationsService` takes these from :class:`RecommendationResponses`; new due
dates and reminders: :mod:`expertenrat.services.recommendation_follow_up`).

Each runs in one transaction: the checked change, the status the answers reach, a line of
the recommendation's history (the date as entered, a note, the actor) and the audit entry,
which keeps the answers' count and who has answered (a removed response: what it said).
Each takes a ``version``, refuses a recommendation changed since it was read, and bumps its
version. Comply or explain is in ``domain.recommendation_responses``, when a recommendation
is answered in ``domain.recommendation_answers``.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date
from typing import Any

from expertenrat.domain.enums import HistoryKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.errors import FieldProblem, NotFoundError, ValidationError
from expertenrat.domain.recommendation_answers import (
    GivenAnswer,
    answer_progress,
    answered_ids,
    answering_project,
    fully_answered,
    status_by_answers,
)
from expertenrat.domain.recommendation_content import clean_note, note_problems, reason_note
from expertenrat.domain.recommendation_responses import (
    ResponseDraft,
    clean_response,
    response_problems,
)
from expertenrat.domain.recommendation_views import RecommendationDetail
from expertenrat.domain.recommendations import Step, refuse_unless
from expertenrat.domain.response_summaries import answered_by, removed_answer
from expertenrat.services import audit
from expertenrat.services import recommendation_records as records
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.recommendation_row_parts import given_answers
from expertenrat.services.unit_of_work import changing, raise_if_invalid
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.model_base import utc_now

WHAT = records.WHAT
S = RecommendationStatus


class RecommendationResponses:
    """Responses recorded and removed in the register (:class:`RecommendationsService`
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
        """A response (interim or final) of an addressed project, or a joint one of all
        (``ResponseDraft.project_id``, ``joint``): the recommendation is answered once every
        addressed project has answered (``domain.recommendation_answers``); until then it
        stays sent, and its history says who is still awaited."""
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
            addressed = records.addressed(session, row.id)
            project_id = answering_project(row.code, addressed, response.project_id, response.joint)
            ids = [key for key, _title in addressed]
            earlier = given_answers(session, row.council_id, [row.id]).get(row.id, [])
            before = {**records.snapshot(row), **_answer_state(ids, earlier)}
            session.add(
                models.RecommendationResponse(
                    recommendation_id=row.id,
                    project_id=project_id,
                    received_on=response.received_on,
                    responder=response.responder,
                    verdict=response.verdict.value,
                    reasons=response.reasons,
                    measures=response.measures,
                    measures_due_on=response.measures_due_on,
                    final=response.final,
                )
            )
            given = GivenAnswer(
                project_id, response.verdict, response.final, response.measures_due_on
            )
            answers = [*earlier, given]  # the rules below do not depend on their order
            reached = S.ANSWERED if fully_answered(ids, answers) else current
            row.status, row.modified = reached.value, utc_now()
            done = answered_ids(ids, answers)
            whom = answered_by(addressed, project_id)
            said = (
                f"{response.verdict.label}, {'abschließend' if response.final else 'Zwischenstand'}"
            )
            progress = answer_progress(
                [title for _key, title in addressed], [key in done for key in ids]
            )
            return records.record_update(
                session, row, before, HistoryKind.RESPONSE, response.received_on, self._actor,
                summary=f"Antwort zu Empfehlung {row.code}: {said}{whom}",
                note=note or " – ".join(filter(None, (response.verdict.label + whom, progress))),
                from_status=current, to_status=reached if reached is S.ANSWERED else None,
                also=_answer_state(ids, answers), today=today,
            )  # fmt: skip

    def remove_response(
        self,
        recommendation_id: int,
        version: int,
        response_id: int,
        reason: str,
        *,
        today: date | None = None,
    ) -> RecommendationDetail:
        """Remove a response recorded by mistake (on the wrong recommendation, for the
        wrong project), ``reason`` saying why (required). While the recommendation awaits
        responses or is answered, not once closed or withdrawn. An answered recommendation
        no longer answered by every addressed project is sent again (overdue and reminded
        as before); its history and the audit trail keep what the response said."""
        reason = clean_note(reason)
        raise_if_invalid(note_problems(reason))
        if not reason:
            raise ValidationError(
                [FieldProblem("note", "Bitte geben Sie an, warum die Antwort entfernt wird.")]
            )
        with changing(self._db, WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            current = S(row.status)
            refuse_unless(row.code, current, Step.REMOVE_RESPONSE)
            response = session.get(models.RecommendationResponse, response_id)
            if response is None or response.recommendation_id != row.id:
                raise NotFoundError(
                    f"Diese Antwort ist bei der Empfehlung {row.code} nicht (mehr) erfasst."
                )
            addressed = records.addressed(session, row.id)
            ids = [key for key, _title in addressed]
            earlier = given_answers(session, row.council_id, [row.id]).get(row.id, [])
            before = {
                **records.snapshot(row),
                **_answer_state(ids, earlier),
                "removed_response": _said(response),
            }
            verdict = ResponseVerdict(response.verdict)
            said = verdict.label + answered_by(addressed, response.project_id)
            session.delete(response)
            session.flush()
            answers = given_answers(session, row.council_id, [row.id]).get(row.id, [])
            reached = status_by_answers(ids, answers)
            row.status, row.modified = reached.value, utc_now()
            on = today or council_clock(session, row.council_id).today()
            gone = removed_answer(addressed, response.project_id, response.received_on, verdict)
            return records.record_update(
                session, row, before, HistoryKind.RESPONSE, on, self._actor,
                summary=f"Antwort zu Empfehlung {row.code} entfernt: {said}",
                note=reason_note(f"{gone} entfernt: ", reason),
                from_status=current, to_status=reached if reached is not current else None,
                also=_answer_state(ids, answers), today=today,
            )  # fmt: skip


def _answer_state(ids: builtins.list[int], answers: Sequence[GivenAnswer]) -> dict[str, Any]:
    """What the audit trail keeps of a recommendation's answers: how many there are and
    which addressed projects have answered (so a further answer is an entry too)."""
    return {
        "responses": len(answers),
        "answered_project_ids": sorted(answered_ids(ids, answers)),
    }


def _said(response: models.RecommendationResponse) -> dict[str, Any]:
    """What the audit trail keeps of a response removed: what it said, its filled fields."""
    state = audit.snapshot(response)
    return {key: state[key] for key in _SAID if state[key] not in (None, "")}


_SAID = (
    "project_id",
    "received_on",
    "verdict",
    "responder",
    "reasons",
    "measures",
    "measures_due_on",
    "final",
)
