"""Writing a document or export to the file the user chose: all or nothing; and reading a
file to import no further than such a file can go.

The one writer of the window and the command line. The bytes go into a temporary file
next to the target, which then replaces the target in one rename, so an interrupted
write never leaves half a file. A folder, a link, a write-protected file or a database (the
program's own chosen by mistake) at the target is refused with a German message
(``FileWriteError``), never replaced.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import uuid
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from expertenrat.domain.errors import ExpertenratError, os_error_detail, os_error_text
from expertenrat.services.leftovers import remove_stale

_WRITERS = 4  # threads creating the files of a folder export

# The temporary name of :func:`writing_file`, left behind by a program killed while writing.
_TEMPORARY = re.compile(r"\.expertenrat-(?P<pid>\d+)-[0-9a-f]{8}\.tmp")


class FileWriteError(ExpertenratError):
    """The chosen file cannot be written; the message says why, in German."""


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


def write_file(path: Path, data: bytes) -> None:
    with writing_file(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def writing_file(path: Path) -> Iterator[IO[bytes]]:
    """A handle for the new content of ``path``, written all or nothing like
    :func:`write_file` (for content too big to hold in memory first)."""
    # Short, so that long names fit; its own, as another job or another PC (whose process
    # may have the same number) may be writing into the same folder at the same time.
    temporary = path.with_name(f".expertenrat-{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    remove_stale(path.parent, _TEMPORARY)
    try:
        if path.is_symlink():
            raise FileWriteError(
                f"„{path}“ ist eine Verknüpfung (symbolischer Link) und wird nicht ersetzt. "
                "Bitte geben Sie den Namen der Zieldatei selbst an."
            )
        if path.is_dir():
            raise FileWriteError(f"„{path}“ ist ein Ordner. Bitte geben Sie einen Dateinamen an.")
        if path.exists() and not _writable(path):
            raise FileWriteError(
                f"„{path}“ ist schreibgeschützt und wird nicht ersetzt. Bitte wählen Sie "
                "einen anderen Dateinamen."
            )
        if _is_database(path):  # the program's own, a daily copy: its data would be gone
            raise FileWriteError(
                f"„{path}“ ist eine Datenbank und wird nicht ersetzt. Bitte wählen Sie "
                "einen anderen Dateinamen."
            )
        with temporary.open("xb") as handle:
            yield handle
        os.replace(temporary, path)
    except OSError as error:
        raise FileWriteError(
            f"„{path}“ kann nicht geschrieben werden: {os_error_text(error)}",
            os_error_detail(error),
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


# The start of a SQLite database file, and of its write-ahead log (either byte order).
_DATABASE_STARTS = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def _is_database(path: Path) -> bool:
    """Whether ``path`` is a SQLite database file (or the log of one)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(16)
    except OSError:  # none there, or unreadable: the writing says what it finds
        return False
    return start.startswith(_DATABASE_STARTS)


def _writable(path: Path) -> bool:
    """Write-protected means no write bit (also for root, whom access() always allows)."""
    mode = path.stat().st_mode
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


@dataclass(frozen=True, slots=True)
class WrittenFolder:
    """What :func:`write_folder` wrote: where, how many files, how many bytes."""

    folder: Path
    files: int
    size: int


class FolderNotEmptyError(FileWriteError):
    """The target folder holds files; replacing them needs the user's word (``force``)."""


