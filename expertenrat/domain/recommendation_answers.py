"""Which addressed projects have answered a recommendation: the rule of "beantwortet".

Each answer is from one addressed project, or is a joint answer of all of them (no project,
``None``; so are the answers recorded before answers named their project, where the
recommendation was addressed to several). A project has answered when it gave an answer
(interim or final, as for one project) or a joint answer came. A recommendation is
answered only when every project it is addressed to has answered (one addressed to none,
by any answer); until then it stays sent, is overdue and reminded for the projects that
have not answered (:func:`awaited`), and the register says how many have
(:func:`answer_progress`). What stands of the answers is each addressed project's latest,
its own or a joint one (:func:`standing_answers`): a joint answer stands for every project
until that project's own later answer or a later joint one. An answered recommendation is
accepted ("entsprochen") when every answer standing complied (:func:`accepted`).

An answer from a project the recommendation is no longer addressed to is kept and shown
with its project, but does not count for another.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from expertenrat.domain.enums import RecommendationStatus, ResponseVerdict
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.recommendation_responses import pending_plan
from expertenrat.domain.wording import isolated

JOINT_ANSWER = "Gemeinsame Antwort aller adressierten Projekte"
ACCEPTED_VERDICTS = frozenset({ResponseVerdict.COMPLIED})
"""What an answer says when it accepts the recommendation ("entsprochen")."""


class FromProject(Protocol):
    """An answer as :func:`standing_answers` reads it: from an addressed project, or a
    joint one (None)."""

    @property
    def project_id(self) -> int | None: ...


Answer = TypeVar("Answer", bound=FromProject)


@dataclass(frozen=True, slots=True)
class GivenAnswer:
    """An answer as the rules need it, in the order received: from whom, what it says."""

    project_id: int | None  # None: joint
    verdict: ResponseVerdict
    final: bool
    measures_due_on: date | None


def answered_ids(addressed: Iterable[int], answers: Iterable[GivenAnswer]) -> frozenset[int]:
    """The addressed projects that have answered (their own answer, or a joint one)."""
    addressed = frozenset(addressed)
    found = {a.project_id for a in answers}
    if None in found:
        return addressed
    return addressed & found


def fully_answered(addressed: Sequence[int], answers: Sequence[GivenAnswer]) -> bool:
    """Every addressed project has answered (one addressed to none: by any answer)."""
    if not answers:
        return False
    return answered_ids(addressed, answers) >= frozenset(addressed)


def status_by_answers(
    addressed: Sequence[int], answers: Sequence[GivenAnswer]
) -> RecommendationStatus:
    """What its answers make a recommendation sent to its projects: "beantwortet" once
    every addressed project has answered (:func:`fully_answered`), else "übermittelt".
    A response removed, or a closed one opened again, returns to it."""
    if fully_answered(addressed, answers):
        return RecommendationStatus.ANSWERED
    return RecommendationStatus.SENT


def standing_answers(
    addressed: Sequence[int], answers: Iterable[Answer]
) -> dict[int | None, Answer]:
    """Per addressed project its latest answer, its own or a joint one (in the order
    received, a joint answer stands for every addressed project until a later one of that
    project or a later joint one); for a recommendation addressed to none, its latest
    answer, under ``None``. An answer of a project no longer addressed counts for none."""
    latest: dict[int | None, Answer] = {}
    for answer in answers:
        if not addressed:
            latest[None] = answer
        elif answer.project_id is None:
            latest.update(dict.fromkeys(addressed, answer))
        elif answer.project_id in addressed:
            latest[answer.project_id] = answer
    return latest


def settled(addressed: Sequence[int], answers: Sequence[GivenAnswer]) -> bool:
    """Answered by every addressed project (:func:`fully_answered`), and every answer
    standing (:func:`standing_answers`) final: nothing more is awaited of the projects."""
    return fully_answered(addressed, answers) and all(
        answer.final for answer in standing_answers(addressed, answers).values()
    )


def accepted(addressed: Sequence[int], answers: Sequence[GivenAnswer]) -> bool:
    """Answered by every addressed project (:func:`fully_answered`), and every answer
    standing (:func:`standing_answers`) accepted it: of several projects of which only
    some complied it is not accepted, whichever answered last."""
    return fully_answered(addressed, answers) and all(
        answer.verdict in ACCEPTED_VERDICTS
        for answer in standing_answers(addressed, answers).values()
    )


def pending_plans(
    addressed: Sequence[int], answers: Sequence[GivenAnswer]
) -> dict[int | None, date]:
    """Per addressed project (``None`` for a recommendation addressed to none), the date
    its standing answer (:func:`standing_answers`) planned the implementation by, where
    that answer is an interim plan (``pending_plan``)."""
    found = {
        key: pending_plan(a.verdict, a.final, a.measures_due_on)
        for key, a in standing_answers(addressed, answers).items()
    }
    return {key: on for key, on in found.items() if on is not None}


def answer_progress(titles: Sequence[str], answered: Sequence[bool]) -> str:
    """ "1 von 2 Projekten hat geantwortet; es fehlt noch „Parkhaus“" for a recommendation
    addressed to several projects of which some but not all have answered; else empty."""
    done = sum(answered)
    if len(titles) < 2 or not done or done == len(titles):
        return ""
    missing = [f"„{isolated(t)}“" for t, yes in zip(titles, answered, strict=True) if not yes]
    verb = "hat" if done == 1 else "haben"
    names = ", ".join(missing)
    return f"{done} von {len(titles)} Projekten {verb} geantwortet; es fehlt noch {names}"


def answering_project(
    code: str, addressed: Sequence[tuple[int, str]], chosen: int | None, joint: bool
) -> int | None:
    """The project an answer is recorded for (None: joint), or the German refusal.
    ``addressed``: (id, title) of the projects the recommendation is addressed to;
    ``chosen``: the project picked, ``joint``: "Gemeinsame Antwort" picked instead. With
    one addressed project that one answers, whatever is picked of the two."""
    ids = [key for key, _title in addressed]
    if chosen is not None and chosen not in ids:
        raise ValidationError(
            [
                FieldProblem(
                    "project_id",
                    f"Die Empfehlung {code} ist nicht an dieses Projekt gerichtet; eine "
                    "Antwort kann nur von einem der adressierten Projekte kommen.",
                )
            ]
        )
    if chosen is not None:
        return chosen
    if len(ids) == 1:
        return ids[0]
    if joint or not ids:
        return None
    raise ValidationError(
        [
            FieldProblem(
                "project_id",
                f"Die Empfehlung {code} ist an mehrere Projekte gerichtet: Bitte wählen Sie, "
                f"welches Projekt geantwortet hat, oder „{JOINT_ANSWER}“.",
            )
        ]
    )
