"""Recommendations adopted in writing between meetings (Umlaufverfahren), and the report
of them to the next meeting.

Adopting a draft "im Umlaufverfahren" (:meth:`RecommendationLifecycle.adopt` with a
:class:`~expertenrat.domain.written_procedures.WrittenVote`) stores a
``written_procedures`` row (migration 0039) through :func:`record_written_vote`. Until a
live agenda item of a meeting not cancelled reports it, it waits: the Tagesordnung of a
planned meeting offers "Umlaufbeschlüsse berichten", which reports those chosen (adopted
up to the meeting's day) by one item "Bericht über die im Umlaufverfahren gefassten
Beschlüsse": the one the agenda has, else a new one; its minutes name them under it
(:func:`reported_decisions`). Deleting that item, or cancelling its meeting, offers them
again. The Übersicht counts those waiting (:func:`written_lines`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda import Agenda
from expertenrat.domain.agenda import AgendaItem as NewItem
from expertenrat.domain.agenda_placement import new_item_index
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.overview import Area, Line, MeetingTab, Target, TargetFilter
from expertenrat.domain.wording import counted
from expertenrat.domain.written_procedures import (
    IN_WRITING,
    REPORT_TITLE,
    WrittenDecision,
    WrittenVote,
    decision_line,
)
from expertenrat.services.agenda_changes import agenda_of
from expertenrat.services.agenda_insertion import insert_item
from expertenrat.services.agenda_rows import MeetingItems, live_item_exists, load
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.unit_of_work import changing, reading
from expertenrat.services.urgent_items import order_refusal
from expertenrat.services.written_decision_rows import decision_of
from expertenrat.store import models
from expertenrat.store.database import Database

_AGENDA = "Die Tagesordnung"
W = models.WrittenProcedure
NONE_CHOSEN = "Bitte wählen Sie eine im Umlaufverfahren beschlossene Empfehlung."
GONE = (
    "Eine gewählte Empfehlung wartet nicht mehr auf einen Bericht: vielleicht wurde sie "
    "inzwischen (auch an einem anderen PC) in eine Tagesordnung übernommen. Bitte wählen Sie "
    "erneut."
)


def record_written_vote(session: Session, row: models.Recommendation, vote: WrittenVote) -> str:
    """Store ``vote`` as the written procedure adopting ``row``; the line its history adds."""
    session.add(
        W(
            recommendation_id=row.id,
            sent_on=vote.sent_on,
            deadline_on=vote.deadline_on,
            member_count=vote.member_count,
            yes_votes=vote.yes,
            no_votes=vote.no,
            abstentions=vote.abstain,
            recusals=vote.recused,
        )
    )
    return (
        f"Beschlossen {IN_WRITING} (versandt am {vote.sent_on:%d.%m.%Y}, Frist bis "
        f"{vote.deadline_on:%d.%m.%Y}): {vote.summary()}"
    )


def reported_decisions(session: Session, item_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """By the id of each item of ``item_ids`` that reports recommendations adopted in
    writing: their lines for the minutes (:func:`~expertenrat.domain.written_procedures.
    decision_line`), in the order of adoption and code."""
    if not item_ids:
        return {}
    found: dict[int, tuple[str, ...]] = {}
    for item_id, decision in _decisions(session, W.reported_item_id.in_(item_ids)):
        found[item_id] = (*found.get(item_id, ()), decision_line(decision))
    return found


def waiting_decisions(
    session: Session, council_id: int, meeting: models.Meeting | None = None
) -> list[WrittenDecision]:
    """The council's live recommendations adopted in writing that no live item of a meeting
    not cancelled reports; with ``meeting``, those adopted up to its day. In the order of
    adoption and code."""
    R = models.Recommendation
    reported = live_item_exists(lambda item: item.id == W.reported_item_id)
    wanted = [R.council_id == council_id, or_(W.reported_item_id.is_(None), ~reported)]
    if meeting is not None:
        wanted.append(R.adopted_on <= meeting.starts_at.date())
    return [decision for _item, decision in _decisions(session, *wanted)]


def written_lines(
    session: Session, council_id: int, next_meeting_id: int | None
) -> tuple[Line, ...]:
    """The Übersicht's line "2 Umlaufbeschlüsse warten auf einen Bericht" (none where none
    waits), opening the Tagesordnung of the next meeting, which offers "Umlaufbeschlüsse
    berichten …" (``None``: none ahead; a new meeting)."""
    waiting = len(waiting_decisions(session, council_id))
    if not waiting:
        return ()
    if next_meeting_id is not None:
        target = Target(Area.MEETINGS, record_id=next_meeting_id, tab=MeetingTab.AGENDA)
    else:
        target = Target(Area.MEETINGS, filter=TargetFilter.NEW)
    verb = "wartet" if waiting == 1 else "warten"
    decisions = counted(waiting, "Umlaufbeschluss", "Umlaufbeschlüsse")
    return (Line(f"{decisions} {verb} auf einen Bericht", target),)


