"""The base of the models: naming, UTC timestamps, public ids, soft deletion, column helpers.

Every timestamp is a *naive datetime in UTC*, set on the Python side by :func:`utc_now`,
so both databases hold the same values whatever their server time zone. For rows written
without the ORM, ``created`` and ``modified`` have a server default in UTC too
(:class:`UtcNowDefault`, as the migrations made it: PostgreSQL's since 0004).
"""

import os
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, Integer, MetaData, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.sql.expression import FunctionElement

from expertenrat.domain.field_limits import TextField

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> datetime:
    """Now in UTC as a naive datetime: the form of every timestamp in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


class UtcNowDefault(FunctionElement[datetime]):
    """The database's own "now" in UTC, for a server default (SQL differs per system)."""

    type = DateTime()
    name = "utc_now"
    inherit_cache = True


@compiles(UtcNowDefault, "sqlite")
def _utc_now_sqlite(_element: UtcNowDefault, _compiler: Any, **_kw: Any) -> str:
    return "CURRENT_TIMESTAMP"  # SQLite's is UTC


@compiles(UtcNowDefault, "postgresql")
def _utc_now_postgresql(_element: UtcNowDefault, _compiler: Any, **_kw: Any) -> str:
    return "(now() AT TIME ZONE 'UTC')"


def column_values(record: object, keys: Sequence[str]) -> dict[str, Any]:
    """The values of ``keys`` (column attributes) of an ORM record.

    Loaded values come from the instance's dictionary: bulk work reads tens of thousands
    of records, and the instrumented attributes cost most of that. If one is expired or
    deferred, all go through the attributes (which load it).
    """
    loaded = record.__dict__
    if all(key in loaded for key in keys):
        return {key: loaded[key] for key in keys}
    return {key: getattr(record, key) for key in keys}


def new_public_id() -> str:
    return str(uuid.uuid4())


def new_public_ids(count: int) -> list[str]:
    """``count`` public ids of the form :func:`new_public_id` gives (random UUIDs of version
    4), made from one draw of random bytes: a bulk write takes tens of thousands, and
    ``uuid4`` costs a ``UUID`` object per id."""
    digits = os.urandom(16 * count).hex()
    return [
        f"{digits[i : i + 8]}-{digits[i + 8 : i + 12]}-4{digits[i + 13 : i + 16]}-"
        f"{_VARIANT[int(digits[i + 16], 16) & 3]}{digits[i + 17 : i + 20]}-"
        f"{digits[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


_VARIANT = "89ab"
"""The first digit of the fourth group of a UUID of RFC 4122 (two bits fixed, two random)."""


def one_of(column: str, values: type[StrEnum], *, nullable: bool = False) -> CheckConstraint:
    """A CHECK that ``column`` holds one of the enum's values (named after the column)."""
    listed = ", ".join(f"'{member.value}'" for member in values)
    condition = f"{column} IN ({listed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=column)


def limited_string(spec: TextField) -> String:
    """The column type of a text field: as long as the domain allows (``field_limits``)."""
    return String(spec.max_length)


def not_negative(*columns: str) -> list[CheckConstraint]:
    return [CheckConstraint(f"{column} >= 0", name=f"{column}_not_negative") for column in columns]


class Versioned:
    """Mixin: optimistic locking and change timestamps (UTC, see the module docstring)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created: Mapped[datetime] = mapped_column(
        DateTime, default=utc_now, server_default=UtcNowDefault()
    )
    modified: Mapped[datetime] = mapped_column(
        DateTime, default=utc_now, onupdate=utc_now, server_default=UtcNowDefault()
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.version}


class PublicId:
    """Mixin: the stable public UUID of a record that leaves the app."""

    public_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_public_id)


class SoftDeleted:
    """Mixin: the moment (UTC) a record was deleted; OParl reports it as a tombstone."""

    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
