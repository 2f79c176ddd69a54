"""Members of a council: reading, validating, saving, ending and deleting memberships."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from expertenrat.domain import members as member_rules
from expertenrat.domain.composition import Composition, CouncilMembers, check_composition
from expertenrat.domain.consent import ConsentEntry
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import FieldProblem, InUseError, NotFoundError
from expertenrat.domain.member_history import history_problems
from expertenrat.domain.member_twins import check_no_twin_added
from expertenrat.domain.members import Member
from expertenrat.domain.roster import RosterDocument, RosterGrouping, build_roster
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.action_fields import action_field
from expertenrat.services.audit_erasure import forget_in_audit
from expertenrat.services.consent_ledger import consent_history
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.member_checks import member_problems
from expertenrat.services.member_history import (
    apologies_dropped,
    apologies_phrase,
    drop_apologies_outside_terms,
    meetings_named,
    recorded_spans,
)
from expertenrat.services.member_rows import (
    council_members,
    member_from_rows,
    membership_query,
    with_person,
)
from expertenrat.services.member_writes import member_what, save_members
from expertenrat.services.settings import council_settings
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


class MembersService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def members(self, council_id: int) -> list[Member]:
        """All memberships of the council, active and former."""
        with reading(self._db) as session:
            return council_members(session, council_id)

    def member(self, membership_id: int) -> Member:
        with reading(self._db) as session:
            row = session.scalar(membership_query().where(models.Membership.id == membership_id))
            if row is None:
                raise NotFoundError("Dieses Mitglied gibt es nicht mehr.")
            return member_from_rows(row)

    def stored(self, member: Member) -> Member:
        """What is stored now of ``member``, to merge with after a conflicting save: its
        membership; for a new term of a stored person (``id`` ``None``: a further term, or a
        term deleted on another PC saved again), the term as given with the person's details
        and version as stored. ``NotFoundError`` where the membership or person is gone."""
        if member.id is not None:
            return self.member(member.id)
        with reading(self._db) as session:
            person = fetch(session, models.Person, member.person_id, member_what(member))
            return with_person(member, person)

    def detached(self, member: Member) -> Member:
        """``member``, whose membership is gone (deleted on another PC meanwhile) or which is
        a new term (``id`` ``None``) of a person perhaps deleted meanwhile, as a new term to
        save again: of the same person while that is still stored (another term of theirs
        keeps it), else of a new person. A person is deleted with their last term
        only, so saving the typed term must not make a second record of the same human."""
        term = replace(member, id=None, version=0)
        if member.person_id is not None:
            with reading(self._db) as session:
                if session.get(models.Person, member.person_id) is not None:
                    return term
        return replace(term, person_id=None, person_version=0)

    def consent_history(self, person_id: int) -> list[ConsentEntry]:
        """Every recorded grant and withdrawal of the person's consent, newest first."""
        with reading(self._db) as session:
            return consent_history(session, person_id)

    def composition(self, council_id: int, today: date) -> Composition:
        return self.members_and_composition(council_id, today).composition

    def members_and_composition(self, council_id: int, today: date) -> CouncilMembers:
        """Members, action fields and composition of a council in one read."""
        with reading(self._db) as session:
            council, fields = _council_and_fields(session, council_id)
            members = council_members(session, council_id)
        return CouncilMembers(
            tuple(members),
            tuple(fields),
            check_composition(members, fields, council, today),
            council.role_titles,
        )

    def roster(
        self, council_id: int, *, public: bool, grouping: RosterGrouping, today: date
    ) -> RosterDocument:
        """The roster as a document; the public one respects each member's consent."""
        with reading(self._db) as session:
            council, fields = _council_and_fields(session, council_id)
            members = council_members(session, council_id)
        return build_roster(members, fields, council, public=public, grouping=grouping, today=today)

    def roster_pdf(
        self, council_id: int, *, public: bool, grouping: RosterGrouping, today: date
    ) -> RenderedPdf:
        """The roster as a finished PDF (see :meth:`roster`), with the warnings of rendering.

        The template for documents (see :mod:`expertenrat.services`): gather, render, hand
        out bytes; the caller only saves, prints or shows them.
        """
        from expertenrat.reports.roster_pdf import render_roster  # reportlab: on demand

        document = self.roster(council_id, public=public, grouping=grouping, today=today)
        return render_roster(document)

    def problems(self, council_id: int, member: Member, today: date) -> list[FieldProblem]:
        """Errors and warnings for a member as it would be saved now."""
        with reading(self._db) as session:
            return member_problems(session, council_id, member, today)

    def persons(self, council_id: int) -> frozenset[int]:
        """The persons with a membership in the council: what a form for a new member
        knows of when it opens (``known_persons`` of :meth:`save`)."""
        with reading(self._db) as session:
            return frozenset(
                session.scalars(
                    select(models.Membership.person_id).where(
                        models.Membership.council_id == council_id
                    )
                )
            )

    def check_not_added_meanwhile(
        self, council_id: int, member: Member, known_persons: Collection[int]
    ) -> None:
        """Raise ``SamePersonAddedError`` where ``member`` is a new person whom someone
        else saved meanwhile: a person not among ``known_persons`` with the same e-mail
        address or name (``domain.member_twins``)."""
        with reading(self._db) as session:
            check_no_twin_added(member, council_members(session, council_id), known_persons)

    def save(
        self,
        council_id: int,
        member: Member,
        today: date,
        *,
        known_persons: Collection[int] | None = None,
    ) -> Member:
        """Create or update a member. Warnings do not stop saving; errors do. With
        ``known_persons`` (see :meth:`persons`), a new person someone else saved meanwhile is
        refused with ``SamePersonAddedError``, checked in the saving transaction itself (see
        :meth:`check_not_added_meanwhile`; another PC saving at the same moment is waited
        for)."""
        with changing(self._db, member_what(member)) as session:
            return save_members(
                session, self._actor, council_id, [member], today, known_persons=known_persons
            )[0]

    def end_question(self, member: Member, end: date, today: date) -> str:
        """What "Amtszeit beenden" asks before it ends the term on ``end``, where that
        removes apologies for meetings after ``today`` ("" where it removes none)."""
        with reading(self._db) as session:
            row = session.get(models.Membership, member.id)
            if row is None:
                return ""
            labels = apologies_dropped(
                session, row.council_id, replace(member, term_end=end), today
            )
        if not labels:
            return ""
        return (
            f"Die Amtszeit von {member.full_name} endet am {end:%d.%m.%Y}, vor "
            f"{meetings_named(labels, 'der')}: {apologies_phrase('', labels)} entfernt. "
            "Amtszeit beenden?"
        )

    def end_membership(self, member: Member, end: date, *, today: date | None = None) -> Member:
        """End a membership: the person stays in the history of past meetings. The term
        must still cover them; apologies for meetings after ``today`` (default: the
        council's) that it no longer covers are removed. A term is never lengthened here:
        an end after the one stored is refused (that is an edit of the term)."""
        ended = replace(member, term_end=end)
        raise_if_invalid(member_rules.member_problems(ended))
        what = member_what(member)
        with changing(self._db, what) as session:
            row = fetch(session, models.Membership, member.id, what)
            # A meeting recording the member at the same moment on another PC: first.
            hold_council(session, row.council_id)
            check_version(row, member.version, what)
            if row.term_end is not None and end > row.term_end:
                raise_if_invalid([_no_later_end(row.term_end)])
            today = today or council_clock(session, row.council_id).today()
            spans = recorded_spans(session, row.council_id, today)
            raise_if_invalid(history_problems(ended, spans.get(row.id)))
            before = audit.snapshot(row)
            row.term_end = end
            session.flush()
            drop_apologies_outside_terms(session, self._actor, row.council_id, [ended], today)
            audit.record(
                session,
                self._actor,
                AuditAction.UPDATE,
                "membership",
                row.id,
                council_id=row.council_id,
                summary=(
                    f"Mitgliedschaft von {isolated(member.full_name)} beendet zum {end:%d.%m.%Y}"
                ),
                before=before,
                after=audit.snapshot(row),
            )
            return member_from_rows(row)

    def delete(self, member: Member, *, today: date | None = None) -> None:
        """Delete a member who appears nowhere else; otherwise say to end the membership
        (or, where the term ended before ``today``, default the council's clock's, that it
        ended)."""
        what = member_what(member)
        with changing(self._db, what) as session:
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
            gone = not session.scalar(
                select(exists().where(models.Membership.person_id == person.id))
            )
            if gone:
                session.delete(person)
            audit.record(
                session,
                self._actor,
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


def _council_and_fields(
    session: Session, council_id: int
) -> tuple[CouncilSettings, list[ActionField]]:
    council = fetch(session, models.Council, council_id, "Das Gremium")
    return council_settings(council), [action_field(f) for f in council.action_fields]


def _is_referenced(session: Session, row: models.Membership) -> bool:
    checks = (
        exists().where(models.Attendance.membership_id == row.id),
        exists().where(models.ConflictOfInterest.membership_id == row.id),
        exists().where(models.Meeting.chair_membership_id == row.id),
    )
    return any(session.scalar(select(check)) for check in checks)
