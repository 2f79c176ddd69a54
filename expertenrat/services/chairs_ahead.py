"""A member set as the chair (Sitzungsleitung) of meetings still ahead whose day a changed
term leaves out: "Amtszeit beenden" and the member dialog name those meetings in their
question and, once confirmed, take the member out as their chair, as does the import that
its preview announced, each change audited, so that the secretariat can name another.
Only planned and invited meetings after today: a held meeting keeps its chair and still
holds the term (:mod:`services.member_history`). A cancelled meeting holds no term
(:func:`holds_terms`). Which of what meetings record a term leaves out,
:func:`outside_terms`, serves the apologies ahead as well."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.domain.errors import check_asked
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.meetings import dated_meeting_label, meetings_named
from expertenrat.domain.members import Member, term_span
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.store import models

T = TypeVar("T")

_CLEARED = "der Eintrag wird entfernt – bitte bestimmen Sie dort eine neue Sitzungsleitung."
_CHANGED = "Die Sitzungsleitung wurde inzwischen von jemand anderem geändert."


def holds_terms() -> ColumnElement[bool]:
    """A meeting whose records (attendance, chair, recusals) hold the terms of the members
    they name: one neither deleted nor cancelled. A cancelled meeting's records (an apology
    given before it was called off, its chair) stay as its history, shown as before, but a
    term may leave it out, nothing takes them out, and "Datenbank prüfen" does not check
    them against terms (found by a tester)."""
    meeting = models.Meeting
    return and_(meeting.deleted_at.is_(None), meeting.state != MeetingState.CANCELLED.value)


def ahead(today: date) -> ColumnElement[bool]:
    """A meeting on a day after ``today``, whatever its state (its attendance holds only
    apologies, :mod:`services.member_history`)."""
    return models.Meeting.starts_at >= datetime.combine(today + timedelta(days=1), time())


def ahead_and_not_held(today: date) -> ColumnElement[bool]:
    """A meeting planned or invited for a day after ``today``: its chair does not hold a
    term, a changed term takes the member out as chair instead."""
    return and_(ahead(today), models.Meeting.state.in_(NOT_YET_HELD))


def chaired_ahead(
    session: Session,
    council_id: int,
    members: Iterable[Member],
    today: date,
    shown: Callable[[str], str] = str,
) -> list[tuple[models.Meeting, str, Member]]:
    """The meetings ahead (:func:`ahead_and_not_held`) one of ``members``, with the term as
    it would be saved, chairs but no longer covers, each with its label ("1. Sitzung am
    14.01.2027"; ``shown`` applied to its title) and that member, in the meetings' order."""
    meeting = models.Meeting
    chairs = select(meeting, meeting.chair_membership_id).where(
        meeting.chair_membership_id.is_not(None), ahead_and_not_held(today)
    )
    return outside_terms(session, council_id, chairs, members, shown)


def outside_terms(
    session: Session,
    council_id: int,
    recorded: Select[tuple[T, int | None]],
    members: Iterable[Member],
    shown: Callable[[str], str] = str,
) -> list[tuple[T, str, Member]]:
    """What ``recorded`` selects (with the membership id recording it) of the council's
    meetings (deleted ones left out) that the term of one of ``members``, as it would be
    saved, does not cover, each with the meeting's label (``shown`` applied to its title)
    and that member, in the meetings' order; only meetings that hold terms
    (:func:`holds_terms`). ``recorded`` selects from or joins ``models.Meeting``: the
    chair of meetings ahead (:func:`chaired_ahead`), the apologies for them
    (:mod:`services.member_history`)."""
    terms = {m.id: m for m in members if m.id is not None}
    if not terms:
        return []
    meeting = models.Meeting
    rows = session.execute(
        recorded.add_columns(meeting.number, meeting.kind, meeting.starts_at, meeting.title)
        .where(meeting.council_id == council_id, holds_terms())
        .order_by(meeting.starts_at, meeting.id)
    ).all()  # the council's meetings ahead, few: no IN list of thousands of imported ids
    found = []
    for what, membership_id, number, kind, starts_at, title in rows:
        member = terms.get(membership_id)
        day = starts_at.date()
        if member is not None and not member.is_active(day):
            label = dated_meeting_label(number, MeetingKind(kind), day, title, shown)
            found.append((what, label, member))
    return found


def labels_by_member(found: Iterable[tuple[object, str, Member]]) -> dict[int, list[str]]:
    """The meetings' labels of what :func:`outside_terms` found, per membership id."""
    labels: dict[int, list[str]] = {}
    for _what, label, member in found:
        labels.setdefault(member.id, []).append(label)
    return labels


def chairs_cleared(
    session: Session, council_id: int, members: Iterable[Member], today: date
) -> dict[int, list[str]]:
    """Per membership id among ``members`` (as they would be saved), the meetings ahead
    whose chair saving the term clears (:func:`chaired_ahead`)."""
    return labels_by_member(chaired_ahead(session, council_id, members, today))


def clear_chairs_ahead(
    session: Session, actor: str, council_id: int, members: Iterable[Member], today: date
) -> None:
    """Take ``members`` (their terms as saved) out as the chair of the meetings
    :func:`chaired_ahead` names, each audited."""
    for row, label, member in chaired_ahead(session, council_id, members, today, isolated):
        day = row.starts_at.date()
        why = "beginnt später" if member.term_start > day else "endet vorher"
        before = audit.snapshot(row)
        row.chair_membership_id = None
        session.flush()
        audit.record(
            session,
            actor,
            AuditAction.UPDATE,
            "meeting",
            row.id,
            council_id=council_id,
            summary=f"Sitzungsleitung der {label} entfernt: die Amtszeit von "
            f"{isolated(member.full_name)} {why}",
            before=before,
            after=audit.snapshot(row),
        )


def end_sentence(name: str, labels: list[str]) -> str:
    """What "Amtszeit beenden" says of the meetings ahead whose chair it clears."""
    named = meetings_named(labels, "die")
    return f"Für {named} ist {name} als Sitzungsleitung eingetragen; {_CLEARED}"


def chairs_question(session: Session, council_id: int, member: Member, today: date) -> str:
    """What the member dialog asks before saving ``member`` (its term as it would be saved)
    clears its chair of meetings ahead ("" where it clears none)."""
    if member.id is None:
        return ""
    labels = chairs_cleared(session, council_id, [member], today).get(member.id)
    return save_question(member, labels) if labels else ""


def check_still_asked(
    session: Session, council_id: int, member: Member, today: date, asked: str
) -> None:
    """Raise :class:`~expertenrat.domain.errors.QuestionChangedError` where saving
    ``member`` would clear its chair of meetings that the question ``asked``, answered
    "Ja", did not name as it does now; where it clears none now, nothing is refused. The
    council is held by the caller: a chair set at the same moment on another PC is saved
    before or after this."""
    check_asked(_CHANGED, asked, chairs_question(session, council_id, member, today))


def save_question(member: Member, labels: list[str]) -> str:
    """What the member dialog asks before a changed term clears the chair of ``labels``."""
    return (
        f"Die geänderte Amtszeit ({term_span(member)}) deckt {meetings_named(labels, 'die')} "
        f"nicht mehr, für die {member.full_name} als Sitzungsleitung eingetragen ist; "
        f"{_CLEARED} Speichern?"
    )


def import_chair_note(name: str, labels: list[str]) -> str:
    """What an import row whose term clears the chair of ``labels`` says of it."""
    these = "diese Sitzung" if len(labels) == 1 else "diese Sitzungen"
    return (
        f"{name} wird beim Import als Sitzungsleitung {meetings_named(labels, 'der')} "
        f"ausgetragen: die Amtszeit deckt {these} nicht mehr."
    )
