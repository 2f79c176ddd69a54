"""The autosave on its own: debounce, one save in flight, retries, conflicts, recovery file.

The record store here is a plain versioned dict behind a save function (the autosave is
generic); the minutes editor tests drive it against a real database.
"""

from __future__ import annotations

import errno
import json
import threading
from datetime import datetime
from pathlib import Path

import pytest

from expertenrat.domain.errors import ExpertenratError, FieldProblem, ValidationError
from expertenrat.services import files
from expertenrat.ui.autosave import Autosave
from expertenrat.ui.autosave_records import Conflict
from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore

NOON = datetime(2026, 11, 30, 16, 42, 5)
WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


class Records:
    """A versioned record store with the shape the autosave expects of a service."""

    def __init__(self) -> None:
        self.stored: dict[str, tuple[dict, int]] = {}
        self.calls: list[tuple[str, dict, int | None]] = []
        self.failing: str = ""
        # A payload with ``refused`` in a value is refused with ``refusing`` (a ValidationError).
        self.refused: str = ""
        self.refusing: str = ""
        self.gate: threading.Event | None = None
        self.in_flight = 0
        self.most_in_flight = 0

    def save(self, key: str, payload: dict, version: int | None) -> int | Conflict:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                assert self.gate.wait(WAIT / 1000)
            self.calls.append((key, payload, version))
            if self.refused and any(self.refused in str(v) for v in payload.values()):
                raise ValidationError([FieldProblem("closed_at", self.refusing)])
            if self.failing:
                raise ExpertenratError(self.failing)
            theirs, current = self.stored.get(key, ({}, 0))
            if version != current:
                return Conflict(theirs, current)
            self.stored[key] = (payload, current + 1)
            return current + 1
        finally:
            self.in_flight -= 1


@pytest.fixture
def records() -> Records:
    return Records()


@pytest.fixture
def make_autosave(qtbot, tmp_path, records):
    made: list[Autosave] = []

    def make(**options) -> Autosave:
        autosave = Autosave(
            records.save, RecoveryStore(tmp_path / "recovery"), clock=lambda: NOON, **options
        )
        made.append(autosave)
        return autosave

    yield make
    for autosave in made:  # no worker thread outlives its test
        autosave.save_now()
        qtbot.waitUntil(autosave.idle, timeout=WAIT)


def _recovered(autosave: Autosave) -> dict[str, dict]:
    return {entry.key: entry.payload for entry in autosave.recovery.entries()}


def test_typing_is_saved_after_the_pause_and_the_indicator_says_so(qtbot, make_autosave, records):
    autosave = make_autosave(delay_ms=200)
    autosave.track("item:1", 0)
    shown: list[str] = []
    autosave.status_changed.connect(shown.append)

    autosave.edit("item:1", {"discussion": "Der Rat"})
    autosave.edit("item:1", {"discussion": "Der Rat berät"})
    assert records.calls == []  # a keystroke never saves by itself
    assert autosave.indicator.text() == "wird gespeichert …"

    qtbot.waitUntil(lambda: "item:1" in records.stored, timeout=WAIT)
    qtbot.waitUntil(lambda: autosave.indicator.text() == "gespeichert · 16:42:05", timeout=WAIT)
    assert records.calls == [("item:1", {"discussion": "Der Rat berät"}, 0)]  # one save
    assert shown == ["wird gespeichert …", "gespeichert · 16:42:05"]
    qtbot.waitUntil(lambda: _recovered(autosave) == {}, timeout=WAIT)


def test_save_now_does_not_wait_for_the_pause(qtbot, make_autosave, records):
    autosave = make_autosave(delay_ms=60_000)
    autosave.track("item:1", 0)
    autosave.edit("item:1", {"discussion": "sofort"})

    autosave.save_now("item:1")

    qtbot.waitUntil(lambda: not autosave.is_busy(), timeout=WAIT)
    assert records.stored.get("item:1") == ({"discussion": "sofort"}, 1)


def test_one_save_in_flight_per_record_and_the_newest_text_follows(qtbot, make_autosave, records):
    autosave = make_autosave(delay_ms=60_000)
    autosave.track("item:1", 0)
    records.gate = threading.Event()
    autosave.edit("item:1", {"discussion": "eins"})
    autosave.save_now()
    autosave.edit("item:1", {"discussion": "zwei"})
    autosave.edit("item:1", {"discussion": "drei"})
    autosave.save_now()  # the first save still runs: the newest text waits

    records.gate.set()
    qtbot.waitUntil(
        lambda: records.stored.get("item:1") == ({"discussion": "drei"}, 2), timeout=WAIT
    )
    assert records.most_in_flight == 1
    assert [call[1]["discussion"] for call in records.calls] == ["eins", "drei"]
    assert records.calls[1][2] == 1  # the second save builds on the version of the first


