"""councils.vice_chair_title: "Stellv. Vorsitz" where a council kept "Stellvertretung"

"Stellvertretung", the title a council's vice chair had unless the council named it
otherwise, reads like a member's substitute (a deputy member) in the member lists, the
roster and the minutes' attendance; the default is now "Stellv. Vorsitz". A council whose
title is still the old default gets the new one; a title of its own stays. Downgrading
gives the old default back to a council with the new one.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

OLD = "Stellvertretung"
NEW = "Stellv. Vorsitz"
_COUNCILS = sa.table("councils", sa.column("vice_chair_title", sa.String(60)))


def upgrade() -> None:
    _set_default(NEW)
    _retitle(OLD, NEW)


def downgrade() -> None:
    _set_default(OLD)
    _retitle(NEW, OLD)


def _set_default(title: str) -> None:
    # SQLite changes a column's default by building the table anew: it keeps the
    # AUTOINCREMENT of 0013 only when told, or a deleted council's id is given again.
    with op.batch_alter_table("councils", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.alter_column("vice_chair_title", server_default=title)


def _retitle(before: str, after: str) -> None:
    op.execute(
        _COUNCILS.update()
        .where(_COUNCILS.c.vice_chair_title == before)
        .values(vice_chair_title=after)
    )
