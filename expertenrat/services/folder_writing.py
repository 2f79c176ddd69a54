"""Writing an export's files as the new content of the folder the user chose: all or
nothing, never replacing a folder of other files (the user's documents chosen by mistake).
A single file: :mod:`expertenrat.services.files`."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from expertenrat.services.files import FileWriteError, write_failure

_WRITERS = 4  # threads creating the files of a folder export


@dataclass(frozen=True, slots=True)
class WrittenFolder:
    """What :func:`write_folder` wrote: where, how many files, how many bytes; and what the
    user should still know of what went out (``warnings``, added by the export)."""

    folder: Path
    files: int
    size: int
    warnings: tuple[str, ...] = ()


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
    # Its own (another export may write beside it); short whatever the folder's name: with
    # that name in it, a folder named near the limit of 255 bytes was refused as too long.
    stem = f".expertenrat-ordner-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    temporary, old = folder.with_name(f"{stem}.tmp"), folder.with_name(f"{stem}.old")
    swapped = False
    try:
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        size = _write_all(temporary, files)
        _swap(temporary, folder, old)
        swapped = True
        return WrittenFolder(folder, len(files), size)
    except OSError as error:
        longest = len(str(temporary)) + 1 + max(map(len, files), default=0)
        failure = write_failure(folder, error, longest)
        if _holds_anything(old):
            failure = FileWriteError(
                f"{failure.message} Der bisherige Inhalt des Ordners konnte nicht "
                f"zurückgelegt werden; er liegt nun in „{old}“.",
                failure.detail,
            )
        raise failure from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        # Not the earlier export that could not be put back: removed, it was lost (found by
        # a tester, the folder's place taken by another program meanwhile).
        if swapped or not _holds_anything(old):
            shutil.rmtree(old, ignore_errors=True)


def _holds_anything(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError:  # not there (put back whole), or not readable: nothing to be judged
        return False


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
