"""How many background jobs are still alive: after repeated use of one action, a count
that grows with each use is a job (and what it holds) kept until the program ends."""

from __future__ import annotations

import gc

from expertenrat.ui.worker import Job


def live_jobs() -> int:
    gc.collect()
    return sum(isinstance(thing, Job) for thing in gc.get_objects())
