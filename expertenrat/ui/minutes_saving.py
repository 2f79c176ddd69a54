"""The autosave's save function for the minutes: runs in the worker thread, touches no Qt.

Keys: ``"item:<id>"`` (the texts of an agenda item) and ``"header:<meeting id>"`` (the
Kopfdaten, stored on the meeting). Each save hands the service the text the editor started
from (``bases``); the service decides whether a stale version is a conflict (see
``services.minutes``): only a change of the text by someone else is one.
"""

from __future__ import annotations

import uuid

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.errors import ConcurrentEditError
from expertenrat.domain.minutes_item_saves import ItemConflictError
from expertenrat.services.context import Services
from expertenrat.ui.autosave_records import Conflict
from expertenrat.ui.minutes_header_form import header_of_payload, header_payload
from expertenrat.ui.minutes_item_form import texts_of_payload, texts_payload


class MinutesSaver:
    def __init__(self, services: Services) -> None:
        self._minutes = services.minutes
        self.editing_session = uuid.uuid4().hex
        self.bases: dict[str, dict] = {}  # key → the payload as last read or saved
        # key → the item's outcome as its last save found it (set on another PC meanwhile:
        # the editor rereads the minutes, ``ui.minutes_autosave_link``)
        self.outcomes: dict[str, AgendaItemOutcome] = {}

    def new_editing_session(self) -> None:
        """A new audit entry per item from now on (another meeting was opened)."""
        self.editing_session = uuid.uuid4().hex

    def save(self, key: str, payload: dict, version: int | None) -> int | Conflict:
        kind, _, ident = key.partition(":")
        if kind == "item":
            return self._save_item(key, int(ident), payload, version or 0)
        if kind == "header":
            return self._save_header(key, int(ident), payload, version or 0)
        raise ValueError(f"unknown autosave key {key!r}")

    def _save_item(self, key: str, item_id: int, payload: dict, version: int) -> int | Conflict:
        base = self.bases.get(key)
        try:
            saved = self._minutes.save_item(
                item_id,
                texts_of_payload(payload),
                version,
                self.editing_session,
                texts_of_payload(base) if base is not None else None,
            )
        except ItemConflictError as error:
            return Conflict(texts_payload(error.stored), error.version, error.corrections)
        self.bases[key] = payload
        self.outcomes[key] = saved.outcome
        return saved.version

    def _save_header(
        self, key: str, meeting_id: int, payload: dict, version: int
    ) -> int | Conflict:
        base = self.bases.get(key)
        try:
            saved = self._minutes.save_header(
                meeting_id,
                header_of_payload(payload, version),
                self.editing_session,
                header_of_payload(base, version) if base is not None else None,
            )
        except ConcurrentEditError:
            stored = self._minutes.minutes(meeting_id).header
            return Conflict(header_payload(stored), stored.version)
        self.bases[key] = payload
        return saved.version
