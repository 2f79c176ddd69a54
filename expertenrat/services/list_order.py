"""Storing a new order of rows whose positions are unique (a unique index per council).

The rows are first parked on positions nothing uses, then put on their final places, so
no intermediate state breaks the index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from expertenrat.domain.errors import InUseError

_PARKED = 1_000_000


def store_order(
    session: Session, rows: Mapping[int, Any], ordered_ids: Sequence[int], what: str
) -> None:
    """Give ``rows`` (by id) the positions 0, 1, … in the order of ``ordered_ids`` (all of them).

    ``what`` names the list in the message when it changed meanwhile ("Die Textbausteine").
    """
    if sorted(rows) != sorted(ordered_ids):
        raise InUseError(f"{what} wurden inzwischen geändert. Bitte laden Sie neu.")
    for row in rows.values():
        row.position = _PARKED + row.id
    session.flush()
    for position, row_id in enumerate(ordered_ids):
        rows[row_id].position = position
    session.flush()
