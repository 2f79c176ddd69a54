"""The covering e-mails of a recommendation sent ("Versenden"): per project addressed, an
e-mail draft (.eml, :mod:`expertenrat.exchange.transmittal_mail`) into a folder the user
chose, dated and with the due date as the sending recorded them. Written after the sending
is recorded and apart from it: the record never depends on a file. A project without a
contact e-mail address gets no draft (the result names it); a file already in the folder is
never replaced ("…-2.eml"). If a draft cannot be written, those written before it are
removed again: all drafts or none. They can be written again as long as the recommendation
stays sent (answered, closed; not withdrawn: ``Step.TRANSMITTAL_DRAFT``).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from expertenrat.domain.mail_addresses import looks_like_email
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendations import Step, refuse_unless
from expertenrat.exchange.transmittal_mail import transmittal_eml
from expertenrat.services.council_rows import council_file_label
from expertenrat.services.files import FileWriteError, write_file
from expertenrat.services.recommendation_records import detail_of, live
from expertenrat.services.recommendation_reminders import council_letterhead
from expertenrat.services.reminder_files import file_part
from expertenrat.services.unit_of_work import reading
from expertenrat.store.database import Database


@dataclass(frozen=True, slots=True)
class TransmittalDrafts:
    """The drafts written, and the projects addressed that have no contact e-mail."""

    files: tuple[Path, ...]
    without_email: tuple[AddressedProject, ...]


class RecommendationTransmittalsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def save(self, recommendation_id: int, folder: Path) -> TransmittalDrafts:
        """One draft per project addressed with a contact e-mail into ``folder``."""
        if not folder.is_dir():
            raise FileWriteError(f"Den Ordner „{folder}“ gibt es nicht.")
        with reading(self._db) as session:
            row = live(session, recommendation_id)
            detail = detail_of(session, row, None)
            head = council_letterhead(session, row.council_id)
            # with several councils, named after it first: two councils' codes may be alike
            label = council_file_label(session, row.council_id)
        council = f"{file_part(label)}-" if label else ""
        # made again later ("E-Mail-Entwurf …"): not for one withdrawn meanwhile
        refuse_unless(detail.row.code, detail.row.status, Step.TRANSMITTAL_DRAFT)
        projects = detail.row.projects
        mailed = [p for p in projects if looks_like_email(p.contact_email.strip())]
        written: list[Path] = []
        try:
            for project in mailed:
                stem = f"{council}{detail.row.kind.label}-{detail.row.code}-"
                stem += file_part(project.title)
                path = _free_name(folder, stem)
                write_file(path, transmittal_eml(head, detail, project))
                written.append(path)
        except FileWriteError:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
            raise
        return TransmittalDrafts(tuple(written), tuple(p for p in projects if p not in mailed))


def _free_name(folder: Path, stem: str) -> Path:
    """``folder/<stem>.eml`` (the stem named by the kind, as the mail's subject: "Impuls-
    E-2025-04-…"), numbered where that name is taken."""
    path, number = folder / f"{stem}.eml", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.eml"
    return path
