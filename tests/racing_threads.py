"""Work run in a thread for the two-PC race tests: the outcome (result or error) is handed
to the test thread, and the thread carries its name from its start, so a paused function
can tell which PC calls it before the test thread has even got the Thread object back."""

from __future__ import annotations

import threading


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
