"""meetings: a room beside the place, and no running number for a meeting never announced

A meeting cancelled while still planned gives up its running number (see
``domain.meeting_states``), so ``number`` may be NULL; the unique constraint per council
holds for the numbers that exist (NULLs never collide, on SQLite nor on PostgreSQL).
The room ("Raum 1.23") is its own column, printed under the place in the invitation.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(
            sa.Column("room", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.alter_column("number", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # A meeting without a number gets a negative one (its id): unique, and visibly not real.
    op.execute("UPDATE meetings SET number = -id WHERE number IS NULL")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.alter_column("number", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("room")
