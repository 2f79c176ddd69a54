"""A SQLite file with one table's root page overwritten: SQLite calls it damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_table(path: Path, table: str = "councils") -> Path:
    """Overwrite the root page of ``table`` in the SQLite file ``path``; ``path``."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
    ).fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = bytes(range(256)) * (page_size // 256)
    path.write_bytes(bytes(data))
    return path
