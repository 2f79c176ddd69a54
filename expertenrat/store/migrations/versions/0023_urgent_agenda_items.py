"""agenda_items.urgent: an item the council took up at the meeting (Dringlichkeitsantrag)

A council may extend its agenda at the meeting itself by an urgent item; the minutes mark
it "(Dringlichkeitsantrag)" and record that the agenda was extended by it. Such an item is
now added to a held meeting's agenda while its minutes are an open draft, and marked so.

Items stored before this revision were all on the agenda the meeting was invited with, or
added before it was held: none is urgent. Downgrading drops the column (an urgent item
stays on the agenda as an ordinary one).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.add_column(
            sa.Column("urgent", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.drop_column("urgent")
