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
    ``membership_ids`` and of any (deleted since) whose snapshot names ``person_id``."""
    session.flush()  # entries written in this transaction too
    marker = f'"person_id": {person_id}'
    query = select(AuditEntry).where(
        AuditEntry.entity == "membership",
        or_(
            AuditEntry.entity_id.in_(list(membership_ids)),
            AuditEntry.before.contains(marker),
            AuditEntry.after.contains(marker),
        ),
    )
    for entry in session.scalars(query):
        sides = [_loaded(entry.before), _loaded(entry.after)]
        if entry.entity_id not in membership_ids and not any(
            side.get("person_id") == person_id for side in sides
        ):
            continue  # "person_id": 6 is the start of "person_id": 60
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
