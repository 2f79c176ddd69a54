"""meetings.invitation_agenda_sent_on: the day the changed agenda went out to the members

Once a changed agenda ("Geänderte Tagesordnung") was sent after the invitation, the
minutes say that the agenda was adopted in that version ("in der Fassung der geänderten
Tagesordnung vom 03.12.2026"). ``invitation_agenda_changed_on`` cannot tell it: it is set
both when the agenda changes and when the letter is sent again, and the audit trail holds
no entry for a letter sent on the day of the change (nothing else of the meeting changed).

Meetings stored before this revision get NULL: whether a changed letter went out is not
known, and the minutes say what they said. Downgrading drops the column.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("invitation_agenda_sent_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("invitation_agenda_sent_on")
