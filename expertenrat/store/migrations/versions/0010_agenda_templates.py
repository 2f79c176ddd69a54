"""agenda_templates: a council's templates for recurring agenda items, editable in Einstellungen

Every council gets the standard templates (the ones the app offered before they were
editable); downgrading drops the table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KINDS = ("formal", "minutes_approval", "report", "consultation", "resolution", "miscellaneous")
STANDARD = (
    ("Bericht der Geschäftsstelle", "report", 10),
    ("Berichte aus den Projekten", "report", 20),
    ("Beschlussfassung über Empfehlungen", "resolution", 15),
    ("Termine und nächste Sitzung", "miscellaneous", 5),
    ("Verschiedenes", "miscellaneous", 5),
)
"""Frozen copy of ``domain.agenda_templates.STANDARD_TEMPLATES`` as of this revision."""


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    now = "(now() AT TIME ZONE 'UTC')" if postgresql else "(CURRENT_TIMESTAMP)"
    templates = op.create_table(
        "agenda_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(2000), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.Column("modified", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.CheckConstraint(
            f"kind IN ({', '.join(repr(kind) for kind in KINDS)})",
            name=op.f("ck_agenda_templates_kind"),
        ),
        sa.CheckConstraint("position >= 0", name=op.f("ck_agenda_templates_position_not_negative")),
        sa.CheckConstraint(
            "planned_minutes >= 0", name=op.f("ck_agenda_templates_planned_minutes_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f("fk_agenda_templates_council_id_councils"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_templates")),
        sa.UniqueConstraint("council_id", "position", name="uq_agenda_templates_position"),
    )
    op.create_index(
        op.f("ix_agenda_templates_council_id"), "agenda_templates", ["council_id"], unique=False
    )
    councils = sa.table("councils", sa.column("id", sa.Integer()))
    stamp = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        {
            "council_id": council_id,
            "position": position,
            "title": title,
            "kind": kind,
            "public": True,
            "planned_minutes": minutes,
            "version": 1,
            "created": stamp,
            "modified": stamp,
        }
        for council_id in op.get_bind().execute(sa.select(councils.c.id)).scalars()
        for position, (title, kind, minutes) in enumerate(STANDARD)
    ]
    if rows:
        op.bulk_insert(templates, rows)


def downgrade() -> None:
    op.drop_index(op.f("ix_agenda_templates_council_id"), table_name="agenda_templates")
    op.drop_table("agenda_templates")
