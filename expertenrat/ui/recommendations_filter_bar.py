"""Above the recommendations register: the search and the filters status (or "überfällig",
"Abschluss möglich"), action field, project and year, each change passed to the
:class:`~expertenrat.ui.recommendations_filter.RegisterFilter`. The bar also says what is
chosen as the service reads it (:meth:`RecommendationsFilterBar.chosen_filter`, for the
exports), refills its combos from the rows read and shows what the Übersicht points at.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.overview import Target, TargetFilter
from expertenrat.domain.projects import marked_title
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import AWAITING_OUTCOME
from expertenrat.domain.text_folding import fold
from expertenrat.ui.filter_bar import FilterBar, refill_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.recommendations_filter import RegisterFilter

_CONTEXT = "RecommendationsPage"
_OVERDUE = "overdue"
# Answered finally by every project, still "beantwortet": the Übersicht's "Abschluss
# möglich" (there was no such filter; its "… weitere" showed every answered one, those
# awaiting a planned implementation too, found by a tester).
_SETTLED = "settled"


class RecommendationsFilterBar(FilterBar):
    def __init__(self, register_filter: RegisterFilter, parent: QWidget | None = None) -> None:
        status_combo = QComboBox()
        status_combo.addItem(tr(_CONTEXT, "Alle Status"), None)
        # No "Stellungnahme ausstehend" beside "übermittelt": it chose the same (a response
        # is awaited exactly while a recommendation is sent).
        status_combo.addItem(tr(_CONTEXT, "überfällig"), _OVERDUE)
        status_combo.addItem(tr(_CONTEXT, "Abschluss möglich"), _SETTLED)
        for status in RecommendationStatus:
            status_combo.addItem(status.label, status.value)
        project_combo = QComboBox()
        project_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        project_combo.setMinimumContentsLength(16)
        combos = (status_combo, QComboBox(), project_combo, QComboBox())
        super().__init__(
            tr(_CONTEXT, "Suchen nach Kennung, Titel, Text, Antwort …"),
            tr(_CONTEXT, "Filtert die Tabelle beim Tippen (Strg+F)"),
            combos,
            parent,
            names=(
                tr(_CONTEXT, "Status"),
                tr(_CONTEXT, "Handlungsfeld"),
                tr(_CONTEXT, "Projekt"),
                tr(_CONTEXT, "Jahr"),
            ),
        )
        self.status_combo, self.field_combo, self.project_combo, self.year_combo = combos
        self._filter = register_filter
        self.search_edit.textChanged.connect(register_filter.set_search)
        self.status_combo.currentIndexChanged.connect(self._status_chosen)
        self.field_combo.currentIndexChanged.connect(
            lambda: register_filter.set_field(self.field_combo.currentData())
        )
        self.project_combo.currentIndexChanged.connect(
            lambda: register_filter.set_project(self.project_combo.currentData())
        )
        self.year_combo.currentIndexChanged.connect(
            lambda: register_filter.set_year(self.year_combo.currentData())
        )

    def _status_chosen(self) -> None:
        chosen = self.chosen_filter()
        self._filter.set_overdue(chosen.overdue)
        self._filter.set_settled(chosen.settled)
        self._filter.set_statuses(chosen.statuses)

    def chosen_filter(self) -> RecommendationFilter:
        """The filters and the search as the service reads them (the exports use them)."""
        value = self.status_combo.currentData()
        if value == _SETTLED:
            statuses = AWAITING_OUTCOME  # settled only while answered: the query narrows
        elif value in (None, _OVERDUE):
            statuses = frozenset()
        else:
            statuses = frozenset({RecommendationStatus(value)})
        return RecommendationFilter(
            statuses=statuses,
            action_field_id=self.field_combo.currentData(),
            project_id=self.project_combo.currentData(),
            year=self.year_combo.currentData(),
            overdue=value == _OVERDUE,
            settled=value == _SETTLED,
            search=self.search_edit.text(),
        )

    def fill(self, rows: list[RecommendationRow], fields: Sequence[ActionField]) -> None:
        """The council's action fields, and the projects (one marked as finished "…
        (abgeschlossen)", as the other project choosers) and years of ``rows``; what was
        chosen stays chosen where it is still there."""
        projects = {p.id: p for row in rows for p in row.projects}
        years = sorted({row.year for row in rows if row.year}, reverse=True)
        refill_combo(
            self.field_combo, tr(_CONTEXT, "Alle Handlungsfelder"), [(f.name, f.id) for f in fields]
        )
        refill_combo(
            self.project_combo,
            tr(_CONTEXT, "Alle Projekte"),
            [
                (marked_title(p.title, p.ended), p.id)
                for p in sorted(projects.values(), key=lambda p: (fold(p.title), p.id))
            ],
        )
        refill_combo(self.year_combo, tr(_CONTEXT, "Alle Jahre"), [(str(y), y) for y in years])
        self._filter.set_field(self.field_combo.currentData())
        self._filter.set_project(self.project_combo.currentData())
        self._filter.set_year(self.year_combo.currentData())

    def show_target(self, target: Target) -> None:
        """What the Übersicht points at: those without a response (sent), overdue (also
        for the reminders), to send
        (adopted), answered (among them those awaiting a final answer) or to close
        (settled), or those of an action field, the other filters and the search cleared
        (all of them for one recommendation)."""
        self.search_edit.clear()
        wanted = {
            TargetFilter.OPEN: RecommendationStatus.SENT.value,  # "übermittelt"
            TargetFilter.OVERDUE: _OVERDUE,
            TargetFilter.REMIND: _OVERDUE,
            TargetFilter.TO_SEND: RecommendationStatus.ADOPTED.value,  # "beschlossen"
            TargetFilter.CLOSABLE: _SETTLED,  # "Abschluss möglich"
            TargetFilter.ANSWERED: RecommendationStatus.ANSWERED.value,  # "beantwortet"
        }
        value = None if target.record_id is not None else wanted.get(target.filter)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(value)))
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(target.action_field_id)))
        self.project_combo.setCurrentIndex(0)
        self.year_combo.setCurrentIndex(0)
