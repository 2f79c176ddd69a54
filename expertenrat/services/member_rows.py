"""Members read from the store: memberships with their persons as ``Member`` values.

:func:`member_from_rows` turns one loaded membership into a member, :func:`membership_rows`
loads a council's memberships for writing, :func:`council_members` reads them as members
with two plain selects (fast enough for the tens of thousands an import compares against).
"""

from __future__ import annotations

from operator import attrgetter

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from expertenrat.domain.consent import CONSENT_ATTRIBUTES
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member, replaced
from expertenrat.services.member_inserts import PERSON_FIELDS
from expertenrat.store import models


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


def with_person(member: Member, person: models.Person) -> Member:
    """``member`` with the details, consents and version of ``person`` as stored."""
    values = {name: getattr(person, name) for name in _PERSON_ATTRIBUTES}
    values["sector"] = Sector(person.sector)
    return replaced(member, **values, person_id=person.id, person_version=person.version)


def membership_query():
    """A select of memberships with their persons and further action fields loaded."""
    return select(models.Membership).options(
        joinedload(models.Membership.person, innerjoin=True),
        selectinload(models.Membership.further_fields),
    )


def membership_rows(session: Session, council_id: int) -> dict[int, models.Membership]:
    """The council's memberships with their persons and further fields, by id, in one read."""
    query = membership_query().where(models.Membership.council_id == council_id)
    return {row.id: row for row in session.scalars(query)}


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
