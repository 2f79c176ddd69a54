"""The log file on a full disk: a record it refuses is dropped without a word on the
terminal, and logging goes on once there is space again."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_record_the_full_disk_refuses_is_dropped_quietly_and_logging_goes_on(
    log_file, capsys
) -> None:
    (handler,) = [
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(log_file)
    ]
    log = logging.getLogger("expertenrat.test")
    log.warning("vorher")
    handler.close()
    handler.stream = Path("/dev/full").open("a", encoding="utf-8")  # noqa: SIM115 (the handler closes it)

    log.warning("Anna Berg, Telefon 0381 123456")  # the disk under the log is full
    log.warning("nachher")  # space again: the file is opened anew

    handler.flush()
    captured = capsys.readouterr()
    assert captured.err == captured.out == ""  # no "--- Logging error ---", no record's text
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.rsplit(": ", 1)[1] for line in lines] == ["vorher", "nachher"]


def test_a_line_the_full_disk_cut_off_is_not_glued_to_the_next(log_file) -> None:
    """Found by a tester: on a disk that filled up, the file took the start of a record and
    refused its rest; the next record, once there was space again, went on that line."""
    (handler,) = [
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(log_file)
    ]
    log = logging.getLogger("expertenrat.test")
    log.warning("vorher")
    handler.close()
    with log_file.open("a", encoding="utf-8") as file:
        file.write("2026-12-05 01:37:21,662 WARNING expertenrat.test: abgeschn")  # the disk full

    log.warning("nachher")  # space again: the file is opened anew

    handler.flush()
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.rsplit(": ", 1)[1] for line in lines] == ["vorher", "abgeschn", "nachher"]


def test_a_log_another_run_holds_open_is_written_on_not_rotated_away(log_file, monkeypatch) -> None:
    """On Windows a file another process has open cannot be renamed (the same login twice
    on a terminal server): each record's rotation moved the older logs up and dropped the
    oldest before it failed, and dropped the record (found by a tester)."""
    older = [log_file.with_name(f"{log_file.name}.{number}") for number in range(1, 6)]
    for number, path in enumerate(older, 1):
        path.write_text(f"Protokoll {number}\n", encoding="utf-8")
    log_file.write_text("x" * 1_000_000 + "\n", encoding="utf-8")  # full: due for rotation
    held = str(log_file)

    def renamed(source, target, renaming=os.rename):
        if str(source) == held:
            raise PermissionError(13, "Der Prozess kann nicht auf die Datei zugreifen")
        renaming(source, target)

    monkeypatch.setattr(os, "rename", renamed)
    monkeypatch.setattr(os, "replace", renamed)
    log = logging.getLogger("expertenrat.test")
    for number in range(6):
        log.warning("Eintrag %s", number)
    monkeypatch.undo()

    assert log_file.read_text(encoding="utf-8").count("Eintrag") == 6
    assert [path.read_text(encoding="utf-8") for path in older] == [
        f"Protokoll {number}\n" for number in range(1, 6)
    ]


def test_a_full_log_this_run_alone_holds_is_rotated_as_windows_renames(
    log_file, monkeypatch
) -> None:
    """On Windows a file cannot be renamed while it is open, by this process too: the check
    whether it can be renamed, made with the handler's own file still open, always failed
    there, and the log grew without end."""
    (handler,) = [
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(log_file)
    ]
    log = logging.getLogger("expertenrat.test")
    log.warning("offen")  # the handler holds the file open, as the window does
    with log_file.open("a", encoding="utf-8") as file:
        file.write("x" * 1_000_000 + "\n")  # full: due for rotation
    held = str(log_file)

    def renamed(source, target, renaming=os.rename):
        if str(source) == held and handler.stream is not None:  # as Windows refuses it
            raise PermissionError(13, "Der Prozess kann nicht auf die Datei zugreifen")
        renaming(source, target)

    monkeypatch.setattr(os, "rename", renamed)
    monkeypatch.setattr(os, "replace", renamed)
    log.warning("danach")
    monkeypatch.undo()

    handler.flush()
    assert "offen" in log_file.with_name(f"{log_file.name}.1").read_text(encoding="utf-8")
    assert "danach" in log_file.read_text(encoding="utf-8")
    assert log_file.stat().st_size < 1_000
