"""Work run in a thread for the two-PC race tests: the outcome (result or error) is handed
to the test thread, and the thread carries its name from its start, so a paused function
can tell which PC calls it before the test thread has even got the Thread object back."""

from __future__ import annotations

import threading

from sqlalchemy import text


def in_thread(work, name: str | None = None) -> tuple[threading.Thread, list]:
    """Run ``work`` in a thread called ``name``; the list gets its result or its error."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as error:  # handed to the test thread
            outcome.append(error)

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread, outcome


def called_in(name: str) -> bool:
    """Whether the current thread is the one ``in_thread`` started as ``name``."""
    return threading.current_thread().name == name


def until_waiting_for_advisory_lock(engine, thread: threading.Thread, lock: int) -> None:
    """Return once another connection waits for the PostgreSQL advisory ``lock`` (the work
    in ``thread``, it is meant) or ``thread`` is done; ``engine`` reaches the database."""
    with engine.connect() as watching:
        for _attempt in range(3000):
            waiting = watching.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                    "AND NOT granted AND objid = :lock"
                ),
                {"lock": lock},
            ).scalar()
            if waiting or not thread.is_alive():
                break
            thread.join(0.01)
