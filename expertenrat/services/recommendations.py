"""The recommendations register: listing, creating and editing recommendations, and every
step of their lifecycle (adopt, send, close, withdraw: in
:mod:`expertenrat.services.recommendation_lifecycle`; record or remove a response: in
:mod:`expertenrat.services.recommendation_responses`; new due date, reminder: in
:mod:`expertenrat.services.recommendation_follow_up`).

Creating and editing run in one transaction each: the checked change, a line of the
recommendation's history and the audit entry. An edit refuses a recommendation changed
since it was read, and bumps its version. The rules are in
``domain.recommendation_content`` (content) and ``domain.recommendations`` (dates).
"""

from __future__ import annotations

import builtins
from datetime import date

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, HistoryKind, RecommendationStatus
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.recommendation_content import (
    RecommendationContent,
    clean_content,
    clean_note,
    content_problems,
    note_problems,
)
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.domain.recommendations import Step, refuse_unless
from expertenrat.services import audit
from expertenrat.services import recommendation_records as records
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.recommendation_follow_up import RecommendationFollowUp
from expertenrat.services.recommendation_lifecycle import RecommendationLifecycle
from expertenrat.services.recommendation_responses import RecommendationResponses
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.recommendation_send_corrections import RecommendationSendCorrections
from expertenrat.services.unit_of_work import (
    changing,
    fetch,
    hold_council,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.model_base import utc_now

WHAT = records.WHAT
S = RecommendationStatus


class RecommendationsService(
    RecommendationLifecycle,
    RecommendationResponses,
    RecommendationFollowUp,
    RecommendationSendCorrections,
):
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    # --- reading --------------------------------------------------------------------------

    def list(
        self,
        council_id: int,
        filters: RecommendationFilter | None = None,
        *,
        today: date | None = None,
        searchable: bool = False,
    ) -> builtins.list[RecommendationRow]:
        """The register in the order of the codes; days overdue as of ``today`` (default:
        today in the council's time zone); ``searchable``: with the words of the text and
        the answers, which the register page's search looks in (``register_rows``)."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            return register_rows(session, council_id, day, filters, searchable=searchable)

    def get(self, recommendation_id: int, *, today: date | None = None) -> RecommendationDetail:
        with reading(self._db) as session:
            row = records.live(session, recommendation_id)
            return records.detail_of(session, row, today)

    # --- content --------------------------------------------------------------------------

    def create(
        self,
        council_id: int,
        content: RecommendationContent,
        on: date,
        *,
        adopted: bool = False,
        note: str = "",
        today: date | None = None,
    ) -> RecommendationDetail:
        """A new recommendation "zwischen den Sitzungen": a draft, or adopted ``on`` (not
        after ``today``, default the council's clock's); its code is the next of the year
        of ``on``."""
        content, note = clean_content(content), clean_note(note)
        raise_if_invalid(
            content_problems(content) + note_problems(note) + date_problems("on", on, "Das Datum")
        )
        with changing(self._db, WHAT) as session:
            records.lock_codes(session, council_id)
            fetch(session, models.Council, council_id, "Das Gremium")
            records.refuse_future(session, council_id, on, today=today)
            field_id = _checked_links(session, council_id, content)
            status = S.ADOPTED if adopted else S.DRAFT
            row = models.Recommendation(
                council_id=council_id,
                code=records.new_code(session, council_id, on.year),
                kind=content.kind.value,
                title=content.title,
                text=content.text,
                action_field_id=field_id,
                adopted_on=on if adopted else None,
                status=status.value,
            )
            records.set_projects(row, content.project_ids)
            session.add(row)
            session.flush()
            records.add_history(
                session, row, HistoryKind.STATUS, on, self._actor, note=note, to_status=status
            )
            audit.record(
                session, self._actor, AuditAction.CREATE, "recommendation", row.id,
                council_id=council_id, summary=f"Empfehlung {row.code} angelegt ({status.label})",
                after=records.snapshot(row),
            )  # fmt: skip
            return records.detail_of(session, row)

    def update(
        self, recommendation_id: int, version: int, content: RecommendationContent, on: date
    ) -> RecommendationDetail:
        """Change title, text, kind, action field and projects while the recommendation is a
        draft or adopted (and its minutes are not approved); ``on``: the date of the edit."""
        content = clean_content(content)
        raise_if_invalid(content_problems(content) + date_problems("on", on, "Das Datum"))
        with changing(self._db, WHAT) as session:
            row = records.stored(session, recommendation_id, version)
            hold_council(session, row.council_id)  # a field deleted at once elsewhere
            refuse_unless(row.code, S(row.status), Step.EDIT)
            if row.origin_agenda_item_id is not None:
                item = session.get(models.AgendaItem, row.origin_agenda_item_id)
                ensure_not_frozen(session, item.meeting_id)
            field_id = _checked_links(session, row.council_id, content)
            before = records.snapshot(row)
            row.title, row.text, row.kind = content.title, content.text, content.kind.value
            row.action_field_id = field_id
            records.set_projects(row, content.project_ids)
            if records.snapshot(row) == before:  # saved unchanged: no history line "geändert"
                return records.detail_of(session, row)
            row.modified = utc_now()
            return records.record_update(
                session, row, before, HistoryKind.EDIT, on, self._actor,
                summary=f"Empfehlung {row.code} geändert",
            )  # fmt: skip


def _checked_links(session: Session, council_id: int, content: RecommendationContent) -> int | None:
    """The action field to store: the one given, else the first project's."""
    projects = records.checked_projects(session, council_id, content.project_ids)
    field_id = content.action_field_id
    if field_id is None and projects:
        field_id = projects[0].action_field_id
    records.checked_action_field(session, council_id, field_id)
    return field_id
