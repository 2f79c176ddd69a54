"""The council this PC last showed, remembered per database (QSettings
``last_council/<digest>``, the services' ``database.digest``): another
file or server opens with its own last council, not with the one of the same id.

Versions before kept one ``council_id`` for every database. The database opened first
after the update takes it over (it is almost always the one the user worked in last: the
one this PC opens by itself), and it is removed then, so that no other database inherits it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

_OLD_KEY = "council_id"


class LastCouncil:
    def __init__(self, settings: QSettings, database_digest: str) -> None:
        self._settings = settings
        self._key = f"last_council/{database_digest}"

    def recall(self) -> int | None:
        """The council last shown on this database, or ``None`` (never shown, or unreadable)."""
        value = self._settings.value(self._key)
        if value is None and self._settings.contains(_OLD_KEY):
            value = self._settings.value(_OLD_KEY)
            self._settings.remove(_OLD_KEY)
            self._settings.setValue(self._key, value)
        try:
            return int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None

    def remember(self, council_id: int) -> None:
        self._settings.setValue(self._key, council_id)
