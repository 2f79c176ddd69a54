"""guests.non_public_only: a guest who attended only the non-public part of a meeting

The public minutes left out a guest only when the guest's name stood in the presenter line
of a non-public item; a guest who came for a non-public item presented by an office
("Vergabestelle der Hanse- und Universitätsstadt") was named in them. The secretariat now
marks such a guest ("nur im nichtöffentlichen Teil anwesend"), and every public output
leaves a marked guest out.

Guests stored before this revision are unmarked (the presenter rule still applies to
them). Downgrading drops the column (a marked guest stays a guest).

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("guests") as batch_op:
        batch_op.add_column(
            sa.Column("non_public_only", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("guests") as batch_op:
        batch_op.drop_column("non_public_only")
