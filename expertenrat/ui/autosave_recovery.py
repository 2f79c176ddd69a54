"""The local recovery files of the autosave: typed text that the database may not have yet.

One folder per database (named after a digest of its location, ``database.digest``) under
the user data folder, one small JSON file per autosaved record ("item-12.json"). A file is
written atomically (a temporary file in the same folder, flushed to the disk, then renamed
over the old one), so a killed program or a dead PC leaves either the old or the new text,
never half of one.
Writes may come from a worker thread and from the GUI thread (on flush): a lock and a
running number per record keep an older snapshot from overwriting a newer one.

Plain Python (no Qt): the autosave decides when to write; this module only writes and reads.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from expertenrat.domain.errors import os_error_text
from expertenrat.paths import user_data_dir
from expertenrat.services.files import FileWriteError, write_file

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class RecoveryEntry:
    """What was typed for one record (``payload``), on top of its stored ``version``."""

    key: str
    payload: dict
    version: int | None
    meta: dict = field(default_factory=dict)  # e.g. the meeting and a label for the offer
    written_at: str = ""  # ISO time, local wall clock


class RecoveryStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._latest: dict[str, int] = {}  # key → running number of the newest write
        self._unwritten: dict[str, str] = {}  # key → why its newest text is not in its file

    @classmethod
    def for_database(cls, digest: str, root: Path | None = None) -> RecoveryStore:
        """The store of the database whose short name is ``digest`` (the services'
        ``database.digest``: its path or address is not spelt out)."""
        return cls((root or user_data_dir()) / "recovery" / digest)

    def write(self, entry: RecoveryEntry, number: int) -> None:
        """Write ``entry`` unless a newer one (higher ``number``) was written already.

        A failing disk is logged, never raised: the text still stands in the editor, and
        :meth:`unwritten` says why it is not in the file.
        """
        with self._lock:
            if number <= self._latest.get(entry.key, -1):
                return  # written already, or removed since (its text is in the database)
            self._latest[entry.key] = number
            data = {
                "key": entry.key,
                "payload": entry.payload,
                "version": entry.version,
                "meta": entry.meta,
                "written_at": entry.written_at or datetime.now().isoformat(timespec="seconds"),
            }
            try:
                self._replace(self._path(entry.key), json.dumps(data, ensure_ascii=False))
            except (OSError, FileWriteError) as error:
                log.warning("Recovery file not written: %s", error)
                reason = error.reason if isinstance(error, FileWriteError) else ""
                self._unwritten[entry.key] = reason or (
                    os_error_text(error) if isinstance(error, OSError) else str(error)
                )
            else:
                self._unwritten.pop(entry.key, None)

    def unwritten(self, key: str) -> str:
        """Why the newest text of ``key`` is not in its file (its write failed: a full
        disk), or "" (written, removed, or never written)."""
        with self._lock:
            return self._unwritten.get(key, "")

    def remove(self, key: str, number: int) -> None:
        """Forget ``key`` (its text is in the database) unless newer text was written since.

        A file that cannot be removed (the folder turned read-only, another program holds
        it) stays and is logged, never raised: it was the unexpected-error dialog at each
        save (found by a tester). The next start offers it only if the database lacks it."""
        with self._lock:
            if number < self._latest.get(key, -1):
                return
            self._latest[key] = number
            self._unwritten.pop(key, None)
            try:
                self._path(key).unlink(missing_ok=True)
            except OSError as error:
                log.warning("Recovery file not removed: %s", error)

    def has_files(self) -> bool:
        """Whether any entry is kept (a directory listing, no file read)."""
        return self.folder.is_dir() and next(self.folder.glob("*.json"), None) is not None

    def entries(self) -> list[RecoveryEntry]:
        """Every readable entry; a damaged file is skipped (and left for a human to look at)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                found.append(
                    RecoveryEntry(
                        key=str(data["key"]),
                        payload=dict(data["payload"]),
                        version=data.get("version"),
                        meta=dict(data.get("meta") or {}),
                        written_at=str(data.get("written_at") or ""),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.warning("Recovery file %s skipped: %s", path.name, error)
        return found

    def _path(self, key: str) -> Path:
        return self.folder / f"{_UNSAFE.sub('-', key)}.json"

    def _replace(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, text.encode("utf-8"))
