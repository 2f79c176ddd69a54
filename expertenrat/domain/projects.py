"""Projects the council advises: the record that crosses layers, its read models and rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol, TypeVar

from expertenrat.domain.enums import (
    MeetingKind,
    MeetingState,
    ProjectPhase,
    RecommendationStatus,
)
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import (
    PARTNER_NAME,
    PROJECT,
    clean_text,
    cleaned_texts,
    text_problems,
)
from expertenrat.domain.mail_addresses import address_problem, bare_address
from expertenrat.domain.meetings import list_label
from expertenrat.domain.text_folding import alike_key, match_key
from expertenrat.domain.wording import shortened


@dataclass(frozen=True, slots=True)
class Project:
    """A Smart City project of a council; ``id`` is ``None`` until it is saved.

    ``partners`` are the names of the partner institutions in their order (they are
    matched against members' affiliations when conflicts of interest are screened).
    """

    id: int | None
    title: str
    short_code: str = ""
    action_field_id: int | None = None
    lead_unit: str = ""
    contact_name: str = ""
    contact_email: str = ""
    phase: ProjectPhase = ProjectPhase.PLANNING
    partners: tuple[str, ...] = ()
    description: str = ""
    version: int = 0

    @property
    def name(self) -> str:
        """How messages name the project: "Digitaler Zwilling (DZ)"."""
        return f"{self.title} ({self.short_code})" if self.short_code else self.title


@dataclass(frozen=True, slots=True)
class ProjectEntry:
    """A project as the list shows it: with the name of its action field and its uses."""

    project: Project
    action_field: str
    consultations: int
    recommendations: int


class OnAgenda(Protocol):
    """An agenda item about a project, as far as grouping it into consultations needs."""

    @property
    def meeting_id(self) -> int: ...

    @property
    def project_id(self) -> int: ...


Item = TypeVar("Item", bound=OnAgenda)


def consultation_groups(items: Iterable[Item]) -> list[tuple[Item, ...]]:
    """The items as consultations: a project discussed in a meeting is one consultation
    there, however many of the meeting's agenda items (an item and its sub-items, 6 and
    6.1) are about it. Groups come in the order of their first items, their items in the
    given order."""
    grouped: dict[tuple[int, int], list[Item]] = {}
    for item in items:
        grouped.setdefault((item.meeting_id, item.project_id), []).append(item)
    return [tuple(mine) for mine in grouped.values()]


@dataclass(frozen=True, slots=True)
class ConsultedItem:
    """An agenda item that deals with a project, with its meeting; ``public`` is effective
    (an item under a non-public one is not public)."""

    agenda_item_id: int
    meeting_id: int
    project_id: int
    meeting_number: int | None  # None: cancelled while planned, never numbered
    meeting_start: datetime  # wall-clock time in the council's time zone
    meeting_title: str
    meeting_kind: MeetingKind
    meeting_state: MeetingState
    number: str
    title: str
    public: bool

    @property
    def meeting(self) -> str:
        """ "5. Sitzung"; "Sitzung" for one that never got a number (see ``list_label``)."""
        return list_label(self.meeting_number, self.meeting_kind, self.meeting_title)

    @property
    def where(self) -> str:
        """ "5. Sitzung am 12.03.2026, TOP 3" """
        return f"{self.meeting} am {self.meeting_start:%d.%m.%Y}, TOP {self.number}"


@dataclass(frozen=True, slots=True)
class Consultation:
    """A project consulted in a meeting: its agenda items there in agenda order (one or
    more, see :func:`consultation_groups`)."""

    items: tuple[ConsultedItem, ...]

    @property
    def meeting_id(self) -> int:
        return self.items[0].meeting_id

    @property
    def meeting(self) -> str:
        return self.items[0].meeting

    @property
    def meeting_start(self) -> datetime:
        return self.items[0].meeting_start

    @property
    def meeting_title(self) -> str:
        return self.items[0].meeting_title

    @property
    def meeting_state(self) -> MeetingState:
        return self.items[0].meeting_state

    @property
    def numbers(self) -> str:
        """ "6, 6.1"."""
        return ", ".join(item.number for item in self.items)


def consultations(items: Iterable[ConsultedItem]) -> list[Consultation]:
    """The consultations of ``items`` (in meeting and agenda order): one per meeting and
    project."""
    return [Consultation(group) for group in consultation_groups(items)]


@dataclass(frozen=True, slots=True)
class ProjectRecommendation:
    """A recommendation addressed to a project, as the project view lists it."""

    id: int
    code: str
    title: str
    status: RecommendationStatus
    adopted_on: date | None  # None while a draft
    due_on: date | None
    overdue_text: str = ""  # "seit 26 Tagen überfällig" as the register says; "" unless

    @property
    def overdue(self) -> bool:
        return bool(self.overdue_text)


def marked_title(title: str, ended: bool) -> str:
    """ "Klimaportal", or "Klimaportal (abgeschlossen)" for a project marked as finished:
    the one mark wherever a project is chosen or named beside its recommendations (the
    choosers, the reminders, the Übersicht, the report)."""
    return f"{title} (abgeschlossen)" if ended else title


def clean_project(project: Project) -> Project:
    """``project`` with its texts in NFC and without surrounding spaces, the contact's
    e-mail address without a link's "mailto:" or the angle brackets around it, as a
    member's (:func:`~expertenrat.domain.mail_addresses.bare_address`); empty partner
    lines are left out."""
    partners = (clean_text(name, PARTNER_NAME) for name in project.partners)
    texts = cleaned_texts(project, PROJECT)
    texts["contact_email"] = bare_address(texts["contact_email"])
    return replace(project, **texts, partners=tuple(name for name in partners if name))


def validate_project(project: Project, others: Iterable[Project]) -> list[FieldProblem]:
    """Check a cleaned project (``clean_project``) against the rules and the council's
    other projects."""
    problems: list[FieldProblem] = []
    if not project.title.strip():
        problems.append(FieldProblem("title", "Bitte geben Sie den Titel des Projekts an."))
    for name, spec in PROJECT.items():
        problems.extend(text_problems(name, getattr(project, name), spec))
    if email_problem := address_problem(project.contact_email):
        problems.append(FieldProblem("contact_email", email_problem))
    if project.action_field_id is None:
        problems.append(FieldProblem("action_field_id", "Bitte wählen Sie ein Handlungsfeld."))
    problems.extend(_partner_problems(project.partners))
    problems.extend(_short_code_problems(project, others))
    return problems


def _partner_problems(partners: tuple[str, ...]) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    seen: set[str] = set()
    for name in partners:
        for problem in text_problems("partners", name, PARTNER_NAME):
            problems.append(replace(problem, message=f"„{_cut(name)}“: {problem.message}"))
        key = match_key(name)
        if key in seen:
            problems.append(
                FieldProblem("partners", f"Der Partner „{_cut(name)}“ steht doppelt in der Liste.")
            )
        seen.add(key)
    return problems


def _short_code_problems(project: Project, others: Iterable[Project]) -> list[FieldProblem]:
    code = alike_key(project.short_code)  # "KP 1" is "kp\u00a01": no two that look alike
    if not code:
        return []
    other = next(
        (p for p in others if p.id != project.id and alike_key(p.short_code) == code), None
    )
    if other is None:
        return []
    return [
        FieldProblem(
            "short_code",
            f"Das Kürzel „{project.short_code}“ hat bereits das Projekt „{other.title}“. "
            "Bitte wählen Sie ein anderes.",
        )
    ]


def _cut(text: str, length: int = 60) -> str:
    """A long name shortened for a message."""
    return shortened(text, length)
