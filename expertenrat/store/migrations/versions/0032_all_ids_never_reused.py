"""Every other table with an id of its own: an id once given is never given again (SQLite:
AUTOINCREMENT), as 0013 and 0028 made it for councils, members, agenda items, projects and
action fields.

Without AUTOINCREMENT, SQLite gives a new row the highest id + 1, also the id of a row a
restore took away: a meeting added after the backup and still open in a form on another
PC (or in a window of this one) had its id given to the next meeting made after the
restore, and saving the stale form overwrote that new meeting instead of saying the old
one was gone (found by a tester). The same held for recommendations, votes, guests,
annexes, objections and every other record a form saves by its id, and for the audit
trail, whose newest id the windows poll to learn of another PC's changes. A restore on
SQLite writes into the open file and leaves its counters as they were, raised where the
backup's ids are higher (``services.backup``).

PostgreSQL's sequences never give an id twice: nothing to do there. The batch operation
rebuilds each table (the migrations run with foreign keys off, ``store.migrate``, so the
children keep their rows and their references); the copied rows set SQLite's counter to
the highest id there is.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

TABLES = (
    "meetings",
    "meeting_series",
    "attendances",
    "guests",
    "late_invitations",
    "minutes_versions",
    "objections",
    "votes",
    "conflicts_of_interest",
    "files",
    "recommendations",
    "recommendation_responses",
    "recommendation_status_changes",
    "retired_recommendation_codes",
    "project_partners",
    "consent_entries",
    "text_templates",
    "agenda_templates",
    "audit_entries",
)


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)


def _rebuild(*, autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
