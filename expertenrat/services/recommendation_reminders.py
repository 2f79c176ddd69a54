"""Reminders to projects: what is overdue or due within 14 days per project (also the
state of an implementation whose planned date has passed, ``domain.reminders``), and per
project a reminder letter (PDF) and an e-mail draft (.eml) with the letter attached.

``save`` is the one way the window and the command line send reminders out: per project it
writes both files into the chosen folder (``services.files``; their names:
:mod:`expertenrat.services.reminder_files`) and only then records the reminder in the
history of the recommendations the letter names (``RecommendationsService.record_reminder``).
A project whose files cannot be written gets no history line, and one whose reminder cannot
be recorded keeps no files.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.progress import Cancelled, Progress, no_progress
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.reminders import (
    ProjectReminder,
    ReminderLetter,
    reminded_codes,
    reminded_on,
    reminders_due,
    unaddressed_due,
    with_last_reminders,
)
from expertenrat.domain.wording import listed
from expertenrat.services.council_rows import WITH_LOGO, council_file_label, letterhead_of
from expertenrat.services.files import FileWriteError, replacing_files
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.services.reminder_files import file_stems
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
    recommendation_ids: tuple[int, ...]
    stem: str
    letter: RenderedPdf
    eml: bytes


@dataclass(frozen=True, slots=True)
class RemindersDue:
    """What is overdue or due within 14 days of ``on``: the reminders per project, and the
    recommendations addressed to no project, which no reminder can name."""

    on: date
    projects: tuple[ProjectReminder, ...]
    without_project: tuple[RecommendationRow, ...]
    council_label: str = ""  # begins the files' names (see reminder_files.file_stems)


@dataclass(frozen=True, slots=True)
class SavedReminder:
    """A project's reminder as saved (letter, then e-mail draft) and recorded."""

    project: AddressedProject
    codes: tuple[str, ...]
    files: tuple[Path, Path]
    warnings: tuple[str, ...]


class RemindersExistError(FileWriteError):
    """Files of these reminders are in the folder already; they are replaced only when the
    user says so (``replace``)."""


class RemindersCancelled(Cancelled):
    """The user cancelled saving: the projects in ``saved`` keep their files and history
    lines, those in ``not_saved`` got neither; ``message`` says so in German."""

    def __init__(self, saved: list[SavedReminder], not_saved: list[AddressedProject]) -> None:
        super().__init__()
        self.saved = saved
        self.not_saved = not_saved

    @property
    def message(self) -> str:
        if not self.saved:
            return "Abgebrochen: Es wurde keine Erinnerung gespeichert oder im Verlauf vermerkt."
        done = _reminders_to([s.project.title for s in self.saved])
        left = _reminders_to([p.title for p in self.not_saved])
        return (
            f"Abgebrochen. Gespeichert und im Verlauf vermerkt {done} "
            f"(Ordner „{self.saved[0].files[0].parent}“).\n\nNicht gespeichert und nicht "
            f"vermerkt {left}."
        )


class ReminderNotSavedError(ExpertenratError):
    """A project's reminder failed (its files or its history line); the message names the
    projects saved and recorded before it."""


