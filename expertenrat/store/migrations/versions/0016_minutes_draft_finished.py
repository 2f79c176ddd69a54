"""meetings.minutes_finished_on and minutes_finished_fingerprint: "Entwurf abschließen"

Finishing the minutes draft was only an audit entry: nothing showed it, and the button
could be pressed again. The day it was finished and the fingerprint of the content then
(the SHA-256 of the snapshot, as a version keeps it) make it a state: a draft changed
since says so. Existing drafts are not finished. Downgrading drops both columns.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("minutes_finished_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("minutes_finished_fingerprint", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("minutes_finished_fingerprint")
        batch_op.drop_column("minutes_finished_on")
