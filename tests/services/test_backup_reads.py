"""A backup reads the schema revision once (found by a helper: twice, the daily copy at
the start took two round trips more to a server, 20 ms each over a city's VPN)."""

from __future__ import annotations

from client_statements import recorded_statements

from expertenrat.services.backup import BackupService
from expertenrat.store import schema_revisions


def test_a_backup_reads_the_schema_revision_once(database):
    with recorded_statements(database.engine) as statements:
        backup = BackupService(database).snapshot()
    assert backup.schema_revision == schema_revisions.head_revision()
    assert sum("FROM alembic_version" in statement for statement in statements) == 1
