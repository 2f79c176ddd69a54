""" "Abbrechen" pressed in a job's progress dialog before the job's work gets going.

A test clicks a button that starts a job and then cancels the job as "Abbrechen" does; on
a busy machine the worker thread could finish the whole (small) work before the test
thread's cancel, and the file would be written as if nobody had pressed. Jobs started
inside ``held()`` wait for ``press`` before their work begins, so the press always comes
first; other jobs run as usual."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from expertenrat.ui import worker


class Abbrechen:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._holding = False
        self._pressed = threading.Event()
        made, run = worker._Run.__init__, worker._Run.run
        abbrechen = self

        def made_marked(self, *args, **kwargs) -> None:
            made(self, *args, **kwargs)
            self.held = abbrechen._holding  # made on the GUI thread, in or out of held()

        def run_after_the_press(self) -> None:
            if self.held:
                abbrechen._pressed.wait(30)
            run(self)

        monkeypatch.setattr(worker._Run, "__init__", made_marked)
        monkeypatch.setattr(worker._Run, "run", run_after_the_press)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Jobs started in this block wait for ``press`` before their work begins."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False

    def press(self, job: worker.Job) -> None:
        """Cancel ``job`` as "Abbrechen" does, then let held work begin."""
        job.cancel()
        self._pressed.set()
