"""retired_recommendation_codes: the codes no recommendation holds any more

A code is never handed out twice, also once its recommendation was taken out of the minutes
or a draft left it when adopted in another year. Those codes were read back from the audit
trail (the before-state of every update of every recommendation) each time a code was
handed out; now they are kept in a table of their own, filled here from the audit trail.
Downgrading drops the table (the audit trail still names the codes).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    retired = op.create_table(
        "retired_recommendation_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(30), nullable=False),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f("fk_retired_recommendation_codes_council_id_councils"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retired_recommendation_codes")),
        sa.UniqueConstraint(
            "council_id", "code", name=op.f("uq_retired_recommendation_codes_code")
        ),
    )
    op.create_index(
        op.f("ix_retired_recommendation_codes_council_id"),
        "retired_recommendation_codes",
        ["council_id"],
        unique=False,
    )
    rows = _retired_in_the_audit_trail(op.get_bind())
    if rows:
        op.bulk_insert(retired, rows)


def downgrade() -> None:
    op.drop_index(
        op.f("ix_retired_recommendation_codes_council_id"),
        table_name="retired_recommendation_codes",
    )
    op.drop_table("retired_recommendation_codes")


def _retired_in_the_audit_trail(connection: sa.Connection) -> list[dict[str, object]]:
    """The codes the audit trail names before a deletion or an update of a recommendation
    that no recommendation of the council (or a deleted council) holds now."""
    entries = sa.table(
        "audit_entries",
        sa.column("council_id", sa.Integer()),
        sa.column("entity", sa.String()),
        sa.column("action", sa.String()),
        sa.column("before", sa.Text()),
    )
    recommendations = sa.table(
        "recommendations", sa.column("council_id", sa.Integer()), sa.column("code", sa.String())
    )
    councils = sa.table("councils", sa.column("id", sa.Integer()))
    live = set(connection.execute(sa.select(councils.c.id)).scalars())
    held = set(connection.execute(sa.select(recommendations.c.council_id, recommendations.c.code)))
    found: set[tuple[int, str]] = set()
    for council_id, before in connection.execute(
        sa.select(entries.c.council_id, entries.c.before).where(
            entries.c.entity == "recommendation",
            entries.c.action.in_(("delete", "update")),
            entries.c.before.is_not(None),
        )
    ):
        try:
            code = json.loads(before).get("code")
        except (ValueError, AttributeError):
            continue
        if isinstance(code, str) and council_id in live and (council_id, code) not in held:
            found.add((council_id, code))
    return [{"council_id": council, "code": code} for council, code in sorted(found)]
