"""minutes_versions.origin and made_on: how a version came to be, and on which day

A version made by accepting an objection, or by approving minutes changed since they were
sent, kept the day and deadline of the sending before it and nothing else: the versions
table showed it as sent on that day, which it never was. ``origin`` is "sent",
"objection" or "approval"; ``made_on`` is the day of the objection's decision or of the
approval (``NULL`` for a sent version).

Existing versions are read as the program made them: one that has the day and deadline of
the version before it was not sent itself. It was made by an accepted objection where one
raised against an earlier version was decided and not yet used for such a version (its
day is the decision's), else at the approval (its day is the approval's). Downgrading drops
both columns.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_VERSIONS = sa.table(
    "minutes_versions",
    sa.column("id", sa.Integer),
    sa.column("meeting_id", sa.Integer),
    sa.column("number", sa.Integer),
    sa.column("state", sa.String),
    sa.column("circulated_on", sa.Date),
    sa.column("objections_due_on", sa.Date),
    sa.column("approved_on", sa.Date),
    sa.column("origin", sa.String),
    sa.column("made_on", sa.Date),
)
_OBJECTIONS = sa.table(
    "objections",
    sa.column("minutes_version_id", sa.Integer),
    sa.column("state", sa.String),
    sa.column("decided_on", sa.Date),
)


def upgrade() -> None:
    with op.batch_alter_table("minutes_versions") as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(20), nullable=False, server_default="sent")
        )
        batch_op.add_column(sa.Column("made_on", sa.Date(), nullable=True))
    bind = op.get_bind()
    versions = bind.execute(
        sa.select(_VERSIONS).order_by(_VERSIONS.c.meeting_id, _VERSIONS.c.number)
    ).all()
    accepted = bind.execute(
        sa.select(_OBJECTIONS.c.minutes_version_id, _OBJECTIONS.c.decided_on).where(
            _OBJECTIONS.c.state == "accepted"
        )
    ).all()
    number_of = {v.id: (v.meeting_id, v.number) for v in versions}
    previous = None
    used: set[int] = set()
    for version in versions:
        if (
            previous is not None
            and previous.meeting_id == version.meeting_id
            and previous.circulated_on is not None
            and (previous.circulated_on, previous.objections_due_on)
            == (version.circulated_on, version.objections_due_on)
        ):
            origin, made_on = _derived(version, accepted, number_of, used)
            bind.execute(
                sa.update(_VERSIONS)
                .where(_VERSIONS.c.id == version.id)
                .values(origin=origin, made_on=made_on)
            )
        previous = version


def _derived(version, accepted, number_of, used):
    """("objection", the decision's day) or ("approval", the approval's day)."""
    candidates = sorted(
        (o.decided_on, i)
        for i, o in enumerate(accepted)
        if i not in used
        and o.decided_on is not None
        and number_of.get(o.minutes_version_id, (None, 0))[0] == version.meeting_id
        and number_of[o.minutes_version_id][1] < version.number
    )
    if candidates:
        day, index = candidates[0]
        used.add(index)
        return "objection", day
    return "approval", version.approved_on


def downgrade() -> None:
    with op.batch_alter_table("minutes_versions") as batch_op:
        batch_op.drop_column("made_on")
        batch_op.drop_column("origin")
