"""audit_entries notify: PostgreSQL tells listening PCs at once that a council changed

An AFTER INSERT trigger on the audit trail (every change writes it) sends
``NOTIFY expertenrat_changes, '<council id>'`` (an empty payload for entries without a
council) once per council and statement; the notification is delivered when the
transaction commits, not at all when it rolls back. SQLite has no NOTIFY: a no-op there
(the window polls). Downgrading drops the trigger and its function.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CHANNEL = "expertenrat_changes"
"""Frozen copy of ``services.change_marker.CHANNEL`` as of this revision."""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE FUNCTION expertenrat_notify_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            council text;
        BEGIN
            FOR council IN SELECT DISTINCT coalesce(council_id::text, '') FROM new_entries LOOP
                PERFORM pg_notify('{CHANNEL}', council);
            END LOOP;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER audit_entries_notify AFTER INSERT ON audit_entries "
        "REFERENCING NEW TABLE AS new_entries "
        "FOR EACH STATEMENT EXECUTE FUNCTION expertenrat_notify_change()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER audit_entries_notify ON audit_entries")
    op.execute("DROP FUNCTION expertenrat_notify_change()")