def test_a_failed_save_keeps_the_text_in_the_recovery_file_and_retries(
    qtbot, make_autosave, records
):
    autosave = make_autosave(delay_ms=50, retry_ms=200)
    autosave.track("item:1", 0, {"meeting_id": 7, "label": "TOP 1"})
    records.failing = "Die Verbindung zum Datenbankserver ist unterbrochen."
    autosave.edit("item:1", {"discussion": "Text & <Zeichen> 🚀 مرحبا"})

    qtbot.waitUntil(lambda: "unterbrochen" in autosave.indicator.text(), timeout=WAIT)
    assert autosave.indicator.text().startswith(
        "Nicht gespeichert, aber lokal gesichert: Die Verbindung"
    )
    assert autosave.unsaved_payload("item:1") == {"discussion": "Text & <Zeichen> 🚀 مرحبا"}
    qtbot.waitUntil(lambda: "item:1" in _recovered(autosave), timeout=WAIT)
    (entry,) = autosave.recovery.entries()
    assert entry.meta == {"meeting_id": 7, "label": "TOP 1"} and entry.version == 0

    records.failing = ""  # the server is back: the retry saves it
    qtbot.waitUntil(lambda: "item:1" in records.stored, timeout=WAIT)
    qtbot.waitUntil(lambda: autosave.indicator.text() == "gespeichert · 16:42:05", timeout=WAIT)
    qtbot.waitUntil(lambda: _recovered(autosave) == {}, timeout=WAIT)


def test_text_neither_saved_nor_in_the_recovery_file_is_not_called_kept(
    qtbot, make_autosave, records, monkeypatch
):
    """A full disk refuses the save and the recovery file alike: the line said "Der Text
    ist lokal gesichert", and ending the program lost the text (found by a tester). Once
    the recovery file can be written again, the line says so again."""
    autosave = make_autosave(delay_ms=50, retry_ms=200)
    autosave.track("item:1", 0)
    records.failing = "Der Datenträger der Datenbank ist voll."

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)  # the recovery file's write
    autosave.edit("item:1", {"discussion": "Getippt bei vollem Datenträger"})

    unkept = (
        "Nicht gesichert – bitte das Programm nicht beenden! Der Text steht nur im Formular. "
        "Der Datenträger der Datenbank ist voll. Das Speichern wird wiederholt. "
        "Sicherungsdatei auf diesem PC: Der Datenträger ist voll."
    )
    qtbot.waitUntil(lambda: autosave.indicator.text() == unkept, timeout=WAIT)
    assert autosave.indicator.unkept() == autosave.indicator.trouble() == unkept
    assert _recovered(autosave) == {}
    assert list((autosave.recovery.folder).iterdir()) == []  # no temporary file left

    monkeypatch.undo()  # space on this PC again: the next keystroke's text is kept
    autosave.edit("item:1", {"discussion": "Getippt bei vollem Datenträger."})
    qtbot.waitUntil(lambda: "item:1" in _recovered(autosave), timeout=WAIT)
    qtbot.waitUntil(lambda: "lokal gesichert" in autosave.indicator.text(), timeout=WAIT)
    assert autosave.indicator.unkept() == ""
    records.failing = ""  # space for the database too: the retry saves the text
    qtbot.waitUntil(lambda: "item:1" in records.stored, timeout=WAIT)
    qtbot.waitUntil(lambda: _recovered(autosave) == {}, timeout=WAIT)


def test_refused_input_on_a_full_disk_is_not_promised_a_retry(
    qtbot, make_autosave, records, monkeypatch
):
    """Input the service refuses is saved only once corrected: on a full disk, where the
    recovery file cannot be written either, the line said "Das Speichern wird wiederholt"
    all the same (found by review)."""
    autosave = make_autosave(delay_ms=50, retry_ms=100)
    autosave.track("header:1", 0)
    records.refused, records.refusing = "19:00", "Das Ende (18:20) liegt vor dem Beginn (19:00)."

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)  # the recovery file's write
    autosave.edit("header:1", {"opened_at": "19:00", "closed_at": "18:20"})

    unkept = (
        "Nicht gesichert – bitte das Programm nicht beenden! Der Text steht nur im Formular. "
        "Das Ende (18:20) liegt vor dem Beginn (19:00). Gespeichert wird, sobald die Eingabe "
        "korrigiert ist. Sicherungsdatei auf diesem PC: Der Datenträger ist voll."
    )
    qtbot.waitUntil(lambda: autosave.indicator.unkept() != "", timeout=WAIT)
    assert autosave.indicator.text() == unkept
    qtbot.waitUntil(autosave.idle, timeout=WAIT)
    assert len(records.calls) == 1  # indeed no retry of the same refused input


