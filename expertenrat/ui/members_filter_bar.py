"""Above the members table: the search and the filters status (aktive / künftige /
ehemalige / alle) and action field, each change passed to the
:class:`~expertenrat.ui.members_filter_proxy.MembersFilterProxy`; the action fields are
refilled as the page reads them, and what the Übersicht points at clears every filter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from expertenrat.domain.councils import ActionField
from expertenrat.ui.eliding_widgets import YieldingComboBox
from expertenrat.ui.filter_bar import FilterBar, refill_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.members_filter_proxy import MembersFilterProxy, StatusFilter

_CONTEXT = "MembersPage"


class MembersFilterBar(FilterBar):
    def __init__(self, proxy: MembersFilterProxy, parent: QWidget | None = None) -> None:
        status_combo = QComboBox()
        for status, label in (
            (StatusFilter.ACTIVE, tr(_CONTEXT, "Aktive")),
            (StatusFilter.FUTURE, tr(_CONTEXT, "Künftige")),
            (StatusFilter.FORMER, tr(_CONTEXT, "Ehemalige")),
            (StatusFilter.ALL, tr(_CONTEXT, "Alle")),
        ):
            status_combo.addItem(label, status.value)
        # The action fields are the council's own words (some long): in a narrow window
        # the filter gives way, its entry ending in "…", instead of being squeezed.
        field_combo = YieldingComboBox(12)
        super().__init__(
            tr(_CONTEXT, "Suchen nach Name, Institution, E-Mail …"),
            tr(_CONTEXT, "Filtert die Tabelle beim Tippen (Strg+F)"),
            (status_combo, field_combo),
            parent,
            names=(tr(_CONTEXT, "Status"), tr(_CONTEXT, "Handlungsfeld")),
        )
        self.status_combo, self.field_combo = status_combo, field_combo
        self._proxy = proxy
        self.search_edit.textChanged.connect(proxy.set_search)
        status_combo.currentIndexChanged.connect(
            lambda: proxy.set_status(StatusFilter(status_combo.currentData()))
        )
        field_combo.currentIndexChanged.connect(lambda: proxy.set_field(field_combo.currentData()))

    def fill(self, fields: Sequence[ActionField]) -> None:
        """The council's action fields to choose from; the chosen one stays while it is."""
        refill_combo(
            self.field_combo,
            tr(_CONTEXT, "Alle Handlungsfelder"),
            [(f.name, f.id) for f in fields],
        )
        self._proxy.set_field(self.field_combo.currentData())

    def show_everything(self) -> None:
        """Every member, whatever the term: the search and the filters cleared."""
        self.search_edit.clear()
        self.status_combo.setCurrentIndex(self.status_combo.findData(StatusFilter.ALL.value))
        self.field_combo.setCurrentIndex(0)
