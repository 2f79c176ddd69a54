"""votes: elections (mode "election", ``invalid``, ``secret``, ``accepted``) and
election_candidates

At a constituent meeting the council elects its chair and vice chair from two or three
candidates. A vote knew only Ja / Nein / Enthaltung, so the minutes could record an
election only as free text under "Ergebnis" (100 characters, too short for three
candidates). An election is now a kind of vote: the candidates with their votes (a member
of the council, or a name typed), who is elected, the abstentions (the vote's
``abstain``), the invalid ballots, secret ballot or not, and whether the elected person
accepted (NULL: not recorded).

Votes stored before this revision are no elections: no invalid ballots, not secret, no
acceptance, no candidates. Downgrading deletes the election votes (the earlier revisions
know no such vote: the minutes lose them; an approved version keeps its stored PDF) and
drops the table and columns.

Revision ID: 0040
Revises: 0039
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0040"
down_revision = "0039"
branch_labels = None
depends_on = None

OLD_MODES = ("counted", "unanimous", "noted")
NEW_MODES = (*OLD_MODES, "election")


def _one_of(values: tuple[str, ...]) -> str:
    return f"mode IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    with op.batch_alter_table("votes", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_constraint(op.f("ck_votes_mode"), type_="check")
        batch_op.create_check_constraint("mode", _one_of(NEW_MODES))
        batch_op.add_column(sa.Column("invalid", sa.Integer(), server_default="0", nullable=False))
        batch_op.create_check_constraint("invalid_not_negative", "invalid >= 0")
        batch_op.add_column(
            sa.Column("secret", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("accepted", sa.Boolean(), nullable=True))
    op.create_table(
        "election_candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("votes", sa.Integer(), nullable=False),
        sa.Column("elected", sa.Boolean(), nullable=False),
        *(
            sa.CheckConstraint(f"{c} >= 0", name=op.f(f"ck_election_candidates_{c}_not_negative"))
            for c in ("position", "votes")
        ),
        sa.ForeignKeyConstraint(
            ["vote_id"], ["votes.id"],
            name=op.f("fk_election_candidates_vote_id_votes"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"], ["memberships.id"],
            name=op.f("fk_election_candidates_membership_id_memberships"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_election_candidates")),
        sa.UniqueConstraint("vote_id", "position", name="uq_election_candidates_position"),
        sqlite_autoincrement=True,
    )  # fmt: skip
    for column in ("vote_id", "membership_id"):
        op.create_index(op.f(f"ix_election_candidates_{column}"), "election_candidates", [column])


def downgrade() -> None:
    op.drop_table("election_candidates")
    op.execute(sa.text("DELETE FROM votes WHERE mode = 'election'"))
    with op.batch_alter_table("votes", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_constraint(op.f("ck_votes_mode"), type_="check")
        batch_op.create_check_constraint("mode", _one_of(OLD_MODES))
        batch_op.drop_constraint(op.f("ck_votes_invalid_not_negative"), type_="check")
        for column in ("invalid", "secret", "accepted"):
            batch_op.drop_column(column)
