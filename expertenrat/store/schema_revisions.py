"""The schema revisions this program knows and the one it brings databases to (the head),
read from the migration scripts' text: apart from :mod:`expertenrat.store.migrate`, so that
naming the revision (``expertenrat --version``, Hilfe > Über) loads neither Alembic nor
SQLAlchemy (half a second on an office PC, for one line)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*[\"'](\w+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*[\"'](\w+)[\"']", re.MULTILINE)


@functools.cache
def _revisions() -> tuple[frozenset[str], str]:
    """Known revision ids and the head, read from the scripts without importing Alembic.

    Opening an up-to-date database at start-up needs only this; Alembic (a tenth of a
    second to import) is loaded only when a database has to be migrated.
    """
    known: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = script.read_text("utf-8")
        revision = _REVISION.search(text)
        if revision is None:
            continue
        known.add(revision.group(1))
        parents.update(_DOWN_REVISION.findall(text))
    heads = known - parents
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {sorted(heads)}")
    return frozenset(known), heads.pop()


def head_revision() -> str:
    return _revisions()[1]


def is_known_revision(revision: str) -> bool:
    return revision in _revisions()[0]
