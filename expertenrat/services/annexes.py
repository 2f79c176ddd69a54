"""The annexes (Anlagen) of a meeting: PDF files stored in the ``files`` table.

Adding checks the file before anything is saved: at most 50 MB, starting like a PDF, and
readable by pypdf page by page (a damaged or encrypted PDF is refused with a German
message, as it would break the Sitzungsmappe; :mod:`services.pdf_reading`). Removing is a
soft delete, so the file stays in the audit's reach. The list order is the order of the
annexes in the minutes. Approved minutes freeze their annexes too
(``services.minutes_freeze``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.annexes import (
    MAX_ANNEX_BYTES,
    PDF_MIME,
    Annex,
    MeetingAnnexes,
    clean_file_name,
    size_problem,
    title_from_name,
)
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import FieldProblem, NotFoundError, ValidationError
from expertenrat.domain.field_limits import ANNEX_TITLE, clean_text, text_problems
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.annex_rows import annex_rows
from expertenrat.services.attendance_rows import live_meeting
from expertenrat.services.file_reading import read_at_most
from expertenrat.services.minutes_freeze import ensure_not_frozen, is_frozen
from expertenrat.services.pdf_reading import damaged_annex_error, read_pdf
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.model_base import utc_now

WHAT = "Die Anlage"


class AnnexesService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def annexes(self, meeting_id: int) -> tuple[Annex, ...]:
        with reading(self._db) as session:
            live_meeting(session, meeting_id)
            return _annexes(session, meeting_id)

    def listing(self, meeting_id: int) -> MeetingAnnexes:
        """The meeting's annexes and whether its minutes are approved (then they stay as
        they are), in one read: the two always belong to the same moment."""
        with reading(self._db) as session:
            live_meeting(session, meeting_id)
            return MeetingAnnexes(_annexes(session, meeting_id), is_frozen(session, meeting_id))

    @staticmethod
    def read_file(path: Path) -> bytes:
        """The content of the file ``path`` to add (``OSError`` if it cannot be read). A
        file larger than an annex may be raises ``ValidationError`` after reading no more:
        a file of gigabytes chosen by mistake was read whole into memory first."""

        def too_large(size: int) -> ValidationError:
            problem = size_problem(size)
            return ValidationError(
                [FieldProblem("content", f"„{clean_file_name(path.name)}“: {problem}")]
            )

        return read_at_most(path, MAX_ANNEX_BYTES, too_large)

    def add(
        self, meeting_id: int, name: str, content: bytes, *, title: str = "", public: bool = True
    ) -> Annex:
        """Store ``content`` as the meeting's last annex; a bad file is refused first."""
        name = clean_file_name(name)
        problem = size_problem(len(content))
        if problem:
            raise ValidationError([FieldProblem("content", f"„{name}“: {problem}")])
        reader = read_pdf(content, name)
        # A page without width or height (a broken PDF writer's) no viewer shows and no
        # printer prints; only refused here: annexes stored before still go into the pack.
        if any(not page.mediabox.width or not page.mediabox.height for page in reader.pages):
            raise damaged_annex_error(name)
        title = clean_text(title, ANNEX_TITLE)
        raise_if_invalid(text_problems("title", title, ANNEX_TITLE))
        title = " ".join(title.split()) or title_from_name(name)
        with changing(self._db, WHAT) as session:
            meeting = live_meeting(session, meeting_id)
            ensure_not_frozen(session, meeting.id)
            last = session.scalar(
                select(func.max(models.StoredFile.position)).where(
                    models.StoredFile.meeting_id == meeting.id,
                    models.StoredFile.deleted_at.is_(None),
                )
            )
            row = models.StoredFile(
                council_id=meeting.council_id,
                meeting_id=meeting.id,
                position=0 if last is None else last + 1,
                name=name,
                title=title,
                mime_type=PDF_MIME,
                content=content,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                public=public,
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE,
                "file",
                row.id,
                council_id=meeting.council_id,
                summary=f"Anlage „{title}“ {_to(meeting_name(meeting, isolated))} hinzugefügt",
                after=audit.snapshot(row),
            )
            return next(a for a in _annexes(session, meeting.id) if a.id == row.id)

    def remove(self, meeting_id: int, annex: Annex) -> None:
        """Take the annex out of the meeting (audited): a tombstone for the published data,
        without the file itself, which left it in the database and its backups, in no list
        and no Auskunft, for good (found by a tester)."""

        def delete(row: models.StoredFile, meeting: str) -> tuple[AuditAction, str]:
            row.deleted_at = utc_now()
            row.content, row.size, row.sha256 = b"", 0, hashlib.sha256(b"").hexdigest()
            return AuditAction.DELETE, f"Anlage „{row.title or row.name}“ aus {meeting} entfernt"

        self._change(meeting_id, annex, delete)

    def update(self, meeting_id: int, annex: Annex, title: str, *, public: bool) -> Annex:
        """Change the annex's title (empty: from its file name) and whether the public
        minutes list it; refused once the minutes are approved, or if someone else changed
        the annex meanwhile."""
        title = clean_text(title, ANNEX_TITLE)
        raise_if_invalid(text_problems("title", title, ANNEX_TITLE))

        def edit(row: models.StoredFile, meeting: str) -> tuple[AuditAction, str]:
            row.title = " ".join(title.split()) or title_from_name(row.name)
            row.public = public
            return AuditAction.UPDATE, f"Anlage „{row.title}“ {_to(meeting)} geändert"

        annexes = self._change(meeting_id, annex, edit)
        return next(a for a in annexes if a.id == annex.id)

    def _change(
        self,
        meeting_id: int,
        annex: Annex,
        change: Callable[[models.StoredFile, str], tuple[AuditAction, str]],
    ) -> tuple[Annex, ...]:
        """Apply ``change`` to the stored annex (given it and the meeting's name, it returns
        the audit action and summary), audited; returns the annexes after."""
        with changing(self._db, WHAT) as session:
            meeting = live_meeting(session, meeting_id)
            ensure_not_frozen(session, meeting.id)
            row = _row(session, meeting.id, annex.id)
            check_version(row, annex.version, WHAT)
            before = audit.snapshot(row)
            action, summary = change(row, meeting_name(meeting, isolated))
            session.flush()
            audit.record(
                session,
                self._actor,
                action,
                "file",
                row.id,
                council_id=meeting.council_id,
                summary=summary,
                before=before,
                after=audit.snapshot(row),
            )
            return _annexes(session, meeting.id)

    def move(self, meeting_id: int, annex: Annex, step: int) -> tuple[Annex, ...]:
        """Move the annex ``step`` places (-1 up, +1 down) in the list; returns the list."""
        with changing(self._db, WHAT) as session:
            meeting = live_meeting(session, meeting_id)
            ensure_not_frozen(session, meeting.id)
            rows = annex_rows(session, meeting.id)
            index = next((i for i, r in enumerate(rows) if r.id == annex.id), None)
            if index is None:
                raise NotFoundError(f"{WHAT} gibt es nicht mehr. Vielleicht wurde sie entfernt.")
            check_version(rows[index], annex.version, WHAT)
            target = max(0, min(len(rows) - 1, index + step))
            rows.insert(target, rows.pop(index))
            for position, row in enumerate(rows):
                if row.position != position:
                    row.position = position
            session.flush()
            return _annexes(session, meeting.id)

    def contents(
        self, meeting_id: int, *, public: bool = False
    ) -> list[tuple[Annex, bytes | None]]:
        """The annexes with their bytes, in order (for the Sitzungsmappe); ``public``: a
        non-public annex without them (``None``: it is left out, its bytes never read)."""
        with reading(self._db) as session:
            return annex_contents(session, meeting_id, public=public)


