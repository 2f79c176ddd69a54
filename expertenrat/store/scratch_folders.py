"""Scratch folders in the system's temporary folder, for a whole copy of a database: an
older file read through an upgraded copy of it, a daily copy or an older backup converted
before a restore.

Each is removed when its work ends; a program killed meanwhile (ended in the Task-Manager,
a power cut) left it behind for good: every person's data as it was then, outside every
retention rule, also of persons anonymised since (found by a tester). So a new one first
removes those an earlier run left: the user's own, named as the program names them, and
untouched for :data:`LEFT_BEHIND_AFTER` (the work that makes one takes minutes). Nothing
else in the temporary folder is touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

LEFT_BEHIND_AFTER = 24 * 60 * 60  # seconds untouched
READING = "lesen"  # an older file read through an upgraded copy
RESTORING = "restore"  # a backup or a copy converted before a restore
# mkdtemp's names: the prefix and eight of its characters (letters, digits, "_")
_NAME = re.compile(rf"expertenrat-(?:{READING}|{RESTORING})-[a-z0-9_]{{8}}")


def new_scratch_folder(kind: str) -> Path:
    """A new private folder (700) for the work ``kind`` (:data:`READING`,
    :data:`RESTORING`); the caller removes it. Those left behind go first."""
    remove_left_behind(Path(tempfile.gettempdir()))
    return Path(tempfile.mkdtemp(prefix=f"expertenrat-{kind}-"))


@contextlib.contextmanager
def scratch_folder(kind: str) -> Iterator[Path]:
    """:func:`new_scratch_folder`, removed at the end of the block."""
    folder = new_scratch_folder(kind)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_left_behind(temporary: Path) -> None:
    """Remove the scratch folders in ``temporary`` that an earlier run left (see the module).
    Nothing is said if that fails: the next one tries again."""
    try:
        entries = [e for e in os.scandir(temporary) if _NAME.fullmatch(e.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False) and _own_and_untouched(Path(entry.path)):
                shutil.rmtree(entry.path, ignore_errors=True)


def _own_and_untouched(folder: Path) -> bool:
    """Is ``folder`` this user's, and neither it nor a file in it changed for a day?"""
    if hasattr(os, "getuid") and folder.lstat().st_uid != os.getuid():
        return False  # another login's, in a shared /tmp
    limit = time.time() - LEFT_BEHIND_AFTER
    paths = [folder, *folder.iterdir()]
    return all(path.lstat().st_mtime < limit for path in paths)
