"""meetings.invitation_agenda_changed_on: the day the agenda of an invited meeting last changed

A change of an invited meeting's agenda raised its calendar SEQUENCE, but its letter could
not say so: the only changed letter was the "Geänderte Einladung" of a move, which says
that time or place changed. The day the agenda last changed after the invitation went out
is now stored beside ``invitation_changed_on`` (time or place): the letter is then a
"Geänderte Tagesordnung" (or names both changes), dated the later of the two days.

What changed in an agenda before this revision is not known; existing meetings have
none. Downgrading drops the column.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("invitation_agenda_changed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("invitation_agenda_changed_on")
