"""A throwaway PostgreSQL cluster for the tests, when no server URL is given.

CI starts its own cluster and sets ``EXPERTENRAT_TEST_POSTGRES_URL``; on a developer's
machine with the Debian ``postgresql`` package installed, the tests start one in a
temporary folder themselves (as the ``postgres`` user when run as root).

Both clusters trust every login except those of the members of ``PASSWORD_GROUP``: they
must give their password (``PASSWORD_HBA_LINE``, first in ``pg_hba.conf``; .ci/run writes
the same line), so that the password prompt meets a real password check. A group, not one
role: test processes running side by side each make a member role of their own.
"""

from __future__ import annotations

import glob
import os
import random
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PASSWORD_GROUP = "expertenrat_pw_probe"
PASSWORD_HBA_LINE = f"host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256"
RAM_FOLDER_ROOM = 1 << 30  # a RAM disk holds the cluster only if it has this much free


def _pg_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _ram_folder() -> str | None:
    """``/dev/shm`` when it is a RAM disk with room, else None (the usual temporary folder).

    The cluster's data is thrown away after the tests: kept in memory, each test's
    ``CREATE DATABASE … TEMPLATE`` copies megabytes without waiting for a slow disk.
    """
    folder = "/dev/shm"
    try:
        usage = os.statvfs(folder)
    except OSError:
        return None
    room = usage.f_bavail * usage.f_frsize
    return folder if room >= RAM_FOLDER_ROOM and os.access(folder, os.W_OK) else None


def _free_port() -> int:
    """A port free now and below the range the system takes ports from for outgoing
    connections: a port of that range (as ``bind(0)`` gives) could be taken by any new
    connection (the other test process's to its database) before the server starts on it,
    or while a test has stopped the server to start it again."""
    first_outgoing = _first_outgoing_port()
    lowest = max(1024, first_outgoing - 12_000)
    for _attempt in range(200 if first_outgoing - lowest >= 1000 else 0):
        port = random.randrange(lowest, first_outgoing)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as sock:  # hardly ever: everything there taken
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _first_outgoing_port() -> int:
    try:
        text = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text()
        return int(text.split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


class Cluster:
    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.folder: Path | None = None
        self.port = _free_port()

    @property
    def available(self) -> bool:
        return self.bin is not None

    def _run(self, *args: str) -> None:
        command = [str(a) for a in args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)

    def start(self) -> str:
        assert self.bin is not None
        self.folder = Path(tempfile.mkdtemp(prefix="expertenrat-pg-", dir=_ram_folder()))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        data = self.folder / "data"
        self._run(self.bin / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8")
        hba = data / "pg_hba.conf"
        hba.write_text(f"{PASSWORD_HBA_LINE}\n{hba.read_text()}")  # the first match wins
        self.resume()
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def resume(self) -> None:
        """Start the server (again) on its data folder and port."""
        assert self.bin is not None and self.folder is not None
        self._run(
            self.bin / "pg_ctl",
            "-D",
            self.folder / "data",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.folder} -F",
            "-l",
            self.folder / "log",
            "-w",
            "start",
        )

    def halt(self) -> None:
        """Stop the server at once, as a crash or a lost network would; the data stays."""
        assert self.bin is not None and self.folder is not None
        self._run(self.bin / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop")

    def stop(self) -> None:
        if self.folder is None:
            return
        assert self.bin is not None
        self._run(self.bin / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
