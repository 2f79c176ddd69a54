"""councils.recommendation_prefix: the prefix of the council's recommendation codes

The codes were "E-2026-07" for every council; another city's council may want its own
("DB-2026-07"), and two councils of one database can then be told apart by their codes.
Existing councils keep "E". Downgrading drops the column (codes already given stay).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.add_column(
            sa.Column("recommendation_prefix", sa.String(6), nullable=False, server_default="E")
        )


def downgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.drop_column("recommendation_prefix")
