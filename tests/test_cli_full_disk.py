"""The command line on a full disk (a small RAM disk filled up, where the tests may mount
one: as root, as in CI): a failed command says so in German and leaves nothing behind."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runs import run_script


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
