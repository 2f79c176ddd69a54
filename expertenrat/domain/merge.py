"""Merging two versions of a record after a conflicting save (someone else saved first).

Three versions take part: the record as the user opened it (``base``), what the user
typed (``mine``) and what is stored now (``theirs``). Every field in which ``mine`` and
``theirs`` differ is offered; the suggestion keeps whichever side changed the field, so
that nothing is overwritten silently: the user's change where only the user changed it,
the other person's change where only they did, and where both changed it the user's (to be
confirmed). The merged record carries the stored versions, so that saving it is no
conflict any more (unless someone saves again in between).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

Record = TypeVar("Record")
# Identity and optimistic-locking fields: never offered, always taken from the stored record.
_STORED = frozenset({"id", "person_id", "version", "person_version"})


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field that differs: both values, and whether the other side is suggested."""

    name: str
    mine: Any
    theirs: Any
    take_theirs: bool  # suggested: only the other person changed this field
    both_changed: bool


def differences(base: Record, mine: Record, theirs: Record) -> list[FieldDifference]:
    """The fields (dataclass order) in which ``mine`` and ``theirs`` differ."""
    found = []
    for spec in fields(mine):  # type: ignore[arg-type]
        name = spec.name
        if name in _STORED:
            continue
        old, my, their = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if my == their:
            continue
        found.append(FieldDifference(name, my, their, my == old, my != old and their != old))
    return found


def merged(mine: Record, theirs: Record, take_theirs: set[str]) -> Record:
    """``mine`` with the fields named in ``take_theirs`` and the stored ids and versions
    taken from ``theirs``."""
    names = {spec.name for spec in fields(mine)}  # type: ignore[arg-type]
    chosen = {name: getattr(theirs, name) for name in (take_theirs | _STORED) & names}
    return replace(mine, **chosen)  # type: ignore[type-var]
