"""councils.secretariat_email: the mailbox the council's e-mail drafts are sent from

The drafts (the invitation to the members in blind copy, the reminders to projects) had no
sender and the invitation no "To"; some mail programs mishandle such a draft, and the
secretariat had no copy of its own. With an address set, each draft is sent from it and
the invitation goes to it, the members in blind copy. Existing councils have none ("":
the drafts as before). Downgrading drops the column.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.add_column(
            sa.Column("secretariat_email", sa.String(320), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.drop_column("secretariat_email")
