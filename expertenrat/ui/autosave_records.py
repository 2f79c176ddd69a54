"""What the autosave keeps of each record, and the one line its indicator makes of them all.

Per record: the version as last read or saved, the text waiting for a save and the one
being saved (each with its running number), the error of the last failed save (refused
input, or one no retry can mend) and a conflict with another PC's text. The indicator says
"gespeichert · 16:42:05", "wird gespeichert …" or why text is not saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from expertenrat.domain.minutes_objections import Correction
from expertenrat.ui.autosave_recovery import RecoveryEntry
from expertenrat.ui.i18n import tr

_CONTEXT = "Autosave"


@dataclass(frozen=True)
class Conflict:
    """Another PC saved the record since it was read: its text and its version, and the
    corrections of accepted objections in it that the text typed here would undo."""

    theirs: dict
    version: int
    corrections: tuple[Correction, ...] = ()


@dataclass
class RecordState:
    version: int | None = None
    pending: tuple[dict, int] | None = None  # (payload, running number), not yet handed out
    in_flight: tuple[dict, int] | None = None
    error: str = ""
    refused: bool = False  # the error is the service refusing the input: no retry helps
    final: bool = False  # the error is one no retry can mend (see ``Autosave``'s ``final``)
    conflict: Conflict | None = None
    meta: dict | None = None

    @property
    def unsaved(self) -> tuple[dict, int] | None:
        """The newest text the database does not have."""
        return self.pending or self.in_flight

    def entry(self, key: str, payload: dict) -> RecoveryEntry:
        """``payload`` of the record ``key`` as the recovery file keeps it."""
        return RecoveryEntry(key, payload, self.version, dict(self.meta or {}))

    def unsaved_entry(self, key: str) -> tuple[RecoveryEntry, int] | None:
        """The entry of the newest unsaved text of ``key`` and its running number, or None."""
        unsaved = self.unsaved
        return None if unsaved is None else (self.entry(key, unsaved[0]), unsaved[1])


Unwritten = Callable[[str], str]  # a record's key → why its text is not in the recovery file


def status_text(
    records: Mapping[str, RecordState], last_saved: datetime | None, unwritten: Unwritten
) -> str:
    """What matters most first, whether the text is kept and what to do: where the status
    line is narrow (1024 px) its two lines show that much, the rest its tooltip (found by
    a tester)."""
    if any(r.conflict is not None for r in records.values()):
        return tr(_CONTEXT, "Nicht gespeichert: ein anderer Arbeitsplatz hat geändert.")
    if lost := unkept(records, unwritten):
        return lost
    errors = [r for r in records.values() if r.error and r.unsaved is not None]
    if errors and errors[0].refused:
        return tr(
            _CONTEXT,
            "Nicht gespeichert: {error} Gespeichert wird, sobald die Eingabe korrigiert "
            "ist; bis dahin ist sie auf diesem PC gesichert.",
        ).format(error=errors[0].error)
    if errors and errors[0].final:
        return tr(_CONTEXT, "Nicht gespeichert: {error} Der Text ist lokal gesichert.").format(
            error=errors[0].error
        )
    if errors:
        return tr(
            _CONTEXT,
            "Nicht gespeichert, aber lokal gesichert: {error} Das Speichern wird wiederholt.",
        ).format(error=errors[0].error)
    if any(r.unsaved is not None for r in records.values()):
        return tr(_CONTEXT, "wird gespeichert …")
    if last_saved is not None:
        return tr(_CONTEXT, "gespeichert · {time}").format(time=last_saved.strftime("%H:%M:%S"))
    return ""


def trouble(
    records: Mapping[str, RecordState], last_saved: datetime | None, unwritten: Unwritten
) -> str:
    """Why typed text is not saved (a conflict, a refusal, a failure), or ""."""
    if any(r.conflict is not None or (r.error and r.unsaved is not None) for r in records.values()):
        return status_text(records, last_saved, unwritten)
    return ""


def unkept(records: Mapping[str, RecordState], unwritten: Unwritten) -> str:
    """Why typed text is neither saved nor in the recovery file (both on a full disk), so
    that ending the program would lose it; or "". A recovery file said "lokal gesichert"
    though it could not be written (found by a tester)."""
    for key, record in records.items():
        reason = unwritten(key) if record.error and record.unsaved is not None else ""
        if reason:
            return tr(
                _CONTEXT,
                "Nicht gesichert – bitte das Programm nicht beenden! Der Text steht nur im "
                "Formular. {error} {then}Sicherungsdatei auf diesem PC: {reason}",
            ).format(error=record.error, then=_then(record), reason=reason)
    return ""


def _then(record: RecordState) -> str:
    """What becomes of the text of ``record``, whose save failed: refused input and a
    failure no retry can mend are not tried again by themselves (found by review)."""
    if record.refused:
        return tr(_CONTEXT, "Gespeichert wird, sobald die Eingabe korrigiert ist. ")
    if record.final:
        return ""
    return tr(_CONTEXT, "Das Speichern wird wiederholt. ")


class Indicator:
    """The autosave's one line over all its ``records`` (:func:`status_text`), as last
    shown, and when a save last finished."""

    def __init__(self, records: Mapping[str, RecordState], unwritten: Unwritten) -> None:
        self._records = records
        self._unwritten = unwritten
        self.last_saved: datetime | None = None
        self.shown = ""

    def text(self) -> str:
        return status_text(self._records, self.last_saved, self._unwritten)

    def trouble(self) -> str:
        """Why typed text is not saved (a conflict, a refusal, a failure), or ""."""
        return trouble(self._records, self.last_saved, self._unwritten)

    def unkept(self) -> str:
        """Why typed text is neither saved nor in the recovery file, or ""."""
        return unkept(self._records, self._unwritten)

    def changed(self) -> bool:
        """Whether the line differs from the one shown last; it is ``shown`` from now on."""
        text = self.text()
        changed, self.shown = text != self.shown, text
        return changed
