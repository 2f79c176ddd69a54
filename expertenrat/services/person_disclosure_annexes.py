"""The annexes' part of the Auskunft (:mod:`services.person_disclosure`,
:mod:`services.guest_disclosure`): where a meeting's annex (Anlage) names the person — its
title, its file name or the text of its pages (a presentation, a letter, a signed
statement) — searched by the rule of the minutes
(:func:`~services.person_disclosure_meetings.mentions_section`). The annexes are PDFs kept
in the database; one whose text cannot be read is named as not searched."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.name_mentions import found
from expertenrat.domain.person_disclosure import DisclosureSection, mentions_table
from expertenrat.services.annex_contents import annex_contents
from expertenrat.services.pdf_reading import pypdf_quiet, read_pdf
from expertenrat.services.person_disclosure_meetings import meeting_label, name_pattern
from expertenrat.store import models

log = logging.getLogger(__name__)


def annexes_section(
    session: Session,
    family_name: str,
    memberships: list[models.Membership],
    councils: dict[int, str],
    former: list[str],
) -> DisclosureSection:
    """Every council's annexes of meetings not deleted, by meeting, their bytes read a
    chunk at a time (:mod:`services.annex_contents`; an annex may be large)."""
    name = name_pattern(family_name, former)
    own = {m.council_id for m in memberships}
    query = (
        select(
            models.StoredFile.id,
            models.StoredFile.size,
            models.StoredFile.title,
            models.StoredFile.name,
            models.Meeting,
        )
        .join(models.Meeting, models.Meeting.id == models.StoredFile.meeting_id)
        .where(models.StoredFile.deleted_at.is_(None), models.Meeting.deleted_at.is_(None))
        .order_by(models.Meeting.starts_at, models.Meeting.id, models.StoredFile.position)
    )
    listed = {row.id: row for row in session.execute(query)}
    rows, unread = [], []
    for file_id, content in annex_contents(session, ((i, r.size) for i, r in listed.items())):
        _id, _size, title, file_name, meeting = listed[file_id]
        named = councils if len(own) > 1 or meeting.council_id not in own else None
        where = meeting_label(meeting, named)
        label = f"Anlage „{title or file_name}“"
        for place, text in (("Titel", title), ("Dateiname", file_name)):
            rows += [
                (where, f"{label} – {at}", excerpt) for at, excerpt in found(place, text, name)
            ]
        pages = _pages(file_id, content)
        if pages is None:
            unread.append(f"{label} ({where})")
        for number, text in enumerate(pages or [], 1):
            rows += [(where, *hit) for hit in found(f"{label} – Seite {number}", text, name)]
    return mentions_table(
        "Nennungen in Anlagen",
        "Sitzung",
        rows,
        "Der Name kommt in keiner Anlage einer Sitzung vor.",
        former,
        " im Titel, im Dateinamen und im Text jeder Anlage einer Sitzung",
        f" Nicht lesbar und daher nicht durchsucht: {'; '.join(unread)}." if unread else "",
    )


def _pages(file_id: int, content: bytes) -> list[str] | None:
    """The text of each page; ``None`` where the file cannot be read (damaged: an annex is
    kept as it was stored)."""
    try:
        with pypdf_quiet():
            return [page.extract_text() or "" for page in read_pdf(content).pages]
    except ExpertenratError:
        return None
    except Exception:  # pypdf's many errors of a file it cannot take apart
        log.warning("Annex %s: text not readable for the Auskunft", file_id, exc_info=True)
        return None
