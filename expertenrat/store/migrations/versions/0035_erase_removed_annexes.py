"""files: the content of the annexes removed before their removal erased it

Since "Entfernen" erases an annex's file (its row stays, without it, for the published
data and the audit trail), a removed annex holds no content. Those removed before kept the
whole file (a CV, a letter with a private address) in the database and each of its
backups, in no list and no Auskunft (Art. 15), for good (found by review: the erasure came
for the removals to come only). Their content is erased as a removal erases it now. There
is nothing to give back on a downgrade.

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-05
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

_FILES = sa.table(
    "files",
    sa.column("deleted_at", sa.DateTime()),
    sa.column("content", sa.LargeBinary()),
    sa.column("size", sa.Integer()),
    sa.column("sha256", sa.String(64)),
)
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def upgrade() -> None:
    op.execute(
        _FILES.update()
        .where(_FILES.c.deleted_at.is_not(None), _FILES.c.sha256 != EMPTY_SHA256)
        .values(content=b"", size=0, sha256=EMPTY_SHA256)
    )


def downgrade() -> None:
    pass  # the erased files cannot come back
