"""Members of a council: reading, validating, saving, ending and deleting memberships."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from operator import attrgetter

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, joinedload, selectinload

from expertenrat.domain.composition import Composition, CouncilMembers, check_composition
from expertenrat.domain.consent import CONSENT_ATTRIBUTES, ConsentEntry
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import AuditAction, ConsentSource, MemberRole, Sector
from expertenrat.domain.errors import FieldProblem, InUseError, NotFoundError
from expertenrat.domain.members import (
    Member,
    MemberIndex,
    clean_member,
    validate_member,
    value_problems,
)
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.domain.roster import RosterDocument, RosterGrouping, build_roster
from expertenrat.services import audit
from expertenrat.services.consent_ledger import consent_history
from expertenrat.services.member_inserts import PERSON_FIELDS, insert_new_members
from expertenrat.services.member_updates import write_stored_persons
from expertenrat.services.settings import action_field, council_settings
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.bulk_insert import written_behind
from expertenrat.store.database import Database


def member_from_rows(row: models.Membership) -> Member:
    person = row.person
    return Member(
        id=row.id,
        person_id=person.id,
        title=person.title,
        form_of_address=person.form_of_address,
        given_name=person.given_name,
        family_name=person.family_name,
        affiliation=person.affiliation,
        position=person.position,
        sector=Sector(person.sector),
        email=person.email,
        phone=person.phone,
        postal_address=person.postal_address,
        notes=person.notes,
        role=MemberRole(row.role),
        term_start=row.term_start,
        term_end=row.term_end,
        voting_right=row.voting_right,
        primary_field_id=row.primary_field_id,
        further_field_ids=tuple(sorted(f.action_field_id for f in row.further_fields)),
        publish_name=person.publish_name,
        publish_name_on=person.publish_name_on,
        publish_contact=person.publish_contact,
        publish_contact_on=person.publish_contact_on,
        version=row.version,
        person_version=person.version,
    )


def _membership_query():
    return select(models.Membership).options(
        joinedload(models.Membership.person, innerjoin=True),
        selectinload(models.Membership.further_fields),
    )


def _what(member: Member) -> str:
    return f"Das Mitglied „{member.full_name or 'ohne Namen'}“"


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
            row = session.scalar(_membership_query().where(models.Membership.id == membership_id))
            if row is None:
                raise NotFoundError("Dieses Mitglied gibt es nicht mehr.")
            return member_from_rows(row)

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
            tuple(members), tuple(fields), check_composition(members, fields, council, today)
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
        member = clean_member(member)
        with reading(self._db) as session:
            others = [m for m in council_members(session, council_id) if m.id != member.id]
            return validate_member(member, others, today) + _field_problems(
                member, _field_ids(session, council_id)
            )

    def save(self, council_id: int, member: Member, today: date) -> Member:
        """Create or update a member. Warnings do not stop saving; errors do."""
        with changing(self._db, _what(member)) as session:
            return save_members(session, self._actor, council_id, [member], today)[0]

    def end_membership(self, member: Member, end: date) -> Member:
        """End a membership: the person stays in the history of past meetings."""
        raise_if_invalid(validate_member(replace(member, term_end=end), [], end))
        what = _what(member)
        with changing(self._db, what) as session:
            row = fetch(session, models.Membership, member.id, what)
            check_version(row, member.version, what)
            before = audit.snapshot(row)
            row.term_end = end
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.UPDATE,
                "membership",
                row.id,
                council_id=row.council_id,
                summary=f"Mitgliedschaft von {member.full_name} beendet zum {end:%d.%m.%Y}",
                before=before,
                after=audit.snapshot(row),
            )
            return member_from_rows(row)

    def delete(self, member: Member) -> None:
        """Delete a member who appears nowhere else; otherwise say to end the membership."""
        what = _what(member)
        with changing(self._db, what) as session:
            row = fetch(session, models.Membership, member.id, what)
            check_version(row, member.version, what)
            if _is_referenced(session, row):
                raise InUseError(
                    f"{what} kommt in Sitzungen oder Protokollen vor und kann nicht gelöscht "
                    "werden. Beenden Sie stattdessen die Mitgliedschaft: die Person bleibt dann "
                    "in der Historie erhalten."
                )
            person = row.person
            before = {**audit.snapshot(person), **audit.snapshot(row)}
            session.delete(row)
            session.flush()
            if not session.scalar(select(exists().where(models.Membership.person_id == person.id))):
                session.delete(person)
            audit.record(
                session,
                self._actor,
                AuditAction.DELETE,
                "membership",
                member.id,
                council_id=before["council_id"],
                summary=f"Mitglied {member.full_name} gelöscht",
                before=before,
            )


def save_members(
    session: Session,
    actor: str,
    council_id: int,
    members: Sequence[Member],
    today: date,
    *,
    source: ConsentSource = ConsentSource.FORM,
) -> list[Member]:
    """Create or update members of a council in ``session``'s transaction, each audited.

    Changed consents are recorded in the consent ledger with ``source``.

    Every member is checked against the council's other memberships as they will be once all
    of ``members`` are saved, so a batch may swap roles; any error raises ``ValidationError``
    before anything is written (with several members, each message names its member).
    Stale versions raise ``ConcurrentEditError``; all are checked before the first write, so
    several memberships of one person may be saved together. Texts are cleaned first
    (``clean_member``: NFC, no surrounding spaces). Returns the saved members.
    """
    members = [clean_member(m) for m in members]
    rows = membership_rows(session, council_id)
    check_members(session, council_id, members, [member_from_rows(r) for r in rows.values()], today)
    return write_members(session, actor, council_id, members, rows, source=source)


def membership_rows(session: Session, council_id: int) -> dict[int, models.Membership]:
    """The council's memberships with their persons and further fields, by id, in one read."""
    query = _membership_query().where(models.Membership.council_id == council_id)
    return {row.id: row for row in session.scalars(query)}


