"""The line under a form while "Gleichzeitig geändert" is open, and after its "Abbrechen".

A save refused because someone else saved first opens the merge window; the line under the
form then says where to choose, not "Bitte laden Sie die Daten neu …" (reloading would lose
the typed input). "Abbrechen" there keeps the input, the line says so, and the form no
longer holds the closed window; saving again offers the merge anew. A test sets up the
conflict and the form and leaves the sequence to this helper.
"""

from __future__ import annotations

from collections.abc import Callable

CHOOSE = " Wählen Sie im Fenster „Gleichzeitig geändert“, welche Angaben gelten."
KEPT = " Ihre Eingaben stehen noch im Formular: "


def cancelling_the_merge_keeps_the_input(
    holder, line: Callable[[], str], save: Callable[[], object], changed: str, again: str
) -> None:
    """``holder.merge_dialog`` is open and ``line()``, the text under the form, says
    ``changed`` (the refusal's first sentence) and where to choose. After the merge's
    "Abbrechen" it says ``changed``, that the input is kept, and ``again`` (what the form's
    buttons do now); ``holder`` no longer holds the closed window, and ``save()`` opens a
    new one, pointed to again."""
    merge = holder.merge_dialog
    assert merge is not None and merge.isVisible()
    assert line() == changed + CHOOSE

    merge.reject()

    assert line() == changed + KEPT + again
    assert holder.merge_dialog is None
    save()
    reopened = holder.merge_dialog
    assert reopened is not None and reopened is not merge and reopened.isVisible()
    assert line() == changed + CHOOSE
