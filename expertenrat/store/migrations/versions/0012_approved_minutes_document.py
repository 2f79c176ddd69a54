"""minutes_versions.document: the minutes document as approved, as JSON

The approval keeps the document it rendered (``domain.approved_minutes``), so that a
public PDF rendered again after a member withdrew consent to the publication of the name
shows what was approved, not today's council name, member names or action fields.
Versions approved before this revision keep ``NULL``: they are rendered from the
database of the day, as before. Downgrading drops the column.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("minutes_versions") as batch_op:
        batch_op.add_column(sa.Column("document", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("minutes_versions") as batch_op:
        batch_op.drop_column("document")
