"""councils: the minimum number of members may not exceed the maximum

SQLite cannot add a CHECK constraint to an existing table, so the batch operation
rebuilds ``councils``, the parent of almost every other table. This is the migration
that proves child rows survive a parent rebuild (see ``store.migrate``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("councils", recreate="auto") as batch_op:
        batch_op.create_check_constraint("member_limits", "min_members <= max_members")


def downgrade() -> None:
    with op.batch_alter_table("councils", recreate="auto") as batch_op:
        batch_op.drop_constraint(op.f("ck_councils_member_limits"), type_="check")