def test_text_no_retry_can_save_on_a_full_disk_is_not_promised_a_retry(
    qtbot, make_autosave, records, monkeypatch
):
    """A failure ``final`` says no retry can mend (the minutes approved meanwhile) is not
    followed by "Das Speichern wird wiederholt" on a full disk either (found by review)."""
    autosave = make_autosave(delay_ms=50, retry_ms=100, final=lambda _error: True)
    autosave.track("item:1", 0)
    records.failing = "Das Protokoll wurde inzwischen genehmigt."

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    autosave.edit("item:1", {"discussion": "Getippt"})

    qtbot.waitUntil(lambda: autosave.indicator.unkept() != "", timeout=WAIT)
    assert autosave.indicator.text() == (
        "Nicht gesichert – bitte das Programm nicht beenden! Der Text steht nur im Formular. "
        "Das Protokoll wurde inzwischen genehmigt. "
        "Sicherungsdatei auf diesem PC: Der Datenträger ist voll."
    )


def test_refused_input_is_not_promised_a_retry_and_is_saved_once_corrected(
    qtbot, make_autosave, records
):
    """A retry cannot help input the service refuses (an end before the start, an invisible
    character): the line says what to correct, not "das Speichern wird wiederholt"."""
    autosave = make_autosave(delay_ms=50, retry_ms=100)
    autosave.track("header:1", 0, {"meeting_id": 1, "label": "Kopfdaten"})
    records.refused, records.refusing = "19:00", "Das Ende (18:20) liegt vor dem Beginn (19:00)."
    autosave.edit("header:1", {"opened_at": "19:00", "closed_at": "18:20"})

    qtbot.waitUntil(lambda: "18:20" in autosave.indicator.text(), timeout=WAIT)
    assert autosave.indicator.text() == (
        "Nicht gespeichert: Das Ende (18:20) liegt vor dem Beginn (19:00). Gespeichert wird, "
        "sobald die Eingabe korrigiert ist; bis dahin ist sie auf diesem PC gesichert."
    )
    qtbot.waitUntil(autosave.idle, timeout=WAIT)
    assert len(records.calls) == 1  # no retry of the same refused input
    qtbot.waitUntil(lambda: "header:1" in _recovered(autosave), timeout=WAIT)

    autosave.edit("header:1", {"opened_at": "16:00", "closed_at": "18:20"})
    qtbot.waitUntil(lambda: "header:1" in records.stored, timeout=WAIT)
    qtbot.waitUntil(lambda: autosave.indicator.text() == "gespeichert · 16:42:05", timeout=WAIT)


def test_text_typed_while_refused_input_was_being_saved_is_saved(qtbot, make_autosave, records):
    autosave = make_autosave(delay_ms=50, retry_ms=60_000)
    autosave.track("item:1", 0)
    records.refused, records.refusing = "\u2068", "Der Verlauf der Beratung enthält …"
    records.gate = threading.Event()
    autosave.edit("item:1", {"discussion": "Stadt\u2068"})
    autosave.save_now()
    qtbot.waitUntil(lambda: records.in_flight == 1, timeout=WAIT)

    autosave.edit("item:1", {"discussion": "Stadt"})  # corrected while the save runs
    autosave.save_now()
    records.gate.set()

    qtbot.waitUntil(lambda: "item:1" in records.stored, timeout=WAIT)
    assert records.stored["item:1"][0] == {"discussion": "Stadt"}


def test_flush_writes_the_recovery_file_at_once(qtbot, make_autosave, records):
    autosave = make_autosave(delay_ms=60_000)
    autosave.track("item:1", 0)
    records.gate = threading.Event()
    autosave.edit("item:1", {"discussion": "vor dem Schließen"})

    autosave.flush()

    assert _recovered(autosave) == {"item:1": {"discussion": "vor dem Schließen"}}
    records.gate.set()
    qtbot.waitUntil(lambda: "item:1" in records.stored, timeout=WAIT)


