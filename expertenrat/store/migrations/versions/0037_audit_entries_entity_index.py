"""audit_entries: an index on (entity, entity_id)

Reading one record's history (an invitation's or an agenda item's trail, each draft render,
completeness check and document) scanned the whole audit trail of every council. The index
lets it read only that record's entries. No data changes; downgrading drops the index.

Revision ID: 0037
Revises: 0036
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0037"
down_revision = "0036"
branch_labels = None
depends_on = None

TABLE = "audit_entries"
INDEX = "ix_audit_entries_entity_entity_id"


def upgrade() -> None:
    op.create_index(op.f(INDEX), TABLE, ["entity", "entity_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f(INDEX), table_name=TABLE)
