"""Searching text regardless of case, umlauts included, on both databases.

SQLite's ``lower()`` and ``LIKE`` fold only A–Z, so "müller" would not find "Müller".
:func:`contains_text` compares lower case on both sides: on PostgreSQL with ``lower()``
(which folds every letter), on SQLite with :class:`unicode_lower`, Python's ``str.lower``
registered on every SQLite connection of this program (:func:`register`). A Python call per
row is slow, so SQLite first narrows the rows with its own ``LIKE``, each letter beyond
ASCII standing for any one character ("m_ller"), and calls Python only for those.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import Text

SQLITE_NAME = "unicode_lower"
_ESCAPE = "/"


class unicode_lower(GenericFunction):  # named like the SQL function it is
    """``unicode_lower(column)``: the text in lower case, umlauts included."""

    type = Text()
    inherit_cache = True


@compiles(unicode_lower)
def _lower(element, compiler, **kw) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(unicode_lower, "sqlite")
def _sqlite_lower(element, compiler, **kw) -> str:
    return f"{SQLITE_NAME}({compiler.process(element.clauses, **kw)})"


def contains_text(column: Any, text: str) -> ColumnElement[bool]:
    """Whether ``column`` contains ``text``, case aside (``%`` and ``_`` are plain)."""
    rough = "".join(_escaped(c) if c.isascii() else "_" for c in text)
    narrowed = func.lower(column).like(f"%{rough}%", escape=_ESCAPE)
    if text.isascii():
        return narrowed  # SQLite's LIKE is exact for A–Z already
    return and_(narrowed, unicode_lower(column).contains(text.lower(), autoescape=True))


def _escaped(character: str) -> str:
    return _ESCAPE + character if character in "%_" + _ESCAPE else character.lower()


def _lowered(text: str | None) -> str | None:
    return None if text is None else text.lower()


def register(connection: sqlite3.Connection) -> None:
    """Give a new SQLite connection the function behind :class:`unicode_lower`."""
    connection.create_function(SQLITE_NAME, 1, _lowered, deterministic=True)
