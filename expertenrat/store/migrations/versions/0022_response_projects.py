"""recommendation_responses.project_id: which addressed project an answer is from

A recommendation addressed to two projects counted as answered when one of them answered,
and the other was no longer reminded. Each answer now names the project it is from; none
(NULL) is a joint answer of all the projects the recommendation is addressed to.

An answer recorded before this revision came from the one project where the recommendation
is addressed to exactly one, and is set to it; where it is addressed to several (or to
none), the answer stays joint, so that it keeps the meaning it had: it answered for all.
Downgrading drops the column.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recommendation_responses") as batch_op:
        batch_op.add_column(sa.Column("project_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_recommendation_responses_project_id_projects"),
            "projects",
            ["project_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_index(
            batch_op.f("ix_recommendation_responses_project_id"), ["project_id"], unique=False
        )
    responses = sa.table(
        "recommendation_responses",
        sa.column("recommendation_id", sa.Integer()),
        sa.column("project_id", sa.Integer()),
    )
    links = sa.table(
        "recommendation_projects",
        sa.column("recommendation_id", sa.Integer()),
        sa.column("project_id", sa.Integer()),
    )
    mine = links.c.recommendation_id == responses.c.recommendation_id
    addressed = sa.select(sa.func.count()).where(mine).scalar_subquery()
    only = sa.select(sa.func.min(links.c.project_id)).where(mine).scalar_subquery()
    op.execute(responses.update().where(addressed == 1).values(project_id=only))


def downgrade() -> None:
    with op.batch_alter_table("recommendation_responses") as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendation_responses_project_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_recommendation_responses_project_id_projects"), type_="foreignkey"
        )
        batch_op.drop_column("project_id")
