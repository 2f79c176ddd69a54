"""persons, memberships, agenda items, projects, action fields: an id once given is never
given again (SQLite: AUTOINCREMENT), as 0013 made it for councils.

Without AUTOINCREMENT, SQLite gives a new row the highest id + 1: a member entered by
mistake and deleted, then the next member saved, got the deleted one's person and
membership numbers, and the Änderungsprotokoll (and its CSV export) labelled the deleted
member's entries with the new member's name; a window that showed the deleted member took
the new one for her. The same holds for the other records the app deletes outright and
the audit trail names by number (``domain.audit_fields.REFERENCES``): agenda items,
projects and action fields. Meetings are kept as tombstones and councils were rebuilt by
0013; recommendations are named by their code, which is never given twice (0019).

PostgreSQL's sequences never give an id twice: nothing to do there. The batch operation
rebuilds each table (the migrations run with foreign keys off, ``store.migrate``, so the
children keep their rows and their references); the copied rows set SQLite's counter to
the highest id there is.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

TABLES = ("persons", "memberships", "agenda_items", "projects", "action_fields")


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)


def _rebuild(*, autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
