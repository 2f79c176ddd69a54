"""The audit trail: who changed what, with the state before and after. Here entries are
written, in the transaction of the change; :mod:`expertenrat.services.audit_reading` reads
them for the Änderungsprotokoll."""

from __future__ import annotations

import functools
import getpass
import hashlib
import json
import os
import unicodedata
from datetime import date, datetime, time
from time import monotonic
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, Time
from sqlalchemy import inspect as orm_inspect
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction
from expertenrat.store.bulk_insert import insert_rows
from expertenrat.store.model_base import column_values
from expertenrat.store.models import AuditEntry, utc_now

_SKIPPED = {"created", "modified"}


ACTOR_ENV = "EXPERTENRAT_USER"


def default_actor() -> str:
    """The name the audit trail records: ``$EXPERTENRAT_USER`` if set, else the OS login.

    Cleaned, since both come from the environment: a byte that is no UTF-8 (a lone
    surrogate in Python) becomes U+FFFD, which the database can store; control and format
    characters (a terminal's colour codes, a bidi override) go, except the zero width
    (non-)joiner Persian and Indic names need (:data:`_JOINERS`); whitespace becomes one
    space; at most the column's 200 characters."""
    configured = _clean_actor(os.environ.get(ACTOR_ENV, ""))
    if configured:
        return configured
    try:
        return _clean_actor(getpass.getuser()) or "unbekannt"
    except (KeyError, OSError):  # no login name in a container or service
        return "unbekannt"


# Zero width non-joiner and joiner: format characters, but part of how names are spelled
# in Persian or in Indic scripts; the other format characters (bidi overrides and
# isolates, a zero width space) go.
_JOINERS = "\u200c\u200d"


def _clean_actor(name: str) -> str:
    kept = []
    for char in name:
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category == "Cs":
            kept.append("\ufffd")
        elif category not in ("Cc", "Cf") or char in _JOINERS:
            kept.append(char)
    cleaned = " ".join("".join(kept).split())[:200].strip()
    return cleaned if cleaned.strip(_JOINERS) else ""  # joiners alone name no one


def snapshot(record: object) -> dict[str, Any]:
    """The column values of an ORM record as JSON-friendly values."""
    model = type(record)
    state = column_values(record, _audited_keys(model))
    for key in _converted_keys(model):
        state[key] = _plain(state[key])
    return state


def snapshot_with(state: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """What :func:`snapshot` gives for a record whose snapshot was ``state`` once ``changes``
    (column values) are written to it (bulk updates, which leave the ORM record as it was
    read); ``state`` stays as it was."""
    new = state.copy()
    for key, value in changes.items():
        if key in state:
            new[key] = value if type(value) in _JSON_TYPES else _plain(value)
    return new


_JSON_TYPES = frozenset((str, int, bool, float, type(None)))
"""The types :func:`_plain` leaves as they are, told at once (an import's bulk update takes
snapshots of tens of thousands of records, each with a dozen values)."""


def snapshot_of(model: type, values: dict[str, Any]) -> dict[str, Any]:
    """What :func:`snapshot` gives for a record of ``model`` holding ``values`` (bulk writes).

    Only the columns whose type is not plain JSON (dates, times, bytes) are converted:
    an import takes snapshots of tens of thousands of records.
    """
    keys = _audited_keys(model)
    state = dict(zip(keys, map(values.get, keys), strict=True))
    for key in _converted_keys(model):
        if state[key] is not None:  # as _plain gives it
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
        note_own_entries(session, [council_id])


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
        # in the records' own key order, so that an entry's JSON is the same in every run
        changed = [k for k in {**before, **after} if before.get(k) != after.get(k)]
        if not set(changed) - {"version"}:
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
        "before": _JSON.encode(before) if before is not None else None,
        "after": _JSON.encode(after) if after is not None else None,
    }


_JSON = json.JSONEncoder(ensure_ascii=False)
"""What ``json.dumps(value, ensure_ascii=False)`` uses, made once: ``dumps`` makes an
encoder per call when given options, and an import writes tens of thousands of entries."""


def insert_entries(session: Session, entries: list[dict[str, Any]]) -> None:
    """Write audit entries (see :func:`entry`) in one statement, in their order."""
    insert_rows(session.connection(), AuditEntry.__table__, entries)
    note_own_entries(session, [e["council_id"] for e in entries])


def note_own_entries(session: Session, council_ids: list[int | None]) -> None:
    """Note in ``session`` that it writes entries of these councils, before it commits: a
    window does not reread its page for its own saves (see
    :class:`~expertenrat.services.change_marker.OwnEntries`). An entry not noted only
    costs a reread."""
    now = monotonic()
    session.info.setdefault(_OWN_ENTRIES, []).extend((now, c) for c in council_ids)


def take_own_entries(session: Session) -> list[tuple[float, int | None]]:
    """The entries noted in ``session`` (when, of which council), no longer noted."""
    return session.info.pop(_OWN_ENTRIES, [])


_OWN_ENTRIES = "own_audit_entries"
