"""The minutes (Protokoll) of a held meeting: header, texts per agenda item, votes,
recommendations adopted in an item, the completeness check and finishing the draft.

The header lives on the meeting row, the texts on the agenda item row; both are saved with
their row's version (optimistic lock). :meth:`MinutesService.save_item` is the editor's
autosave: a few small reads and one UPDATE of the item, and the audit trail gets one entry
per item per editing session (:mod:`services.editing_audit`).

A stale version is a conflict only if someone else changed the texts: this service decides,
for the header and the item texts alike (:mod:`services.minutes_staleness`); a conflict of
an item raises :class:`~expertenrat.domain.minutes.ItemConflictError` carrying what is
stored now, of the header a :class:`~expertenrat.domain.errors.ConcurrentEditError`, and
the editor asks.

Every change goes through :meth:`MinutesService._load_for_change`: the meeting must be held
and its minutes not approved (``services.minutes_freeze``).
The work on votes is :mod:`services.minutes_votes`, on recommendations adopted in an item
:mod:`services.minutes_recommendations`; this service loads and guards the rows for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.errors import (
    ConcurrentEditError,
    NotFoundError,
)
from expertenrat.domain.minutes import (
    AdoptedRecommendation,
    ItemConflictError,
    ItemTexts,
    Minutes,
    MinutesHeader,
    RecommendationDraft,
    SavedItem,
    clean_header,
    clean_item_texts,
    header_problems,
    item_text_problems,
)
from expertenrat.domain.minutes_checklist import Checklist
from expertenrat.domain.votes import Vote, VoteDraft, Voters
from expertenrat.services import minutes_recommendations as recommendations
from expertenrat.services import minutes_votes, recommendation_records
from expertenrat.services.editing_audit import EditingAudit
from expertenrat.services.meeting_rows import chair_problems
from expertenrat.services.minutes_checks import minutes_checklist
from expertenrat.services.minutes_finishing import (
    draft_finish,
    finish_draft,
    refuse_unless_a_draft,
    reopen_draft,
)
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.minutes_rows import (
    header_of,
    held_meeting,
    label_of,
    latest_state,
    minutes_of,
    texts_of,
)
from expertenrat.services.minutes_staleness import WrittenVersions, same_texts
from expertenrat.services.minutes_votes import SavedVotes
from expertenrat.services.unit_of_work import (
    changing,
    fetch,
    gone,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

ITEM = "Der Tagesordnungspunkt"
_HEADER_FIELDS = (
    "opened_at", "closed_at", "chair_membership_id", "minute_taker", "agenda_approved",
    "agenda_changes", "quorum_noted",
)  # fmt: skip


class MinutesService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor
        self._editing = EditingAudit(actor)
        self._written = WrittenVersions()

    # --- reading ------------------------------------------------------------------------

    def minutes(self, meeting_id: int) -> Minutes:
        """The minutes of a held meeting (any other: a German refusal)."""
        with reading(self._db) as session:
            return minutes_of(session, held_meeting(session, meeting_id))

    def voters(self, item_id: int) -> Voters:
        """Who may vote at an item: present with a voting right and not recused."""
        with reading(self._db) as session:
            row = self._item(session, item_id)
            meeting = held_meeting(session, row.meeting_id)
            return minutes_votes.item_voters(session, meeting, row)

    def checklist(self, meeting_id: int) -> Checklist:
        """The completeness check of the minutes as they are stored now, with whether the
        draft is finished (while it is not sent)."""
        with reading(self._db) as session:
            meeting = held_meeting(session, meeting_id)
            checklist = minutes_checklist(session, meeting)
            if latest_state(session, meeting.id) is not MinutesState.DRAFT:
                return checklist
            return replace(checklist, finish=draft_finish(session, meeting))

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
        problems = header_problems(header)
        raise_if_invalid(problems)
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
            meeting = self._load_for_change(session, meeting_id)
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
            summary = f"Protokollkopf der {label_of(meeting)} geändert"
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
                    return SavedItem(row.id, row.version)
                written = ("agenda_item_minutes", row.id, editing_session)
                if not self._written.only_this_side_changed(stored, base, written, row.version):
                    raise ItemConflictError(_item_what(row), stored, row.version)
            before = _texts_state(texts_of(row))
            for name, value in _texts_state(texts).items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            session.flush()  # one UPDATE … WHERE id AND version, if anything changed
            opened = self._editing.record(
                session, "agenda_item_minutes", row.id, editing_session,
                council_id=meeting.council_id,
                summary=f"Protokoll zu TOP {row.number} „{row.title}“ der {label_of(meeting)} "
                "bearbeitet",
                before=before, after=_texts_state(texts),
            )  # fmt: skip
            saved = SavedItem(row.id, row.version)
        self._editing.committed(opened)
        self._written.wrote(("agenda_item_minutes", item_id, editing_session), saved.version)
        return saved

    # --- votes ----------------------------------------------------------------------------

    def save_votes(
        self, item_id: int, votes: Sequence[VoteDraft], replacing: Sequence[Vote] = ()
    ) -> SavedVotes:
        """Store ``votes`` as the item's votes, in this order, replacing those stored.

        ``replacing`` are the votes the caller read: if the stored ones differ (another PC
        added, changed or removed one), nothing is saved (:class:`ConcurrentEditError`).
        Counts are checked against the members present and entitled to vote at the item;
        a missing quorum comes back as a warning. Recusals are taken from the conflicts.
        """
        with changing(self._db, minutes_votes.WHAT) as session:
            row = self._item(session, item_id)
            meeting = self._load_for_change(session, row.meeting_id)
            return minutes_votes.replace_votes(session, self._actor, meeting, row, votes, replacing)

    # --- recommendations adopted in an item -----------------------------------------------

    def adopt_recommendation(
        self, item_id: int, draft: RecommendationDraft
    ) -> AdoptedRecommendation:
        """Create a recommendation adopted in the item, with the next code "E-YYYY-NN"."""
        with changing(self._db, recommendations.WHAT) as session:
            item = self._item(session, item_id)
            meeting = self._load_for_change(session, item.meeting_id)
            return recommendations.adopt(session, self._actor, meeting, item, draft)

    def remove_recommendation(self, recommendation_id: int, version: int) -> None:
        """Take a recommendation out of the item again (only while it is not sent)."""
        with changing(self._db, recommendations.WHAT) as session:
            row, _item, meeting = self._recommendation(session, recommendation_id, version)
            recommendations.remove(session, self._actor, row, meeting)

    def _recommendation(
        self, session: Session, recommendation_id: int, version: int
    ) -> tuple[models.Recommendation, models.AgendaItem, models.Meeting]:
        row = recommendation_records.stored(session, recommendation_id, version)
        if row.origin_agenda_item_id is None:
            raise NotFoundError(f"{recommendations.WHAT} gehört zu keinem Protokoll mehr.")
        item = self._item(session, row.origin_agenda_item_id)
        meeting = self._load_for_change(session, item.meeting_id)
        recommendations.refuse_unless_only_adopted(row)
        return row, item, meeting

    # --- finishing ------------------------------------------------------------------------

    def finish_draft(self, meeting_id: int) -> Checklist:
        """ "Entwurf abschließen": refused with every missing line (field = the line's
        target) while the completeness check is not green; once green, the draft is marked
        finished today with its content (``services.minutes_finishing``), recorded in the
        audit trail. Versions are made by circulating (``services.minutes_approval``);
        minutes already circulated are no draft any more, and a draft finished and not
        changed since is not finished twice."""
        with changing(self._db, "Der Protokollentwurf") as session:
            meeting = self._load_for_draft(session, meeting_id, "abgeschlossen")
            return finish_draft(session, self._actor, meeting)

    def reopen_draft(self, meeting_id: int) -> Checklist:
        """ "Abschluss aufheben": the finished draft is in the works again (audit entry)."""
        with changing(self._db, "Der Protokollentwurf") as session:
            meeting = self._load_for_draft(session, meeting_id, "wieder geöffnet")
            return reopen_draft(session, self._actor, meeting)

    def _load_for_draft(self, session: Session, meeting_id: int, what: str) -> models.Meeting:
        meeting = self._load_for_change(session, meeting_id)
        refuse_unless_a_draft(session, meeting, what)
        return meeting

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
