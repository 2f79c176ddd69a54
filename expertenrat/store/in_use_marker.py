"""Which PC has a database file on a network drive open: the marker file beside it
(``expertenrat.db-in-use``), as an office program marks a document in use.

Only one PC at a time may work with such a file (:mod:`expertenrat.store.network_location`).
The program that opens it to work with it writes its PC, user and time into the marker and
holds a lock on the marker (a byte far past its text, so that the text stays readable on
Windows too) for as long as the file is open. Another PC that opens the file finds the
lock held and reads who holds it; a lock no one holds (a PC that crashed, whose system or
the share released it) is a marker left over, taken over. A marker of this PC (the command
line beside the window) is no other PC's.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from expertenrat.store.network_location import is_on_network

MARKER_SUFFIX = "-in-use"
_LOCKED_BYTE = 1 << 20  # past the marker's text
# The markers this program holds: a second opening of the same file takes none, since on
# Linux closing it would end the lock of the first (a process's locks on a file all go
# with any of its descriptors of the file).
_HELD: set[Path] = set()


@dataclass(frozen=True)
class Holder:
    """Who has the file open: the PC, the user on it and since when."""

    pc: str
    user: str
    since: datetime


def claim_on_network(path: Path) -> tuple[InUseMarker | None, Holder | None]:
    """:meth:`InUseMarker.claim` for a database file on a network drive; a file on this PC
    gets no marker: ``(None, None)``."""
    return InUseMarker.claim(path) if is_on_network(path) else (None, None)


def marker_path(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


class InUseMarker:
    """The marker of one database file, held while it is open (see the module)."""

    def __init__(self, descriptor: int, path: Path) -> None:
        self._descriptor: int | None = descriptor
        self._path = path

    @staticmethod
    def claim(path: Path) -> tuple[InUseMarker | None, Holder | None]:
        """Mark ``path`` as open on this PC. Returns the marker held (``None`` where it
        cannot be, e.g. no write permission or another PC's) and another PC that has the
        file open (``None``: none known)."""
        marker = marker_path(path)
        if marker in _HELD:
            return None, None
        try:
            # Readable and lockable by the colleagues who share the file (where modes count).
            descriptor = os.open(marker, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return None, None
        try:
            if not _lock(descriptor):
                holder = _holder(descriptor)
                os.close(descriptor)
                return None, holder if holder is not None and holder.pc != this_pc() else None
            _write(descriptor)
        except OSError:
            os.close(descriptor)
            return None, None
        _HELD.add(marker)
        return InUseMarker(descriptor, marker), None

    def release(self) -> None:
        """The file is closed: the marker goes, and its lock with it. It is removed while
        the lock is held (where the system lets an open file go: not Windows), so that it
        never removes a marker another PC took meanwhile."""
        if self._descriptor is None:
            return
        try:
            self._path.unlink()
            removed = True
        except OSError:
            removed = False
        os.close(self._descriptor)
        self._descriptor = None
        _HELD.discard(self._path)
        if not removed:
            with contextlib.suppress(OSError):
                self._path.unlink()


def this_pc() -> str:
    return socket.gethostname()


def _lock(descriptor: int) -> bool:
    """Take the marker's lock without waiting; ``False`` where another program holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(descriptor, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _LOCKED_BYTE)
    except OSError:
        return False
    return True


def _write(descriptor: int) -> None:
    text = json.dumps({"pc": this_pc(), "user": _user(), "since": datetime.now().isoformat()})
    os.ftruncate(descriptor, 0)
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.write(descriptor, text.encode("utf-8"))


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name to be had
        return ""


def _holder(descriptor: int) -> Holder | None:
    """Who the marker names; ``None`` where it names no one readable."""
    try:
        os.lseek(descriptor, 0, os.SEEK_SET)
        data = json.loads(os.read(descriptor, 4096).decode("utf-8"))
        return Holder(str(data["pc"]), str(data["user"]), datetime.fromisoformat(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
