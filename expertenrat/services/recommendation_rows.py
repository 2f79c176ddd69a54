"""Reading the recommendations register: its rows in three queries whatever their number
(the recommendations with field and origin, the addressed projects, the plans, see
``recommendation_row_parts``), four for a search (the text in the first, then the answers'
words); the detail of one recommendation is ``recommendation_detail``'s."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import (
    MeetingKind,
    RecommendationKind,
    RecommendationStatus,
)
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.recommendation_answers import answered_ids, pending_plans, settled
from expertenrat.domain.recommendation_codes import parse_code
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_links import Origin
from expertenrat.domain.recommendation_search import found_by_search, recommendation_words
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import (
    AWAITING_OUTCOME,
    AWAITING_RESPONSE,
    RESPONDABLE,
    days_overdue,
)
from expertenrat.services.recommendation_row_parts import (
    addressed_projects,
    answer_texts,
    given_answers,
)
from expertenrat.store import models

R = models.Recommendation
_LINK = models.RecommendationProject
_AWAITING_RESPONSE = tuple(s.value for s in AWAITING_RESPONSE)
_RESPONDABLE = tuple(s.value for s in RESPONDABLE)
# Enum members by stored value: a dict lookup is several times quicker than the enum call.
_STATUSES = {s.value: s for s in RecommendationStatus}
_KINDS = {k.value: k for k in RecommendationKind}


def register_rows(
    session: Session,
    council_id: int,
    today: date,
    wanted: RecommendationFilter | None = None,
    *,
    only_id: int | None = None,
    searchable: bool = False,
) -> list[RecommendationRow]:
    """The council's live recommendations that pass ``wanted``, in the order of their codes
    (the search words are looked for in the rows read, as the register page does; for
    "überfällig" the query narrows the rows, the domain's rule decides: ``keeps``).
    The rows carry the words of their text and answers (``RecommendationRow.words``) only
    if ``searchable`` (for the register page's search as you type) or ``wanted`` has a
    search; the other readers (Übersicht, reports, reminders) need neither."""
    wanted = wanted or RecommendationFilter()
    searchable = searchable or bool(wanted.search.strip())
    query = _filtered(_row_query(council_id), wanted, today)
    if searchable:
        query = query.add_columns(R.text)
    if only_id is not None:
        query = query.where(R.id == only_id)
    found = session.connection().execute(query).all()  # Core rows: no ORM loading
    only = [r.id for r in found] if only_id else None
    projects = addressed_projects(session, council_id, only)
    given = given_answers(session, council_id, only)
    words = answer_texts(session, council_id, only) if searchable else {}
    origins: dict[int | None, Origin] = {None: Origin()}  # one per agenda item
    rows = []
    for (
        key, code, kind, title, field_id, field_name, item_id, item_number,
        meeting_id, meeting_number, meeting_kind, starts_at, meeting_title, adopted_on, sent_on,
        due_on, status, version, written, *text,
    ) in found:  # fmt: skip
        origin = origins.get(item_id) if written is None else Origin(in_writing_on=adopted_on)
        if origin is None:
            label = (
                dated_meeting_label(
                    meeting_number, MeetingKind(meeting_kind), starts_at.date(), meeting_title
                )
                if meeting_id
                else ""
            )
            origin = origins[item_id] = Origin(meeting_id, label, item_id, item_number or "")
        state = _STATUSES[status]
        addressed = projects.get(key, ())
        ids = [p.id for p in addressed]
        answers = given.get(key, ())
        plans = pending_plans(ids, answers) if state in RESPONDABLE else {}
        planned_by = min(plans.values(), default=None) if state in AWAITING_OUTCOME else None
        rows.append(
            RecommendationRow(
                key,
                code,
                _KINDS[kind],
                title,
                field_id,
                field_name or "",
                addressed,
                origin,
                adopted_on,
                sent_on,
                due_on,
                state,
                days_overdue(state, due_on, today, planned_by),
                version,
                planned_by,
                recommendation_words(text[0], words.get(key, ())) if text else "",
                answered_ids(ids, answers),
                tuple(plans.items()),
                today,
                settled=state in AWAITING_OUTCOME and settled(ids, answers),
                answers=tuple(answers),
            )
        )
    rows.sort(key=lambda row: parse_code(row.code) or (0, row.id))
    if wanted.overdue or wanted.settled:
        rows = [row for row in rows if wanted.keeps(row)]
    return found_by_search(rows, wanted.search)


def _row_query(council_id: int) -> Select:
    item, meeting = models.AgendaItem, models.Meeting
    return (
        select(
            R.id,
            R.code,
            R.kind,
            R.title,
            R.action_field_id,
            models.ActionField.name.label("field_name"),
            R.origin_agenda_item_id,
            item.number.label("item_number"),
            meeting.id.label("meeting_id"),
            meeting.number.label("meeting_number"),
            meeting.kind.label("meeting_kind"),
            meeting.starts_at,
            meeting.title.label("meeting_title"),
            R.adopted_on,
            R.sent_on,
            R.due_on,
            R.status,
            R.version,
            models.WrittenProcedure.id.label("written"),
        )
        .outerjoin(models.ActionField, models.ActionField.id == R.action_field_id)
        .outerjoin(models.WrittenProcedure, models.WrittenProcedure.recommendation_id == R.id)
        .outerjoin(item, item.id == R.origin_agenda_item_id)
        .outerjoin(meeting, meeting.id == item.meeting_id)
        .where(R.council_id == council_id, R.deleted_at.is_(None))
    )


def _filtered(query: Select, wanted: RecommendationFilter, today: date) -> Select:
    if wanted.statuses:
        query = query.where(R.status.in_(sorted(s.value for s in wanted.statuses)))
    if wanted.action_field_id is not None:
        query = query.where(R.action_field_id == wanted.action_field_id)
    if wanted.project_id is not None:
        query = query.where(
            R.id.in_(select(_LINK.recommendation_id).where(_LINK.project_id == wanted.project_id))
        )
    if wanted.year is not None:  # register_year: the year of adoption, a draft's code's
        query = query.where(
            or_(
                and_(
                    R.adopted_on >= date(wanted.year, 1, 1),
                    R.adopted_on <= date(wanted.year, 12, 31),
                ),
                and_(R.adopted_on.is_(None), R.code.like(f"%-{wanted.year}-%")),
            )
        )
    if wanted.overdue:
        query = query.where(_maybe_overdue(today))
    return query


def _maybe_overdue(today: date):
    """Those that may be overdue: awaiting a response past the due date, or with some
    plan's date passed (answered, or beside responses still awaited). A superset, so that
    the register of thousands is not read whole for a few; ``any_overdue`` decides on the
    rows read (a later response may have ended the plan)."""
    plan = models.RecommendationResponse
    passed_plan = exists().where(plan.recommendation_id == R.id, plan.measures_due_on < today)
    return or_(
        and_(R.status.in_(_AWAITING_RESPONSE), R.due_on < today),
        and_(R.status.in_(_RESPONDABLE), passed_plan),
    )


def addressed_project_titles(
    session: Session, recommendation_ids: list[int]
) -> dict[int, list[str]]:
    """The titles of the projects each recommendation is addressed to, in their order."""
    if not recommendation_ids:
        return {}
    link = models.RecommendationProject
    found: dict[int, list[str]] = {}
    for recommendation_id, title in session.execute(
        select(link.recommendation_id, models.Project.title)
        .join(models.Project, models.Project.id == link.project_id)
        .where(link.recommendation_id.in_(recommendation_ids))
        .order_by(link.recommendation_id, link.position)
    ):
        found.setdefault(recommendation_id, []).append(title)
    return found
