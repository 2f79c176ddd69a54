"""A person's contact data taken out of the audit trail (retention, deletion).

The trail keeps who changed what and when. The values it keeps of a person's e-mail,
phone, postal address, notes and consent dates would outlive the anonymisation (or the
deletion) that removes them from the record: shown in the Änderungsprotokoll, its CSV
export and every later backup. :func:`forget_in_audit` removes those fields from the
entries about the person's memberships; the entries themselves, their summaries (which
name the person, as the minutes still do) and every other field stay.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from expertenrat.store.models import AuditEntry

PERSONAL_FIELDS = (
    "email",
    "phone",
    "postal_address",
    "notes",
    "publish_name_on",
    "publish_contact_on",
)


def forget_in_audit(session: Session, person_id: int, membership_ids: Collection[int]) -> None:
    """Remove :data:`PERSONAL_FIELDS` from the entries of the memberships
    ``membership_ids`` and of any (deleted since) whose snapshot names ``person_id``.

    SQLite gives a new membership the number of the last one deleted, so the entries under
    one number may be of several persons: an entry is the person's whom the latest entry
    up to it that names one (its creation, its deletion) names; an update names none."""
    session.flush()  # entries written in this transaction too
    marker = f'"person_id": {person_id}'  # "person_id": 6 is the start of "person_id": 60
    membership = AuditEntry.entity == "membership"
    named = select(AuditEntry.entity_id).where(
        membership, or_(AuditEntry.before.contains(marker), AuditEntry.after.contains(marker))
    )
    numbers = {*membership_ids, *session.scalars(named)}
    query = (
        select(AuditEntry)
        .where(membership, AuditEntry.entity_id.in_(numbers))
        .order_by(AuditEntry.entity_id, AuditEntry.at, AuditEntry.id)
    )
    owners = {number: person_id for number in membership_ids}
    for entry in session.scalars(query):
        for side in (_loaded(entry.before), _loaded(entry.after)):
            if "person_id" in side:
                owners[entry.entity_id] = side["person_id"]
        if owners.get(entry.entity_id) == person_id:
            entry.before = _without_personal(entry.before)
            entry.after = _without_personal(entry.after)


def _loaded(text: str | None) -> dict:
    return json.loads(text) if text else {}


def _without_personal(text: str | None) -> str | None:
    if not text:
        return text
    state = json.loads(text)
    kept = {key: value for key, value in state.items() if key not in PERSONAL_FIELDS}
    return text if len(kept) == len(state) else json.dumps(kept, ensure_ascii=False)
