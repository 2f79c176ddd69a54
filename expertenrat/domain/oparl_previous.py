"""What the previous export published and this one no longer does: tombstones.

An export into a folder that holds an earlier export compares the two: every object that
was published there and is missing now (an agenda item made non-public, a member deleted
outright, a superseded minutes version, a location given up …) goes out as a tombstone,
so a client that harvested it drops it. A tombstone holds nothing of the withdrawn data:
``id``, ``type``, ``created`` (as published), ``modified`` (this export's time, the first
time it is a tombstone) and ``deleted: true``. A tombstone of the previous export stays
as it was, so the tree stays byte-identical while nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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


def tombstone(base_url: str, gone: PublishedBefore, now: str) -> dict:
    """The tombstone of ``gone``; ``now``: this export's time (UTC ISO 8601)."""
    return {
        "id": f"{base_url}/{gone.path}",
        "type": f"{SCHEMA}{gone.kind}",
        "created": gone.created,
        "modified": gone.modified if gone.deleted else max(now, gone.modified),
        "deleted": True,
    }
