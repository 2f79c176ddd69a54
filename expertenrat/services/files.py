"""Writing a document or export to the file the user chose: all or nothing.

The one writer of the window and the command line. The bytes go into a temporary file
next to the target, which then replaces the target in one rename, so an interrupted
write never leaves half a file. A folder, a link or a write-protected file at the target
is refused with a German message (``FileWriteError``), never replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from expertenrat.domain.errors import ExpertenratError, os_error_text


class FileWriteError(ExpertenratError):
    """The chosen file cannot be written; the message says why, in German."""


def write_file(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".expertenrat-{os.getpid()}.tmp")  # short: long names fit
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
        with temporary.open("xb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError as error:
        raise FileWriteError(
            f"„{path}“ kann nicht geschrieben werden: {os_error_text(error)}"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _writable(path: Path) -> bool:
    """Write-protected means no write bit (also for root, whom access() always allows)."""
    mode = path.stat().st_mode
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)
