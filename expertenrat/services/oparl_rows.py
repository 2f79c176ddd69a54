"""Stored rows as the OParl records see them: the stamp of a row, the keys derived for rows
without a public id of their own (action fields), rows grouped by their parent."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from expertenrat.domain.oparl_base import derived_key
from expertenrat.domain.oparl_records import Stamp


def stamp_of(row: object, key: str | None = None) -> Stamp:
    return Stamp(
        key or row.public_id,  # type: ignore[attr-defined]
        row.created,  # type: ignore[attr-defined]
        row.modified,  # type: ignore[attr-defined]
        getattr(row, "deleted_at", None),
    )


def field_key(council_id: int, field_id: int | None) -> str | None:
    return None if field_id is None else derived_key("action-field", str(council_id), str(field_id))


def grouped(rows: Iterable, key) -> dict:
    found: dict = defaultdict(list)
    for row in rows:
        found[key(row)].append(row)
    return found
