"""Reminders to projects: what is overdue or due within 14 days per project, and per project
a reminder letter (PDF) and an e-mail draft (.eml) with the letter attached. Recording that
a reminder went out is ``RecommendationsService.record_reminder``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_views import AddressedProject
from expertenrat.domain.reminders import ProjectReminder, ReminderLetter, reminders_due
from expertenrat.domain.text_folding import transliterate
from expertenrat.exchange.reminder_mail import reminder_eml
from expertenrat.reports.reminder_letter_pdf import render_reminder_letter
from expertenrat.services.meeting_documents import letterhead_of
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.unit_of_work import fetch, reading
from expertenrat.store import models
from expertenrat.store.database import Database


@dataclass(frozen=True, slots=True)
class ReminderDocuments:
    """The letter and the e-mail draft for one project, dated ``on``; ``stem`` names both
    files."""

    project: AddressedProject
    on: date
    codes: tuple[str, ...]
    stem: str
    letter: RenderedPdf
    eml: bytes


class RecommendationRemindersService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def reminders_due(self, council_id: int, *, today: date | None = None) -> list[ProjectReminder]:
        """Per project, its recommendations overdue or due within 14 days of ``today``."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            return reminders_due(register_rows(session, council_id, day), day)

    def documents(self, council_id: int, *, today: date | None = None) -> list[ReminderDocuments]:
        """A letter and an e-mail draft for every project with something due, dated today."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            head = council_letterhead(session, council_id)
            reminders = reminders_due(register_rows(session, council_id, day), day)
        return [_documents(ReminderLetter(head, r, day)) for r in reminders]


def _documents(letter: ReminderLetter) -> ReminderDocuments:
    reminder = letter.reminder
    stem = f"Erinnerung-{_file_part(reminder.project.title)}-{letter.on:%Y-%m-%d}"
    rendered = render_reminder_letter(letter)
    return ReminderDocuments(
        project=reminder.project,
        on=letter.on,
        codes=tuple(item.code for item in reminder.items),
        stem=stem,
        letter=rendered,
        eml=reminder_eml(letter, rendered.pdf, f"{stem}.pdf"),
    )


def _file_part(title: str) -> str:
    """A project title as part of a file name every system accepts ("Klima-Portal")."""
    plain = re.sub(r"[^A-Za-z0-9]+", "-", transliterate(title)).strip("-")
    return plain[:60].rstrip("-") or "Projekt"


def council_letterhead(session: Session, council_id: int) -> Letterhead:
    """The council as its recommendation documents are headed."""
    return letterhead_of(fetch(session, models.Council, council_id, "Das Gremium"))
