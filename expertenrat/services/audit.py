"""The audit trail: who changed what, with the state before and after."""

from __future__ import annotations

import functools
import getpass
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, Time, select
from sqlalchemy import inspect as orm_inspect
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction
from expertenrat.services.unit_of_work import reading
from expertenrat.store.bulk_insert import insert_rows
from expertenrat.store.database import Database
from expertenrat.store.models import AuditEntry, utc_now

_SKIPPED = {"created", "modified"}


ACTOR_ENV = "EXPERTENRAT_USER"


def default_actor() -> str:
    """The name the audit trail records: ``$EXPERTENRAT_USER`` if set, else the OS login."""
    configured = os.environ.get(ACTOR_ENV, "").strip()
    if configured:
        return configured[:200]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a container or service
        return "unbekannt"


def snapshot(record: object) -> dict[str, Any]:
    """The column values of an ORM record as JSON-friendly values."""
    return {key: _plain(getattr(record, key)) for key in _audited_keys(type(record))}


def snapshot_with(record: object, changes: dict[str, Any]) -> dict[str, Any]:
    """What :func:`snapshot` gives for ``record`` once ``changes`` (column values) are
    written to it (bulk updates, which leave the ORM record as it was read)."""
    state = snapshot(record)
    state.update((key, _plain(value)) for key, value in changes.items() if key in state)
    return state


def snapshot_of(model: type, values: dict[str, Any]) -> dict[str, Any]:
    """What :func:`snapshot` gives for a record of ``model`` holding ``values`` (bulk writes).

    Only the columns whose type is not plain JSON (dates, times, bytes) are converted:
    an import takes snapshots of tens of thousands of records.
    """
    state = {key: values.get(key) for key in _audited_keys(model)}
    for key in _converted_keys(model):
        state[key] = _plain(state[key])
    return state


@functools.cache
def _audited_keys(model: type) -> tuple[str, ...]:
    """The column attributes of ``model`` that snapshots hold (looked up once per model)."""
    return tuple(a.key for a in orm_inspect(model).column_attrs if a.key not in _SKIPPED)


@functools.cache
def _converted_keys(model: type) -> tuple[str, ...]:
    """The audited columns of ``model`` whose values :func:`_plain` converts."""
    attributes = orm_inspect(model).column_attrs
    return tuple(
        key
        for key in _audited_keys(model)
        if isinstance(attributes[key].columns[0].type, Date | DateTime | Time | LargeBinary)
    )


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        # The size alone does not tell two images apart; a short hash does.
        return f"<{len(value)} Bytes, SHA-256 {hashlib.sha256(value).hexdigest()[:16]}>"
    return value


def record(
    session: Session,
    actor: str,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    *,
    council_id: int | None = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add an audit entry to the session's transaction: it lands with the change or not at all.

    With both ``before`` and ``after`` only the keys that differ are kept; when nothing but
    the version differs (a save without changes), no entry is written at all.
    """
    values = entry(
        actor,
        action,
        entity,
        entity_id,
        council_id=council_id,
        summary=summary,
        before=before,
        after=after,
    )
    if values is not None:
        session.add(AuditEntry(**values))


def entry(
    actor: str,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    *,
    council_id: int | None = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """The column values of an audit entry as :func:`record` would add it (``None``: none)."""
    if before is not None and after is not None:
        changed = {k for k in after.keys() | before.keys() if before.get(k) != after.get(k)}
        if not changed - {"version"}:
            return None
        before = {k: before[k] for k in changed if k in before}
        after = {k: after[k] for k in changed if k in after}
    return {
        "at": utc_now(),
        "actor": actor,
        "action": action.value,
        "entity": entity,
        "entity_id": entity_id,
        "council_id": council_id,
        "summary": summary,
        "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
        "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
    }


def insert_entries(session: Session, entries: list[dict[str, Any]]) -> None:
    """Write audit entries (see :func:`entry`) in one statement, in their order."""
    insert_rows(session.connection(), AuditEntry.__table__, entries)


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: datetime  # naive UTC
    actor: str
    action: AuditAction
    entity: str
    entity_id: int | None
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def entries(self, entity: str | None = None, entity_id: int | None = None) -> list[AuditLine]:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if entity is not None:
            query = query.where(AuditEntry.entity == entity)
        if entity_id is not None:
            query = query.where(AuditEntry.entity_id == entity_id)
        with reading(self._db) as session:
            return [
                AuditLine(
                    at=row.at,
                    actor=row.actor,
                    action=AuditAction(row.action),
                    entity=row.entity,
                    entity_id=row.entity_id,
                    summary=row.summary,
                    before=json.loads(row.before) if row.before else None,
                    after=json.loads(row.after) if row.after else None,
                )
                for row in session.scalars(query)
            ]
