"""councils.minutes_draft_weeks: the weeks after a meeting by which its draft minutes go out

The Übersicht named draft minutes not yet sent, but never as late: a draft could stay
unsent for months and nothing turned red. A council now sets the period (German councils
mostly send the draft two to four weeks after the meeting; 0 = no period); existing
councils get four weeks. Downgrading drops the column.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite builds the table anew for the check: it keeps the AUTOINCREMENT of 0013 only
    # when told, or a deleted council's id is given again.
    with op.batch_alter_table("councils", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(
            sa.Column("minutes_draft_weeks", sa.Integer(), server_default="4", nullable=False)
        )
        batch_op.create_check_constraint(
            "minutes_draft_weeks_not_negative", "minutes_draft_weeks >= 0"
        )


def downgrade() -> None:
    with op.batch_alter_table("councils", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_constraint(
            op.f("ck_councils_minutes_draft_weeks_not_negative"), type_="check"
        )
        batch_op.drop_column("minutes_draft_weeks")
