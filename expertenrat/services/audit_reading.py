"""Reading the audit trail for the Änderungsprotokoll: a council's entries, filtered and a
page at a time, as CSV, with the names of the records they refer to by number
(:mod:`expertenrat.services.audit` writes them)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.audit_fields import AuditLine, Names, utc_bounds
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.file_formats import AuditFileFormat
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.domain.text_folding import fold, search_forms
from expertenrat.domain.wording import isolated, quotations_isolated
from expertenrat.exchange.audit_csv import export_audit_csv
from expertenrat.services.audit_names import reference_names
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.models import AuditEntry

SCANNED_AT_ONCE = 1000  # descriptions looked through between two reports of progress


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which entries of a council's audit trail to show. Empty parts do not filter.

    ``text`` is looked for in the entry's description (which names the record); the days
    ``first`` and ``last`` are days in the council's time zone, both included.
    """

    council_id: int
    entity: str = ""
    text: str = ""
    actor: str = ""
    action: AuditAction | None = None
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True, slots=True)
class AuditPage:
    """Entries newest first; ``more``: older entries match too (ask with ``before_id``)."""

    lines: list[AuditLine]
    more: bool
    zone: ZoneInfo  # the council's time zone, in which the page shows times
    titles: RoleTitles = DEFAULT_ROLE_TITLES  # how the council calls chair and vice chair


