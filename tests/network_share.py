"""A folder that the program takes for a network share (a cifs mount): the mount table it
reads is faked, nothing is mounted."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from expertenrat.store import network_location


def fake_share(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str = "S") -> Path:
    """The folder ``tmp_path/name``, on "//server/geschaeftsstelle" as the mount table says."""
    share = tmp_path / name
    share.mkdir()
    point = os.path.realpath(share).replace(" ", "\\040")
    table = tmp_path / "mountinfo"
    table.write_text(
        "27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        f"90 27 0:50 / {point} rw,relatime shared:7 - cifs //server/geschaeftsstelle rw\n",
        "utf-8",
    )
    monkeypatch.setattr(network_location, "MOUNT_TABLE", table)
    return share


_HOLDER = """
import socket, sys
from pathlib import Path
socket.gethostname = lambda: sys.argv[2]
from expertenrat.store.in_use_marker import InUseMarker
marker, _ = InUseMarker.claim(Path(sys.argv[1]))
print("bereit" if marker else "nicht", flush=True)
sys.stdin.read()
if marker:
    marker.release()
"""


@contextmanager
def open_on_another_pc(
    path: Path, pc: str = "PC-SCHULZ", *, expect_held: bool = False
) -> Iterator[None]:
    """The database file ``path`` marked as open on the PC ``pc`` by a program that runs
    (another process: the lock on the marker is each process's own) until the block ends;
    ``expect_held``: it finds the marker held by this program and marks nothing."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), pc],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == ("nicht" if expect_held else "bereit")
        yield
    finally:
        process.communicate("", timeout=60)
