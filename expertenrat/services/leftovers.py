"""Removing the temporary files a killed run of the program left behind (a backup, a daily
copy or the copy before a restore, stopped half-way): each is written under a hidden name
of its own and renamed once complete, so a kill leaves the hidden file, which nothing else
would ever remove. Whoever writes into such a folder again removes those of its own naming
whose writer is surely gone: untouched for :data:`STALE_AFTER` (a writer at work keeps
changing its file) and, where the name carries the writer's process number, no such
process running on this PC (on Windows, which cannot delete a file open in its writer,
age alone). Another program's files, and anything that cannot be judged,
stay.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

from expertenrat.store.set_aside import remove_with_companions

STALE_AFTER = 60 * 60  # seconds untouched

_COMPANIONS = ("-wal", "-shm", "-journal")


def remove_stale(folder: Path, name: re.Pattern[str]) -> None:
    """Remove the files in ``folder`` whose whole name matches ``name`` (with their journal
    files, or such a journal file alone) if their writer is surely gone. A group ``pid`` in
    ``name`` is the writer's process number. Nothing is said if that fails."""
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return  # no folder (yet), or not readable: the writing says what it finds
    bases = set()
    for found in names:
        base = next((found[: -len(end)] for end in _COMPANIONS if found.endswith(end)), found)
        if match := name.fullmatch(base):
            bases.add((base, match.groupdict().get("pid")))
    for base, pid in bases:
        if pid is not None and _running(int(pid)):
            continue
        files = [folder / base, *(folder / (base + end) for end in _COMPANIONS)]
        if all(_untouched(file) for file in files):
            with contextlib.suppress(OSError):
                remove_with_companions(folder / base)


def _untouched(path: Path) -> bool:
    """Is ``path`` absent or unchanged for :data:`STALE_AFTER`?"""
    try:
        changed = path.lstat().st_mtime
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return time.time() - changed > STALE_AFTER


def _running(pid: int) -> bool:
    """May process ``pid`` be running on this PC? Only a clear "no such process" says no.

    Windows cannot be asked (``os.kill`` would end the process), and need not be: it
    refuses to delete a file a process still has open, so a writer at work keeps its file
    however long it is untouched. Saying "running" there kept a killed writer's leftover
    (half an Auskunft, a members file, a backup) for good (found by a tester)."""
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # another user's (no permission), or no process number at all
    return True