def check_folder(folder: Path, *, force: bool, mark: str) -> None:
    """Whether :func:`write_folder` may write into ``folder``: raises what it would raise
    before any work (the window asks about a :class:`FolderNotEmptyError` first)."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise FileWriteError(f"„{folder}“ ist kein Ordner. Bitte wählen Sie einen Ordner.")
    if folder.is_dir() and any(folder.iterdir()):
        if not (folder / mark).is_file():
            raise FileWriteError(
                f"Der Ordner „{folder}“ enthält andere Dateien und keinen früheren Export "
                f"dieser Art (die Datei „{mark}“ fehlt). Damit nichts verloren geht, wird er "
                "nicht ersetzt. Bitte wählen Sie einen leeren Ordner oder den Ordner eines "
                "früheren Exports."
            )
        if not force:
            raise FolderNotEmptyError(
                f"Der Ordner „{folder}“ ist nicht leer. Sein Inhalt würde vollständig ersetzt."
            )


def write_folder(
    folder: Path, files: Mapping[str, bytes], *, force: bool = False, mark: str
) -> WrittenFolder:
    """Write ``files`` (relative path → bytes) as the new content of ``folder``.

    All of it goes into a temporary folder next to the target first, which then takes the
    target's place; an interrupted export leaves the old folder as it was. A folder that
    is not empty is replaced only with ``force``, and only if it holds an earlier export
    of the same kind (its file ``mark``, one of ``files``): a folder of other files, the
    user's documents chosen by mistake, is never replaced. A bytes object given for
    several paths is written once and hard-linked where the file system allows (``size``
    counts it once).
    """
    check_folder(folder, force=force, mark=mark)
    stem = f".{folder.name}.expertenrat-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # its own
    temporary, old = folder.with_name(f"{stem}.tmp"), folder.with_name(f"{stem}.old")
    try:
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        size = _write_all(temporary, files)
        _swap(temporary, folder, old)
        return WrittenFolder(folder, len(files), size)
    except OSError as error:
        raise FileWriteError(
            f"„{folder}“ kann nicht geschrieben werden: {os_error_text(error)}",
            os_error_detail(error),
        ) from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def _write_all(root: Path, files: Mapping[str, bytes]) -> int:
    """Write the files under ``root``; the number of bytes written.

    Creating a file costs far more than writing its bytes (antivirus scanners, sandboxes),
    so a few threads create them side by side, each a run of paths in order (mostly its
    own folders); copies are linked afterwards. Plain ``os`` calls: a large export has
    tens of thousands of small files, and ``open()``'s layers cost more than the writing.
    """
    base = os.fspath(root)
    folders: set[str] = set()
    first: dict[int, str] = {}  # id of a bytes object → the file that holds it
    unique: list[tuple[str, bytes]] = []
    copies: list[tuple[str, str, bytes]] = []
    for relative in sorted(files):
        if not _inside(relative):
            raise FileWriteError(f"„{relative}“ liegt außerhalb des Ordners.")
        data = files[relative]
        path = os.path.join(base, relative)
        parent = os.path.dirname(path)
        if parent not in folders:
            os.makedirs(parent, exist_ok=True)
            folders.add(parent)
        if id(data) in first:
            copies.append((path, first[id(data)], data))
        else:
            first[id(data)] = path
            unique.append((path, data))
    runs = -(-len(unique) // _WRITERS) or 1
    with ThreadPoolExecutor(_WRITERS) as pool:
        list(pool.map(_create_files, (unique[i : i + runs] for i in range(0, len(unique), runs))))
    for path, original, data in copies:
        try:
            os.link(original, path)
        except OSError:
            _create_files([(path, data)])
    return sum(len(data) for _path, data in unique)


def _inside(relative: str) -> bool:
    parts = relative.replace("\\", "/").split("/")
    return not os.path.isabs(relative) and ".." not in parts and not os.path.splitdrive(relative)[0]


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create_files(run: list[tuple[str, bytes]]) -> None:
    for path, data in run:
        handle = os.open(path, _NEW_FILE, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)


def _swap(new: Path, folder: Path, old: Path) -> None:
    """Put ``new`` in the place of ``folder``; the old content returns if that fails."""
    if not folder.exists():
        os.replace(new, folder)
        return
    if _is_current_folder(folder):
        _swap_contents(new, folder, old)
        return
    os.replace(folder, old)
    try:
        os.replace(new, folder)
    except OSError:
        os.replace(old, folder)
        raise


def _is_current_folder(folder: Path) -> bool:
    try:
        return os.path.samefile(folder, os.getcwd())
    except OSError:
        return False


def _swap_contents(new: Path, folder: Path, old: Path) -> None:
    """:func:`_swap` entry by entry, for the current folder (``--out .``): replaced itself,
    it would leave the shell in a deleted folder, and Windows renames no folder that a
    program is in. The folder's entries go to ``old`` and ``new``'s take their place; if
    that fails, they are put back."""
    old.mkdir()
    taken_out: list[str] = []
    put_in: list[str] = []
    try:
        for name in sorted(os.listdir(folder)):
            os.replace(folder / name, old / name)
            taken_out.append(name)
        for name in sorted(os.listdir(new)):
            os.replace(new / name, folder / name)
            put_in.append(name)
    except OSError:
        for name in put_in:
            os.replace(folder / name, new / name)
        for name in taken_out:
            os.replace(old / name, folder / name)
        raise
