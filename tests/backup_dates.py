"""Backups made at a known moment, and this computer's clock in Berlin's time, for the
restore question that names when its backup was made."""

from __future__ import annotations

import json
import os
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from expertenrat.store.backup_format import MANIFEST


def date_backup(backup: Path, made_utc: str) -> None:
    """Rewrite the manifest of the backup ``backup`` to say it was made at ``made_utc``."""
    with zipfile.ZipFile(backup) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    manifest = json.loads(members[MANIFEST])
    manifest["created_utc"] = made_utc
    members[MANIFEST] = json.dumps(manifest).encode()
    with zipfile.ZipFile(backup, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def date_file(copy: Path, made_utc: str) -> None:
    """Give the database copy ``copy`` the last change ``made_utc``."""
    stamp = datetime.fromisoformat(made_utc).timestamp()
    os.utime(copy, (stamp, stamp))


@contextmanager
def berlin_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process (and the commands it starts) on a computer set to Berlin's time. Its
    own context: monkeypatch.undo() would also undo the autouse fixtures."""
    try:
        with monkeypatch.context() as patch:
            patch.setenv("TZ", "Europe/Berlin")
            time.tzset()
            yield
    finally:
        time.tzset()
