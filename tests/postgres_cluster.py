"""A throwaway PostgreSQL cluster for the tests, when no server URL is given.

CI starts its own cluster and sets ``EXPERTENRAT_TEST_POSTGRES_URL``; on a developer's
machine with the Debian ``postgresql`` package installed, the tests start one in a
temporary folder themselves (as the ``postgres`` user when run as root).

Both clusters trust every login except those of the members of ``PASSWORD_GROUP``: they
must give their password (``PASSWORD_HBA_LINE``, first in ``pg_hba.conf``; .ci/run writes
the same line), so that the password prompt meets a real password check. A group, not one
role: test processes running side by side each make a member role of their own.

A cluster goes away with the test process that started it, however that process ends (a
SIGKILL from a timeout too, which runs no finalizer): a watchdog started with it
(``python postgres_cluster.py``, in a session of its own, so that a kill of the test's
process group spares it) waits until the test process's end of a pipe closes, then stops
the server and removes the folder. Should the watchdog have been killed as well, the next
cluster started removes the leftovers whose test process is gone (``OWNER_FILE``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

PASSWORD_GROUP = "expertenrat_pw_probe"
PASSWORD_HBA_LINE = f"host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256"
RAM_FOLDER_ROOM = 1 << 30  # a RAM disk holds the cluster only if it has this much free
FOLDER_PREFIX = "expertenrat-pg-"
# In each cluster's folder: "<pid> <start time>" of the test process that started it.
OWNER_FILE = "owner"


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


def _process_start(pid: int) -> str | None:
    """When the process ``pid`` started (clock ticks after boot), None if there is none: a
    pid and its start time name one process, even when the pid is given out again."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22; the name in () may hold blanks


def _children(pid: str) -> list[str]:
    """The pids of the processes whose parent is ``pid``."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat.read_text().rsplit(")", 1)[1].split()[1] == pid:  # field 4: the parent
                children.append(stat.parent.name)
        except (OSError, IndexError):  # ended meanwhile
            continue
    return children


def _as_cluster_user(command: list[str]) -> list[str]:
    """The command as the user who owns the clusters (``postgres`` when run as root)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _remove(folder: Path, bin: Path) -> None:
    """Stop the server of the cluster in ``folder`` if it runs, and remove the folder."""
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        stop = [str(bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_cluster_user(stop), capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def remove_leftovers() -> None:
    """Remove the clusters of test processes that are gone (their watchdog with them).

    A folder without an owner (yet: it was just made, or by an older version of this
    file) is left alone: its test process may still run.
    """
    bin = _pg_bin()
    if bin is None or _process_start(os.getpid()) is None:  # no /proc: owners unknown
        return
    for root in {"/dev/shm", tempfile.gettempdir()}:
        for folder in Path(root).glob(f"{FOLDER_PREFIX}*"):
            try:
                pid, started = (folder / OWNER_FILE).read_text().split()
                owner_runs = _process_start(int(pid)) == started
            except (OSError, ValueError):
                continue
            if not owner_runs:
                _remove(folder, bin)


def _watch(folder: Path, bin: Path) -> None:
    """The watchdog: wait until the test process's end of stdin closes (it ends, however,
    or stops its cluster), then remove the cluster if it is still there."""
    sys.stdin.buffer.read()
    if folder.exists():
        _remove(folder, bin)


class Cluster:
    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.folder: Path | None = None
        self.port = _free_port()
        self.watchdog: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return self.bin is not None

    def _run(self, *args: str) -> None:
        subprocess.run(_as_cluster_user([str(a) for a in args]), check=True, capture_output=True)

    def start(self) -> str:
        assert self.bin is not None
        remove_leftovers()
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=_ram_folder()))
        (self.folder / OWNER_FILE).write_text(f"{os.getpid()} {_process_start(os.getpid())}")
        # Its stdin's other end stays here: the kernel closes it when this process ends.
        # Not inherited by the programs this process starts (subprocess closes it for them).
        self.watchdog = subprocess.Popen(
            [sys.executable, __file__, str(self.folder), str(self.bin)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
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

    def pause(self) -> None:
        """Stop every process of the server (SIGSTOP), as a server that hangs or a paused
        virtual machine would: its system still takes connections and acknowledges what
        is sent, but nothing answers. :meth:`carry_on` lets it go on."""
        self._signal_all(signal.SIGSTOP)

    def carry_on(self) -> None:
        self._signal_all(signal.SIGCONT)

    def _signal_all(self, number: int) -> None:
        assert self.folder is not None
        postmaster = (self.folder / "data" / "postmaster.pid").read_text().split()[0]
        for pid in [postmaster, *_children(postmaster)]:
            with contextlib.suppress(ProcessLookupError):  # a backend that just ended
                os.kill(int(pid), number)

    def stop(self) -> None:
        if self.folder is None:
            return
        assert self.bin is not None
        try:
            self._run(self.bin / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop")
            shutil.rmtree(self.folder, ignore_errors=True)
        finally:
            # Closing its stdin lets the watchdog end: it finds nothing left (or, had the
            # stop failed, tries again itself).
            if self.watchdog is not None:
                self.watchdog.communicate()
                self.watchdog = None


if __name__ == "__main__":
    _watch(Path(sys.argv[1]), Path(sys.argv[2]))
