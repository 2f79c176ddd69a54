"""Writing a document or export to the file the user chose: all or nothing (reading a file
to import: :mod:`expertenrat.services.file_reading`).

The one writer of the window and the command line (and of the autosave's recovery files).
The bytes go into a temporary file next to the target, flushed to the disk, which then
replaces the target in one rename, so an interrupted write (a killed program, a PC that
dies) never leaves half a file. A folder, a link, a write-protected file or a database
(the program's own chosen by mistake) at the target is refused with a German message
(``FileWriteError``), never replaced. A folder of files: :mod:`expertenrat.services.folder_writing`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

from expertenrat.domain.errors import ExpertenratError, os_error_detail, os_error_text
from expertenrat.services.leftovers import remove_stale

# The temporary names of :func:`writing_file` and :func:`replacing_files` (its copies of
# the files replaced), left behind by a program killed while writing.
_TEMPORARY = re.compile(r"\.expertenrat-(?P<pid>\d+)-[0-9a-f]{8}\.tmp")


class FileWriteError(ExpertenratError):
    """The chosen file cannot be written; the message says why, in German. ``reason``:
    the file system's error alone ("Der Datenträger ist voll."), where it was one."""

    reason = ""


def write_file(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` as the new content of ``path`` (see the module); ``private``: a file
    of personal data, readable by its owner alone (see :func:`writing_file`)."""
    with writing_file(path, private=private) as handle:
        handle.write(data)


def refuse_folder(path: Path) -> None:
    """Refuse a target ``path`` that is a folder: before its ending is looked at, too, which
    a folder has none of ("Die Dateiendung „(keine)“ ist unbekannt", found by a tester)."""
    if path.is_dir():
        raise FileWriteError(f"„{path}“ ist ein Ordner. Bitte geben Sie einen Dateinamen an.")


@contextlib.contextmanager
def writing_file(path: Path, *, private: bool = False) -> Iterator[IO[bytes]]:
    """A handle for the new content of ``path``, written all or nothing like
    :func:`write_file` (for content too big to hold in memory first). ``private``: the
    file is the owner's alone (mode 600 where there are POSIX modes), as the backups are,
    whatever the umask and the replaced file's mode: an Auskunft or a members file saved
    with the usual umask 022 was readable by every login of a shared PC (found by a
    tester). The temporary file is made with that mode, not given it after: another login
    that opened it in between would have read all that was written (found by review)."""
    temporary = _temporary_name(path)
    remove_stale(path.parent, _TEMPORARY)
    try:
        if path.is_symlink():
            raise FileWriteError(
                f"„{path}“ ist eine Verknüpfung (symbolischer Link) und wird nicht ersetzt. "
                "Bitte geben Sie den Namen der Zieldatei selbst an."
            )
        refuse_folder(path)
        if not path.parent.is_dir():  # "Der Ordner oder die Datei existiert nicht." said less
            raise FileWriteError(
                f"„{path}“ kann nicht geschrieben werden: Den Ordner „{path.parent}“ gibt es "
                "nicht. Bitte wählen Sie einen vorhandenen Ordner."
            )
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
        with created_file(temporary, private=private) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # on the disk before it takes the name: a PC that dies
        os.replace(temporary, path)
    except OSError as error:
        raise write_failure(path, error, max(len(str(path)), len(str(temporary)))) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def created_file(path: Path, *, private: bool = False) -> IO[bytes]:
    """``path`` made for writing (none may be there), with the umask's mode or, ``private``,
    the owner's alone from the start (not given it after: another login that opened it in
    between would read all that is written, found by review)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # Windows: no \r\n
    return os.fdopen(os.open(path, flags, 0o600 if private else 0o666), "wb")


@contextlib.contextmanager
def replacing_files(files: Mapping[Path, bytes]) -> Iterator[None]:
    """Write ``files`` (path → bytes), each as :func:`write_file` does, as one: the block
    runs with all of them in place; if a file cannot be written or the block raises, the
    files written are taken back and an earlier file of the same name returns (a letter
    and its e-mail draft: the earlier letter was lost when the draft failed, found by a
    tester)."""
    earlier: dict[Path, Path | None] = {}  # a file written → the copy of what it replaced
    try:
        for path, data in files.items():
            earlier[path] = _copy_of(path)
            write_file(path, data)
        yield
    except BaseException:
        for path, copy in reversed(earlier.items()):
            with contextlib.suppress(OSError):
                if copy is None:
                    path.unlink(missing_ok=True)
                else:
                    os.replace(copy, path)
        raise
    finally:
        for copy in earlier.values():
            with contextlib.suppress(OSError):
                if copy is not None:
                    copy.unlink(missing_ok=True)


def _copy_of(path: Path) -> Path | None:
    """A copy of the regular file at ``path`` beside it (``None``: none there)."""
    if path.is_symlink() or not path.is_file():
        return None  # nothing to keep: write_file refuses a link, a folder
    copy = _temporary_name(path)
    try:
        shutil.copyfile(path, copy)
    except OSError as error:
        raise write_failure(path, error, len(str(copy))) from None
    return copy


def _temporary_name(path: Path) -> Path:
    # Short, so that long names fit; its own, as another job or another PC (whose process
    # may have the same number) may be writing into the same folder at the same time.
    return path.with_name(f".expertenrat-{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


def write_failure(path: Path, error: OSError, longest_path: int) -> FileWriteError:
    """Why ``path`` (a file or an export's folder) could not be written, and what to do;
    ``longest_path``: the length of the longest path written (a temporary one included)."""
    said = f"„{path}“ kann nicht geschrieben werden: {os_error_text(error)}"
    advice = _advice(path, error, longest_path)
    failure = FileWriteError(f"{said} {advice}" if advice else said, os_error_detail(error))
    failure.reason = os_error_text(error)
    return failure


def _advice(path: Path, error: OSError, longest_path: int) -> str:
    """What the user can do about ``error``. Windows refuses to replace a file another
    program holds open (a PDF still shown in Acrobat) with "access denied": "Keine
    Berechtigung." alone sent the user to look for permissions (found by a tester)."""
    if isinstance(error, PermissionError) or error.errno == errno.EBUSY:
        if path.is_dir():
            return (
                "Ist eine Datei dieses Ordners noch in einem anderen Programm geöffnet (etwa "
                "im PDF-Betrachter)? Dann schließen Sie sie dort und versuchen es noch "
                "einmal. Sonst wählen Sie bitte einen anderen Ordner."
            )
        if path.exists():
            return (
                "Ist die Datei noch in einem anderen Programm geöffnet (etwa "
                f"{_OPENED_IN.get(path.suffix.lower(), 'im PDF-Betrachter')})? Dann schließen "
                "Sie sie dort und versuchen es noch einmal. Sonst wählen Sie bitte einen "
                "anderen Ordner."
            )
        return "Bitte wählen Sie einen Ordner, in dem Sie Dateien speichern dürfen."
    if error.errno == errno.ENOENT and longest_path > _WINDOWS_LONGEST_PATH:
        return (
            f"Ist der Pfad zu lang? Windows erlaubt oft nur {_WINDOWS_LONGEST_PATH} Zeichen, "
            f"hier sind es beim Schreiben bis zu {longest_path} Zeichen. Bitte wählen Sie "
            "einen kürzeren Namen oder einen weniger tief verschachtelten Ordner."
        )
    return _ADVICE.get(error.errno or 0, "")


# Windows without long paths switched on finds no file of a longer path and says "Der Ordner
# oder die Datei existiert nicht.": the temporary file beside the target or the files inside
# a folder export may be longer than the path chosen.
_WINDOWS_LONGEST_PATH = 259


# Where a file of each kind is open while it is to be replaced (else a PDF's viewer).
_OPENED_IN = {
    ".csv": "in Excel",
    ".xlsx": "in Excel",
    ".eml": "im E-Mail-Programm",
    ".ics": "im Kalender",
    ".zip": "im Explorer",
    ".json": "im Editor",
}
_FREE_SPACE = (
    "Bitte schaffen Sie Platz auf dem Laufwerk (etwa durch Löschen nicht mehr benötigter "
    "Dateien) oder wählen Sie einen anderen Ort."
)
_ADVICE = {
    errno.ENOSPC: _FREE_SPACE,
    errno.EDQUOT: _FREE_SPACE,
    errno.ENOENT: "Ist das Laufwerk noch verbunden? Bitte wählen Sie einen vorhandenen Ordner.",
    errno.EROFS: "Bitte wählen Sie einen anderen Ort.",
    errno.ENAMETOOLONG: "Bitte wählen Sie einen kürzeren Namen oder einen weniger tief "
    "verschachtelten Ordner.",
    errno.EINVAL: "Bitte wählen Sie einen anderen Namen.",
}


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
