"""What stops a form's "Speichern" before it saves: errors, and the warnings to be read
first (:class:`SaveStops`)."""

from __future__ import annotations

from collections.abc import Sequence

from expertenrat.domain.errors import FieldProblem
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr

_CONTEXT = "SaveStops"


class SaveStops:
    """Errors stop every click; a warning of the ``read_first`` fields stops the first one,
    shown under the fields with a line asking to click again (the next click saves where
    the same warnings come again). Other warnings do not stop it: the form shows them after
    saving."""

    def __init__(self, errors: FormErrors, read_first: frozenset[str]) -> None:
        self._errors = errors
        self._read_first = read_first
        self._shown: frozenset[str] = frozenset()

    def stop(self, problems: Sequence[FieldProblem]) -> bool:
        """Show what stops saving ``problems``, if anything does: whether it does."""
        if any(not p.warning for p in problems):
            self._errors.show(problems)
            self._errors.focus_first_error()
            return True
        first = [p for p in problems if p.field in self._read_first]
        if frozenset(p.message for p in first) <= self._shown:
            return False
        self._shown = frozenset(p.message for p in first)
        again = tr(_CONTEXT, "Trotzdem speichern? Klicken Sie erneut auf „Speichern“.")
        # Under the warning it asks about (beside the buttons where the form has no place).
        self._errors.show([*problems, FieldProblem(first[0].field, again, warning=True)])
        return True

    def forget(self) -> None:
        """Another record (or the saved one) is shown: its warnings stop the first click."""
        self._shown = frozenset()
