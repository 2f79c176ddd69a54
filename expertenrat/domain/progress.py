"""Reporting progress of long work, and stopping it when the user cancels."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
"""Called with (done, total) as long work goes on; raises :class:`Cancelled` to stop it."""


class Cancelled(Exception):
    """The user cancelled long work; whatever it was writing is rolled back."""


def no_progress(done: int, total: int) -> None:
    """A :data:`Progress` for callers that do not show progress."""
