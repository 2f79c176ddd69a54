"""Reading the minutes of a meeting inside a session: header, items, votes, recusals,
recommendations, and who may vote at each item (:mod:`services.meeting_facts`).

Shared by :mod:`services.minutes` (reading, validating votes) and its checklist.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.enums import (
    AgendaItemOutcome,
    MeetingKind,
    MeetingState,
    MinutesState,
    MinutesStyle,
    RecommendationKind,
    RecommendationStatus,
    VoteMode,
)
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meetings import list_label
from expertenrat.domain.minutes import (
    AdoptedRecommendation,
    ItemMinutes,
    ItemTexts,
    Minutes,
    MinutesHeader,
)
from expertenrat.domain.votes import (
    Vote,
    Voters,
    quorum_warning,
    resolution_without_quorum,
    resolves,
    unanimous_yes,
    vote_problems,
)
from expertenrat.domain.written_procedures import WrittenDecision, decision_line
from expertenrat.services.attendance_rows import live_meeting
from expertenrat.services.document_item_rows import item_outcomes, project_titles
from expertenrat.services.election_rows import election_of
from expertenrat.services.meeting_facts import MeetingFacts, meeting_facts
from expertenrat.services.written_decision_rows import decision_of
from expertenrat.store import models


class NotHeldError(ExpertenratError):
    """Only a held meeting has minutes."""

    def __init__(self, meeting: models.Meeting) -> None:
        state = MeetingState(meeting.state)
        super().__init__(
            "Ein Protokoll gibt es nur für durchgeführte Sitzungen. "
            f"Die {label_of(meeting)} ist {state.label}; sobald sie begonnen hat, setzen Sie "
            "sie mit „Durchgeführt“ auf „durchgeführt“. Danach lassen sich in ihrer "
            "Tagesordnung nur noch Titel berichtigen; ein Dringlichkeitsantrag, den das Gremium "
            "in der Sitzung aufnimmt, kommt mit „Dringlichkeitsantrag …“ hinzu, solange das "
            "Protokoll ein offener Entwurf ist."
            if state is not MeetingState.CANCELLED
            else f"Die {label_of(meeting)} wurde abgesagt und hat kein Protokoll."
        )


def label_of(meeting: models.Meeting, shown: Callable[[str], str] = str) -> str:
    """ "5. Sitzung" (without a number "Sitzung vom 10.03.2026", "Klausur vom …"); ``shown``
    applied to a Klausur's title (the audit trail's
    :func:`~expertenrat.domain.wording.isolated`)."""
    name = list_label(meeting.number, MeetingKind(meeting.kind), meeting.title, shown)
    return name if meeting.number else f"{name} vom {meeting.starts_at:%d.%m.%Y}"


def held_meeting(session: Session, meeting_id: int) -> models.Meeting:
    """The meeting, if it is held (else :class:`NotHeldError`) and not deleted."""
    meeting = live_meeting(session, meeting_id)
    if meeting.state != MeetingState.HELD.value:
        raise NotHeldError(meeting)
    return meeting


def header_of(meeting: models.Meeting) -> MinutesHeader:
    return MinutesHeader(
        opened_at=meeting.opened_at,
        closed_at=meeting.closed_at,
        chair_membership_id=meeting.chair_membership_id,
        minute_taker=meeting.minute_taker,
        agenda_approved=meeting.agenda_approved,
        agenda_changes=meeting.agenda_changes,
        quorum_noted=meeting.quorum_noted,
        version=meeting.version,
    )


def texts_of(row: models.AgendaItem) -> ItemTexts:
    return ItemTexts(row.discussion, row.motion_text, row.resolution_text, row.result)


def latest_state(session: Session, meeting_id: int) -> MinutesState:
    """The state of the meeting's latest minutes version (a draft while there is none)."""
    state = session.scalar(
        select(models.MinutesVersion.state)
        .where(models.MinutesVersion.meeting_id == meeting_id)
        .order_by(models.MinutesVersion.number.desc())
        .limit(1)
    )
    return MinutesState(state) if state else MinutesState.DRAFT


def minutes_of(session: Session, meeting: models.Meeting) -> Minutes:
    """The minutes of a held ``meeting`` as stored in ``session``'s transaction."""
    facts = meeting_facts(session, meeting)
    return minutes_from_facts(session, meeting, facts, facts.agenda)


