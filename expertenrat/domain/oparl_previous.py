"""What the previous export published and this one no longer does: tombstones.

An export into a folder that holds an earlier export compares the two: every object that
was published there and is missing now (an agenda item made non-public, a member deleted
outright, a superseded minutes version, a location given up …) goes out as a tombstone,
so a client that harvested it drops it. A tombstone holds nothing of the withdrawn data:
``id``, ``type``, ``created`` (as published), ``modified`` (this export's time, the first
time it is a tombstone) and ``deleted: true``. A tombstone of the previous export stays
as it was, so the tree stays byte-identical while nothing changes.

An object published again tells a client by its ``modified`` whether it changed
(:func:`modified_since`): what it shows can change without its record changing (a member
who withdrew consent drops out of a meeting's participants and an item's recusals, a
member who consents again brings the memberships back, an item made non-public leaves its
meeting), and a client that keeps what it harvested by ``modified`` would keep the old.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from expertenrat.domain.oparl_base import SCHEMA

# The folder of each object type (``{base}/{folder}/{uuid}.json``) and the list that
# carries it: a body's ``{base}/body/{uuid}/{list}.json``, the bodies ``{base}/bodies.json``.
OBJECT_LISTS = {
    "body": "bodies",
    "organization": "organizations",
    "person": "persons",
    "membership": "memberships",
    "meeting": "meetings",
    "agenda-item": "agenda-items",
    "paper": "papers",
    "consultation": "consultations",
    "file": "files",
    "location": "locations",
    "legislative-term": "legislative-terms",
}
BODIES = ""  # the "body key" of the list of bodies


@dataclass(frozen=True, slots=True)
class PublishedBefore:
    """An object of the previous export: its path (``agenda-item/{uuid}.json``), OParl
    type (``AgendaItem``), ``created`` and ``modified`` as published, whether it was a
    tombstone already, and the lists it stood in as (body key, list name)."""

    path: str
    kind: str
    created: str
    modified: str
    deleted: bool
    lists: tuple[tuple[str, str], ...]


class PreviousExport(Protocol):
    def missing(self, published: set[str]) -> Iterable[PublishedBefore]:
        """The objects of the previous export whose path is not in ``published``."""
        ...

    def published(self, path: str) -> dict | None:
        """The object the previous export published at ``path`` (``meeting/{uuid}.json``);
        ``None`` if none, or if its file is not one the export wrote."""
        ...


def modified_since(obj: dict, before: dict | None, now: str) -> str:
    """The ``modified`` of ``obj`` (its record's change time) as published again where the
    previous export published ``before``: as then if it shows the same (its record may have
    changed in what the export leaves out); later than then if it shows something else, also
    when its record did not change (``now``: this export's time)."""
    own = obj["modified"]
    if before is None or not isinstance(was := before.get("modified"), str):
        return own
    if obj == before or _shown(obj) == _shown(before):
        return was
    if own > was:
        return own
    try:
        later = datetime.fromisoformat(was) + timedelta(seconds=1)
    except ValueError:  # not a time the export wrote: this export's time
        return now
    return max(now, later.isoformat(timespec="seconds"))


def _shown(value: object) -> object:
    """``value`` without the change times of it and its embedded objects."""
    if isinstance(value, dict):
        return {k: _shown(v) for k, v in value.items() if k != "modified"}
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return value


def tombstone(base_url: str, gone: PublishedBefore, now: str) -> dict:
    """The tombstone of ``gone``; ``now``: this export's time (UTC ISO 8601)."""
    return {
        "id": f"{base_url}/{gone.path}",
        "type": f"{SCHEMA}{gone.kind}",
        "created": gone.created,
        "modified": gone.modified if gone.deleted else max(now, gone.modified),
        "deleted": True,
    }