def _decisions(
    session: Session, *wanted: ColumnElement[bool]
) -> list[tuple[int | None, WrittenDecision]]:
    """The written procedures of live adopted recommendations that pass ``wanted``, each
    with the item reporting it, in the order of adoption and code."""
    R = models.Recommendation
    query = (
        select(W, R.code, R.title, R.adopted_on)
        .join(R, R.id == W.recommendation_id)
        .where(R.deleted_at.is_(None), R.adopted_on.is_not(None), *wanted)
        .order_by(R.adopted_on, R.code)
    )
    return [
        (written.reported_item_id, decision_of(written, code, title, on))
        for written, code, title, on in session.execute(query)
    ]


class WrittenProceduresService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def offered(self, meeting_id: int) -> list[WrittenDecision]:
        """Those the agenda of ``meeting_id`` may report: adopted up to its day."""
        with reading(self._db) as session:
            meeting = load(session, meeting_id).meeting  # NotFoundError where it is gone
            return waiting_decisions(session, meeting.council_id, meeting)

    def report(self, meeting_id: int, keys: Sequence[int]) -> Agenda:
        """Report the written procedures ``keys`` (of those offered) by the item "Bericht
        über die im Umlaufverfahren gefassten Beschlüsse" (a report, public): the one the
        agenda already has (:func:`_report_item`), never a second, else a new one where a
        new item goes; its minutes name them. Refused as a whole where one is no
        longer offered (reported meanwhile, on this PC or another)."""
        with changing(self._db, _AGENDA) as session:
            found = load(session, meeting_id, lock=True)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed(open_order=order_refusal(session, found.meeting) is None)
            session.execute(select(W.id).where(W.id.in_(keys)).order_by(W.id).with_for_update())
            offered = {
                d.key for d in waiting_decisions(session, found.meeting.council_id, found.meeting)
            }
            if not keys or not set(keys) <= offered:
                raise ValidationError([FieldProblem("agenda", GONE if keys else NONE_CHOSEN)])
            item_id = _report_item(session, found)
            if item_id is None:
                new = NewItem(
                    key=0,
                    title=REPORT_TITLE,
                    kind=AgendaItemKind.REPORT,
                    public=True,
                    planned_minutes=5,
                )
                index = new_item_index(found.items())
                item_id = insert_item(session, self._actor, found, new, None, index).id
            for key in keys:
                session.get(W, key).reported_item_id = item_id
            return agenda_of(found)


def _report_item(session: Session, found: MeetingItems) -> int | None:
    """The id of the live item of ``found`` that already reports decisions adopted in
    writing, else of one "Bericht über die im Umlaufverfahren gefassten Beschlüsse" (its
    decisions deleted since); ``None`` where it has neither."""
    reporting = session.scalars(
        select(W.reported_item_id).where(W.reported_item_id.in_(found.rows)).order_by(W.id)
    ).first()
    if reporting is not None:
        return reporting
    titled = [
        row.id
        for row in found.rows.values()
        if row.title == REPORT_TITLE and row.kind == AgendaItemKind.REPORT.value
    ]
    return min(titled, default=None)
