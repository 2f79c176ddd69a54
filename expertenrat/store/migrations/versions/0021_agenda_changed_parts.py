"""meetings.invitation_agenda_changed_public / _non_public: which part of an invited
meeting's agenda changed after the invitation

A change of the non-public items alone headed the re-sent letter's public part "Geänderte
Tagesordnung – Öffentlicher Teil" too, though the public part stood as the members had it.
Each part of the agenda now keeps whether it changed since the first invitation; the
letter heads only a changed part "Geänderte Tagesordnung – …".

Which part changed before this revision is not known: a meeting whose agenda had changed
(``invitation_agenda_changed_on`` set) counts both parts as changed, as its letter said so
far. Downgrading drops the columns.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_COLUMNS = ("invitation_agenda_changed_public", "invitation_agenda_changed_non_public")


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        for name in _COLUMNS:
            batch_op.add_column(
                sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False)
            )
    meetings = sa.table(
        "meetings",
        sa.column("invitation_agenda_changed_on", sa.Date),
        *(sa.column(name, sa.Boolean) for name in _COLUMNS),
    )
    op.execute(
        meetings.update()
        .where(meetings.c.invitation_agenda_changed_on.is_not(None))
        .values(dict.fromkeys(_COLUMNS, True))
    )


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        for name in reversed(_COLUMNS):
            batch_op.drop_column(name)
