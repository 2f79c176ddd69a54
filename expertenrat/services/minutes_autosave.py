"""The editor's autosave of the minutes: the header on the meeting row, the texts on the
agenda item row, both saved with their row's version (optimistic lock).
:meth:`MinutesAutosave.save_item` is a few small reads and one UPDATE of the item, and the
audit trail gets one entry per item per editing session (:mod:`services.editing_audit`).

A stale version is a conflict only if someone else changed the texts: this class decides,
for the header and the item texts alike (:mod:`services.minutes_staleness`); a conflict of
an item raises :class:`~expertenrat.domain.minutes_item_saves.ItemConflictError` carrying what is
stored now, of the header a :class:`~expertenrat.domain.errors.ConcurrentEditError`, and
the editor asks.

Every change goes through :meth:`MinutesAutosave._load_for_change`: the meeting must be
held and its minutes not approved (``services.minutes_freeze``). The rest of the work on
the minutes is :class:`~expertenrat.services.minutes.MinutesService`, built on this class.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.errors import ConcurrentEditError, NotFoundError
from expertenrat.domain.minutes import (
    ItemTexts,
    MinutesHeader,
    clean_header,
    clean_item_texts,
    header_problems,
    item_text_problems,
    over_days,
)
from expertenrat.domain.minutes_item_saves import ItemConflictError, SavedItem
from expertenrat.domain.minutes_objections import Correction
from expertenrat.domain.wording import isolated
from expertenrat.services.editing_audit import EditingAudit
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.minutes_rows import header_of, held_meeting, label_of, texts_of
from expertenrat.services.minutes_staleness import WrittenVersions, same_texts
from expertenrat.services.moved_members import chair_problems
from expertenrat.services.objection_corrections import corrections_in
from expertenrat.services.unit_of_work import (
    changing,
    fetch,
    gone,
    hold_council,
    raise_if_invalid,
)
from expertenrat.store import models
from expertenrat.store.database import Database

ITEM = "Der Tagesordnungspunkt"
_HEADER_FIELDS = (
    "opened_at", "closed_at", "chair_membership_id", "minute_taker", "agenda_approved",
    "agenda_changes", "quorum_noted",
)  # fmt: skip


class MinutesAutosave:
    """Saves the header and the item texts of the minutes as the editor types."""

    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor
        self._editing = EditingAudit(actor)
        self._written = WrittenVersions()

    # --- the header -----------------------------------------------------------------------

    def save_header(
        self,
        meeting_id: int,
        header: MinutesHeader,
        editing_session: str | None = None,
        base: MinutesHeader | None = None,
    ) -> MinutesHeader:
        """Save times, chair, minute-taker, agenda approval and quorum statement.

        ``header.version`` is the meeting's version as read, ``base`` the header the editor
        started from; with ``editing_session`` the audit trail coalesces the saves of that
        session into one entry. A stale version: see the module docstring.
        """
        header = clean_header(header)
        # The order of the times once the meeting's planned days are read (_save_header).
        raise_if_invalid(header_problems(header, days=True))
        base = clean_header(base) if base is not None else None
        try:
            return self._save_header(meeting_id, header, editing_session, base)
        except ConcurrentEditError:
            # Another PC committed between our read and our UPDATE: judge what it saved.
            return self._save_header(meeting_id, header, editing_session, base)

    def _save_header(
        self,
        meeting_id: int,
        header: MinutesHeader,
        editing_session: str | None,
        base: MinutesHeader | None,
    ) -> MinutesHeader:
        what = "Der Kopf des Protokolls"
        with changing(self._db, what) as session:
            meeting = held_meeting(session, meeting_id)
            if header.chair_membership_id not in (None, meeting.chair_membership_id):
                # A new chair: a term ended (or a member deleted) at the same moment on
                # another PC commits first and the check below sees it, as member saves
                # hold the council.
                hold_council(session, meeting.council_id)
                session.refresh(meeting)
            meeting = self._load_for_change(session, meeting_id)
            raise_if_invalid(
                header_problems(header, days=over_days(meeting.starts_at, meeting.ends_at))
            )
            if meeting.version != header.version:
                stored = header_of(meeting)
                if same_texts(stored, header):
                    return stored
                written = ("meeting_minutes", meeting.id, editing_session or "")
                if not self._written.only_this_side_changed(stored, base, written, meeting.version):
                    raise ConcurrentEditError(what)
            chair = header.chair_membership_id
            if chair != meeting.chair_membership_id:
                raise_if_invalid(
                    [
                        replace(p, field="chair_membership_id")
                        for p in chair_problems(
                            session, meeting.council_id, chair, meeting.starts_at.date()
                        )
                    ]
                )
            before = _header_state(meeting)
            for name in _HEADER_FIELDS:
                setattr(meeting, name, getattr(header, name))
            session.flush()
            summary = f"Protokollkopf der {label_of(meeting, isolated)} geändert"
            opened = self._editing.record(
                session, "meeting_minutes", meeting.id, editing_session,
                council_id=meeting.council_id, summary=summary, before=before,
                after=_header_state(meeting),
            )  # fmt: skip
            saved = header_of(meeting)
        self._editing.committed(opened)
        self._written.wrote(("meeting_minutes", meeting_id, editing_session or ""), saved.version)
        return saved

    # --- texts of an item -----------------------------------------------------------------

    def save_item(
        self,
        item_id: int,
        texts: ItemTexts,
        expected_version: int,
        editing_session: str,
        base: ItemTexts | None = None,
    ) -> SavedItem:
        """Autosave the minutes texts of one item; ``base``: the texts the editor started
        from. A stale version: see the module docstring."""
        texts = clean_item_texts(texts)
        raise_if_invalid(item_text_problems(texts))
        base = clean_item_texts(base) if base is not None else None
        try:
            return self._save_item(item_id, texts, expected_version, editing_session, base)
        except ItemConflictError:
            raise
        except ConcurrentEditError:
            # Another PC committed between our read and our UPDATE: judge what it saved.
            return self._save_item(item_id, texts, expected_version, editing_session, base)

    def _save_item(
        self,
        item_id: int,
        texts: ItemTexts,
        expected_version: int,
        editing_session: str,
        base: ItemTexts | None,
    ) -> SavedItem:
        with changing(self._db, "Der Protokolltext") as session:
            row = self._item(session, item_id)
            meeting = self._load_for_change(session, row.meeting_id)
            if row.version != expected_version:
                stored = texts_of(row)
                if stored == texts:
                    return SavedItem(row.id, row.version, AgendaItemOutcome(row.outcome))
                written = ("agenda_item_minutes", row.id, editing_session)
                if not self._written.only_this_side_changed(stored, base, written, row.version):
                    raise ItemConflictError(
                        _item_what(row), stored, row.version, _undone(session, row, texts)
                    )
            before = _texts_state(texts_of(row))
            for name, value in _texts_state(texts).items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            session.flush()  # one UPDATE … WHERE id AND version, if anything changed
            opened = self._editing.record(
                session, "agenda_item_minutes", row.id, editing_session,
                council_id=meeting.council_id,
                summary=f"Protokoll zu TOP {row.number} „{row.title}“ der "
                f"{label_of(meeting, isolated)} bearbeitet",
                before=before, after=_texts_state(texts),
            )  # fmt: skip
            saved = SavedItem(row.id, row.version, AgendaItemOutcome(row.outcome))
        self._editing.committed(opened)
        self._written.wrote(("agenda_item_minutes", item_id, editing_session), saved.version)
        return saved

    # --- plumbing -------------------------------------------------------------------------

    def _load_for_change(self, session: Session, meeting_id: int) -> models.Meeting:
        """The meeting for a change of its minutes: held, and not frozen by approval."""
        meeting = held_meeting(session, meeting_id)
        ensure_not_frozen(session, meeting.id)
        return meeting

    def _item(self, session: Session, item_id: int) -> models.AgendaItem:
        row = fetch(session, models.AgendaItem, item_id, ITEM)
        if row.deleted_at is not None:
            raise NotFoundError(gone(ITEM))
        return row


def _item_what(row: models.AgendaItem) -> str:
    return f"Der Protokolltext zu TOP {row.number} „{row.title}“"


def _undone(session: Session, row: models.AgendaItem, texts: ItemTexts) -> tuple[Correction, ...]:
    """The corrections of accepted objections in ``row``'s texts that ``texts`` would undo."""
    stored, mine = _texts_state(texts_of(row)), _texts_state(texts)
    return tuple(c for c in corrections_in(session, row) if c.dropped_by(stored, mine))


def _texts_state(texts: ItemTexts) -> dict[str, object]:
    return {
        "discussion": texts.discussion,
        "motion_text": texts.motion_text,
        "resolution_text": texts.resolution_text,
        "result": texts.result,
    }


def _header_state(meeting: models.Meeting) -> dict[str, object]:
    state = {name: getattr(meeting, name) for name in _HEADER_FIELDS}
    for name in ("opened_at", "closed_at"):
        state[name] = state[name].isoformat() if state[name] is not None else None
    return state
