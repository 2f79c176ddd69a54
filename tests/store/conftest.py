"""The migration tests' database at an old revision with an engine on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from sqlalchemy import URL, Engine

from expertenrat.store.engine import make_engine


@pytest.fixture
def engine_at(database_at) -> Iterator[Callable[[str], tuple[URL, Engine]]]:
    """``url, engine = engine_at("0019")``: :func:`database_at`'s database of the test's
    own at revision 0019 on each backend, and an engine on it, disposed after the test."""
    with ExitStack() as engines:

        def at(revision: str) -> tuple[URL, Engine]:
            url = database_at(revision)
            engine = make_engine(url)
            engines.callback(engine.dispose)
            return url, engine

        yield at