class RecommendationRemindersService:
    def __init__(self, database: Database, recommendations: RecommendationsService) -> None:
        self._db = database
        self._recommendations = recommendations  # records the reminders

    def due(self, council_id: int, *, today: date | None = None) -> RemindersDue:
        """Per project, its recommendations overdue or due within 14 days of ``today`` and
        the day it was last reminded, and those addressed to no project."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            rows = register_rows(session, council_id, day)
            reminded = last_reminders(session, council_id)
            label = council_file_label(session, council_id)
        reminders = with_last_reminders(reminders_due(rows, day), reminded)
        return RemindersDue(day, tuple(reminders), tuple(unaddressed_due(rows, day)), label)

    def documents(
        self,
        council_id: int,
        *,
        today: date | None = None,
        project_ids: Collection[int] | None = None,
    ) -> list[ReminderDocuments]:
        """A letter and an e-mail draft, dated today, for every project with something due
        (of ``project_ids`` only, where given)."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            head = council_letterhead(session, council_id)
            reminders = reminders_due(register_rows(session, council_id, day), day)
            label = council_file_label(session, council_id)
        stems = file_stems([r.project for r in reminders], day, label)
        return [
            _documents(ReminderLetter(head, r, day), stems[r.project.id])
            for r in reminders
            if project_ids is None or r.project.id in project_ids
        ]

    def save(
        self,
        council_id: int,
        folder: Path,
        *,
        project_ids: Collection[int] | None = None,
        today: date | None = None,
        replace: bool = False,
        progress: Progress = no_progress,
    ) -> list[SavedReminder]:
        """Per project (of ``project_ids``, where given) the letter and the e-mail draft
        into ``folder``, then the reminder into the history. Files of the same names are
        replaced only with ``replace`` (else ``RemindersExistError`` before anything is
        written). If a project's files or its history line fail, the projects before it
        stay saved and recorded; the error says which they are. Cancelled (through
        ``progress``) between two projects, it raises ``RemindersCancelled``, which names
        the projects saved and those not."""
        if folder.exists() and not folder.is_dir():
            raise FileWriteError(
                f"„{folder}“ ist eine Datei, kein Ordner. Die Erinnerungen werden in einen "
                "Ordner geschrieben: bitte wählen Sie einen Ordner."
            )
        if not folder.is_dir():
            raise FileWriteError(f"Den Ordner „{folder}“ gibt es nicht.")
        documents = self.documents(council_id, today=today, project_ids=project_ids)
        there = [
            name
            for d in documents
            for name in (f"{d.stem}.pdf", f"{d.stem}.eml")
            if (folder / name).exists()
        ]
        if there and not replace:
            raise RemindersExistError(
                f"Im Ordner „{folder}“ liegen schon Dateien dieser Erinnerungen: "
                f"{', '.join(there)}."
            )
        saved: list[SavedReminder] = []
        for done, document in enumerate(documents):
            try:
                progress(done, len(documents))
            except Cancelled:
                raise RemindersCancelled(saved, [d.project for d in documents[done:]]) from None
            try:
                saved.append(self._save_one(folder, document))
            except ExpertenratError as error:
                raise ReminderNotSavedError(_stopped_at(document, error.message, saved)) from None
        with contextlib.suppress(Cancelled):  # too late to cancel: every reminder is saved
            progress(len(documents), len(documents))
        return saved

    def _save_one(self, folder: Path, document: ReminderDocuments) -> SavedReminder:
        pdf, eml = folder / f"{document.stem}.pdf", folder / f"{document.stem}.eml"
        # Nothing half done: both files or neither (an earlier pair stays), and no new
        # files without the history line.
        with replacing_files({pdf: document.letter.pdf, eml: document.eml}):
            self._recommendations.record_reminder(
                document.project.id, document.on, recommendation_ids=document.recommendation_ids
            )
        return SavedReminder(document.project, document.codes, (pdf, eml), document.letter.warnings)


def _stopped_at(document: ReminderDocuments, reason: str, saved: list[SavedReminder]) -> str:
    """Why the reminder to ``document``'s project failed, and which were saved before."""
    text = f"Die Erinnerung an „{document.project.title}“ wurde nicht gespeichert: {reason}"
    if saved:
        done = _reminders_to([s.project.title for s in saved])
        text += f"\n\nGespeichert und im Verlauf vermerkt {done}."
    return text


def _reminders_to(titles: list[str]) -> str:
    """ "ist die Erinnerung an „A“", "sind die Erinnerungen an „A“ und „B“"."""
    projects = listed([f"„{title}“" for title in titles])
    if len(titles) == 1:
        return f"ist die Erinnerung an {projects}"
    return f"sind die Erinnerungen an {projects}"


def _documents(letter: ReminderLetter, stem: str) -> ReminderDocuments:
    from expertenrat.exchange.reminder_mail import reminder_eml
    from expertenrat.reports.reminder_letter_pdf import render_reminder_letter  # reportlab

    reminder = letter.reminder
    rendered = render_reminder_letter(letter)
    return ReminderDocuments(
        project=reminder.project,
        on=letter.on,
        codes=tuple(item.code for item in reminder.items),
        recommendation_ids=tuple(item.id for item in reminder.items),
        stem=stem,
        letter=rendered,
        eml=reminder_eml(letter, rendered.pdf, f"{stem}.pdf"),
    )


def last_reminders(session: Session, council_id: int) -> dict[int, date]:
    """Per project of the council, the day of its latest reminder."""
    found: dict[int, date] = {}
    for project_id, day, _summary in _reminders_recorded(session, council_id):
        found[project_id] = max(day, found.get(project_id, day))
    return found


def last_reminders_by_code(session: Session, council_id: int) -> dict[tuple[int, str], date]:
    """Per project and recommendation code, the day of the latest reminder that named it."""
    found: dict[tuple[int, str], date] = {}
    for project_id, day, summary in _reminders_recorded(session, council_id):
        for code in reminded_codes(summary):
            found[project_id, code] = max(day, found.get((project_id, code), day))
    return found


def _reminders_recorded(session: Session, council_id: int) -> Iterator[tuple[int, date, str]]:
    """The council's reminders as the audit trail records each: project id, day
    (``domain.reminders.reminded_on``) and the line naming the codes."""
    entry = models.AuditEntry
    for project_id, summary in session.execute(
        select(entry.entity_id, entry.summary).where(
            entry.council_id == council_id,
            entry.entity == "project",
            entry.action == AuditAction.UPDATE.value,
            entry.summary.like("Erinnerung an %"),
        )
    ):
        day = reminded_on(summary)
        if project_id is not None and day is not None:
            yield project_id, day, summary


def council_letterhead(session: Session, council_id: int) -> Letterhead:
    """The council as its recommendation documents are headed."""
    return letterhead_of(fetch(session, models.Council, council_id, "Das Gremium", WITH_LOGO))
