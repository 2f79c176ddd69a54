"""What the recommendations register shows: status (or "überfällig", "Abschluss möglich"),
action field, project, year and the search as you type, accents aside.

:meth:`RegisterFilter.accepts` answers for all rows at once, in plain Python over the
rows' folded search texts (see :class:`~expertenrat.ui.filtered_table_model.
FilteredRowsTableModel`); every change of a setting calls ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_search import register_search_words
from expertenrat.ui.recommendations_table_model import RegisterRow


class RegisterFilter:
    def __init__(self, changed: Callable[[], None] = lambda: None) -> None:
        self._changed = changed
        self._words: list[str] = []
        self._statuses: frozenset[RecommendationStatus] = frozenset()
        self._overdue = False
        self._settled = False
        self._field_id: int | None = None
        self._project_id: int | None = None
        self._year: int | None = None
        self._rows: Sequence[RegisterRow] = ()  # the rows the texts below are of
        self._texts: list[str] = []
        self._found: tuple[list[str], list[bool]] = ([], [])  # the last words, their rows

    def set_search(self, text: str) -> None:
        self._change("_words", register_search_words(text))

    def set_statuses(self, statuses: frozenset[RecommendationStatus]) -> None:
        """Only these statuses; empty: all."""
        self._change("_statuses", frozenset(statuses))

    def set_overdue(self, overdue: bool) -> None:
        self._change("_overdue", overdue)

    def set_settled(self, settled: bool) -> None:
        """Only those the council can close (``RecommendationRow.settled``)."""
        self._change("_settled", settled)

    def set_field(self, field_id: int | None) -> None:
        self._change("_field_id", field_id)

    def set_project(self, project_id: int | None) -> None:
        self._change("_project_id", project_id)

    def set_year(self, year: int | None) -> None:
        self._change("_year", year)

    def _change(self, name: str, value: object) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            self._changed()

    def accepts(self, rows: Sequence[RegisterRow]) -> list[bool]:
        """Every row at once: the search words as list comprehensions over the texts (the
        common case while typing), the other filters only where one is set."""
        accepted = self._searched(rows)
        others = (self._field_id, self._project_id, self._year)
        if self._statuses or self._overdue or self._settled or any(v is not None for v in others):
            accepted = [ok and self._keeps(row) for ok, row in zip(accepted, rows, strict=True)]
        return accepted

    def _searched(self, rows: Sequence[RegisterRow]) -> list[bool]:
        """The rows whose text has every search word. Typing on ("kl" after "k") looks
        only at the rows found before."""
        if rows is not self._rows:
            self._rows, self._texts, self._found = rows, [r.search_text for r in rows], ([], [])
        words, texts = self._words, self._texts
        if not words:
            return [True] * len(rows)
        before, found = self._found
        if before and len(words) >= len(before) and all(map(str.__contains__, words, before)):
            accepted, rest = found, words
        else:
            accepted, rest = [words[0] in text for text in texts], words[1:]
        for word in rest:
            accepted = [ok and word in text for ok, text in zip(accepted, texts, strict=True)]
        self._found = (words, accepted)
        return accepted

    def _keeps(self, row: RegisterRow) -> bool:
        item = row.recommendation
        if self._statuses and item.status not in self._statuses:
            return False
        if self._overdue and not item.any_overdue:
            return False
        if self._settled and not item.settled:
            return False
        if self._field_id is not None and item.action_field_id != self._field_id:
            return False
        if self._project_id is not None and all(p.id != self._project_id for p in item.projects):
            return False
        return self._year is None or item.year == self._year
