"""A cheap marker of "something changed": the newest audit entry's id.

Every change writes the audit trail in its own transaction, so the marker grows with
every change anyone saves, on any PC; a window polls it (one index lookup) to learn that
another PC changed something (see ``expertenrat.ui.change_watch``).
"""

from __future__ import annotations

from sqlalchemy import func, select

from expertenrat.services.unit_of_work import reading
from expertenrat.store.database import Database
from expertenrat.store.models import AuditEntry


def latest_change(database: Database) -> int:
    with reading(database) as session:
        return session.scalar(select(func.max(AuditEntry.id))) or 0
