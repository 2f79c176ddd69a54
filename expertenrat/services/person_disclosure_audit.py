"""The audit trail's part of the Auskunft nach Art. 15 DSGVO
(:mod:`services.person_disclosure`): the entries about the person (their record, their
memberships, what refers to a membership of theirs, and any whose description names
them), with the fields each recorded, and the day the person was anonymised."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.audit_fields import AuditLine, field_changes, local_time
from expertenrat.domain.audit_labels import entity_label
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.person_disclosure import DisclosureSection
from expertenrat.domain.retention import ANONYMISED, ANONYMISED_ON_REQUEST
from expertenrat.services.audit_names import reference_names
from expertenrat.services.audit_owners import Owned, owned
from expertenrat.store import models
from expertenrat.store.models import AuditEntry


def anonymised_on(session: Session, person_id: int) -> tuple[date, bool] | None:
    """The day the person was anonymised (the latest time) and whether at their request
    (Art. 17 DSGVO) rather than after the retention period; ``None``: never."""
    found = session.execute(
        select(AuditEntry.at, AuditEntry.summary)
        .where(AuditEntry.entity == "person", AuditEntry.entity_id == person_id)
        .where(
            or_(
                AuditEntry.summary.startswith(ANONYMISED),
                AuditEntry.summary.startswith(ANONYMISED_ON_REQUEST),
            )
        )
        .order_by(AuditEntry.at.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    return found.at.date(), found.summary.startswith(ANONYMISED_ON_REQUEST)


def former_names(
    session: Session, person: models.Person, memberships: list[models.Membership]
) -> list[tuple[str, str]]:
    """The given and family names the person had before the ones stored (a marriage), as
    the audit entries of their record and memberships kept them, oldest first."""
    ids = [m.id for m in memberships]
    theirs = owned(session, person.id, ids)
    entries = session.scalars(
        select(AuditEntry).where(_of_records(person.id, ids)).order_by(AuditEntry.at, AuditEntry.id)
    )
    now = (person.given_name, person.family_name)
    found: dict[tuple[str, str], None] = {}
    for entry in entries:
        if not (
            theirs.person(entry.id)
            if entry.entity == "person"
            else theirs.membership(entry.entity_id, entry.id)
        ):
            continue  # a member deleted since, whose numbers SQLite gave to this person
        before = _loaded(entry.before) or {}
        given = before.get("given_name", person.given_name)
        family = before.get("family_name", person.family_name)
        if isinstance(given, str) and isinstance(family, str) and (given, family) != now:
            found[(given, family)] = None
    return list(found)


def _of_records(person_id: int, membership_ids: Collection[int]) -> ColumnElement[bool]:
    """The audit entries of the person's record and of their memberships."""
    return or_(
        and_(AuditEntry.entity == "person", AuditEntry.entity_id == person_id),
        and_(AuditEntry.entity == "membership", AuditEntry.entity_id.in_(membership_ids)),
    )


def audit_section(
    session: Session,
    person: models.Person,
    memberships: list[models.Membership],
    zone: ZoneInfo | None,
    titles: Mapping[int, RoleTitles],
    former: list[tuple[str, str]],
) -> DisclosureSection:
    """``titles``: each council's for chair and vice chair, by the council's number;
    ``former``: the person's earlier names (:func:`former_names`), which descriptions may
    name them by."""
    ids = {m.id for m in memberships}
    names = [
        f"{given} {family}" for given, family in [(person.given_name, person.family_name), *former]
    ]
    markers = [f'"membership_id": {i}' for i in ids] + [f'"person_id": {person.id}']
    theirs = owned(session, person.id, ids)
    query = (
        select(AuditEntry)
        .where(
            or_(
                _of_records(person.id, ids),
                *(AuditEntry.summary.contains(name) for name in names),
                *(AuditEntry.before.contains(marker) for marker in markers),
                *(AuditEntry.after.contains(marker) for marker in markers),
            )
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    entries = [
        entry
        for entry in session.scalars(query)
        # not "membership_id": 1 found as the start of "membership_id": 12
        if _about(entry, _loaded(entry.before), _loaded(entry.after), person.id, theirs, names)
    ]
    after = " Nach einer Anonymisierung fehlen darin die gelöschten Kontaktdaten."
    return audit_table(session, entries, zone, titles, after)


def audit_table(
    session: Session,
    entries: list[AuditEntry],
    zone: ZoneInfo | None,
    titles: Mapping[int, RoleTitles],
    after: str = "",
) -> DisclosureSection:
    """The section "Einträge im Änderungsprotokoll" of ``entries``: each with its time (in
    ``zone``), who made it, the change and the fields it recorded; ``after``: what the
    note under it says besides that the entries are never deleted."""
    lines = [
        (
            entry,
            AuditLine(
                entry.at,
                entry.actor,
                AuditAction(entry.action),
                entry.entity,
                entry.entity_id,
                entry.summary,
                _loaded(entry.before),
                _loaded(entry.after),
            ),
        )
        for entry in entries
    ]
    # Records referred to by number are named as on the Änderungsprotokoll page, without
    # the number: "Tagesordnungspunkt: TOP 5 „…“, 8. Sitzung", never "… (Nr.): 43".
    names = reference_names(session, (line for _, line in lines))
    rows = []
    for entry, line in lines:
        at = local_time(line.at, zone) if zone is not None else line.at
        fields = "\n".join(
            f"{c.label}: {c.before} → {c.after}"
            if c.before and c.after
            else f"{c.label}: {c.after or c.before}"
            for c in field_changes(
                line.entity,
                line.before,
                line.after,
                names,
                titles.get(entry.council_id or 0, DEFAULT_ROLE_TITLES),
                numbers=False,
            )
        )
        rows.append(
            (
                f"{at:%d.%m.%Y %H:%M}",
                line.actor,
                f"{entity_label(line.entity)} {line.action.label}",
                line.summary + (f"\n{fields}" if fields else ""),
            )
        )
    return DisclosureSection(
        "Einträge im Änderungsprotokoll",
        ("Zeitpunkt", "Durch", "Änderung", "Beschreibung und Angaben"),
        # a date, "Geschäftsstelle" and "Tagesordnungspunkt" on one line each: reportlab cuts
        # a word too long for its column without a hyphen ("Tagesordnungs" / "punkt")
        (0.125, 0.16, 0.215, 0.5),
        tuple(rows),
        "Kein Eintrag im Änderungsprotokoll.",
        "Das Änderungsprotokoll hält fest, wer wann was geändert hat; seine Einträge "
        "werden nicht gelöscht." + after,
    )


def _loaded(text: str | None) -> dict[str, Any] | None:
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _about(
    entry: AuditEntry,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    person_id: int,
    theirs: Owned,
    names: list[str],
) -> bool:
    """Whether the entry is about the person: by their numbers where they held them
    (:func:`~expertenrat.services.audit_owners.owned`), or by name."""
    ids = theirs.membership_before
    if any(name in (entry.summary or "") for name in names):
        return True
    if entry.entity == "person" and entry.entity_id == person_id:
        return theirs.person(entry.id)
    if entry.entity == "membership" and entry.entity_id in ids:
        return theirs.membership(entry.entity_id, entry.id)
    for side in (before or {}, after or {}):
        number = side.get("membership_id")
        if number in ids and theirs.membership(number, entry.id):
            return True
        if side.get("person_id") == person_id and theirs.person(entry.id):
            return True
    return False