def annex_contents(
    session: Session, meeting_id: int, *, public: bool = False
) -> list[tuple[Annex, bytes | None]]:
    """The meeting's annexes with their bytes, in order (the Sitzungsmappe, the invitation
    mail); ``public``: a non-public annex without them (``None``, its bytes never read)."""
    annexes = _annexes(session, meeting_id)
    data = dict(
        session.execute(
            select(models.StoredFile.id, models.StoredFile.content).where(
                models.StoredFile.id.in_([a.id for a in annexes if a.public or not public])
            )
        ).all()
    )
    return [(a, data.get(a.id)) for a in annexes]


def _annexes(session: Session, meeting_id: int) -> tuple[Annex, ...]:
    return tuple(
        Annex(
            id=row.id,
            number=n,
            name=row.name,
            title=row.title,
            size=row.size,
            sha256=row.sha256,
            public=row.public,
            version=row.version,
        )
        for n, row in enumerate(annex_rows(session, meeting_id), start=1)
    )


def _row(session: Session, meeting_id: int, annex_id: int) -> models.StoredFile:
    row = session.get(models.StoredFile, annex_id)
    if row is None or row.deleted_at is not None or row.meeting_id != meeting_id:
        raise NotFoundError(f"{WHAT} gibt es nicht mehr. Vielleicht wurde sie entfernt.")
    return row


def _to(meeting: str) -> str:
    """ "zur 5. Sitzung" for ``meeting`` "der 5. Sitzung" (it said "zu der 5. Sitzung")."""
    return f"zur {meeting.removeprefix('der ')}" if meeting.startswith("der ") else f"zu {meeting}"
