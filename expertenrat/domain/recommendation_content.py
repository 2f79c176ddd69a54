"""What the register's form edits of a recommendation, and the note of a step: cleaned
and checked against the field limits."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.field_limits import (
    HISTORY_NOTE,
    RECOMMENDATION,
    clean_text,
    cleaned_texts,
    text_problems,
)

if TYPE_CHECKING:
    from expertenrat.domain.minutes import RecommendationDraft


@dataclass(frozen=True, slots=True)
class RecommendationContent:
    """What the register's form edits: the texts, the kind, the field and the projects."""

    title: str
    text: str = ""
    kind: RecommendationKind = RecommendationKind.RECOMMENDATION
    action_field_id: int | None = None
    project_ids: tuple[int, ...] = ()


def clean_content(content: RecommendationContent) -> RecommendationContent:
    projects = tuple(dict.fromkeys(content.project_ids))  # once each, in the order given
    return replace(content, project_ids=projects, **cleaned_texts(content, RECOMMENDATION))


def content_problems(content: RecommendationContent | RecommendationDraft) -> list[FieldProblem]:
    """The texts' problems, the missing title first: of the register's form and of a
    recommendation drafted in the minutes alike."""
    problems = [
        p
        for name, spec in RECOMMENDATION.items()
        for p in text_problems(name, getattr(content, name), spec)
    ]
    if not content.title.strip():
        problems.insert(0, FieldProblem("title", "Bitte geben Sie der Empfehlung einen Titel."))
    return problems


def clean_note(note: str) -> str:
    return clean_text(note, HISTORY_NOTE)


def note_problems(note: str) -> list[FieldProblem]:
    return text_problems("note", note, HISTORY_NOTE)


def reason_note(prefix: str, reason: str) -> str:
    """The history's note of a step that undoes a mistake: ``prefix`` ("Wieder geöffnet
    (war „umgesetzt“): "), then the reason. The reason alone may be as long as a note; one
    that leaves no room for the prefix is refused, saying by how much (stored longer, the
    check of the database named the note)."""
    note = prefix + reason
    over = len(note) - HISTORY_NOTE.max_length
    if over > 0:
        lead = prefix.removesuffix(": ")
        message = f"Der Grund ist um {over} Zeichen zu lang: Im Verlauf steht „{lead}“ davor."
        raise ValidationError(
            [FieldProblem("note", f"{message} {HISTORY_NOTE.too_long_message()}")]
        )
    return note