class AuditService:
    """Reads the audit trail; nothing here changes or deletes an entry."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def entries(self, entity: str | None = None, entity_id: int | None = None) -> list[AuditLine]:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if entity is not None:
            query = query.where(AuditEntry.entity == entity)
        if entity_id is not None:
            query = query.where(AuditEntry.entity_id == entity_id)
        with reading(self._db) as session:
            return [_line(row) for row in session.scalars(query)]

    def search(
        self,
        wanted: AuditFilter,
        limit: int | None = 200,
        before_id: int | None = None,
        progress: Progress = no_progress,
    ) -> AuditPage:
        """The newest ``limit`` entries matching ``wanted`` (all with ``limit=None``), older
        than the entry ``before_id`` if given: the next page after a page's last entry.
        ``progress`` is told of every :data:`SCANNED_AT_ONCE` descriptions a text is looked
        for in (it may stop the search: the page's search typed on)."""
        return self._search(wanted, limit, before_id, shown=True, progress=progress)

    def _search(
        self,
        wanted: AuditFilter,
        limit: int | None,
        before_id: int | None,
        *,
        shown: bool,
        progress: Progress = no_progress,
    ) -> AuditPage:
        wanted_text = _searchable(wanted.text)
        with reading(self._db, transaction=bool(wanted_text)) as session:  # see _described
            # Held while the session lasts: the clock takes it from the session (a round
            # trip less on a server at every reading of the Änderungsprotokoll).
            council = session.get(models.Council, wanted.council_id)
            zone = council_clock(session, wanted.council_id).zone
            titles = council.role_titles if council is not None else DEFAULT_ROLE_TITLES
            query = _matching(wanted, zone).order_by(AuditEntry.id.desc())
            if before_id is not None:
                query = query.where(AuditEntry.id < before_id)
            if wanted_text:
                rows = _described(session, query, wanted_text, limit, progress)
            else:
                rows = list(session.scalars(query if limit is None else query.limit(limit + 1)))
            lines = [_line(row, shown=shown) for row in rows]
        more = limit is not None and len(lines) > limit
        return AuditPage(lines[:limit] if more else lines, more, zone, titles)

    def export(self, wanted: AuditFilter, file_format: AuditFileFormat) -> bytes:
        """Every entry matching ``wanted`` as a file for Excel (see ``exchange.audit_csv``
        and, openpyxl loaded only here, ``exchange.audit_xlsx``)."""
        # The descriptions without the marks that set right-to-left names and titles apart
        # on the page (quotations_isolated, and those stored with them, see _line): they
        # are invisible characters a spreadsheet should not get.
        page = self._search(wanted, None, None, shown=False)
        with reading(self._db) as session:
            names = reference_names(session, page.lines)
        if file_format is AuditFileFormat.XLSX:
            from expertenrat.exchange.audit_xlsx import export_audit_xlsx  # openpyxl: on demand

            return export_audit_xlsx(page.lines, page.zone, names, page.titles)
        return export_audit_csv(page.lines, page.zone, names, page.titles)

    def export_csv(self, wanted: AuditFilter) -> bytes:
        """Shorthand for ``export(wanted, AuditFileFormat.CSV)``."""
        return self.export(wanted, AuditFileFormat.CSV)

    def names(self, lines: list[AuditLine]) -> Names:
        """The names of the records the fields of ``lines`` refer to by number, as the page
        shows them (a right-to-left title or name set apart, :func:`isolated`)."""
        with reading(self._db) as session:
            return reference_names(session, lines, isolated)

    def actors(self, council_id: int) -> list[str]:
        """Everyone who changed something in the council, in alphabetical order."""
        query = select(AuditEntry.actor).where(_of_council(council_id)).distinct()
        with reading(self._db) as session:
            return sorted(session.scalars(query), key=lambda actor: (fold(actor), actor))

    def entities(self, council_id: int) -> list[str]:
        """The kinds of records the council's audit trail mentions."""
        query = select(AuditEntry.entity).where(_of_council(council_id)).distinct()
        with reading(self._db) as session:
            return sorted(session.scalars(query))


def _of_council(council_id: int) -> Any:
    """The council's entries and those of no council (the demo, the standard templates)."""
    return or_(AuditEntry.council_id == council_id, AuditEntry.council_id.is_(None))


def _matching(wanted: AuditFilter, zone: ZoneInfo) -> Select[tuple[AuditEntry]]:
    query = select(AuditEntry).where(_of_council(wanted.council_id))
    if wanted.entity:
        query = query.where(AuditEntry.entity == wanted.entity)
    if wanted.actor:
        query = query.where(AuditEntry.actor == wanted.actor)
    if wanted.action is not None:
        query = query.where(AuditEntry.action == wanted.action.value)
    start, end = utc_bounds(wanted.first, wanted.last, zone)
    if start is not None:
        query = query.where(AuditEntry.at >= start)
    if end is not None:
        query = query.where(AuditEntry.at < end)
    return query


_ISOLATE_MARKS = re.compile("[\u2066-\u2069]")  # LRI, RLI, FSI, PDI


def _searchable(text: str) -> str:
    """``text`` as the search compares it: folded (case, accents, Unicode form; see
    :func:`~expertenrat.domain.text_folding.fold`), runs of white space as one space, without
    the marks that set right-to-left text apart (a line copied from the page has them)."""
    return " ".join(fold(_ISOLATE_MARKS.sub("", text)).split())


def _forms(summary: str) -> str:
    """The description ``summary`` as the search looks in it: as :func:`_searchable` makes
    it, then also with its umlauts spelt out and the spellings as the letters (see
    :func:`~expertenrat.domain.text_folding.searchable`), one form a line: "mueller" finds
    "Jörg Müller" and "Müller" "Jörg Mueller", as on the Mitglieder page (found by a
    tester). Made word by word, each word's forms once (:func:`_word_forms`): the trail
    repeats its words, and a search looks through every entry (found by review: 5.8 s for
    50,000); no form of a word reaches into the next."""
    words = [_word_forms(word) for word in _ISOLATE_MARKS.sub("", summary).split()]
    # A word that a form leaves out (Arabic spelt out, a dash) is left out of that form.
    return "\n".join(" ".join(filter(None, forms)) for forms in zip(*words, strict=True))


@functools.lru_cache(maxsize=1 << 16)
def _word_forms(word: str) -> tuple[str, ...]:
    """The :func:`search_forms` of ``word``, runs of white space as one space."""
    return tuple(" ".join(form.split()) for form in search_forms(word))


def _described(
    session: Session,
    query: Select[tuple[AuditEntry]],
    text: str,
    limit: int | None,
    progress: Progress,
) -> list[AuditEntry]:
    """The entries of ``query`` (newest first) whose description holds ``text`` (folded,
    :func:`_searchable`, in one of its :func:`_forms`), at most ``limit`` + 1. The
    descriptions are compared here, not by the database: "Yilmaz" finds "Yılmaz",
    "Wisniewski" "Wiśniewski", as the search of the Mitglieder page does, alike on SQLite
    and PostgreSQL (whose ``lower()`` folds by the server's locale). Only id and
    description are read until enough are found, in parts (a server-side cursor:
    ``session`` must read in a transaction)."""
    found: list[int] = []
    heads = session.execute(
        query.with_only_columns(AuditEntry.id, AuditEntry.summary).execution_options(yield_per=1000)
    )
    try:
        for scanned, (entry_id, summary) in enumerate(heads, start=1):
            if scanned % SCANNED_AT_ONCE == 0:
                progress(scanned, 0)  # how many there are is not known
            if text in _forms(summary):
                found.append(entry_id)
                if limit is not None and len(found) > limit:
                    break
    finally:  # also where progress stopped it (Cancelled)
        heads.close()
    rows: list[AuditEntry] = []
    for start in range(0, len(found), 500):
        chunk = found[start : start + 500]
        rows += session.scalars(
            select(AuditEntry).where(AuditEntry.id.in_(chunk)).order_by(AuditEntry.id.desc())
        )
    return rows


def _line(row: AuditEntry, *, shown: bool = True) -> AuditLine:
    """``row`` as a line; ``shown``: its description as the page shows it, else as stored."""
    return AuditLine(
        at=row.at,
        actor=row.actor,
        action=AuditAction(row.action),
        entity=row.entity,
        entity_id=row.entity_id,
        # A quoted Arabic or Hebrew title is set apart here, for every line however old:
        # the stored text stays as written (reminded_on reads days back from it). Names
        # and titles the line does not quote (a Klausur's title, a member's or project's
        # name) are stored set apart (isolated), where the line is written: only there is
        # it known where they end. The CSV gets the text without these marks.
        summary=quotations_isolated(row.summary) if shown else _ISOLATE_MARKS.sub("", row.summary),
        before=json.loads(row.before) if row.before else None,
        after=json.loads(row.after) if row.after else None,
        id=row.id,
    )
