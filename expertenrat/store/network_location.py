"""Whether a database file lies on a network file system: a Windows share (``S:\\…``
mapped, ``\\\\server\\share\\…``, a "Dokumente" redirected to a server) or, elsewhere, a
cifs/smb3, NFS or sshfs mount.

There SQLite's write-ahead log does not work (its shared memory, the ``-shm`` file, is each
PC's own), and the share's file locks are not reliable: two PCs that work with one such file
at the same time can damage it. The file is then kept in SQLite's rollback journal
(:func:`expertenrat.store.engine.sqlite_journal_mode`) and the user is told that only one
PC at a time may work with it (:func:`expertenrat.services.database_choice.network_note`).

The decision (:func:`on_network`) is a pure function of the platform's facts
(:class:`PlacementFacts`), so that the Windows branch is tested on Linux too; the facts are
gathered by :func:`placement_facts`. Where they cannot be had (another system, an
unreadable mount table) the file counts as local, as before.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

# File system types (Linux's mount table) that reach another computer; the desktops' own
# mounts of a share opened in the file manager (GNOME's gvfs, KDE's kio-fuse) too.
NETWORK_FILE_SYSTEMS = frozenset(
    {
        "9p",
        "afs",
        "ceph",
        "cifs",
        "coda",
        "davfs",
        "glusterfs",
        "lustre",
        "ncpfs",
        "nfs",
        "nfs4",
        "smb3",
        "smbfs",
        "fuse.cephfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.gvfsd-fuse",
        "fuse.kio-fuse",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.sshfs",
        "fuse.smbnetfs",
        "sshfs",
    }
)
DRIVE_REMOTE = 4  # Windows' GetDriveTypeW for a network drive
MOUNT_TABLE = Path("/proc/self/mountinfo")


@dataclass(frozen=True)
class PlacementFacts:
    """What the platform says about where ``path`` (absolute) lies. ``windows``: a Windows
    path; ``drive_type``: GetDriveTypeW of its drive (``None``: unknown); ``mounts``:
    elsewhere, each mount's point and file system type."""

    path: str
    windows: bool
    drive_type: int | None = None
    mounts: tuple[tuple[str, str], ...] = ()


def on_network(facts: PlacementFacts) -> bool:
    """Whether the file of ``facts`` lies on a network file system."""
    if facts.windows:
        path = facts.path.replace("/", "\\")
        if path.upper().startswith("\\\\?\\UNC\\"):
            return True
        if path.startswith("\\\\") and not path.startswith(("\\\\?\\", "\\\\.\\")):
            return True  # \\server\share\…
        return facts.drive_type == DRIVE_REMOTE
    file_system = _file_system_of(PurePosixPath(facts.path), facts.mounts)
    return file_system in NETWORK_FILE_SYSTEMS


def _file_system_of(path: PurePath, mounts: tuple[tuple[str, str], ...]) -> str | None:
    """The type of the innermost mount that holds ``path``."""
    holding = [
        (len(PurePosixPath(point).parts), kind)
        for point, kind in mounts
        if path == PurePosixPath(point) or PurePosixPath(point) in path.parents
    ]
    return max(holding)[1] if holding else None


def is_on_network(path: Path) -> bool:
    """Whether the file ``path`` (it may not exist yet) lies on a network file system."""
    return on_network(placement_facts(path))


def placement_facts(path: Path) -> PlacementFacts:
    """This platform's facts about ``path``."""
    absolute = os.path.realpath(path)
    if os.name == "nt":
        return PlacementFacts(absolute, windows=True, drive_type=_drive_type(absolute))
    return PlacementFacts(absolute, windows=False, mounts=_mounts())


def _drive_type(path: str) -> int | None:
    if sys.platform != "win32":  # the type checker's guard for windll
        return None
    import ctypes

    root = PureWindowsPath(path).anchor or None
    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
    except OSError:
        return None


def _mounts() -> tuple[tuple[str, str], ...]:
    """The mount table's points and types (``/proc/self/mountinfo``: the point is the 5th
    field, with blanks and the like as octal escapes; the type follows the lone "-")."""
    try:
        lines = MOUNT_TABLE.read_text("utf-8", "surrogateescape").splitlines()
    except OSError:
        return ()
    mounts = []
    for line in lines:
        fields = line.split(" ")
        if "-" not in fields[6:-1]:
            continue
        mounts.append((_unescaped(fields[4]), fields[fields.index("-", 6) + 1]))
    return tuple(mounts)


def _unescaped(point: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), point)
