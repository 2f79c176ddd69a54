"""Alembic environment: always called with a connection from ``store.migrate``."""

from __future__ import annotations

from alembic import context

from expertenrat.store.migrate import UPGRADE_LOCK, own_schema
from expertenrat.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # Its own version table, not another program's that the search_path also shows.
    version_table_schema=own_schema(connection),
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Two PCs starting a new version at once: the second waits, then finds head.
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK})")
    context.run_migrations()
