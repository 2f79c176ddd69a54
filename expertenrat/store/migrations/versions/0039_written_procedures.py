"""written_procedures: a recommendation adopted between meetings in writing (Umlaufverfahren)

The adoption dialog had only a free note ("z. B. im Umlaufverfahren"): when the draft went
out, the deadline and the votes were nowhere as data, the register said "zwischen den
Sitzungen", and the next meeting was not told. A written procedure is now a row beside its
recommendation: sent on, deadline, members asked, yes / no / abstain / recused, and the
agenda item of a later meeting that reports it (SET NULL: deleting that item offers it
again).

Recommendations stored before this revision have no written procedure. Downgrading drops
the table (the recommendations stay adopted, their history keeps the note).

Revision ID: 0039
Revises: 0038
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0039"
down_revision = "0038"
branch_labels = None
depends_on = None

_COUNTS = ("member_count", "yes_votes", "no_votes", "abstentions", "recusals")


def upgrade() -> None:
    op.create_table(
        "written_procedures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("deadline_on", sa.Date(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTS),
        sa.Column("reported_item_id", sa.Integer(), nullable=True),
        *(
            sa.CheckConstraint(
                f"{name} >= 0", name=op.f(f"ck_written_procedures_{name}_not_negative")
            )
            for name in _COUNTS
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_written_procedures_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reported_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_written_procedures_reported_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_written_procedures")),
        sa.UniqueConstraint(
            "recommendation_id", name=op.f("uq_written_procedures_recommendation_id")
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_written_procedures_reported_item_id"), "written_procedures", ["reported_item_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_written_procedures_reported_item_id"), table_name="written_procedures")
    op.drop_table("written_procedures")
