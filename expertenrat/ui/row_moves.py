"""Moving the selected row of an ordered list one place up or down ("Nach oben", "Nach
unten"): the new order of ids for the service's ``reorder``, and which buttons may move.
Rows are records with an ``id``. Where a button beside a list goes off by its own press (a
move, or a step such as "Abschließen"), the focus goes back to the list
(:func:`focus_to_rows`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QWidget


def moved(rows: Sequence[Any], selected: Any | None, step: int) -> list[int] | None:
    """The ids of ``rows`` with ``selected`` moved ``step`` places (-1 up, 1 down); None when
    nothing is selected or it cannot go further."""
    if selected is None:
        return None
    ids = [row.id for row in rows]
    index = ids.index(selected.id)
    target = index + step
    if not 0 <= target < len(ids):
        return None
    ids[index], ids[target] = ids[target], ids[index]
    return ids


def enable_moves(
    up: QAbstractButton, down: QAbstractButton, rows: Sequence[Any], selected: Any | None
) -> None:
    """Enable ``up`` and ``down`` only where ``selected`` (None: no row) can go."""
    up.setEnabled(selected is not None and rows[0].id != selected.id)
    down.setEnabled(selected is not None and rows[-1].id != selected.id)


@contextmanager
def focus_to_rows(rows: QWidget, *buttons: QAbstractButton) -> Iterator[None]:
    """``buttons`` enabled anew inside: one disabled while it had the keyboard focus ("Nach
    oben" once its row is the first, "Löschen …" of the last row, a step done such as
    "Abschließen") hands the focus to ``rows``, the list it acts on. Qt passed it on to
    the next button, and the space bar pressed again moved the row straight back down or
    went on to "Löschen …" (found by a tester). So does one that lost the focus inside and
    is on again (the list read anew turned it off, the row that took the removed one's
    place on again): the focus had gone on to whatever came next (found by a tester)."""
    window = rows.window()
    focus = window.focusWidget()
    yield
    if focus in buttons and (not focus.isEnabled() or window.focusWidget() is not focus):
        rows.setFocus()
