"""New members with new persons, written in bulk: a few INSERT statements for any number.

An import of thousands of rows creates thousands of persons, memberships, further action
fields, consent ledger entries and audit entries; one ORM object and one INSERT each takes
minutes. Here the new ids are taken first (one query) and each table gets one executemany
of a short INSERT, with the values the ORM would fill in (public id, timestamps, version);
on PostgreSQL one COPY. There a background thread asks for the ids while the persons' rows
are built and writes each table while the next table's rows are built.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from expertenrat.domain.consent import CONSENT_ATTRIBUTES, consents_of
from expertenrat.domain.enums import ConsentSource
from expertenrat.domain.members import Member, replaced
from expertenrat.services import audit
from expertenrat.store import models
from expertenrat.store.bulk_insert import BulkWriter, insert_rows
from expertenrat.store.model_base import new_public_ids, utc_now

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
person_values = attrgetter(*PERSON_FIELDS)
"""A member's values of ``PERSON_FIELDS``, in their order."""


@dataclass(frozen=True, slots=True)
class Inserted:
    """A new member as saved, and its state for the audit trail."""

    member: Member
    audit_state: dict[str, Any]


def insert_new_members(
    write: BulkWriter,
    actor: str,
    council_id: int,
    members: Sequence[Member],
    same_person: Mapping[int, int],
    source: ConsentSource,
) -> list[Inserted]:
    """Insert cleaned, checked ``members`` that have neither an id nor a person yet.

    ``same_person`` maps a position to the earlier one whose new person it shares (the later
    member's person values win, as when saved one after the other). Consents are recorded in
    the consent ledger with ``source``. Everything goes through ``write`` (see
    ``store.bulk_insert.written_behind``): first the new ids are asked for (enough persons
    for one each; unused ids are gaps, as after any rollback), then the rows are written.
    """
    if not members:
        return []
    taken_ids = write.query(
        lambda connection: (
            new_ids(connection, models.Person.__table__, len(members)),
            new_ids(connection, models.Membership.__table__, len(members)),
        )
    )
    now = utc_now()
    records = iter(new_records(now, 2 * len(members)))
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
                **next(records),
            }
            persons.append(person)
            person_of.append(len(persons) - 1)
        else:
            person_of.append(person_of[shared])
            person = persons[person_of[shared]]
        person.update(zip(PERSON_FIELDS, person_values(member), strict=True))
        person["sector"] = member.sector.value
        for kind, wanted in consents_of(member).items():
            given, on = CONSENT_ATTRIBUTES[kind]
            if wanted == (bool(person[given]), person[on]):
                continue
            entry = {"kind": kind.value, "granted": wanted[0], "effective_on": wanted[1]}
            consents.append((person_of[-1], entry))
            person[given], person[on] = wanted
    person_ids, membership_ids = taken_ids()
    for person, new in zip(persons, person_ids, strict=False):  # some may share a person
        person["id"] = new
    write.insert(models.Person.__table__, persons)
    memberships = [
        {
            "id": membership_ids[i],
            "council_id": council_id,
            "person_id": persons[person_of[i]]["id"],
            "role": member.role.value,
            "term_start": member.term_start,
            "term_end": member.term_end,
            "voting_right": member.voting_right,
            "primary_field_id": member.primary_field_id,
            **next(records),
        }
        for i, member in enumerate(members)
    ]
    write.insert(models.Membership.__table__, memberships)
    further = [_further_ids(member) for member in members]
    write.insert(
        models.MembershipFurtherField.__table__,
        [
            {"membership_id": membership_id, "action_field_id": field_id}
            for membership_id, field_ids in zip(membership_ids, further, strict=True)
            for field_id in field_ids
        ],
    )
    write.insert(
        models.ConsentEntry.__table__,
        [
            {**entry, "person_id": persons[k]["id"], "source": source.value}
            | {"actor": actor, "recorded_at": now}
            for k, entry in consents
        ],
    )
    inserted = []
    for i, member in enumerate(members):
        person, membership = persons[person_of[i]], memberships[i]
        state = {
            **audit.snapshot_of(models.Person, person),
            **audit.snapshot_of(models.Membership, membership),
            "further_field_ids": list(further[i]),
        }
        saved = replaced(
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


def new_record(now: datetime) -> dict[str, Any]:
    """The columns the ORM would fill in for a new versioned record with a public id (set
    here: per row, SQLAlchemy's defaults cost more than the values)."""
    return new_records(now, 1)[0]


def new_records(now: datetime, count: int) -> list[dict[str, Any]]:
    """:func:`new_record` for ``count`` records, their public ids made at once."""
    return [
        {"public_id": public_id, "created": now, "modified": now, "version": 1}
        for public_id in new_public_ids(count)
    ]


def insert_numbered(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Give each of ``rows`` a new ``"id"`` and insert them.

    One executemany of a short statement (:mod:`store.bulk_insert`): the ORM's bulk insert
    would split the rows wherever a value is ``None``, and a multi-row ``INSERT …
    RETURNING`` costs seconds for thousands of rows (SQLAlchemy builds and psycopg reads
    its long text in Python). PostgreSQL hands out the ids from the table's sequence.
    SQLite has one writer: the ids after the largest one ever given are free (the table's
    counter, AUTOINCREMENT: a deleted member's numbers are not, migration 0028), and if
    another program wrote meanwhile, SQLite refuses this transaction's first write (its
    snapshot is stale) rather than mixing. An id given here moves the counter on.
    """
    ids = new_ids(session.connection(), model.__table__, len(rows))
    for row, new in zip(rows, ids, strict=True):
        row["id"] = new
    insert_all(session, model, rows)


def new_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """``count`` new ids of ``table`` (see :func:`insert_numbered`)."""
    if connection.dialect.name == "postgresql":
        return connection.scalar(_NEXT_IDS, {"table": table.name, "count": count}) or []
    largest = max(
        connection.scalar(select(func.coalesce(func.max(table.c.id), 0))),
        connection.scalar(_GIVEN_IDS, {"table": table.name}) or 0,
    )
    return list(range(largest + 1, largest + 1 + count))


_GIVEN_IDS = text("SELECT seq FROM sqlite_sequence WHERE name = :table")
"""The largest id a SQLite table with AUTOINCREMENT ever gave (none: never a row)."""


_NEXT_IDS = text(
    "SELECT array_agg(nextval(pg_get_serial_sequence(:table, 'id'))) "
    "FROM generate_series(1, :count)"
)
"""The new ids as one array: one row is read faster than thousands."""


def insert_all(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    insert_rows(session.connection(), model.__table__, rows)
