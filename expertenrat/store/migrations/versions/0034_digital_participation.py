"""attendances.digital, guests.digital: a member or guest who took part digitally

Councils meet hybrid: some in the room, some joined by video (Mecklenburg-Vorpommern's
Kommunalverfassung, § 29a, allows it, and the minutes are to say who took part so). The
attendance could only say present, excused or absent. A member present, or a guest, is now
marked "digital zugeschaltet", and the minutes say so beside them.

Lines stored before this revision are unmarked (present in the room). Downgrading drops
both columns (a marked member stays present, a marked guest a guest).

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

TABLES = ("attendances", "guests")


def upgrade() -> None:
    for table in TABLES:  # SQLite rebuilds both tables for the default: they keep AUTOINCREMENT
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.add_column(
                sa.Column("digital", sa.Boolean(), server_default=sa.false(), nullable=False)
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.drop_column("digital")
