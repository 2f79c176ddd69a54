"""Reminders to projects: what is overdue or due within the next 14 days, per project, and
the letter that asks for the outstanding responses.

A reminder is due (:func:`reminder_due`) for a recommendation whose response is awaited and
overdue or due within 14 days, and for one answered only with an interim "Umsetzung
geplant" whose planned date has passed (``RecommendationRow.plan_overdue``): the letter
asks for the state of that implementation, not for a response. A plan is awaited from the
project that planned it: of a recommendation to several projects, one whose plan has passed
is asked for the state of the implementation while another is asked for its response.

A reminder sent is recorded in the history of the recommendations it names and, once per
project and day, in the audit trail of the project (:func:`reminder_summary`), from which
the reminders dialog says when each project was last reminded (:func:`reminded_on`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendation_views import DUE_TODAY, RecommendationRow
from expertenrat.domain.recommendations import AWAITING_RESPONSE
from expertenrat.domain.salutations import greeting_name
from expertenrat.domain.text_folding import fold
from expertenrat.domain.wording import isolated

REMINDER_WINDOW = timedelta(days=14)
RECENTLY_REMINDED_DAYS = 14
"""A project reminded fewer days ago is listed but not chosen at first: two weeks to
answer before the next letter (found by a tester: one reminded two days before was chosen
again)."""
_REMINDED = re.compile(r"Erinnerung an .*\((\d{2})\.(\d{2})\.(\d{4})\): ", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ProjectReminder:
    """A project with its recommendations that are overdue or due soon, by due date."""

    project: AddressedProject
    items: tuple[RecommendationRow, ...]
    last_reminded: date | None = None  # the day of the latest reminder sent, if any

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.overdue)

    def reminded_recently(self, today: date) -> bool:
        """Reminded fewer than :data:`RECENTLY_REMINDED_DAYS` days before ``today``."""
        return (
            self.last_reminded is not None
            and (today - self.last_reminded).days < RECENTLY_REMINDED_DAYS
        )

    @property
    def responses(self) -> tuple[RecommendationRow, ...]:
        """The recommendations whose response is awaited."""
        return tuple(item for item in self.items if not item.awaits_plan)

    @property
    def plans(self) -> tuple[RecommendationRow, ...]:
        """The recommendations whose planned implementation date has passed."""
        return tuple(item for item in self.items if item.awaits_plan)


@dataclass(frozen=True, slots=True)
class ReminderLetter:
    """The reminder to one project, dated ``on``."""

    letterhead: Letterhead
    reminder: ProjectReminder
    on: date


def reminders_due(rows: Iterable[RecommendationRow], today: date) -> list[ProjectReminder]:
    """Per project (by title), its recommendations with a reminder due (:func:`reminder_due`),
    by the date awaited. A recommendation to two projects reminds those of them it still
    awaits something from (``RecommendationRow.awaited_projects``): not one that has
    answered while the other's answer is awaited, unless its interim plan's date has
    passed; then it is reminded of the state of the implementation, the other of its
    response (``RecommendationRow.follow_ups``), by the date of its own plan
    (``RecommendationRow.owed_by``)."""
    found: dict[int, tuple[AddressedProject, list[RecommendationRow]]] = {}
    for row in _due(rows, today):
        for project in row.awaited_projects:
            found.setdefault(project.id, (project, []))[1].append(row.owed_by(project.id))
    reminders = [
        ProjectReminder(project, tuple(sorted(items, key=_by_date)))
        for project, items in found.values()
    ]
    return sorted(reminders, key=lambda r: (fold(r.project.title), r.project.id))


def with_last_reminders(
    reminders: Iterable[ProjectReminder], reminded: dict[int, date]
) -> list[ProjectReminder]:
    """``reminders`` with the day each project was last reminded (by project id)."""
    return [replace(r, last_reminded=reminded.get(r.project.id)) for r in reminders]


def reminder_summary(project_title: str, on: date, codes: Iterable[str]) -> str:
    """The audit trail's line of a reminder to a project: "Erinnerung an „Klimaportal“
    (03.03.2026): E-2026-01, E-2026-04" (:func:`reminded_on` reads its day back). A title
    in right-to-left script is set apart (:func:`isolated`): the date would run into it."""
    return f"Erinnerung an „{isolated(project_title)}“ ({on:%d.%m.%Y}): " + ", ".join(codes)


def reminded_on(summary: str) -> date | None:
    """The day of a reminder from its line in the audit trail (:func:`reminder_summary`;
    the last date in parentheses before the codes, whatever the project's title holds);
    None for another line."""
    found = _REMINDED.match(summary)
    if found is None:
        return None
    day, month, year = map(int, found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def reminded_codes(summary: str) -> tuple[str, ...]:
    """The codes a reminder's line in the audit trail names (:func:`reminder_summary`);
    () for another line."""
    found = _REMINDED.match(summary)
    return tuple(summary[found.end() :].split(", ")) if found else ()


def unaddressed_due(rows: Iterable[RecommendationRow], today: date) -> list[RecommendationRow]:
    """The recommendations with a reminder due that are addressed to no project: no
    reminder can name them (by the date awaited, then code)."""
    return [row for row in due_in_order(rows, today) if not row.projects]


def due_in_order(rows: Iterable[RecommendationRow], today: date) -> list[RecommendationRow]:
    """Those of ``rows`` with a reminder due, by the date awaited, then code (as the
    reminders and the Übersicht list them)."""
    return sorted(_due(rows, today), key=_by_date)


def reminder_due(row: RecommendationRow, today: date) -> bool:
    """A reminder is due: the response is awaited and overdue or due within 14 days, or the
    date of an interim plan has passed without a later response."""
    if row.plan_overdue:
        return True
    return (
        row.status in AWAITING_RESPONSE
        and row.due_on is not None
        and row.due_on <= today + REMINDER_WINDOW
    )


def _due(rows: Iterable[RecommendationRow], today: date) -> Iterator[RecommendationRow]:
    """The rows a reminder names, of each recommendation what it chases
    (``RecommendationRow.follow_ups``: a response, or beside it a passed plan)."""
    return (part for row in rows for part in row.follow_ups if reminder_due(part, today))


def _by_date(row: RecommendationRow) -> tuple[date, str]:
    return (row.awaited_on or date.max, row.code)


def _answer_asked(responses: Sequence[RecommendationRow]) -> str:
    whom = "der Empfehlung" if len(responses) == 1 else "den Empfehlungen"
    return f"ob und wie Sie {whom} entsprechen, und, falls nicht oder nur teilweise, warum."


def response_state(responses: Sequence[RecommendationRow]) -> str:
    """ "Ihre Antwort steht noch aus." (all overdue), "… ist in den nächsten Tagen fällig."
    (none overdue), or both."""
    late = sum(row.overdue for row in responses)
    if late == len(responses):
        return "Ihre Antwort steht noch aus."
    if not late:
        return "Ihre Antwort ist in den nächsten Tagen fällig."
    return "Ihre Antwort steht noch aus oder ist in den nächsten Tagen fällig."


def response_request(responses: Sequence[RecommendationRow], *, below: bool = False) -> str:
    """What the letter asks for: by the due date, or soon where it has passed (of one
    recommendation in the singular: "der Empfehlung", "Die genannte Frist ist …").
    ``below``: the recommendations are listed after this text (the letter's table), so
    their dates are "unten genannt"; the e-mail lists them before it."""
    late = sum(row.overdue for row in responses)
    asked = _answer_asked(responses)
    named = "unten genannte" if below else "genannte"
    if late == len(responses):
        passed = (
            f"Die {named} Frist ist verstrichen."
            if late == 1
            else f"Die {named}n Fristen sind verstrichen."
        )
        return f"{passed} Wir bitten Sie, uns möglichst bald mitzuteilen, {asked}"
    if not late:
        return f"Wir bitten Sie, uns bis zur {named}n Frist mitzuteilen, {asked}"
    return (
        f"Wir bitten Sie, uns bis zur {named}n Frist – wo sie schon verstrichen ist, möglichst "
        f"bald – mitzuteilen, {asked}"
    )


def plan_request(plans: Sequence[RecommendationRow], *, below: bool = False) -> str:
    """What the letter asks of recommendations whose planned implementation date has
    passed (of one in the singular); ``below`` as in :func:`response_request`."""
    if len(plans) == 1:
        which = "der unten genannten Empfehlung" if below else "dieser Empfehlung"
        return (
            f"Zu {which} haben Sie uns mitgeteilt, dass die Umsetzung geplant ist. "
            "Der genannte Termin ist verstrichen, ohne dass uns eine abschließende Rückmeldung "
            "vorliegt. Wir bitten um eine Rückmeldung zum Stand der Umsetzung: ob die "
            "Empfehlung umgesetzt ist, teilweise oder nicht, und bis wann gegebenenfalls noch."
        )
    which = "den unten genannten Empfehlungen" if below else "diesen Empfehlungen"
    return (
        f"Zu {which} haben Sie uns mitgeteilt, dass die Umsetzung geplant ist. Die "
        "genannten Termine sind verstrichen, ohne dass uns eine abschließende Rückmeldung "
        "vorliegt. Wir bitten um eine Rückmeldung zum Stand der Umsetzung: ob die "
        "Empfehlungen umgesetzt sind, teilweise oder nicht, und bis wann gegebenenfalls noch."
    )


def these_recommendations(items: Sequence[RecommendationRow], *, genitive: bool = False) -> str:
    """ "zu dieser Empfehlung" / "zu diesen Empfehlungen" (dative), or with ``genitive``
    "der Umsetzung dieser Empfehlung" / "… dieser Empfehlungen"."""
    if len(items) == 1:
        return "dieser Empfehlung"
    return "dieser Empfehlungen" if genitive else "diesen Empfehlungen"


def reminder_subject(letter: ReminderLetter) -> str:
    """The subject, in the singular where the letter names one recommendation (or one
    awaiting a response beside the plans)."""
    reminder = letter.reminder
    responses, plans = reminder.responses, reminder.plans
    statements = "Stellungnahme" if len(responses) == 1 else "Stellungnahmen"
    if not plans:
        whom = "einer Empfehlung" if len(responses) == 1 else "Empfehlungen"
        topic = f"ausstehende {statements} zu {whom}"
    elif not responses:
        whom = "einer Empfehlung" if len(plans) == 1 else "von Empfehlungen"
        topic = f"Stand der geplanten Umsetzung {whom}"
    else:
        topic = f"ausstehende {statements} und Stand der geplanten Umsetzung"
    return f"Erinnerung: {topic} – {reminder.project.title}"


def response_lines(letter: ReminderLetter) -> list[str]:
    """One line per recommendation awaiting a response: code, title, due date, how late."""
    lines = []
    for item in letter.reminder.responses:
        due = f"{item.due_on:%d.%m.%Y}" if item.due_on else "–"
        late = f", {item.overdue_text}" if item.overdue else ""
        if item.due_today(letter.on):
            late = f", {DUE_TODAY}"
        lines.append(f"{item.code} „{item.title}“ – Frist {due}{late}")
    return lines


def plan_lines(letter: ReminderLetter) -> list[str]:
    """One line per recommendation whose planned implementation date has passed."""
    return [f"{item.code} „{item.title}“ – {plan_state(item)}" for item in letter.reminder.plans]


def plan_state(row: RecommendationRow) -> str:
    """ "Umsetzung war geplant bis 30.06.2026 – wir bitten um eine Rückmeldung zum Stand"."""
    planned = f"{row.planned_by:%d.%m.%Y}" if row.planned_by else "–"
    return f"Umsetzung war geplant bis {planned} – wir bitten um eine Rückmeldung zum Stand"


def salutation(project: AddressedProject) -> str:
    """ "Guten Tag Dr. Merle Steffens,": a project's contact has no form of address, so
    the greeting is the neutral one a member without one gets, of the titles typed with the
    name only the highest (:func:`greeting_name`)."""
    name = greeting_name(project.contact_name)
    return f"Guten Tag {name}," if name else "Sehr geehrte Damen und Herren,"
