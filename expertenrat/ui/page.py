"""The shape every page of the main window has, so that the window treats them alike.

A page is a ``QWidget`` with three methods:

``set_council(council_id)``
    Remember the council (a cheap call; reading may wait for ``refresh``).
``refresh()``
    Reread what the page shows, on showing it and after changes elsewhere. A page that
    shows a selected record keeps that selection (and the scroll position) across it.
``flush(then) -> bool``
    Called before the window switches council or area or closes. Save what the user typed
    (autosaving editors) or ask through the dialog service. ``True``: nothing is pending,
    the window goes on at once. ``False``: stay; the page has asked and calls ``then``
    once the user agrees to leave (after dropping the typed changes), or never.
``has_unsaved_changes() -> bool``
    Whether the page holds input not saved yet: then nothing rereads it from outside
    (another PC's change waits until the input is saved).

A page whose first field or button is not where the keyboard should land on Strg+1 … Strg+8
(an action such as "Neue Sitzung", which Enter would start) names the widget that is: it
is a :class:`KeyboardStart` too.

A meeting's detail tab (agenda, attendance, minutes …) is a :class:`MeetingDetail`: the same
for one meeting, with ``set_meeting`` instead of ``set_council`` and a ``changed`` signal;
``set_no_meeting_hint`` tells it what to say while no meeting is shown (:mod:`no_meeting`).

This is a ``Protocol`` (not a base class): Qt widgets keep their own base classes and no
``self.tr()`` is inherited (subclass strings would stay untranslated).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from expertenrat.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from expertenrat.ui.dialog_service import DialogService

_CONTEXT = "Page"


@runtime_checkable
class Page(Protocol):
    def set_council(self, council_id: int) -> None: ...

    def refresh(self) -> None: ...

    def flush(self, then: Callable[[], None]) -> bool: ...

    def has_unsaved_changes(self) -> bool: ...


@runtime_checkable
class KeyboardStart(Protocol):
    def keyboard_start(self) -> QWidget: ...


@runtime_checkable
class MeetingDetail(Protocol):
    def set_meeting(self, meeting_id: int | None) -> None: ...

    def set_no_meeting_hint(self, hint: str) -> None: ...

    def refresh(self) -> None: ...

    def flush(self, then: Callable[[], None]) -> bool: ...

    def has_unsaved_changes(self) -> bool: ...


class NothingPending:
    """The ``flush`` and ``has_unsaved_changes`` of a page or tab that saves each change at
    once (or in its dialogs) or only reads: nothing is ever pending there."""

    def flush(self, then: Callable[[], None]) -> bool:
        return True

    def has_unsaved_changes(self) -> bool:
        return False


# ``save_then(go_on, refuse)``: save the input typed on the meetings page, then call
# ``go_on()``, or ``refuse(why)`` where it cannot be saved (:meth:`MeetingTabs.saved_first`;
# a document, the minutes' circulation or approval would lack it).
SaveThen = Callable[[Callable[[], None], Callable[[str], None]], None]


def unsaved_warning(
    dialogs: DialogService, parent: QWidget, title: str, not_done: str
) -> Callable[[str], None]:
    """The ``refuse`` of a :data:`SaveThen`: why the input is not saved, that ``not_done``
    ("Das Dokument wurde nicht erstellt.") and that the input stays."""
    kept = tr(_CONTEXT, "Es enthielte die letzte Eingabe noch nicht; sie bleibt erhalten.")
    return lambda why: dialogs.warning(parent, title, f"{why}\n\n{not_done} {kept}")


def go_on_at_once(go_on: Callable[[], None], _refuse: Callable[[str], None]) -> None:
    """The :data:`SaveThen` of a widget on its own (a test's): nothing to save first."""
    go_on()


def flush_again(
    flush: Callable[[Callable[[], None]], bool], then: Callable[[], None]
) -> Callable[[], None]:
    """The ``then`` a page's ``flush`` hands its question when several forms may hold typed
    input: after a "Ja" dropped one, flush again (the next form saves or is asked about)
    and go on with ``then`` once nothing is left; any "Nein" stays."""

    def again() -> None:
        if flush(then):
            then()

    return again
