"""The consent ledger: what it has recorded, and erasing it.

Saving members records it: ``member_updates.write_stored_persons`` and
``member_inserts`` add an entry for every kind whose consent changes, in the same
statement batch that sets the person's ``publish_*`` columns (the cached current state,
read by rosters and exports) to the latest entry.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.consent import CONSENT_ATTRIBUTES, ConsentEntry
from expertenrat.domain.enums import ConsentKind, ConsentSource
from expertenrat.store import models


def consent_history(session: Session, person_id: int) -> list[ConsentEntry]:
    """Every recorded grant and withdrawal of a person, newest first."""
    rows = session.scalars(
        select(models.ConsentEntry)
        .where(models.ConsentEntry.person_id == person_id)
        .order_by(models.ConsentEntry.id.desc())
    )
    return [
        ConsentEntry(
            kind=ConsentKind(row.kind),
            granted=row.granted,
            on=row.effective_on,
            source=ConsentSource(row.source),
            actor=row.actor,
            recorded_at=row.recorded_at,
        )
        for row in rows
    ]


def latest_withdrawals(
    session: Session, person_ids: Collection[int]
) -> dict[int, dict[ConsentKind, date]]:
    """For each person, the date of the latest recorded withdrawal of each kind.

    A withdrawal recorded without a date counts from the day it was recorded.
    """
    withdrawn: dict[int, dict[ConsentKind, date]] = {}
    if not person_ids:
        return withdrawn
    rows = session.execute(
        select(
            models.ConsentEntry.person_id,
            models.ConsentEntry.kind,
            models.ConsentEntry.effective_on,
            models.ConsentEntry.recorded_at,
        ).where(models.ConsentEntry.granted.is_(False))
    )
    wanted = set(person_ids)
    for person_id, kind, on, recorded_at in rows:
        if person_id not in wanted:
            continue
        day = on or recorded_at.date()
        kinds = withdrawn.setdefault(person_id, {})
        kinds[ConsentKind(kind)] = max(day, kinds.get(ConsentKind(kind), day))
    return withdrawn


def erase_consent(session: Session, person: models.Person) -> None:
    """Remove the person's consent history and dates (retention): no consent is left."""
    for entry in session.scalars(
        select(models.ConsentEntry).where(models.ConsentEntry.person_id == person.id)
    ):
        session.delete(entry)
    for given_name, on_name in CONSENT_ATTRIBUTES.values():
        setattr(person, given_name, False)
        setattr(person, on_name, None)
