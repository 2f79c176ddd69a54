"""New members with new persons, written in bulk: a few INSERT statements for any number.

An import of thousands of rows creates thousands of persons, memberships, further action
fields, consent ledger entries and audit entries; one ORM object and one INSERT each takes
minutes. Here each table gets one ``INSERT … RETURNING`` (SQLAlchemy's "insertmanyvalues",
ids in the order of the rows) or one executemany.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from expertenrat.domain.consent import CONSENT_ATTRIBUTES, consents_of
from expertenrat.domain.enums import ConsentSource
from expertenrat.domain.members import Member
from expertenrat.services import audit
from expertenrat.store import models

PERSON_FIELDS = (
    "title",
    "form_of_address",
    "given_name",
    "family_name",
    "affiliation",
    "position",
    "email",
    "phone",
    "postal_address",
    "notes",
)
"""Person columns a member sets directly; consent goes through the ledger."""


@dataclass(frozen=True, slots=True)
class Inserted:
    """A new member as saved, and its state for the audit trail."""

    member: Member
    audit_state: dict[str, Any]


def insert_new_members(
    session: Session,
    actor: str,
    council_id: int,
    members: Sequence[Member],
    same_person: Mapping[int, int],
    source: ConsentSource,
) -> list[Inserted]:
    """Insert cleaned, checked ``members`` that have neither an id nor a person yet.

    ``same_person`` maps a position to the earlier one whose new person it shares (the later
    member's person values win, as when saved one after the other). Consents are recorded in
    the consent ledger with ``source``.
    """
    if not members:
        return []
    now = datetime.now(UTC).replace(tzinfo=None)
    persons: list[dict[str, Any]] = []
    person_of: list[int] = []
    consents: list[tuple[int, dict[str, Any]]] = []
    for i, member in enumerate(members):
        shared = same_person.get(i)
        if shared is None:
            person: dict[str, Any] = {
                "publish_name": False,
                "publish_name_on": None,
                "publish_contact": False,
                "publish_contact_on": None,
                "version": 1,
            }
            persons.append(person)
            person_of.append(len(persons) - 1)
        else:
            person_of.append(person_of[shared])
            person = persons[person_of[shared]]
        person.update({name: getattr(member, name) for name in PERSON_FIELDS})
        person["sector"] = member.sector.value
        for kind, wanted in consents_of(member).items():
            given, on = CONSENT_ATTRIBUTES[kind]
            if wanted == (bool(person[given]), person[on]):
                continue
            entry = {"kind": kind.value, "granted": wanted[0], "effective_on": wanted[1]}
            consents.append((person_of[-1], entry))
            person[given], person[on] = wanted
    person_ids = _insert_returning_ids(session, models.Person, persons)
    for person, person_id in zip(persons, person_ids, strict=True):
        person["id"] = person_id
    memberships = [
        {
            "council_id": council_id,
            "person_id": persons[person_of[i]]["id"],
            "role": member.role.value,
            "term_start": member.term_start,
            "term_end": member.term_end,
            "voting_right": member.voting_right,
            "primary_field_id": member.primary_field_id,
            "version": 1,
        }
        for i, member in enumerate(members)
    ]
    membership_ids = _insert_returning_ids(session, models.Membership, memberships)
    further = [_further_ids(member) for member in members]
    _insert_all(
        session,
        models.MembershipFurtherField,
        [
            {"membership_id": membership_id, "action_field_id": field_id}
            for membership_id, field_ids in zip(membership_ids, further, strict=True)
            for field_id in field_ids
        ],
    )
    _insert_all(
        session,
        models.ConsentEntry,
        [
            {**entry, "person_id": persons[k]["id"], "source": source.value}
            | {"actor": actor, "recorded_at": now}
            for k, entry in consents
        ],
    )
    inserted = []
    for i, member in enumerate(members):
        person, membership = persons[person_of[i]], memberships[i]
        membership["id"] = membership_ids[i]
        state = {
            **audit.snapshot_of(models.Person, person),
            **audit.snapshot_of(models.Membership, membership),
            "further_field_ids": list(further[i]),
        }
        saved = replace(
            member,
            id=membership["id"],
            person_id=person["id"],
            further_field_ids=further[i],
            publish_name=person["publish_name"],
            publish_name_on=person["publish_name_on"],
            publish_contact=person["publish_contact"],
            publish_contact_on=person["publish_contact_on"],
            version=1,
            person_version=1,
        )
        inserted.append(Inserted(saved, state))
    return inserted


def _further_ids(member: Member) -> tuple[int, ...]:
    return tuple(sorted(set(member.further_field_ids) - {member.primary_field_id}))


def _insert_returning_ids(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in batches; their new ids in the order of ``rows``.

    Core inserts into the table: the ORM's bulk insert would split the rows wherever a
    value is ``None`` (one statement per run of rows with the same keys).
    """
    table = model.__table__
    if session.get_bind().dialect.name == "sqlite":
        # SQLAlchemy cannot sort RETURNING rows on SQLite (no sentinel) and would fall back to
        # one INSERT per row. SQLite has one writer and numbers the rows of each batch in
        # order, batch after batch, so the ascending ids are the order of ``rows``.
        return sorted(session.scalars(insert(table).returning(table.c.id), rows))
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def _insert_all(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(model.__table__), rows)
