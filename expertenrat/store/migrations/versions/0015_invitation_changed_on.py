"""meetings.invitation_changed_on: the day the invitation of an invited meeting last changed

A room-only change of an invited meeting printed the changed invitation with the first
invitation's date, and whether a letter was a changed invitation was read from the
calendar SEQUENCE, which must also rise when a planned meeting (perhaps already in the
members' calendars) moves. The day of the last change that matters to the invitees is now
stored: the changed invitation is dated it; the notice period still counts from
``invitation_sent_on``.

Existing meetings are read as the program made them: an invited or held meeting whose
SEQUENCE rose had a changed invitation, dated (as it printed) the day the invitation went
out. Downgrading drops the column.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_MEETINGS = sa.table(
    "meetings",
    sa.column("state", sa.String),
    sa.column("ics_sequence", sa.Integer),
    sa.column("invitation_sent_on", sa.Date),
    sa.column("invitation_changed_on", sa.Date),
)


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("invitation_changed_on", sa.Date(), nullable=True))
    op.execute(
        sa.update(_MEETINGS)
        .where(
            _MEETINGS.c.state.in_(("invited", "held")),
            _MEETINGS.c.ics_sequence > 0,
            _MEETINGS.c.invitation_sent_on.is_not(None),
        )
        .values(invitation_changed_on=_MEETINGS.c.invitation_sent_on)
    )


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("invitation_changed_on")
