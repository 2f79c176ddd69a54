"""agenda_items.taken_up_from_id: the postponed item of an earlier meeting an item takes up

An item postponed in a meeting ("vertagt") reached neither the next agenda nor the
Übersicht: the secretariat had to remember it by hand. The Tagesordnung of a planned
meeting now offers the postponed items not taken up yet ("Vertagte Punkte übernehmen");
the item it creates names the item it takes up, which is offered no more. Deleting either
item clears the link (the postponed one is offered again).

Items stored before this revision take up nothing (their postponed items are offered).
Downgrading drops the column (the items stay).

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table(
        "agenda_items", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(sa.Column("taken_up_from_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_agenda_items_taken_up_from_id"), ["taken_up_from_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_agenda_items_taken_up_from_id_agenda_items"),
            "agenda_items",
            ["taken_up_from_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table(
        "agenda_items", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_agenda_items_taken_up_from_id_agenda_items"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_agenda_items_taken_up_from_id"))
        batch_op.drop_column("taken_up_from_id")
