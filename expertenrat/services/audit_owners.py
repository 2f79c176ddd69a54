"""Which audit entries under a person's numbers are theirs, where SQLite gave the numbers
before to a member deleted since.

SQLite gives a new row the number of the last one deleted: a member entered by mistake
and deleted (:func:`services.member_endings.delete_member`), the next one saved gets the
same person and membership numbers, and the entries about the deleted one (their
creation, an invitation sent on to them, their deletion) refer to those numbers too. An
entry about a membership number belongs to an earlier membership if a deletion of that
number comes after it; one about the person's number to an earlier person if a deletion
naming it comes after it and before each of the person's memberships was created. Audit
entries are ordered by their number, which no clock can put out of order.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction
from expertenrat.store.models import AuditEntry


@dataclass(frozen=True, slots=True)
class Owned:
    """The last audit entry (its number; 0: none) of an earlier holder of the person's
    number and of each of their membership numbers."""

    person_before: int
    membership_before: dict[int, int]

    def person(self, entry_id: int) -> bool:
        return entry_id > self.person_before

    def membership(self, membership_id: int, entry_id: int) -> bool:
        return entry_id > self.membership_before.get(membership_id, 0)


def owned(session: Session, person_id: int, membership_ids: Collection[int]) -> Owned:
    """The entries of the person ``person_id`` with the memberships ``membership_ids``."""
    marker = f'"person_id": {person_id}'  # "person_id": 6 is the start of "person_id": 60
    deletions = session.execute(
        select(AuditEntry.id, AuditEntry.entity_id, AuditEntry.before).where(
            AuditEntry.entity == "membership",
            AuditEntry.action == AuditAction.DELETE.value,
            AuditEntry.entity_id.in_(membership_ids) | AuditEntry.before.contains(marker),
        )
    ).all()
    before = {
        number: max((d.id for d in deletions if d.entity_id == number), default=0)
        for number in membership_ids
    }
    # Each membership's first entry after the deletion of its number's predecessor (its
    # creation); 0 where none is known (kept from before the audit trail): not reborn.
    created = [
        session.scalar(
            select(func.min(AuditEntry.id)).where(
                AuditEntry.entity == "membership",
                AuditEntry.entity_id == number,
                AuditEntry.id > last,
            )
        )
        or 0
        for number, last in before.items()
    ]
    first = min(created, default=0)
    person = max(
        (d.id for d in deletions if d.id < first and _names(d.before, person_id)), default=0
    )
    return Owned(person, before)


def _names(text: str | None, person_id: int) -> bool:
    try:
        state = json.loads(text) if text else None
    except ValueError:
        return False
    return isinstance(state, dict) and state.get("person_id") == person_id
