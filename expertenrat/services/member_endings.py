"""Ending and deleting a membership: the term's end (apologies it no longer covers
removed, and the member taken out as the chair of meetings ahead it no longer covers,
after the question names them), and the deletion of a member who appears nowhere else
(the person too with their last term, and their contact data out of the audit trail)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from expertenrat.domain import members as member_rules
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import FieldProblem, InUseError, check_asked
from expertenrat.domain.meetings import meetings_named
from expertenrat.domain.member_history import history_problems
from expertenrat.domain.members import Member
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.audit_erasure import forget_in_audit
from expertenrat.services.chairs_ahead import chairs_cleared, clear_chairs_ahead, end_sentence
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.member_history import (
    apologies_dropped,
    apologies_phrase,
    drop_apologies_outside_terms,
    recorded_spans,
)
from expertenrat.services.member_rows import member_from_rows
from expertenrat.services.member_writes import member_what
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    hold_council,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

_CHANGED = (
    "Die Sitzungen, die das Ende der Amtszeit betrifft, wurden inzwischen von jemand "
    "anderem geändert."
)


def end_question(database: Database, member: Member, end: date, today: date) -> str:
    """What "Amtszeit beenden" asks before it ends the term on ``end``, where that
    removes apologies for meetings after ``today`` or takes the member out as the chair of
    meetings ahead ("" where it does neither)."""
    with reading(database) as session:
        row = session.get(models.Membership, member.id)
        return "" if row is None else _end_question(session, row.council_id, member, end, today)


def _end_question(session: Session, council_id: int, member: Member, end: date, today: date) -> str:
    ended = replace(member, term_end=end)
    labels = apologies_dropped(session, council_id, ended, today)
    chaired = chairs_cleared(session, council_id, [ended], today).get(member.id, [])
    if not labels and not chaired:
        return ""
    head = f"Die Amtszeit von {member.full_name} endet am {end:%d.%m.%Y}"
    sentences = (
        [f"{head}, vor {meetings_named(labels, 'der')}: {apologies_phrase('', labels)} entfernt."]
        if labels
        else [f"{head}."]
    )
    if chaired:
        sentences.append(end_sentence(member.full_name, chaired))
    return " ".join([*sentences, "Amtszeit beenden?"])


def end_membership(
    database: Database,
    actor: str,
    member: Member,
    end: date,
    *,
    today: date | None = None,
    asked: str | None = None,
) -> Member:
    """End a membership: the person stays in the history of past meetings. The term
    must still cover them; apologies for meetings after ``today`` (default: the
    council's) that it no longer covers are removed. A term is never lengthened here:
    an end after the one stored is refused (that is an edit of the term). Where the member
    is the chair of planned or invited meetings after ``today`` that the term no longer
    covers, the chair there is cleared (audited); a held meeting's chair holds the term.
    With ``asked``, the :func:`end_question` answered "Ja" ("" where none was asked): where
    it would now name other meetings (an apology or a chair recorded on another PC
    meanwhile), ``QuestionChangedError`` asks again and nothing is changed."""
    ended = replace(member, term_end=end)
    raise_if_invalid(member_rules.member_problems(ended))
    what = member_what(member)
    with changing(database, what) as session:
        row = fetch(session, models.Membership, member.id, what)
        # A meeting recording the member at the same moment on another PC: first.
        hold_council(session, row.council_id)
        check_version(row, member.version, what)
        if row.term_end is not None and end > row.term_end:
            raise_if_invalid([_no_later_end(row.term_end)])
        today = today or council_clock(session, row.council_id).today()
        spans = recorded_spans(session, row.council_id, today, chairs_ahead=False)
        raise_if_invalid(history_problems(ended, spans.get(row.id)))
        if asked is not None:
            now = _end_question(session, row.council_id, member, end, today)
            check_asked(_CHANGED, asked, now)
        before = audit.snapshot(row)
        row.term_end = end
        session.flush()
        drop_apologies_outside_terms(session, actor, row.council_id, [ended], today)
        clear_chairs_ahead(session, actor, row.council_id, [ended], today)
        audit.record(
            session,
            actor,
            AuditAction.UPDATE,
            "membership",
            row.id,
            council_id=row.council_id,
            summary=(f"Mitgliedschaft von {isolated(member.full_name)} beendet zum {end:%d.%m.%Y}"),
            before=before,
            after=audit.snapshot(row),
        )
        return member_from_rows(row)


def delete_member(
    database: Database, actor: str, member: Member, *, today: date | None = None
) -> None:
    """Delete a member who appears nowhere else; otherwise say to end the membership
    (or, where the term ended before ``today``, default the council's clock's, that it
    ended)."""
    what = member_what(member)
    with changing(database, what) as session:
        row = fetch(session, models.Membership, member.id, what)
        # A meeting recording the member at the same moment on another PC: first.
        hold_council(session, row.council_id)
        check_version(row, member.version, what)
        if _is_referenced(session, row):
            today = today or council_clock(session, row.council_id).today()
            instead = (
                "Beenden Sie stattdessen die Mitgliedschaft: die Person bleibt dann in der "
                "Historie erhalten."
                if row.term_end is None or row.term_end >= today
                else f"Ihre Amtszeit endete am {row.term_end:%d.%m.%Y}; die Person bleibt "
                "in der Historie erhalten."
            )
            raise InUseError(
                f"{what} kommt in Sitzungen oder Protokollen vor und kann nicht gelöscht "
                f"werden. {instead}"
            )
        person = row.person
        before = {**audit.snapshot(person), **audit.snapshot(row)}
        session.delete(row)
        session.flush()
        gone = not session.scalar(select(exists().where(models.Membership.person_id == person.id)))
        if gone:
            session.delete(person)
        audit.record(
            session,
            actor,
            AuditAction.DELETE,
            "membership",
            member.id,
            council_id=before["council_id"],
            summary=f"Mitglied {isolated(member.full_name)} gelöscht",
            before=before,
        )
        if gone:  # erased: the trail keeps that, not the person's contact data
            forget_in_audit(session, person.id, [member.id])


def _no_later_end(stored: date) -> FieldProblem:
    return FieldProblem(
        "term_end",
        f"Die Amtszeit endet schon am {stored:%d.%m.%Y}. Ein späteres Ende verlängert sie: "
        "bitte unter „Bearbeiten …“ eintragen.",
    )


def _is_referenced(session: Session, row: models.Membership) -> bool:
    checks = (
        exists().where(models.Attendance.membership_id == row.id),
        exists().where(models.ConflictOfInterest.membership_id == row.id),
        exists().where(models.Meeting.chair_membership_id == row.id),
        exists().where(models.ElectionCandidate.membership_id == row.id),
    )
    return any(session.scalar(select(check)) for check in checks)