def test_a_conflict_stops_saving_until_the_user_chooses_mine(qtbot, make_autosave, records):
    records.stored["item:1"] = ({"discussion": "vom anderen PC"}, 3)
    autosave = make_autosave(delay_ms=60_000)
    autosave.track("item:1", 2)
    seen: list[tuple] = []
    autosave.conflicted.connect(lambda key, mine, theirs: seen.append((key, mine, theirs)))
    autosave.edit("item:1", {"discussion": "meiner"})
    autosave.save_now()

    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    assert seen == [("item:1", {"discussion": "meiner"}, {"discussion": "vom anderen PC"})]
    assert records.stored["item:1"][0] == {"discussion": "vom anderen PC"}  # not overwritten
    autosave.save_now()
    # No save starts while the conflict waits (the recovery file's write may still run).
    assert autosave.conflict_of("item:1") is not None
    assert not autosave.saves.running()

    autosave.resolve("item:1", keep_mine=True)
    qtbot.waitUntil(lambda: records.stored["item:1"] == ({"discussion": "meiner"}, 4), timeout=WAIT)


def test_choosing_their_text_drops_mine(qtbot, make_autosave, records):
    records.stored["item:1"] = ({"discussion": "vom anderen PC"}, 3)
    autosave = make_autosave(delay_ms=60_000)
    autosave.track("item:1", 2)
    replaced: list[tuple] = []
    autosave.replaced.connect(lambda key, payload: replaced.append((key, payload)))
    autosave.edit("item:1", {"discussion": "meiner"})
    autosave.save_now()
    qtbot.waitUntil(lambda: autosave.conflict_of("item:1") is not None, timeout=WAIT)

    autosave.resolve("item:1", keep_mine=False)

    assert replaced == [("item:1", {"discussion": "vom anderen PC"})]
    assert not autosave.is_busy()
    assert records.stored["item:1"] == ({"discussion": "vom anderen PC"}, 3)
    qtbot.waitUntil(lambda: _recovered(autosave) == {}, timeout=WAIT)


def test_recovered_text_can_be_adopted_or_discarded(qtbot, make_autosave, records, tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    store.write(RecoveryEntry("item:1", {"discussion": "gerettet"}, 0), 1)
    store.write(RecoveryEntry("item:2", {"discussion": "verworfen"}, 0), 1)
    autosave = make_autosave(delay_ms=60_000)
    first, second = autosave.recovery.entries()

    autosave.track("item:1", 0)
    autosave.adopt(first)
    autosave.discard(second)

    qtbot.waitUntil(
        lambda: records.stored.get("item:1") == ({"discussion": "gerettet"}, 1), timeout=WAIT
    )
    qtbot.waitUntil(lambda: _recovered(autosave) == {}, timeout=WAIT)


def test_the_recovery_store_keeps_the_newest_text_and_skips_damaged_files(tmp_path):
    store = RecoveryStore.for_database("0a1b2c3d4e5f6071", root=tmp_path)
    store.write(RecoveryEntry("item:1", {"t": "neu"}, 4), 5)
    store.write(RecoveryEntry("item:1", {"t": "alt"}, 4), 3)  # an older snapshot, written late
    store.remove("item:1", 2)  # the save of an older snapshot ended: the newer text stays
    (store.folder / "item-9.json").write_text("{kaputt", encoding="utf-8")

    (entry,) = store.entries()
    assert entry.payload == {"t": "neu"} and entry.version == 4
    data = json.loads((store.folder / "item-1.json").read_text(encoding="utf-8"))
    assert data["written_at"]
    assert not list(store.folder.glob("*.tmp"))
    other = RecoveryStore.for_database("7f6e5d4c3b2a1908", root=tmp_path)
    assert other.folder != store.folder and other.entries() == []


def test_a_recovery_file_that_cannot_be_removed_stays_without_an_error(
    tmp_path, monkeypatch, caplog
):
    """The user's folder turned read-only (a network profile) once the text was saved: the
    removal of its recovery file raised, in the worker, the unexpected-error dialog."""
    store = RecoveryStore(tmp_path / "recovery")
    store.write(RecoveryEntry("item:1", {"discussion": "gespeichert"}, 0), 1)

    def read_only(_path: Path, missing_ok: bool = False) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "unlink", read_only)
    store.remove("item:1", 2)
    monkeypatch.undo()

    assert [entry.payload for entry in store.entries()] == [{"discussion": "gespeichert"}]
    assert "Recovery file not removed" in caplog.text
