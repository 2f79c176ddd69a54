"""councils: an id once given is never given again (SQLite: AUTOINCREMENT)

Without AUTOINCREMENT, SQLite gives a new row the highest id + 1: a council created after
the one with the highest id was deleted (by another program: the app deletes none) got
the deleted council's id, and a window that showed that council took the new one for it
(no "Gremium gelöscht", the old council's search, filters and time zone kept); so did
the council remembered as the last one shown. PostgreSQL's sequence never gives an id
twice: nothing to do there. The batch operation rebuilds ``councils`` as 0002 does; the
copied rows set SQLite's counter to the highest id there is.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _rebuild_councils(autoincrement=True)


def downgrade() -> None:
    _rebuild_councils(autoincrement=False)


def _rebuild_councils(*, autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        "councils", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass
