"""minutes: council settings, opening statements, vote modes, versions, objections, phrases, files

- councils: ``minutes_style`` (Ergebnis-/Verlaufsprotokoll), ``minutes_approval`` (by vote
  in the next meeting, or by objections), ``objection_period_days``.
- meetings: ``agenda_approved``, ``agenda_changes`` and ``quorum_noted``, what the minutes
  record about the opening of a meeting.
- votes: ``mode`` (counted, unanimous, noted without a vote).
- minutes_versions: the JSON ``content`` snapshot, ``objections_due_on`` and the public PDF
  with its SHA-256 beside the full one.
- objections: the agenda item or passage objected to, the member who raised it, the proposed
  wording, and when and in which meeting it was decided.
- text_templates: the standard phrases of the minutes, editable per council.
- files: annexes (Anlagen) of a meeting or an agenda item, stored in the database.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

MINUTES_STYLES = ("results", "course")
MINUTES_APPROVALS = ("vote", "objections")
VOTE_MODES = ("counted", "unanimous", "noted")
TEXT_TEMPLATE_PURPOSES = ("minutes",)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _timestamps(dialect: str) -> list[sa.Column]:
    """``version``, ``created`` and ``modified`` as every versioned table has them (UTC)."""
    now = "(now() AT TIME ZONE 'UTC')" if dialect == "postgresql" else "(CURRENT_TIMESTAMP)"
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.Column("modified", sa.DateTime(), server_default=sa.text(now), nullable=False),
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("councils") as batch_op:
        batch_op.add_column(
            sa.Column("minutes_style", sa.String(30), server_default="results", nullable=False)
        )
        batch_op.add_column(
            sa.Column("minutes_approval", sa.String(30), server_default="vote", nullable=False)
        )
        batch_op.add_column(
            sa.Column("objection_period_days", sa.Integer(), server_default="14", nullable=False)
        )
        batch_op.create_check_constraint("minutes_style", _one_of("minutes_style", MINUTES_STYLES))
        batch_op.create_check_constraint(
            "minutes_approval", _one_of("minutes_approval", MINUTES_APPROVALS)
        )
        batch_op.create_check_constraint(
            "objection_period_days_not_negative", "objection_period_days >= 0"
        )

    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(
            sa.Column("agenda_approved", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("agenda_changes", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("quorum_noted", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table("votes") as batch_op:
        batch_op.add_column(
            sa.Column("mode", sa.String(30), server_default="counted", nullable=False)
        )
        batch_op.create_check_constraint("mode", _one_of("mode", VOTE_MODES))

    with op.batch_alter_table("minutes_versions") as batch_op:
        batch_op.add_column(sa.Column("content", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("objections_due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("public_pdf", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("public_sha256", sa.String(64), nullable=True))

    with op.batch_alter_table("objections") as batch_op:
        batch_op.add_column(sa.Column("agenda_item_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("membership_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("passage", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("proposed_text", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("decided_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("decided_in_meeting_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_objections_agenda_item_id_agenda_items"),
            "agenda_items",
            ["agenda_item_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            op.f("fk_objections_membership_id_memberships"),
            "memberships",
            ["membership_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_foreign_key(
            op.f("fk_objections_decided_in_meeting_id_meetings"),
            "meetings",
            ["decided_in_meeting_id"],
            ["id"],
            ondelete="SET NULL",
        )
        for column in ("agenda_item_id", "membership_id", "decided_in_meeting_id"):
            batch_op.create_index(op.f(f"ix_objections_{column}"), [column], unique=False)

    op.create_table(
        "text_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_timestamps(dialect),
        sa.CheckConstraint(
            _one_of("purpose", TEXT_TEMPLATE_PURPOSES), name=op.f("ck_text_templates_purpose")
        ),
        sa.CheckConstraint("position >= 0", name=op.f("ck_text_templates_position_not_negative")),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f("fk_text_templates_council_id_councils"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_templates")),
        sa.UniqueConstraint("council_id", "purpose", "position", name="uq_text_templates_position"),
    )
    op.create_index(
        op.f("ix_text_templates_council_id"), "text_templates", ["council_id"], unique=False
    )

    op.create_table(
        "files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("mime_type", sa.String(100), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        *_timestamps(dialect),
        sa.CheckConstraint("position >= 0", name=op.f("ck_files_position_not_negative")),
        sa.CheckConstraint("size >= 0", name=op.f("ck_files_size_not_negative")),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f("fk_files_council_id_councils"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_files_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_files_agenda_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_files")),
        sa.UniqueConstraint("public_id", name=op.f("uq_files_public_id")),
    )
    for column in ("council_id", "meeting_id", "agenda_item_id"):
        op.create_index(op.f(f"ix_files_{column}"), "files", [column], unique=False)


def downgrade() -> None:
    op.drop_table("files")
    op.drop_table("text_templates")
    with op.batch_alter_table("objections") as batch_op:
        for column in ("agenda_item_id", "membership_id", "decided_in_meeting_id"):
            batch_op.drop_index(op.f(f"ix_objections_{column}"))
        batch_op.drop_constraint(
            op.f("fk_objections_decided_in_meeting_id_meetings"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            op.f("fk_objections_membership_id_memberships"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            op.f("fk_objections_agenda_item_id_agenda_items"), type_="foreignkey"
        )
        for column in (
            "decided_in_meeting_id",
            "decided_on",
            "proposed_text",
            "passage",
            "membership_id",
            "agenda_item_id",
        ):
            batch_op.drop_column(column)
    with op.batch_alter_table("minutes_versions") as batch_op:
        for column in ("public_sha256", "public_pdf", "objections_due_on", "content"):
            batch_op.drop_column(column)
    with op.batch_alter_table("votes") as batch_op:
        batch_op.drop_constraint(op.f("ck_votes_mode"), type_="check")
        batch_op.drop_column("mode")
    with op.batch_alter_table("meetings") as batch_op:
        for column in ("quorum_noted", "agenda_changes", "agenda_approved"):
            batch_op.drop_column(column)
    with op.batch_alter_table("councils") as batch_op:
        for name in ("objection_period_days_not_negative", "minutes_approval", "minutes_style"):
            batch_op.drop_constraint(op.f(f"ck_councils_{name}"), type_="check")
        for column in ("objection_period_days", "minutes_approval", "minutes_style"):
            batch_op.drop_column(column)
