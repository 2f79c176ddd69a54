"""The command line on a full disk (a small RAM disk filled up, where the tests may mount
one: as root, as in CI): a failed command says so in German and leaves nothing behind;
output to a full disk (Linux's /dev/full) is one German line too."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runs import run_script, script_environment


@pytest.fixture
def full_disk(tmp_path) -> Iterator[Path]:
    """A folder on a RAM disk of 3 MB with room for a new database's tables, not for the
    demo data (``filler`` holds the rest)."""
    folder = tmp_path / "voll"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("no RAM disk can be mounted here (needs root)")
    try:
        with (folder / "filler").open("wb", buffering=0) as filler:
            filler.write(b"\0" * (3 * 1024 * 1024 - 800 * 1024))
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_demo_into_a_new_file_on_a_full_disk_leaves_no_file(full_disk) -> None:
    database = full_disk / "neu.db"

    failed = run_script("--database", str(database), "demo")

    assert failed.returncode == 1, failed.stderr
    assert failed.stderr.startswith("expertenrat: Fehler: Der Datenträger der Datenbank ist voll.")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # the next try starts anew


def _with_output_to_a_full_disk(*args: str) -> subprocess.CompletedProcess[str]:
    """The command with its output redirected to a file on a full disk (Linux's /dev/full),
    as a scheduled task's ``>> expertenrat.log`` where that disk ran full."""
    with Path("/dev/full").open("w") as full:
        return subprocess.run(
            [sys.executable, "-m", "expertenrat", *args],
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env=script_environment(),
        )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_output_to_a_full_disk_is_a_german_line_that_says_the_work_was_done(demo_file, tmp_path):
    """(found by a tester) The backup was written, then its line into the full log ended
    the command with a traceback; a script's log said nothing of what was done."""
    backup = tmp_path / "sicherung.zip"

    args = ["--database", str(demo_file), "backup", "--out", str(backup)]
    result = _with_output_to_a_full_disk(*args)

    assert (result.returncode, result.stderr) == (
        1,
        "expertenrat: Fehler: Die Ausgabe kann nicht geschrieben werden: Der Datenträger ist "
        "voll. Der Befehl selbst wurde ausgeführt.\n",
    )
    assert backup.is_file()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_output_on_the_way_to_a_full_disk_names_no_file_of_none(demo_file, tmp_path):
    """(found by a tester) An import's lines into a full log: "None: Der Datenträger ist
    voll." (the output has no file name to name)."""
    listed = tmp_path / "mitglieder.csv"
    assert run_script("--database", str(demo_file), "export", "members", "--out", str(listed),
                      "--council", "1").returncode == 0  # fmt: skip

    args = ["--database", str(demo_file), "import", "members", str(listed), "--dry-run"]
    result = _with_output_to_a_full_disk(*args, "--council", "1")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "None" not in result.stderr
    assert result.stderr.startswith("expertenrat: Fehler: ")
    assert "Der Datenträger ist voll." in result.stderr
