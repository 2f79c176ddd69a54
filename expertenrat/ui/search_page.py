"""Suche: one search across the council's meetings, agenda items with their minutes texts
(approved minutes too), recommendations with their responses, and projects
(:mod:`expertenrat.services.council_search`).

The page reads the council's records once when shown (:meth:`SearchPage.refresh`) and
searches them as one types, case, accents and spelt-out umlauts aside; the text typed stays
when the page is read again. Each hit says what it is, where, its day and the passage
found; Enter, a double click or "Öffnen" opens it in its area (``opened``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.domain.council_search import HitKind, SearchHit, SearchIndex
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.wording import shortened
from expertenrat.services.council_search import CouncilSearchService
from expertenrat.ui.column_fit import fit_columns, refit_on_width_change
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.filter_bar import FilterBar, hit_count
from expertenrat.ui.form_errors import announce
from expertenrat.ui.i18n import tr
from expertenrat.ui.page import NothingPending
from expertenrat.ui.record_selection import selected_record, selection_kept, start_afresh
from expertenrat.ui.record_table import TableOrEmpty, record_table_view, sorting_proxy
from expertenrat.ui.row_moves import focus_to_rows
from expertenrat.ui.search_table_model import SearchTableModel
from expertenrat.ui.widgets import page_title

_CONTEXT = "SearchPage"
TYPING_PAUSE_MS = 150
TYPED_SHOWN = 80  # characters of the text typed that a message quotes (a paste may be long)

# The columns that give way in a narrow window, the first group first.
_SHRINKABLE = (
    (SearchTableModel.COLUMN_WHERE, SearchTableModel.COLUMN_EXCERPT),
    (SearchTableModel.COLUMN_WHAT,),
)


class SearchPage(NothingPending, QWidget):
    opened = Signal(object)  # the Target of the hit to open

    def __init__(
        self,
        search: CouncilSearchService,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._dialogs = dialogs
        self._council_id: int | None = None
        self._index = SearchIndex([])
        self.model = SearchTableModel(self)
        self.proxy = sorting_proxy(self.model, self)
        self.view = record_table_view(self.proxy, SearchTableModel.COLUMN_DAY)
        # In the search's order (what was typed by its code or title first, then the
        # projects, then the newest first) until a column is clicked: sorted by Datum, the
        # minutes that named "E-2026-03" came before the recommendation (found by a tester).
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setAccessibleName(tr(_CONTEXT, "Treffer"))  # for screen readers
        refit_on_width_change(self.view, self.fit_columns)
        self.table = TableOrEmpty(self.view)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(tr(_CONTEXT, "Alles"), None)
        for kind, label in (
            (HitKind.MEETING, tr(_CONTEXT, "Sitzungen")),
            (HitKind.AGENDA_ITEM, tr(_CONTEXT, "Tagesordnung und Protokolle")),
            (HitKind.RECOMMENDATION, tr(_CONTEXT, "Empfehlungen")),
            (HitKind.PROJECT, tr(_CONTEXT, "Projekte")),
        ):
            self.kind_combo.addItem(label, kind)
        self.filters = FilterBar(
            tr(_CONTEXT, "Suchen in Sitzungen, Protokollen, Empfehlungen und Projekten …"),
            tr(
                _CONTEXT,
                "Findet, was jedes Wort enthält, in Titeln, Protokolltexten (auch genehmigter "
                "Protokolle), Empfehlungen mit ihren Stellungnahmen und Projekten; Groß- und "
                "Kleinschreibung und Akzente zählen nicht, „ue“ findet „ü“ (Strg+F)",
            ),
            [self.kind_combo],
            names=[tr(_CONTEXT, "Art")],
        )
        self.search_edit = self.filters.search_edit
        self.filters.lead_down_to(self.view)
        self.count_label = QLabel()
        self._said = ""  # what a screen reader was last told of the hits
        self.open_button = QPushButton(tr(_CONTEXT, "Öffnen"))
        self.open_button.setToolTip(
            tr(_CONTEXT, "Den Treffer in seinem Bereich zeigen (Eingabetaste)")
        )
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._layout()

        self._typing.timeout.connect(self.show_hits)
        self.search_edit.textChanged.connect(lambda _text: self._typing.start())
        self.search_edit.returnPressed.connect(self.show_hits)
        self.kind_combo.currentIndexChanged.connect(self.show_hits)
        self.view.activated.connect(lambda _index: self.open_selected())  # Enter too
        self.open_button.clicked.connect(self.open_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.show_hits()

    def _layout(self) -> None:
        footer = QHBoxLayout()
        self.count_label.setWordWrap(True)
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(tr(_CONTEXT, "Suche")))
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the page is known only now

    def fit_columns(self) -> None:
        fit_columns(self.view, _SHRINKABLE, wide=SearchTableModel.COLUMN_EXCERPT)

    # --- the Page protocol ------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        if council_id != self._council_id:
            self._index = SearchIndex([])  # read for the council when shown
            self.search_edit.clear()  # a term typed for the last council
            self._typing.stop()
            start_afresh(self.view)
        self._council_id = council_id

    def refresh(self) -> None:
        """Read the council's records anew and search them for the text typed; the
        selected hit stays selected."""
        if self._council_id is None:
            return
        try:
            self._index = self._search.index(self._council_id)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Suche"), error.message)
            return
        with selection_kept(self.view):
            self.show_hits()

    # --- searching --------------------------------------------------------------------

    def show_hits(self) -> None:
        """The hits of the text typed, of the kind chosen."""
        self._typing.stop()
        text = self.search_edit.text()
        typed = shortened(" ".join(text.split()), TYPED_SHOWN)  # as the messages quote it
        kind = self.kind_combo.currentData()
        found = self._index.find(text)
        hits = [hit for hit in found if kind is None or hit.kind is kind]
        self.model.set_rows(hits)
        if hits:
            self.table.show_table()
            self.count_label.setText(
                hit_count(
                    len(hits),
                    len(found),
                    tr(_CONTEXT, "{} von {} Treffern"),
                    tr(_CONTEXT, "1 Treffer"),
                    tr(_CONTEXT, "{} Treffer"),
                )
            )
        elif found:
            self.table.show_empty(
                tr(
                    _CONTEXT, "Nichts dieser Art gefunden für „{}“; mit „Alles“: {} Treffer."
                ).format(typed, len(found))
            )
            self.count_label.setText(tr(_CONTEXT, "Keine Treffer dieser Art"))
        elif typed:
            # Members are not searched here: a name typed found nothing and said only to
            # type less (found by a tester).
            self.table.show_empty(
                tr(
                    _CONTEXT,
                    "Nichts gefunden für „{}“. Weniger oder kürzere Wörter finden mehr; "
                    "Mitglieder finden Sie unter „Mitglieder“ (Strg+2).",
                ).format(typed)
            )
            self.count_label.setText(tr(_CONTEXT, "Keine Treffer"))
        else:
            self.table.show_empty(
                tr(
                    _CONTEXT,
                    "Ein Suchwort eingeben, etwa einen Projektnamen, ein Amt oder einen "
                    "Begriff aus einem Protokoll. Gesucht wird in allen Sitzungen mit ihren "
                    "Gästen und Anlagen, Tagesordnungspunkten und Protokolltexten, "
                    "Empfehlungen mit ihren Stellungnahmen und Projekten dieses Gremiums.",
                )
            )
            self.count_label.setText("")
        self._say_hits()
        self.fit_columns()
        self._selection_changed()

    def _say_hits(self) -> None:
        """A screen reader says how many hits the text typed found ("8 Treffer", or why
        none): the focus stays in the search field, so the count under the table and the
        sentence in its place were silent (found by a tester). Said once per change, after
        the letters typed."""
        shown = self.table.currentWidget() is self.table.view
        said = self.count_label.text() if shown else self.table.empty_label.text()
        if not self.search_edit.text().strip():
            said = ""  # nothing typed: nothing found to say
        if said != self._said:
            announce(self.search_edit, said, polite=True)
        self._said = said

    def selected(self) -> SearchHit | None:
        return selected_record(self.view)

    def open_selected(self) -> None:
        hit = self.selected()
        if hit is not None:
            self.opened.emit(hit.target)

    def _selection_changed(self) -> None:
        with focus_to_rows(self.view, self.open_button):
            self.open_button.setEnabled(self.selected() is not None)
