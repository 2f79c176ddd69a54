"""councils: website, classification and the secretariat that signs its letters

What another city's council and the open-data export (OParl ``Body.website``,
``Body.classification``) need beyond the name: the council's web page, what kind of body
it is ("Expert*innenrat", "Beirat") and the secretariat line that signs its letters
(empty: "Ihre Geschäftsstelle"). Existing councils get an empty website and secretariat
and the classification "Expert*innenrat".

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.add_column(
            sa.Column("website", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "classification",
                sa.String(length=100),
                nullable=False,
                server_default="Expert*innenrat",
            )
        )
        batch_op.add_column(
            sa.Column("secretariat", sa.String(length=300), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.drop_column("secretariat")
        batch_op.drop_column("classification")
        batch_op.drop_column("website")
