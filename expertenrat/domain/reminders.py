"""Reminders to projects: what is overdue or due within the next 14 days, per project, and
the letter that asks for the outstanding responses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_views import AddressedProject, RecommendationRow
from expertenrat.domain.recommendations import AWAITING_RESPONSE
from expertenrat.domain.text_folding import fold
from expertenrat.domain.wording import counted

REMINDER_WINDOW = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class ProjectReminder:
    """A project with its recommendations that are overdue or due soon, by due date."""

    project: AddressedProject
    items: tuple[RecommendationRow, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.overdue)


@dataclass(frozen=True, slots=True)
class ReminderLetter:
    """The reminder to one project, dated ``on``."""

    letterhead: Letterhead
    reminder: ProjectReminder
    on: date


def reminders_due(rows: Iterable[RecommendationRow], today: date) -> list[ProjectReminder]:
    """Per project (by title), the recommendations awaiting its response that are overdue or
    due by ``today`` + 14 days. A recommendation to two projects reminds both."""
    found: dict[int, tuple[AddressedProject, list[RecommendationRow]]] = {}
    for row in _due(rows, today):
        for project in row.projects:
            found.setdefault(project.id, (project, []))[1].append(row)
    reminders = [
        ProjectReminder(project, tuple(sorted(items, key=lambda r: (r.due_on, r.code))))
        for project, items in found.values()
    ]
    return sorted(reminders, key=lambda r: (fold(r.project.title), r.project.id))


def unaddressed_due(rows: Iterable[RecommendationRow], today: date) -> list[RecommendationRow]:
    """The recommendations awaiting a response, overdue or due by ``today`` + 14 days, that
    are addressed to no project: no reminder can name them (by due date, then code)."""
    return sorted(
        (row for row in _due(rows, today) if not row.projects), key=lambda r: (r.due_on, r.code)
    )


def _due(rows: Iterable[RecommendationRow], today: date) -> Iterator[RecommendationRow]:
    horizon = today + REMINDER_WINDOW
    for row in rows:
        if row.status in AWAITING_RESPONSE and row.due_on is not None and row.due_on <= horizon:
            yield row


def reminder_subject(letter: ReminderLetter) -> str:
    return (
        f"Erinnerung: ausstehende Stellungnahmen zu Empfehlungen – {letter.reminder.project.title}"
    )


def reminder_lines(letter: ReminderLetter) -> list[str]:
    """One line per recommendation: code, title, due date and how late."""
    lines = []
    for item in letter.reminder.items:
        due = f"{item.due_on:%d.%m.%Y}" if item.due_on else "–"
        days = counted(item.days_overdue, "Tag", "Tagen")
        late = f", seit {days} überfällig" if item.overdue else ""
        lines.append(f"{item.code} „{item.title}“ – Frist {due}{late}")
    return lines


def salutation(project: AddressedProject) -> str:
    name = project.contact_name.strip()
    return f"Guten Tag {name}," if name else "Sehr geehrte Damen und Herren,"
