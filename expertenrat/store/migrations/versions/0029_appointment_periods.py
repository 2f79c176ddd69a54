"""appointment_periods: a council's Berufungsperioden (name, first and last day)

The OParl export made one LegislativeTerm per distinct term of the members, so each member
who left early added a term; OParl means the body's period (Wahlperiode,
Berufungsperiode). The secretariat now keeps them per council. No data to convert: no
period was recorded before (the export falls back to one open term). Downgrading drops the
table (the audit trail still names each one).

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

TABLE = "appointment_periods"


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    now = "(now() AT TIME ZONE 'UTC')" if postgresql else "(CURRENT_TIMESTAMP)"
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("public_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.Column("modified", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.CheckConstraint(
            "ends_on IS NULL OR ends_on >= starts_on", name=op.f(f"ck_{TABLE}_period_order")
        ),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f(f"fk_{TABLE}_council_id_councils"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
        sa.UniqueConstraint("public_id", name=op.f(f"uq_{TABLE}_public_id")),
        sqlite_autoincrement=True,  # the audit trail names a deleted one by its id
    )
    op.create_index(op.f(f"ix_{TABLE}_council_id"), TABLE, ["council_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_council_id"), table_name=TABLE)
    op.drop_table(TABLE)
