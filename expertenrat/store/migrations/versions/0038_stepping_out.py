"""attendances.away_item_id, away_at, back_item_id, back_at: a member who steps out

In real meetings a member leaves during TOP 4 for a phone call or another appointment and
takes part again from TOP 6. The attendance knew one arrival and one departure only, so the
vote limits, the quorum per item and the minutes counted the member at TOP 4 and 5. A
member present now records a time away: left during an agenda item (optionally at a time),
back at a later one (optionally at a time); absent from the first up to, not including,
the second.

Lines stored before this revision have no time away (all four columns empty), so every
count stays as it was. Downgrading drops the columns (the member then counts as present
throughout, as before).

Revision ID: 0038
Revises: 0037
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None

ITEMS = ("away_item_id", "back_item_id")
TIMES = ("away_at", "back_at")


def upgrade() -> None:
    with op.batch_alter_table(
        "attendances", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        for column in ITEMS:
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                op.f(f"fk_attendances_{column}_agenda_items"),
                "agenda_items",
                [column],
                ["id"],
                ondelete="SET NULL",
            )
            batch_op.create_index(op.f(f"ix_attendances_{column}"), [column], unique=False)
        for column in TIMES:
            batch_op.add_column(sa.Column(column, sa.Time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table(
        "attendances", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        for column in ITEMS:
            batch_op.drop_index(op.f(f"ix_attendances_{column}"))
            batch_op.drop_constraint(
                op.f(f"fk_attendances_{column}_agenda_items"), type_="foreignkey"
            )
            batch_op.drop_column(column)
        for column in TIMES:
            batch_op.drop_column(column)
