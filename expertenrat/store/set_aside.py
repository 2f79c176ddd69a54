"""Setting a SQLite file aside: renamed next to it together with its journal files (-wal,
-shm, -journal), so that a new file can take its place and the old one stays for an
expert to look at; and putting it back. Removing a new file, journal files and all."""

from __future__ import annotations

import os
from pathlib import Path

from expertenrat.domain.errors import DatabaseUnusableError, os_error_detail, os_error_text

_COMPANIONS = ("-wal", "-shm", "-journal")


def set_aside(path: Path, label: str) -> Path:
    """Rename ``path`` (and its journal files) to ``<stem>-<label><suffix>``; the new path."""
    aside = path.with_name(f"{path.stem}-{label}{path.suffix}")
    moved: list[tuple[Path, Path]] = []
    try:
        for source, target in _pairs(path, aside):
            if source.exists():
                os.replace(source, target)
                moved.append((source, target))
    except OSError as error:
        for source, target in reversed(moved):
            os.replace(target, source)
        raise DatabaseUnusableError(
            f"Die Datei „{path}“ kann nicht beiseitegelegt werden: {os_error_text(error)} "
            "Es wurde nichts verändert.",
            os_error_detail(error),
        ) from None
    return aside


def put_back(aside: Path, path: Path) -> None:
    """Undo ``set_aside``: whatever is at ``path`` now is replaced by the file set aside."""
    for target, source in _pairs(path, aside):
        if source.exists():
            os.replace(source, target)
        else:
            target.unlink(missing_ok=True)


def remove_with_companions(path: Path) -> None:
    """Delete ``path`` and its journal files, those that exist."""
    for file in [path, *(path.with_name(path.name + end) for end in _COMPANIONS)]:
        file.unlink(missing_ok=True)


def _pairs(path: Path, other: Path) -> list[tuple[Path, Path]]:
    return [(path, other)] + [
        (path.with_name(path.name + end), other.with_name(other.name + end)) for end in _COMPANIONS
    ]
