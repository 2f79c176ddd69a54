"""Reading a file to import (a members list, a settings file, an annex, a logo, a backup):
only a regular file, and no further than such a file can go."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from expertenrat.domain.errors import ExpertenratError


class NotAFileError(ExpertenratError):
    """The path to read names no regular file (a folder, a named pipe, a device)."""


def check_regular_file(path: Path) -> None:
    """Refuse ``path`` unless it is a regular file (a link to one is), before anything
    opens it: reading a named pipe (FIFO) waits forever for a writer (even opening it
    does), a device such as /dev/zero never ends, a folder has no content to read.
    ``OSError`` if there is nothing at ``path`` or it cannot be looked at."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotAFileError(
            f"„{path}“ ist keine gewöhnliche Datei ({_kind(mode)}) und wird nicht gelesen. "
            "Bitte wählen Sie eine Datei."
        )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "sondern ein Ordner"
    if stat.S_ISFIFO(mode):
        return "sondern eine benannte Pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "sondern ein Gerät"
    if stat.S_ISSOCK(mode):
        return "sondern ein Socket"
    return "keine Datei mit Inhalt"


def read_at_most(path: Path, limit: int, too_large: Callable[[int], Exception]) -> bytes:
    """The content of ``path``, which may hold at most ``limit`` bytes; ``OSError`` if it
    cannot be read, :class:`NotAFileError` if it is no regular file (a named pipe or a
    device would block or never end). No more than ``limit + 1`` bytes are read: a file of
    gigabytes chosen by mistake was read whole before it was refused, taking seconds and
    its size in memory. A longer file raises ``too_large(size)``, its size as the file
    system tells it (or the bytes read, if the file grew meanwhile)."""
    check_regular_file(path)
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise too_large(max(os.fstat(handle.fileno()).st_size, len(data)))
    return data
