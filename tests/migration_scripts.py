"""The migration scripts as Alembic sees them: a revision's parent or module, for tests."""

from __future__ import annotations

import functools

from alembic.script import ScriptDirectory

from expertenrat.store.migrate import alembic_config


@functools.cache
def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())
