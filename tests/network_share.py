"""A folder that the program takes for a network share (a cifs mount): the mount table it
reads is faked, nothing is mounted."""

from __future__ import annotations

import os
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