def minutes_from_facts(
    session: Session,
    meeting: models.Meeting,
    facts: MeetingFacts,
    placed: list[tuple[models.AgendaItem, str]],
) -> Minutes:
    """:func:`minutes_of` with attendance and conflicts read already, and the agenda items
    with their numbers (``placed``, as :func:`~expertenrat.services.attendance_rows.agenda_rows`
    reads them)."""
    ids = [row.id for row, _number in placed]
    votes = vote_rows(session, ids)
    recommendations, reported = _recommendations(session, ids)
    projects = project_titles(session, (row.project_id for row, _ in placed))
    parents = {row.parent_id for row, _ in placed}
    settled = item_outcomes(placed)
    items = []
    for row, number in placed:
        voters = facts.voters(row.id, number)
        item_votes = tuple(vote_of(v, voters) for v in votes.get(row.id, ()))
        adopted = recommendations.get(row.id, ())
        texts = texts_of(row)
        # A recommendation adopted is a resolution too (found by a tester: it got no
        # warning without a vote or resolution text).
        modes = [v.mode for v in item_votes]
        resolved = resolves(texts.resolution_text, modes, bool(adopted))
        warnings = (quorum_warning(voters),) if resolved and not voters.quorum.quorate else ()
        # What the minutes note at the item (once the attendance is taken), and the check.
        stated = facts.sheet.stated_quorum_at(row.id)
        missing = resolution_without_quorum(stated, modes) if resolved and stated else ""
        # Votes are checked when saved; an attendance or recusal recorded since may leave
        # more votes than members who could vote.
        count_problems = tuple(
            p.message
            for p in vote_problems([v.as_draft() for v in item_votes], voters)
            if not p.warning
        )
        warnings += count_problems
        items.append(
            ItemMinutes(
                item_id=row.id,
                number=number,
                title=row.title,
                public=row.public,
                discussion=texts.discussion,
                motion_text=texts.motion_text,
                resolution_text=texts.resolution_text,
                result=texts.result,
                votes=item_votes,
                recommendations=adopted,
                version=row.version,
                lacks_content=(
                    texts.empty
                    and not item_votes
                    and not adopted
                    and row.id not in reported  # the minutes print the decisions reported
                    and row.id not in parents
                    and settled[row.id].dealt_with  # none asked of one not dealt with
                ),
                parent_id=row.parent_id,
                presenter=row.presenter,
                project_id=row.project_id,
                project_title=projects.get(row.project_id, "") if row.project_id else "",
                recused=voters.recused,
                warnings=warnings,
                vote_count_problems=count_problems,
                urgent=row.urgent,
                outcome=AgendaItemOutcome(row.outcome),
                effective=settled[row.id],
                without_quorum=missing,
                written_decisions=reported.get(row.id, ()),
            )
        )
    state = latest_state(session, meeting.id)
    council = session.get(models.Council, meeting.council_id)
    return Minutes(
        meeting_id=meeting.id,
        council_id=meeting.council_id,
        meeting_label=label_of(meeting),
        meeting_day=meeting.starts_at.date(),
        style=MinutesStyle(council.minutes_style if council else MinutesStyle.RESULTS.value),
        state=state,
        frozen=state is MinutesState.APPROVED,
        header=header_of(meeting),
        items=tuple(items),
    )


def recommendation_of(row: models.Recommendation) -> AdoptedRecommendation:
    return AdoptedRecommendation(
        id=row.id,
        code=row.code,
        kind=RecommendationKind(row.kind),
        title=row.title,
        text=row.text,
        action_field_id=row.action_field_id,
        project_id=row.projects[0].project_id if row.projects else None,
        adopted_on=row.adopted_on,
        version=row.version,
        status=RecommendationStatus(row.status),
    )


def vote_of(row: models.Vote, voters: Voters) -> Vote:
    """The stored vote as the editor shows it: the recused and a unanimous vote's yes as
    attendance and recusals stand now at its item (the minutes print it so too)."""
    mode = VoteMode(row.mode)
    return Vote(
        id=row.id,
        version=row.version,
        position=row.position,
        mode=mode,
        subject=row.subject,
        yes=unanimous_yes(mode, row.yes, voters.count),
        no=row.no,
        abstain=row.abstain,
        recused=row.recused,
        adopted=row.adopted,
        recused_members=voters.recused,
        election=election_of(row),
    )


def vote_rows(session: Session, item_ids: list[int]) -> dict[int, list[models.Vote]]:
    """The votes of each of the agenda items ``item_ids`` in their order (items without a
    vote left out)."""
    found: dict[int, list[models.Vote]] = {}
    if item_ids:
        query = (
            select(models.Vote)
            .where(models.Vote.agenda_item_id.in_(item_ids))
            .order_by(models.Vote.position, models.Vote.id)
        )
        for row in session.scalars(query):
            found.setdefault(row.agenda_item_id, []).append(row)
    return found


def _recommendations(
    session: Session, item_ids: list[int]
) -> tuple[dict[int, tuple[AdoptedRecommendation, ...]], dict[int, tuple[str, ...]]]:
    """The recommendations adopted at each of the items ``item_ids``, and by the items that
    report recommendations adopted in writing their lines, as the minutes print them under
    it (in the order of adoption and code, as
    :func:`~expertenrat.services.written_procedures.reported_decisions`), in one read."""
    found: dict[int, list[AdoptedRecommendation]] = {}
    reported: dict[int, list[WrittenDecision]] = {}
    if item_ids:
        R, W = models.Recommendation, models.WrittenProcedure
        query = (
            select(R, W)
            .outerjoin(W, W.recommendation_id == R.id)
            .options(selectinload(R.projects))
            .where(
                or_(R.origin_agenda_item_id.in_(item_ids), W.reported_item_id.in_(item_ids)),
                R.deleted_at.is_(None),
            )
            .order_by(R.id)
        )
        wanted = set(item_ids)
        for row, written in session.execute(query):
            if row.origin_agenda_item_id in wanted:
                found.setdefault(row.origin_agenda_item_id, []).append(recommendation_of(row))
            if written is not None and written.reported_item_id in wanted and row.adopted_on:
                decision = decision_of(written, row.code, row.title, row.adopted_on)
                reported.setdefault(written.reported_item_id, []).append(decision)
    lines = {
        item: tuple(decision_line(d) for d in sorted(ds, key=lambda d: (d.adopted_on, d.code)))
        for item, ds in reported.items()
    }
    return {k: tuple(v) for k, v in found.items()}, lines
