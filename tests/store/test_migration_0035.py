"""Migration 0035 on SQLite and PostgreSQL: an annex removed before "Entfernen" erased its
file loses the file too (found by review: the erasure came for later removals only, and a
removed CV stayed in the database and its backups for good); a live annex keeps its own."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime

from old_schema import add_held_meeting, add_row
from sqlalchemy import select

from expertenrat.store import migrate, models

FILES = models.StoredFile.__table__
CV = b"%PDF-1.4 Lebenslauf, Am Strande 3, 18055 Rostock"


def _annex(connection, council: int, meeting: int, name: str, **values) -> int:
    return add_row(connection, "files", council_id=council, meeting_id=meeting, name=name,
                   content=CV, size=len(CV), sha256=hashlib.sha256(CV).hexdigest(),
                   public_id=str(uuid.uuid4()), **values)  # fmt: skip


def test_0035_erases_the_files_of_annexes_removed_before(engine_at):
    url, engine = engine_at("0034")
    with engine.begin() as connection:
        council = add_row(connection, "councils", name="Rat", city="Rostock")
        meeting = add_held_meeting(connection, council)
        removed = _annex(connection, council, meeting, "Lebenslauf.pdf",
                         deleted_at=datetime(2026, 3, 11, 9))  # fmt: skip
        live = _annex(connection, council, meeting, "Vortrag.pdf")

    migrate.upgrade(url, "0035")

    with engine.connect() as connection:
        rows = {
            row.id: row
            for row in connection.execute(
                select(FILES.c.id, FILES.c.name, FILES.c.content, FILES.c.size, FILES.c.sha256)
            )
        }
    assert (rows[removed].content, rows[removed].size) == (b"", 0)
    assert rows[removed].sha256 == hashlib.sha256(b"").hexdigest()
    assert rows[removed].name == "Lebenslauf.pdf"  # the row stays, for the trail
    assert (rows[live].content, rows[live].size) == (CV, len(CV))

    migrate.downgrade(url, "0034")
    migrate.upgrade(url)
