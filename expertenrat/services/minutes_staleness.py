"""Whether minutes text saved on a stale version (its row moved since the editor read it)
may be saved over, for the header and an item's texts alike (:mod:`services.minutes`).

A stale version is a conflict only if someone else changed the texts. Stored texts equal to
those saved need no save (:func:`same_texts`). Stored texts equal to the ``base`` the editor
started from (the row moved for another reason: its title changed, a vote or recommendation
was saved), or a row last written by this same editing session, are saved over
(:meth:`WrittenVersions.only_this_side_changed`). Otherwise the service refuses and the
editor asks which text stays.
"""

from __future__ import annotations

import threading
from dataclasses import fields

from expertenrat.domain.minutes import ItemTexts, MinutesHeader

Texts = MinutesHeader | ItemTexts
Written = tuple[str, int, str]  # the entity, its id and the editing session


def same_texts(one: Texts, other: Texts) -> bool:
    """Whether ``one`` and ``other`` hold the same texts, their versions aside."""
    return all(
        getattr(one, f.name) == getattr(other, f.name) for f in fields(one) if f.name != "version"
    )


class WrittenVersions:
    """The version of each row that each editing session wrote last (the service's, on this
    PC; saves run in the worker, so behind a lock)."""

    def __init__(self) -> None:
        self._written: dict[Written, int] = {}
        self._lock = threading.Lock()

    def wrote(self, written: Written, version: int) -> None:
        """The editing session ``written[2]`` saved the row as ``version`` (no session: not
        kept, as no editor can come back to it)."""
        if written[2]:
            with self._lock:
                self._written[written] = version

    def only_this_side_changed(
        self, stored: Texts, base: Texts | None, written: Written, version: int
    ) -> bool:
        """Whether a row whose version moved since the editor read it holds no change of
        its texts by anyone else: they are still the ``base`` the editor started from, or
        the row is at the ``version`` this editing session last wrote (the editor's version
        or base was stale)."""
        if base is not None and same_texts(stored, base):
            return True
        with self._lock:
            return written[2] != "" and self._written.get(written) == version
