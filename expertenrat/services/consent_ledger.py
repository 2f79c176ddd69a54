"""The consent ledger: the one place that records consent, and what it has recorded.

``record_consent`` appends an entry for every kind whose consent changes and keeps the
person's ``publish_*`` columns (the cached current state, read by rosters and exports) equal
to the latest entry. Nothing else writes those columns.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.consent import CONSENT_ATTRIBUTES, ConsentEntry
from expertenrat.domain.enums import ConsentKind, ConsentSource
from expertenrat.store import models


def record_consent(
    session: Session,
    person: models.Person,
    consents: Mapping[ConsentKind, tuple[bool, date | None]],
    source: ConsentSource,
    actor: str,
) -> None:
    """Record each of ``consents`` (given, date) that differs from the person's current one."""
    now = datetime.now(UTC).replace(tzinfo=None)
    for kind, wanted in consents.items():
        given_name, on_name = CONSENT_ATTRIBUTES[kind]
        current = (bool(getattr(person, given_name)), getattr(person, on_name))
        if wanted == current:
            continue
        session.add(
            models.ConsentEntry(
                person=person,
                kind=kind.value,
                granted=wanted[0],
                effective_on=wanted[1],
                source=source.value,
                actor=actor,
                recorded_at=now,
            )
        )
        setattr(person, given_name, wanted[0])
        setattr(person, on_name, wanted[1])


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
