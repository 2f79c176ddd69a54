"""The safety copies of the database: those a restore makes of the data it replaces
(:mod:`services.restore_copy`) and those made before a schema upgrade (beside a SQLite
file by the store, of a server database :mod:`services.server_upgrade_copy`), and the
damaged file a restore sets aside in its place (:mod:`services.damaged_restore`). They hold
every person's data as it was, so they are deleted by the retention rule
(:func:`~expertenrat.domain.backup_rotation.safety_copies_to_delete`): the newest few
stay, the others once they are older than the days set on this PC ("Sicherheitskopien
aufbewahren", 90 by default). The window deletes them at its start, with the daily backup
(and right after a restore, sparing the copy just made); "Aufbewahrung …" shows them.

Where they lie: beside a SQLite file (``NAME-vor-wiederherstellung-…``,
``NAME-vor-update-von-…``, ``NAME-beschädigt-…``), and of server databases in
``Sicherungen`` in this PC's data folder (``vor-wiederherstellung-….zip``,
``vor-update-von-….zip``). Each folder keeps its own newest ones. Nothing else in these
folders is ever touched.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

from expertenrat.domain.backup_rotation import (
    SAFETY_COPIES_KEPT,
    SAFETY_COPY_DAYS,
    SafetyCopies,
    safety_copies_to_delete,
    safety_copy_deletion_day,
)
from expertenrat.paths import user_data_dir
from expertenrat.store.database import Database
from expertenrat.store.engine import sqlite_file
from expertenrat.store.set_aside import remove_with_companions

log = logging.getLogger(__name__)

_STAMP = r"(?P<stamp>\d{4}-\d{2}-\d{2}-\d{6})"
SERVER_COPIES_FOLDER = "Sicherungen"


def _patterns(stem: str, suffix: str) -> tuple[re.Pattern[str], ...]:
    """The names of the safety copies of a database named ``stem`` + ``suffix`` (a blank
    ``stem``: a server database's, in ``Sicherungen``)."""
    start = re.escape(f"{stem}-" if stem else "")
    end = re.escape(suffix)
    return (
        re.compile(rf"{start}vor-wiederherstellung-{_STAMP}(-\d+)?{end}"),
        re.compile(rf"{start}vor-update-von-[0-9A-Za-z_]+(-{_STAMP})?{end}"),
        re.compile(rf"{start}beschädigt-{_STAMP}{end}"),
    )


class SafetyCopiesService:
    def __init__(self, database: Database, server_folder: Path | None = None) -> None:
        """``server_folder``: where the copies of server databases lie (default
        ``Sicherungen`` in this PC's data folder)."""
        self._db = database
        self._server_folder = server_folder

    def _groups(self) -> list[tuple[Path, tuple[re.Pattern[str], ...]]]:
        server = self._server_folder or user_data_dir() / SERVER_COPIES_FOLDER
        groups = [(server, _patterns("", ".zip"))]
        path = sqlite_file(self._db.url)
        if path is not None:
            groups.insert(0, (path.parent, _patterns(path.stem, path.suffix)))
        return groups

    def copies(self) -> list[dict[Path, datetime]]:
        """The safety copies of each folder with the time each was made (from its name,
        else the file's); a folder that cannot be read has none."""
        found = []
        for folder, patterns in self._groups():
            copies: dict[Path, datetime] = {}
            try:
                entries = list(os.scandir(folder))
            except OSError:
                entries = []  # no folder yet, or not reachable: nothing to rotate there
            for entry in entries:
                name = unicodedata.normalize("NFC", entry.name)  # "ä" as macOS may spell it
                match = next((m for p in patterns if (m := p.fullmatch(name))), None)
                if match is None or not entry.is_file():
                    continue
                made = _made(match.group("stamp"), entry)
                if made is not None:
                    copies[Path(entry.path)] = made
            found.append(copies)
        return found

    def summary(self, today: date, days: int = SAFETY_COPY_DAYS) -> SafetyCopies:
        groups = self.copies()
        made = [when for copies in groups for when in copies.values()]
        due = sum(len(safety_copies_to_delete(c, today, days)) for c in groups)
        later = [
            safety_copy_deletion_day(when, days)
            for copies in groups
            for when in sorted(copies.values(), reverse=True)[SAFETY_COPIES_KEPT:]
            if safety_copy_deletion_day(when, days) > today
        ]
        return SafetyCopies(
            len(made), min(made).date() if made else None, due, min(later, default=None)
        )

    def rotate(self, today: date, days: int = SAFETY_COPY_DAYS, spare: Path | None = None) -> int:
        """Delete the copies the rule names on ``today``, never ``spare`` (the copy of the
        restore just made); how many were. A copy that cannot be deleted stays (logged)."""
        deleted = 0
        for copies in self.copies():
            for path in safety_copies_to_delete(copies, today, days):
                if spare is not None and path == spare:
                    continue
                try:
                    remove_with_companions(path)
                except OSError as error:
                    log.warning("Die Sicherheitskopie „%s“ bleibt: %s", path, error)
                    continue
                log.info("Sicherheitskopie gelöscht (älter als %s Tage): %s", days, path)
                deleted += 1
        return deleted


def _made(stamp: str | None, entry: os.DirEntry[str]) -> datetime | None:
    if stamp is not None:
        try:
            return datetime.strptime(stamp, "%Y-%m-%d-%H%M%S")
        except ValueError:
            return None  # not a name the program gave
    try:
        return datetime.fromtimestamp(entry.stat().st_mtime)
    except OSError:
        return None
