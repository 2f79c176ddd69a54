"""The annual report's third section: the projects consulted in the meetings held in the
year, per action field.

A project discussed in a meeting is one consultation there, however many of its agenda
items (an item and its sub-items, 3 and 3.1) are about it; non-public items are counted
without titles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.projects import consultation_groups
from expertenrat.domain.recommendations_report import field_names


@dataclass(frozen=True, slots=True)
class ProjectItem:
    """An agenda item about a project in a meeting held in the year, as read."""

    meeting_id: int
    project_id: int
    field: str  # the project's action field; NO_FIELD without one
    day: date
    meeting: str  # "5. Sitzung"
    number: str
    title: str
    project: str
    public: bool  # effective: an item under a non-public one is not public


@dataclass(frozen=True, slots=True)
class Consultation:
    """A project consulted in a meeting held in the year: one, however many of the meeting's
    agenda items are about it. ``items`` are the public ones, "(number, title)" in agenda
    order; none if all were non-public (then the consultation is only counted)."""

    field: str
    day: date
    meeting: str
    project: str
    items: tuple[tuple[str, str], ...]

    @property
    def public(self) -> bool:
        return bool(self.items)

    @property
    def numbers(self) -> str:
        """ "3, 3.1"."""
        return ", ".join(number for number, _ in self.items)


def consultations(items: Sequence[ProjectItem]) -> tuple[Consultation, ...]:
    """One consultation per project and meeting (:func:`consultation_groups`); the
    non-public items of a consultation with a public one are left out unnamed."""
    return tuple(
        Consultation(
            field=mine[0].field,
            day=mine[0].day,
            meeting=mine[0].meeting,
            project=mine[0].project,
            items=tuple((i.number, i.title) for i in mine if i.public),
        )
        for mine in consultation_groups(items)
    )


@dataclass(frozen=True, slots=True)
class FieldConsultations:
    """Section 3, one action field: its public consultations and how many were not public
    (a consultation is public if one of its agenda items is)."""

    name: str
    public: tuple[Consultation, ...]
    non_public: int

    @property
    def count(self) -> int:
        return len(self.public) + self.non_public

    @property
    def projects(self) -> int:
        """Projects consulted publicly (the non-public ones stay unnamed)."""
        return len({c.project for c in self.public})


def field_consultations(
    found: Sequence[Consultation], field_order: Sequence[str]
) -> tuple[FieldConsultations, ...]:
    """The consultations per action field (the council's order, then those without one)."""
    parts = []
    for name in field_names((c.field for c in found), field_order):
        mine = [c for c in found if c.field == name]
        public = tuple(c for c in mine if c.public)
        parts.append(FieldConsultations(name, public, len(mine) - len(public)))
    return tuple(parts)
