"""Which schema revision this version of the program brings its databases to, for the
version line (``expertenrat --version``, Hilfe > Über): read without loading the data
stack (SQLAlchemy), which neither needs."""

from __future__ import annotations

from expertenrat.store import schema_revisions


def schema_revision() -> str:
    """The schema revision this version of the program brings its databases to ("0022"):
    what a message about a database or backup "aus einer neueren Version" compares, so
    it is shown with the version number (which does not change with each revision)."""
    return schema_revisions.head_revision()
