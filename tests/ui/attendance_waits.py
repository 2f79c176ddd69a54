"""Waiting for the Anwesenheit tab's saves, which run in the worker one after the other."""

from __future__ import annotations

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def saved(qtbot, panel) -> None:
    """Wait until no save of ``panel`` runs (the lines chosen are saved, or one failed)."""
    qtbot.waitUntil(lambda: panel.saving() is None, timeout=WAIT)


def chosen(qtbot, panel, combo, data) -> None:
    """Choose ``data`` in ``combo`` of a line and wait for its save."""
    combo.setCurrentIndex(combo.findData(data))
    saved(qtbot, panel)
