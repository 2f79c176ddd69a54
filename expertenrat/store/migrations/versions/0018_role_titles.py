"""councils.chair_title, councils.vice_chair_title: what a council calls its chair and vice chair

The titles were "Vorsitz" and "Stellvertretung" for every council; another city's council
calls them "Vorsitzende*r", "Sprecher*in" or "Stellvertretende Vorsitzende*r". Existing
councils keep the old titles. Downgrading drops the columns.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.add_column(
            sa.Column("chair_title", sa.String(60), nullable=False, server_default="Vorsitz")
        )
        batch_op.add_column(
            sa.Column(
                "vice_chair_title", sa.String(60), nullable=False, server_default="Stellvertretung"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.drop_column("vice_chair_title")
        batch_op.drop_column("chair_title")
