"""The free space of a SQLite file written before SQLite overwrote what it deletes.

Since the engines turn ``secure_delete`` on (:mod:`expertenrat.store.engine`), a value
changed or deleted is overwritten in the file. What was changed or deleted before, by an
older version on a SQLite built without that default (Python's own on Windows), still
stands in the file's free space: an anonymised member's e-mail, a removed guest, readable
with any text editor and copied into every daily copy (found by review: the mend reached
the changes to come only). A file brought from such a revision to this version is
therefore rewritten once (``VACUUM``), which leaves no free space behind.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from expertenrat.store.engine import BUSY_TIMEOUT_MS

log = logging.getLogger(__name__)

# The first revision of the versions that overwrite what they delete: a file upgraded
# from an earlier one is rewritten.
OVERWRITING_SINCE = "0035"


def written_before_overwriting(revision: str) -> bool:
    """Whether a file at ``revision`` may hold deleted values in its free space."""
    return revision < OVERWRITING_SINCE


def rewrite_without_free_space(path: Path) -> None:
    """Rewrite the SQLite file ``path`` without its free space (see the module). The data
    stay as they are; where that cannot be done now (another program reading the file, a
    full disk), it is logged and the file works on as before."""
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            connection.execute("VACUUM")
        finally:
            connection.close()
    except sqlite3.Error as error:
        log.warning("Free space of %s not overwritten: %s", path, error)
