"""Input files that are no regular files: a named pipe (FIFO) made ``import members``,
``import settings`` and ``restore`` wait for ever (the reading, even the opening, blocks
until a writer comes); a device such as /dev/zero never ends. They are refused, before
anything opens them, with one German line (found by a tester)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from cli_runs import run_script as run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes of POSIX")


def assert_refused(result: subprocess.CompletedProcess[str], path: object, kind: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"expertenrat: Fehler: „{path}“ ist keine gewöhnliche Datei (sondern {kind}) und wird "
        "nicht gelesen. Bitte wählen Sie eine Datei."
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    "command",
    [
        ("import", "members"),
        ("import", "members", "--dry-run"),
        ("import", "settings"),
        ("import", "settings", "--dry-run"),
        ("restore", "--yes"),
        ("restore",),  # refused before the question, which no one could answer here
    ],
    ids=" ".join,
)
def test_a_named_pipe_as_input_file_is_refused_at_once(demo_file, tmp_path, command):
    pipe = tmp_path / "eingabe.csv"
    os.mkfifo(pipe)

    result = run("--database", str(demo_file), *command[:2], str(pipe), *command[2:])

    assert_refused(result, pipe, "eine benannte Pipe")


def test_restore_over_a_damaged_database_refuses_a_named_pipe_too(tmp_path):
    damaged = tmp_path / "kaputt.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    before = damaged.read_bytes()
    pipe = tmp_path / "sicherung.zip"
    os.mkfifo(pipe)

    result = run("--database", str(damaged), "restore", str(pipe), "--yes")

    assert_refused(result, pipe, "eine benannte Pipe")
    assert damaged.read_bytes() == before


@pytest.mark.parametrize(("command", "name"), [("members", "."), ("settings", ".")])
def test_a_folder_as_input_file_is_refused(demo_file, tmp_path, command, name):
    result = run("--database", str(demo_file), "import", command, str(tmp_path / name))

    assert_refused(result, tmp_path / name, "ein Ordner")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="/dev/zero")
def test_a_device_as_backup_is_refused(demo_file):
    result = run("--database", str(demo_file), "restore", "/dev/zero", "--yes")

    assert_refused(result, "/dev/zero", "ein Gerät")
