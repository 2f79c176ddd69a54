"""consent_entries: the consent ledger; the persons' consent columns become its first entries

Every person whose consent columns hold a decision (given, or a date) gets one entry per
kind with source "migration" (shown as "Übernahme"), so the latest entry of each kind is
exactly what the columns said. The columns stay as the cached current state; downgrading
drops only the ledger, so no current consent is lost either way.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_KINDS = (
    ("name", "publish_name", "publish_name_on"),
    ("contact", "publish_contact", "publish_contact_on"),
)


def upgrade() -> None:
    entries = op.create_table(
        "consent_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_consent_entries_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_entries")),
    )
    with op.batch_alter_table("consent_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_entries_person_id"), ["person_id"], unique=False
        )
    _ledger_from_columns(entries)


def _ledger_from_columns(entries: sa.Table) -> None:
    persons = sa.table(
        "persons",
        sa.column("id", sa.Integer()),
        *(sa.column(name, sa.Boolean()) for _, name, _ in _KINDS),
        *(sa.column(on, sa.Date()) for _, _, on in _KINDS),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for person in op.get_bind().execute(sa.select(persons).order_by(persons.c.id)).mappings():
        for kind, given, on in _KINDS:
            if person[given] or person[on] is not None:
                rows.append(
                    {
                        "person_id": person["id"],
                        "kind": kind,
                        "granted": bool(person[given]),
                        "effective_on": person[on],
                        "source": "migration",
                        "actor": "",
                        "recorded_at": now,
                    }
                )
    if rows:
        op.bulk_insert(entries, rows)


def downgrade() -> None:
    with op.batch_alter_table("consent_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_entries_person_id"))

    op.drop_table("consent_entries")