def check_members(
    session: Session,
    council_id: int,
    members: Sequence[Member],
    stored: Sequence[Member],
    today: date,
) -> None:
    """Raise ``ValidationError`` unless every one of ``members`` may be saved beside ``stored``
    (the council's memberships now; those that ``members`` change are left out)."""
    changed_ids = {m.id for m in members if m.id is not None}
    others = sorted((m for m in stored if m.id not in changed_ids), key=lambda m: m.sort_name)
    index = MemberIndex([*others, *members])
    field_ids = _field_ids(session, council_id)
    for member in members:
        problems = validate_member(member, index, today) + _field_problems(member, field_ids)
        if len(members) > 1:
            problems = [replace(p, message=f"{member.full_name}: {p.message}") for p in problems]
        raise_if_invalid(problems)


def write_members(
    session: Session,
    actor: str,
    council_id: int,
    members: Sequence[Member],
    rows: Mapping[int, models.Membership],
    *,
    same_person: Mapping[int, int] | None = None,
    source: ConsentSource = ConsentSource.FORM,
    values_checked: bool = False,
    progress: Progress = no_progress,
) -> list[Member]:
    """Write checked members in bulk (one flush), each audited; returns them as saved.

    ``rows`` are the council's stored memberships (see :func:`membership_rows`); versions are
    checked against them before anything is written. ``same_person`` maps the position of a
    new member to the earlier position whose new person it shares. Changed consents are
    recorded in the consent ledger with ``source``. Texts are cleaned (``clean_member``), and
    a value the database could not hold raises ``ValidationError`` here too, whatever checked
    the members before (an import preview is data a caller could have changed); with
    ``values_checked`` the caller vouches that ``value_problems`` found nothing in each of
    ``members`` as given, and only those that cleaning changed are checked again.
    """
    given = members
    members = [clean_member(m) for m in members]
    for member, before in zip(members, given, strict=True):
        if values_checked and member is before:  # clean_member returns a clean one as it is
            continue
        problems = value_problems(member)
        if len(members) > 1:
            problems = [replace(p, message=f"{member.full_name}: {p.message}") for p in problems]
        raise_if_invalid(problems)
    for member in members:
        if member.id is not None:
            what = _what(member)
            row = rows.get(member.id)
            if row is None:
                raise NotFoundError(f"{what} gibt es nicht mehr. Vielleicht wurde es gelöscht.")
            check_version(row, member.version, what)
            check_version(row.person, member.person_version, what)
    same_person = same_person or {}
    # New members of new persons and members of stored persons are written in bulk, each
    # kind by its own module (versions checked above and in each UPDATE's WHERE clause).
    bulk = [i for i, m in enumerate(members) if m.id is None and m.person_id is None]
    bulk_position = {i: k for k, i in enumerate(bulk)}
    stored = [i for i in range(len(members)) if i not in bulk_position]
    written = write_stored_persons(
        session, actor, council_id, [members[i] for i in stored], rows, source
    )
    progress(len(members) // 2, 2 * len(members))
    # The server checks and indexes each table's rows while the next ones are built.
    with written_behind(session.connection()) as write:
        inserted = insert_new_members(
            write,
            actor,
            council_id,
            [members[i] for i in bulk],
            {
                bulk_position[i]: bulk_position[j]
                for i, j in same_person.items()
                if i in bulk_position and j in bulk_position
            },
            source,
        )
        progress(len(members), 2 * len(members))
        results = dict(zip(stored, written, strict=True))
        saved: list[Member] = []
        entries: list[dict] = []
        for i, member in enumerate(members):
            if i in bulk_position:
                new = inserted[bulk_position[i]]
                saved.append(new.member)
                before, after = None, new.audit_state
            else:
                saved.append(results[i].member)
                before, after = results[i].before, results[i].after
            verb = "angelegt" if before is None else "geändert"
            entry = audit.entry(
                actor,
                AuditAction.CREATE if before is None else AuditAction.UPDATE,
                "membership",
                saved[-1].id,
                council_id=council_id,
                summary=f"Mitglied {member.full_name} {verb}",
                before=before,
                after=after,
            )
            if entry is not None:
                entries.append(entry)
            progress(len(members) + i + 1, 2 * len(members))
        write.insert(models.AuditEntry.__table__, entries)
    return saved


def council_members(session: Session, council_id: int) -> list[Member]:
    """The council's memberships as members (what :func:`member_from_rows` makes of them),
    by ``sort_name``, for reading: two plain selects instead of ORM records (a council's
    import reads tens of thousands, and loading the records cost most of that)."""
    membership, person = models.Membership, models.Person
    further: dict[int, list[int]] = {}
    for membership_id, field_id in session.execute(
        select(
            models.MembershipFurtherField.membership_id,
            models.MembershipFurtherField.action_field_id,
        )
        .join(membership, membership.id == models.MembershipFurtherField.membership_id)
        .where(membership.council_id == council_id)
    ):
        further.setdefault(membership_id, []).append(field_id)
    rows = session.execute(
        select(
            membership.id.label("id"),
            person.id.label("person_id"),
            *(getattr(person, name) for name in _PERSON_ATTRIBUTES),
            *(getattr(membership, name) for name in _MEMBERSHIP_ATTRIBUTES),
            membership.version.label("version"),
            person.version.label("person_version"),
        )
        .join(person, person.id == membership.person_id)
        .where(membership.council_id == council_id)
        .order_by(membership.id)
    )
    members = [
        Member(
            **{
                **row._mapping,
                "sector": Sector(row.sector),
                "role": MemberRole(row.role),
                "further_field_ids": tuple(sorted(further.get(row.id, ()))),
            }
        )
        for row in rows
    ]
    members.sort(key=_sort_name)
    return members


_sort_name = attrgetter("sort_name")
_PERSON_ATTRIBUTES = (
    *PERSON_FIELDS,
    "sector",
    *(name for pair in CONSENT_ATTRIBUTES.values() for name in pair),
)
_MEMBERSHIP_ATTRIBUTES = ("role", "term_start", "term_end", "voting_right", "primary_field_id")
"""The columns :func:`council_members` reads by the names of the ``Member`` attributes."""


def _council_and_fields(
    session: Session, council_id: int
) -> tuple[CouncilSettings, list[ActionField]]:
    council = fetch(session, models.Council, council_id, "Das Gremium")
    return council_settings(council), [action_field(f) for f in council.action_fields]


def _field_ids(session: Session, council_id: int) -> set[int]:
    return set(
        session.scalars(
            select(models.ActionField.id).where(models.ActionField.council_id == council_id)
        )
    )


def _field_problems(member: Member, field_ids: set[int]) -> list[FieldProblem]:
    """Action fields must belong to the council (they may have been deleted meanwhile)."""
    wanted = {f for f in (member.primary_field_id, *member.further_field_ids) if f is not None}
    if wanted - field_ids:
        return [
            FieldProblem(
                "primary_field_id",
                "Ein gewähltes Handlungsfeld gibt es nicht mehr. Bitte wählen Sie neu.",
            )
        ]
    return []


def _is_referenced(session: Session, row: models.Membership) -> bool:
    checks = (
        exists().where(models.Attendance.membership_id == row.id),
        exists().where(models.ConflictOfInterest.membership_id == row.id),
        exists().where(models.Meeting.chair_membership_id == row.id),
    )
    return any(session.scalar(select(check)) for check in checks)
