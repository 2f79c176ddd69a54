"""Restoring a backup over a damaged SQLite file, which cannot be opened and so cannot be
restored into like a healthy one (``BackupService.restore``).

The backup is read and checked whole first; only then is the damaged file set aside next to
it (``<name>-beschädigt-<date and time>.db``, its journal files with it), a new file takes
its place and gets the backup. If that fails, the new file goes and the damaged one is put
back: the user is never left with less than before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from expertenrat.domain.progress import Progress
from expertenrat.services.backup import BackupService, RestoreSummary
from expertenrat.services.backup_file import read_backup_file
from expertenrat.services.collector import collector_paused
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url
from expertenrat.store.set_aside import put_back, set_aside


def restore_over_damaged(
    path: Path,
    source: Path,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> RestoreSummary:
    """Set the damaged database ``path`` aside and restore the backup ``source`` in its
    place; ``kept_copy`` of the summary is where the damaged file now lies."""
    with collector_paused():
        backup = read_backup_file(source)
        aside = set_aside(path, f"beschädigt-{(now or datetime.now()):%Y-%m-%d-%H%M%S}")
        try:
            database = open_database(database_url(str(path)), create=Create.NOW)
            try:
                summary = BackupService(database).restore_backup(
                    backup, path.parent, now=now, progress=progress
                )
            finally:
                database.close()
        except BaseException:
            put_back(aside, path)
            raise
    return replace(summary, kept_copy=aside)
