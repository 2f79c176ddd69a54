"""One audit entry per record per editing session, however often the editor autosaves.

An editing session is a token the editor makes when the user starts working on a record
(opens an item of the minutes) and keeps until they leave it. The first save of a session
adds an audit entry as usual (the state before the session, the state after the save); each
later save of the same session rewrites that entry's ``after`` (and the keys of ``before``
that changed since) and its time, instead of adding one entry per autosave.

The open entries are kept in memory, by (entity, id, token), and only once the transaction
that wrote them has committed. Design choice: the token never reaches the database, so
the audit trail shows only real changes; a program that restarts starts new sessions, which
is what the user sees too. Should the entry be gone (a restore from a backup), the next save
adds a new one.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction
from expertenrat.services import audit
from expertenrat.store.models import AuditEntry, utc_now

Key = tuple[str, int, str]


@dataclass(frozen=True, slots=True)
class OpenEntry:
    """What a transaction wrote; :meth:`EditingAudit.committed` keeps it open afterwards."""

    key: Key
    entry_id: int
    before: dict[str, Any]  # the state before the editing session, all keys


class EditingAudit:
    """The open audit entries of the editing sessions of one program run (thread-safe)."""

    def __init__(self, actor: str) -> None:
        self._actor = actor
        self._open: dict[Key, OpenEntry] = {}
        self._lock = threading.Lock()

    def record(
        self,
        session: Session,
        entity: str,
        entity_id: int,
        editing_session: str | None,
        *,
        council_id: int | None,
        summary: str,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> OpenEntry | None:
        """Write the change into ``session``'s transaction; pass the result to
        :meth:`committed` once the transaction has committed. Without an
        ``editing_session`` the change is an entry of its own, as any other change."""
        if editing_session is None:
            audit.record(
                session, self._actor, AuditAction.UPDATE, entity, entity_id,
                council_id=council_id, summary=summary, before=before, after=after,
            )  # fmt: skip
            return None
        key = (entity, entity_id, editing_session)
        with self._lock:
            opened = self._open.get(key)
        if opened is not None:
            values = audit.entry(
                self._actor, AuditAction.UPDATE, entity, entity_id,
                council_id=council_id, summary=summary, before=opened.before, after=after,
            ) or _unchanged(opened.before)  # fmt: skip
            result = session.execute(
                update(AuditEntry)
                .where(
                    AuditEntry.id == opened.entry_id,
                    AuditEntry.entity == entity,
                    AuditEntry.entity_id == entity_id,
                )
                .values(at=utc_now(), before=values["before"], after=values["after"])
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:
                return None
        values = audit.entry(
            self._actor, AuditAction.UPDATE, entity, entity_id,
            council_id=council_id, summary=summary, before=before, after=after,
        )  # fmt: skip
        if values is None:
            return None
        row = AuditEntry(**values)
        session.add(row)
        audit.note_own_entries(session, [council_id])
        session.flush()
        return OpenEntry(key, row.id, before)

    def committed(self, opened: OpenEntry | None) -> None:
        if opened is not None:
            with self._lock:
                self._open[opened.key] = opened


def _unchanged(before: dict[str, Any]) -> dict[str, Any]:
    """The entry of a session whose texts are back to where they began."""
    text = json.dumps(before, ensure_ascii=False)
    return {"before": text, "after": text}
