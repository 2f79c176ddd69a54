"""agenda_items.outcome: an item the council postponed ("vertagt") or took off the agenda
in the meeting ("abgesetzt")

The minutes could say so only in free text, so such items stood unmarked in the agenda of
the PDF minutes and in OParl. The minute-taker now records it per item while the minutes
are a draft; the minutes mark the item, and its completeness check asks no text of it.

Items stored before this revision were dealt with ("discussed"), as the minutes said.
Downgrading drops the column (what the free text says of an item stays).

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

OUTCOMES = ("discussed", "postponed", "withdrawn")


def upgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.add_column(
            sa.Column("outcome", sa.String(30), server_default="discussed", nullable=False)
        )
        batch_op.create_check_constraint(
            "outcome", f"outcome IN ({', '.join(repr(value) for value in OUTCOMES)})"
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.drop_constraint(op.f("ck_agenda_items_outcome"), type_="check")
        batch_op.drop_column("outcome")
