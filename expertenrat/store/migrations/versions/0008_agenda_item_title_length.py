"""agenda items: titles up to 2,000 characters (were 500)

A consultation's title may name the project, the question and the motion at length; the
limit follows ``field_limits.AGENDA_ITEM["title"]``. Downgrading shortens longer titles
to 499 characters and "…", so that they fit the old column.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_OLD, _NEW = 500, 2000


def upgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.alter_column(
            "title",
            existing_type=sa.String(length=_OLD),
            type_=sa.String(length=_NEW),
            existing_nullable=False,
        )


def downgrade() -> None:
    op.execute(
        f"UPDATE agenda_items SET title = substr(title, 1, {_OLD - 1}) || '…' "
        f"WHERE length(title) > {_OLD}"
    )
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.alter_column(
            "title",
            existing_type=sa.String(length=_NEW),
            type_=sa.String(length=_OLD),
            existing_nullable=False,
        )
