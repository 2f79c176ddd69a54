"""The free space of a SQLite file written before SQLite overwrote what it deletes.

Since the engines turn ``secure_delete`` on (:mod:`expertenrat.store.engine`), a value
changed or deleted is overwritten in the file. What was changed or deleted before, by an
older version on a SQLite built without that default (Python's own on Windows), still
stands in the file's free space: an anonymised member's e-mail, a removed guest, readable
with any text editor and copied into every daily copy (found by review: the mend reached
the changes to come only). A file brought from such a revision to this version is
therefore rewritten once (``VACUUM``), which leaves no free space behind.

The rewrite needs the file to itself for a moment and room for a second copy of it: with
another program holding it longer than the busy timeout, or a full disk, it cannot be done
now. So the file is marked before its upgrade (``PRAGMA user_version``, which nothing else
uses, set to :data:`PENDING`), and the mark goes only once the rewrite has succeeded: each
later opening to write tries again while it is there (a log line said it failed, and the
file kept the deleted values for good). A copy of a marked file (the daily one) carries
the mark, and its free space with it: restored, it is rewritten as well.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from expertenrat.store.engine import BUSY_TIMEOUT_MS

log = logging.getLogger(__name__)

# The first revision of the versions that overwrite what they delete: a file upgraded
# from an earlier one is rewritten.
OVERWRITING_SINCE = "0035"


def written_before_overwriting(revision: str) -> bool:
    """Whether a file at ``revision`` may hold deleted values in its free space."""
    return revision < OVERWRITING_SINCE


PENDING = 35
"""``PRAGMA user_version`` of a file whose free space is still to be overwritten (0 else)."""


def mark_for_rewrite(path: Path) -> None:
    """Mark the file ``path``, about to be upgraded from a revision before
    :data:`OVERWRITING_SINCE`, as to be rewritten (see the module). The older versions read
    no mark, so an upgrade that fails after it leaves the file as they know it. Where the
    mark cannot be written (the file held elsewhere), the upgrade cannot be done either,
    and says why; the rewrite after a successful one is still tried."""
    try:
        with _connected(path) as connection:
            connection.execute(f"PRAGMA user_version = {PENDING}")
    except sqlite3.Error as error:
        log.warning("File %s not marked for the rewrite of its free space: %s", path, error)


def rewrite_if_marked(path: Path) -> None:
    """Rewrite the SQLite file ``path`` without its free space if it is marked so (see the
    module), then remove the mark. The data stay as they are; where that cannot be done
    now (another program reading the file, a full disk), it is logged with why, the mark
    stays for the next opening, and the file works on as before."""
    try:
        with _connected(path) as connection:
            if connection.execute("PRAGMA user_version").fetchone()[0] != PENDING:
                return
            connection.execute("VACUUM")
            connection.execute("PRAGMA user_version = 0")
    except sqlite3.Error as error:  # locked longer than the busy timeout, a full disk
        log.warning(
            "Free space of %s not overwritten (%s); tried again at its next opening to write",
            path,
            error,
        )
        return
    log.info("Free space of %s overwritten", path)


@contextlib.contextmanager
def _connected(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()
