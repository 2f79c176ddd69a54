"""The reminder letter to a project: its recommendations awaiting a response, with codes,
titles, send and due dates and the days overdue; and, in a table of their own, those
answered with an interim plan whose date has passed, asking for the state of the
implementation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.recommendation_views import DUE_TODAY, RecommendationRow
from expertenrat.domain.reminders import (
    ReminderLetter,
    plan_request,
    reminder_subject,
    response_request,
    response_state,
    salutation,
)
from expertenrat.domain.wording import council_as_subject, counted, isolated
from expertenrat.reports import letter_parts, theme
from expertenrat.reports.meeting_parts import paragraph
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column, Lines
from expertenrat.reports.widowless_table import TableWithClosing


def _code(row: RecommendationRow) -> Lines:
    return [(row.code, BOLD)]


def _title(row: RecommendationRow) -> Lines:
    return [(row.title, PLAIN), (row.origin.label, SMALL)]


def _sent(row: RecommendationRow) -> Lines:
    return [(theme.german_date(row.sent_on) if row.sent_on else "–", PLAIN)]


def _due(row: RecommendationRow) -> Lines:
    return [(theme.german_date(row.due_on) if row.due_on else "–", PLAIN)]


def _late(row: RecommendationRow, day: date) -> Lines:
    """ "3 Tage", "heute fällig" on the day due, else "noch nicht"."""
    if row.overdue:
        return [(counted(row.days_overdue, "Tag", "Tage"), PLAIN)]
    return [(DUE_TODAY if row.due_today(day) else "noch nicht", PLAIN)]


def _planned(row: RecommendationRow) -> Lines:
    return [(theme.german_date(row.planned_by) if row.planned_by else "–", PLAIN)]


def _columns(
    rows: Sequence[RecommendationRow],
    date_header: str,
    awaited: Callable[[RecommendationRow], Lines],
    day: date,
) -> tuple[Column[RecommendationRow], ...]:
    """Code, dates and days (as of the letter's ``day``) as wide as their longest entry,
    the rest to the title."""
    short = [
        Column("Kennung", 0.0, _code),
        Column("Übermittelt", 0.0, _sent),
        Column(date_header, 0.0, awaited),
        Column("Überfällig", 0.0, lambda row: _late(row, day)),
    ]
    shares = [theme.fitted_share(rows, c.lines, c.header) for c in short]
    code, sent, due, late = (replace(c, share=s) for c, s in zip(short, shares, strict=True))
    return code, Column("Empfehlung", 1 - sum(shares), _title), sent, due, late


def render_reminder_letter(letter: ReminderLetter) -> RenderedPdf:
    """The letter in A4 portrait; warnings name letters no bundled font has.

    Address, place and date, subject and closing are the invitation's (``letter_parts``);
    the recommendations awaiting a response and those whose planned implementation is
    overdue each get their request and table; the last table's last rows go with the
    closing, so the greeting never stands alone on a page.
    """
    head, reminder = letter.letterhead, letter.reminder
    project = reminder.project
    title = reminder_subject(letter)
    address = (project.lead_unit, project.contact_name, project.title)
    story = letter_parts.address_block(address, head.city, letter.on)
    story += letter_parts.opening(title, salutation(project))
    story.append(
        paragraph(
            f"{council_as_subject(head.council_name, isolated)} hat dem Projekt "
            f"„{isolated(project.title)}“ "
            f"{_the_following(reminder.items)} übermittelt und um eine Stellungnahme gebeten."
        )
    )
    parts = []
    if reminder.responses:
        responses = reminder.responses
        text = f"{response_state(responses)} {response_request(responses, below=True)}"
        parts.append((text, responses, _columns(responses, "Frist", _due, letter.on)))
    if reminder.plans:
        plans = reminder.plans
        parts.append(
            (
                plan_request(plans, below=True),
                plans,
                _columns(plans, "Umsetzung geplant bis", _planned, letter.on),
            )
        )
    closing = [Spacer(0, 6 * mm), *letter_parts.closing(head.signature, head.council_name)]
    for number, (text, items, columns) in enumerate(parts, start=1):
        lead = paragraph(text)  # never alone at the foot of a page: kept with its table
        table = theme.column_table(items, columns)
        if number == len(parts):
            story.append(TableWithClosing(table, closing, [Spacer(0, 4 * mm), lead]))
        else:
            lead.keepWithNext = True
            story += [Spacer(0, 4 * mm), lead, table]
    texts = [
        ("Projekt", (project.title, project.lead_unit, project.contact_name)),
        *((item.code, (item.title,)) for item in reminder.items),
    ]
    # what an archive searches a letter by: the codes it reminds of, project, council
    codes = ", ".join(item.code for item in reminder.items)
    keywords = f"Erinnerung, {codes}, {project.title}, {head.council_name}"
    info = letter_parts.letter_info(head, title, letter.on, keywords=keywords)
    return theme.build_pdf(story, info, theme.script_warnings(texts), len(reminder.items))


def _the_following(items: tuple) -> str:
    return "die folgende Empfehlung" if len(items) == 1 else "die folgenden Empfehlungen"
