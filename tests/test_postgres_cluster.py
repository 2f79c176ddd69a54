"""The tests' throwaway PostgreSQL cluster goes away with the test process that started it,
also when that process is killed (a timeout's SIGKILL runs no finalizer)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_cluster import Cluster, remove_leftovers

# Only the end of a wait that would never end: the tests check what happens, not how fast.
LIMIT_S = 120

# A test process in short: it starts a cluster, tells where it is, and waits to be killed.
TEST_PROCESS = f"""
import sys, time
sys.path.insert(0, {str(Path(__file__).parent)!r})
from postgres_cluster import Cluster
cluster = Cluster()
cluster.start()
print(cluster.folder, cluster.watchdog.pid, flush=True)
time.sleep(3600)
"""


@pytest.fixture
def killed_test_process() -> Iterator[tuple[subprocess.Popen[str], Path, int]]:
    """A test process with a running cluster: (the process, the cluster's folder, the pid of
    its watchdog)."""
    if not Cluster().available:
        pytest.skip("no PostgreSQL server programs (initdb) found")
    process = subprocess.Popen(
        [sys.executable, "-c", TEST_PROCESS], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    folder, watchdog = process.stdout.readline().split()
    try:
        yield process, Path(folder), int(watchdog)
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        remove_leftovers()  # what a failing test left


def _processes_using(folder: Path) -> list[int]:
    """The processes whose command line names ``folder`` (the server and its helpers)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command_line = (entry / "cmdline").read_bytes()
            except OSError:
                continue  # ended meanwhile
            if os.fsencode(folder) in command_line:
                pids.append(int(entry.name))
    return pids


def _gone(folder: Path) -> bool:
    return not folder.exists() and not _processes_using(folder)


def test_the_cluster_of_a_killed_test_process_is_stopped_and_removed(killed_test_process):
    process, folder, _watchdog = killed_test_process
    assert _processes_using(folder) and (folder / "data").is_dir()

    process.send_signal(signal.SIGKILL)
    process.wait()

    deadline = time.monotonic() + LIMIT_S
    while not _gone(folder) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_using(folder)
    assert not folder.exists()


def test_a_cluster_left_behind_is_removed_when_the_next_one_starts(killed_test_process):
    process, folder, watchdog = killed_test_process
    os.kill(watchdog, signal.SIGKILL)  # killed too: nothing removes the cluster at once
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _processes_using(folder) and folder.exists()

    remove_leftovers()  # as Cluster.start does first

    assert not _processes_using(folder)
    assert not folder.exists()
