"""Members of a council: reading, validating and saving memberships; ending and deleting
one: :mod:`expertenrat.services.member_endings`."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.appointment_periods import period_on
from expertenrat.domain.composition import Composition, CouncilMembers, check_composition
from expertenrat.domain.consent import ConsentEntry
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.errors import FieldProblem, NotFoundError
from expertenrat.domain.member_twins import check_no_twin_added
from expertenrat.domain.members import Member, clean_member
from expertenrat.domain.roster import RosterDocument, RosterGrouping, build_roster
from expertenrat.services.action_fields import action_field
from expertenrat.services.appointment_periods import period, period_rows
from expertenrat.services.chairs_ahead import chairs_question, check_still_asked
from expertenrat.services.consent_ledger import consent_history
from expertenrat.services.council_rows import WITH_LOGO, council_settings
from expertenrat.services.member_checks import member_problems
from expertenrat.services.member_endings import delete_member, end_membership, end_question
from expertenrat.services.member_rows import (
    council_members,
    member_from_rows,
    membership_query,
    with_person,
)
from expertenrat.services.member_writes import member_what, save_members
from expertenrat.services.unit_of_work import (
    changing,
    fetch,
    hold_council,
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
            council, fields = _council_and_fields(session, council_id, with_logo=False)
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
            council, fields = _council_and_fields(session, council_id, with_logo=True)
            members = council_members(session, council_id)
            periods = [period(row) for row in period_rows(session, council_id)]
        return build_roster(
            members, fields, council, public=public, grouping=grouping, today=today,
            period=period_on(periods, today),
        )  # fmt: skip

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

    def save(
        self,
        council_id: int,
        member: Member,
        today: date,
        *,
        known_persons: Collection[int] | None = None,
        asked: str = "",
    ) -> Member:
        """Create or update a member. Warnings do not stop saving; errors do. With
        ``known_persons`` (see :meth:`persons`), a new person someone else saved meanwhile is
        refused with ``SamePersonAddedError``, checked in the saving transaction itself (see
        :meth:`save_checks`; another PC saving at the same moment is waited for). With
        ``asked``, the question of :meth:`save_checks` answered "Ja", the
        member is taken out as the chair of the meetings ahead the term leaves out; where
        the question now names other meetings (a chair set on another PC meanwhile),
        ``QuestionChangedError`` asks again and nothing is saved. Without it, such a term is
        refused."""
        with changing(self._db, member_what(member)) as session:
            if asked:  # the council held first: a chair set at the same moment is seen
                hold_council(session, council_id)
                check_still_asked(session, council_id, clean_member(member), today, asked)
            return save_members(
                session,
                self._actor,
                council_id,
                [member],
                today,
                known_persons=known_persons,
                clear_chairs=bool(asked),
            )[0]

    def save_checks(
        self,
        council_id: int,
        member: Member,
        today: date,
        known_persons: Collection[int] | None = None,
    ) -> tuple[list[FieldProblem], str]:
        """What the member dialog checks before it saves, in one read (found by a tester:
        a read each, each a round trip to a shared server): :meth:`problems`, and what to
        ask before saving ``member`` clears its chair of meetings ahead its term leaves
        out (:mod:`~expertenrat.services.chairs_ahead`; "" where it clears none). With
        ``known_persons`` (see :meth:`persons`), ``SamePersonAddedError`` first where
        ``member`` is a new person whom someone else saved meanwhile: a person not among
        them with the same e-mail address or name (``domain.member_twins``)."""
        with reading(self._db) as session:
            members = council_members(session, council_id)  # read once for both checks
            if known_persons is not None:
                check_no_twin_added(member, members, known_persons)
            return (
                member_problems(session, council_id, member, today, members),
                chairs_question(session, council_id, clean_member(member), today),
            )

    def end_question(self, member: Member, end: date, today: date) -> str:
        """What "Amtszeit beenden" asks before it ends the term (see
        :func:`~expertenrat.services.member_endings.end_question`)."""
        return end_question(self._db, member, end, today)

    def end_membership(
        self, member: Member, end: date, *, today: date | None = None, asked: str | None = None
    ) -> Member:
        """End a membership, after :meth:`end_question` (``asked``) was answered "Ja" (see
        :func:`~expertenrat.services.member_endings.end_membership`)."""
        return end_membership(self._db, self._actor, member, end, today=today, asked=asked)

    def delete(self, member: Member, *, today: date | None = None) -> None:
        """Delete a member who appears nowhere else (see
        :func:`~expertenrat.services.member_endings.delete_member`)."""
        delete_member(self._db, self._actor, member, today=today)


def _council_and_fields(
    session: Session, council_id: int, *, with_logo: bool
) -> tuple[CouncilSettings, list[ActionField]]:
    """The council (``with_logo``: with its logo, for a document's letterhead) and its
    action fields."""
    options = WITH_LOGO if with_logo else ()
    council = fetch(session, models.Council, council_id, "Das Gremium", options)
    return council_settings(council, with_logo=with_logo), [
        action_field(f) for f in council.action_fields
    ]
