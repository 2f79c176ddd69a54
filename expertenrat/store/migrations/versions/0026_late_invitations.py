"""late_invitations: an invited meeting's invitation sent on to a member who joined after it

The Übersicht names members who joined the council after a meeting's invitation went out
("Einladung nachsenden"), but nothing recorded that the secretariat then sent it to them:
the line stayed until the meeting, and recording "Einladung versandt" again moved the day
for everybody (and so the notice period). One row per meeting and member now records the
day it was sent on ("Einladung nachgesandt").

No data to convert: no invitation was recorded as sent on before. Downgrading drops the
table (the audit trail still names each one).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

TABLE = "late_invitations"


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    now = "(now() AT TIME ZONE 'UTC')" if postgresql else "(CURRENT_TIMESTAMP)"
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.Column("modified", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_late_invitations_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["memberships.id"],
            name=op.f("fk_late_invitations_membership_id_memberships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_late_invitations")),
        sa.UniqueConstraint("meeting_id", "membership_id", name="uq_late_invitations_member"),
    )
    for column in ("meeting_id", "membership_id"):
        op.create_index(op.f(f"ix_{TABLE}_{column}"), TABLE, [column], unique=False)


def downgrade() -> None:
    for column in ("meeting_id", "membership_id"):
        op.drop_index(op.f(f"ix_{TABLE}_{column}"), table_name=TABLE)
    op.drop_table(TABLE)
