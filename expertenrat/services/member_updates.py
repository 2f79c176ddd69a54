"""Members of stored persons, written in bulk: changed memberships and further terms.

An import that changes thousands of members sent one versioned UPDATE per person and per
membership through the ORM (seconds per thousand rows). Here each table gets one statement
(:mod:`store.bulk_update`, :mod:`store.bulk_insert`): ``UPDATE … WHERE id AND version``
for the persons and memberships whose values change (a version that moved since the rows
were read refuses the whole transaction, reported by ``changing`` as the usual German
message), DELETE and INSERT of further action fields, new memberships, consent ledger
entries. The caller has checked the versions against the rows it read in the same
transaction; the audit states come from those rows and the written values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from expertenrat.domain.consent import CONSENT_ATTRIBUTES, consents_of
from expertenrat.domain.enums import ConsentKind, ConsentSource, Sector
from expertenrat.domain.members import Member, replaced
from expertenrat.services import audit
from expertenrat.services.member_inserts import (
    PERSON_FIELDS,
    insert_all,
    insert_numbered,
    new_record,
    person_values,
)
from expertenrat.services.unit_of_work import fetch
from expertenrat.store import models
from expertenrat.store.bulk_update import delete_rows, update_versioned
from expertenrat.store.model_base import column_values, utc_now

_PERSON_COLUMNS = (
    *PERSON_FIELDS,
    "sector",
    *(c for pair in CONSENT_ATTRIBUTES.values() for c in pair),
)
_MEMBERSHIP_COLUMNS = ("role", "term_start", "term_end", "voting_right", "primary_field_id")


@dataclass(frozen=True, slots=True)
class Written:
    """A member as saved, with its audit states (``before`` is ``None`` for a new one)."""

    member: Member
    before: dict[str, Any] | None
    after: dict[str, Any]


def write_stored_persons(
    session: Session,
    actor: str,
    council_id: int,
    members: Sequence[Member],
    rows: Mapping[int, models.Membership],
    source: ConsentSource,
) -> list[Written]:
    """Write cleaned, checked ``members`` whose person is stored: changes of the memberships
    in ``rows`` (``id`` set, versions checked by the caller) and new memberships (``id``
    ``None``). Several members of one person write the person once, the last one's values
    winning. Consent changes go into the ledger with ``source``."""
    if not members:
        return []
    now = utc_now()
    persons = _persons(session, members, rows)
    # As read: the redaction of withdrawn names below rereads the persons written already.
    person_before = {pid: audit.snapshot(person) for pid, person in persons.items()}
    stored_values = {pid: column_values(person, _PERSON_COLUMNS) for pid, person in persons.items()}
    values = {pid: person.copy() for pid, person in stored_values.items()}
    consents = []
    for member in members:
        person = values[member.person_id]
        person.update(zip(PERSON_FIELDS, person_values(member), strict=True))
        person["sector"] = member.sector.value
        for kind, wanted in consents_of(member).items():
            given, on = CONSENT_ATTRIBUTES[kind]
            if wanted != (bool(person[given]), person[on]):
                consents.append(
                    {"person_id": member.person_id, "kind": kind.value, "granted": wanted[0]}
                    | {"effective_on": wanted[1], "source": source.value}
                    | {"actor": actor, "recorded_at": now}
                )
                person[given], person[on] = wanted
    changed_persons = {
        pid: person for pid, person in values.items() if person != stored_values[pid]
    }
    _update(session, models.Person, persons, changed_persons, now)

    memberships: dict[int, dict[str, Any]] = {}
    further: dict[int, tuple[int, ...]] = {}
    for member in members:
        if member.id is not None:
            memberships[member.id] = _membership_values(member)
            further[member.id] = _further_ids(member)
    changed = {
        mid: wanted
        for mid, wanted in memberships.items()
        if wanted != column_values(rows[mid], _MEMBERSHIP_COLUMNS)
        or further[mid] != _stored_further(rows[mid])
    }
    _update(session, models.Membership, rows, changed, now)
    _write_further_fields(session, {mid: further[mid] for mid in changed}, rows)

    new = [m for m in members if m.id is None]
    created = [
        {"council_id": council_id, "person_id": m.person_id, **_membership_values(m)}
        | new_record(now)
        for m in new
    ]
    insert_numbered(session, models.Membership, created)
    insert_all(
        session,
        models.MembershipFurtherField,
        [
            {"membership_id": row["id"], "action_field_id": field_id}
            for row, member in zip(created, new, strict=True)
            for field_id in _further_ids(member)
        ],
    )
    insert_all(session, models.ConsentEntry, consents)
    _redact_withdrawn_names(session, actor, persons, consents)

    person_states = {
        pid: audit.snapshot_with(
            before,
            {**values[pid], "version": before["version"] + (pid in changed_persons)},
        )
        for pid, before in person_before.items()
    }
    new_rows = iter(created)
    written = []
    for member in members:
        person_state = person_states[member.person_id]
        if member.id is None:
            row = next(new_rows)
            before = None
            state = audit.snapshot_of(models.Membership, row)
            membership_id, version = row["id"], 1
            further_ids = _further_ids(member)
        else:
            stored = rows[member.id]
            stored_state = audit.snapshot(stored)
            person_state_before = person_before.get(stored.person_id) or audit.snapshot(
                stored.person
            )
            before = {**person_state_before, **stored_state}
            before["further_field_ids"] = list(_stored_further(stored))
            version = _version(stored, member.id in changed)
            state = audit.snapshot_with(
                stored_state, {**memberships[member.id], "version": version}
            )
            membership_id, further_ids = member.id, further[member.id]
        after = {**person_state, **state, "further_field_ids": list(further_ids)}
        saved = replaced(
            member,
            id=membership_id,
            further_field_ids=further_ids,
            version=version,
            person_version=person_state["version"],
            **_person_attributes(values[member.person_id]),
        )
        written.append(Written(saved, before, after))
    return written


def _redact_withdrawn_names(
    session: Session,
    actor: str,
    persons: Mapping[int, models.Person],
    consents: Sequence[Mapping[str, Any]],
) -> None:
    """Stored public minutes no longer name a person who has just withdrawn consent to it."""
    withdrawn = {
        c["person_id"] for c in consents if c["kind"] == ConsentKind.NAME.value and not c["granted"]
    }
    if not withdrawn:
        return
    for person_id in withdrawn:  # written through the table: reread, not the loaded values
        session.expire(persons[person_id])
    from expertenrat.services.public_minutes_redaction import (  # the minutes: when needed
        redact_public_minutes,
    )

    redact_public_minutes(session, actor, withdrawn)


def _persons(
    session: Session, members: Sequence[Member], rows: Mapping[int, models.Membership]
) -> dict[int, models.Person]:
    """The stored persons of ``members`` (as read with ``rows``; others are read now)."""
    persons = {row.person.id: row.person for row in rows.values()}
    return {
        m.person_id: persons.get(m.person_id)
        or fetch(session, models.Person, m.person_id, "Die Person")
        for m in members
        if m.person_id is not None
    }


def _membership_values(member: Member) -> dict[str, Any]:
    return {
        "role": member.role.value,
        "term_start": member.term_start,
        "term_end": member.term_end,
        "voting_right": member.voting_right,
        "primary_field_id": member.primary_field_id,
    }


def _further_ids(member: Member) -> tuple[int, ...]:
    return tuple(sorted(set(member.further_field_ids) - {member.primary_field_id}))


def _stored_further(row: models.Membership) -> tuple[int, ...]:
    return tuple(sorted(f.action_field_id for f in row.further_fields))


def _version(record: Any, changed: bool) -> int:
    return record.version + 1 if changed else record.version


def _update(
    session: Session,
    model: Any,
    stored: Mapping[int, Any],
    changed: Mapping[int, dict[str, Any]],
    now: datetime,
) -> None:
    """UPDATE the ``changed`` records (by id) in one statement, each only at the version it
    was read with (``stored``); any other version raises ``StaleDataError``."""
    rows = [
        {"id": record_id, "version": stored[record_id].version, **values}
        for record_id, values in changed.items()
    ]
    table = model.__table__
    if update_versioned(session.connection(), table, rows, now) != len(rows):
        raise StaleDataError(f"{table.name}: a version moved while writing")


def _write_further_fields(
    session: Session, wanted: Mapping[int, tuple[int, ...]], rows: Mapping[int, models.Membership]
) -> None:
    """Make the further action fields of the memberships in ``wanted`` what it says."""
    table = models.MembershipFurtherField.__table__
    gone, added = [], []
    for membership_id, field_ids in wanted.items():
        stored = set(_stored_further(rows[membership_id]))
        gone += [
            {"membership_id": membership_id, "action_field_id": f}
            for f in sorted(stored - set(field_ids))
        ]
        added += [
            {"membership_id": membership_id, "action_field_id": f}
            for f in field_ids
            if f not in stored
        ]
    delete_rows(session.connection(), table, gone)
    insert_all(session, models.MembershipFurtherField, added)


def _person_attributes(person: Mapping[str, Any]) -> dict[str, Any]:
    """The person's final values as member attributes (the last member of a person wins)."""
    return {**person, "sector": Sector(person["sector"])}
