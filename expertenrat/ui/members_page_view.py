"""The widgets of the Mitglieder page and where they sit; :class:`MembersPage` adds the
behaviour (the view/controller split of the house style).

The table shows Name, Institution, Rolle, Primäres Handlungsfeld and Amtszeit by default,
fitted to the width of the page; further columns can be shown from the header's context
menu and are remembered. Under the table a line counts the hits, with the buttons beside
it (on two rows in a narrow window); on the right the composition and the roster, which
scroll in a short window. The search and filters are :mod:`ui.members_filter_bar`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.ui.column_fit import fit_columns
from expertenrat.ui.composition_panel import CompositionPanel
from expertenrat.ui.i18n import tr
from expertenrat.ui.members_filter_bar import MembersFilterBar
from expertenrat.ui.members_filter_proxy import MembersFilterProxy
from expertenrat.ui.members_table_model import MembersTableModel
from expertenrat.ui.record_page_layout import record_page_layout
from expertenrat.ui.record_table import TableOrEmpty, chooser_table
from expertenrat.ui.scroll_areas import up_down_scroll_area
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "MembersPage"
# Columns made narrower (down to fit_columns' minimum) when the shown ones do not fit the
# page: first the institution and the other long texts, then the action field and the role
# (a council's own title may be long: "Stellvertretende Sprecherin"). The name, the key,
# never: a very long one is capped at fit_columns' COMFORT_WIDTH, and where the others have
# given way the term is left out rather than the names cut (at 1024 px 5 of 9 names read
# "Behrens, Sas…" beside a whole term, found by a tester).
# Room left over goes to the institution.
_SHRINKABLE = (
    (
        MembersTableModel.COLUMN_AFFILIATION,
        MembersTableModel.COLUMN_FIELDS,
        MembersTableModel.COLUMN_EMAIL,
        MembersTableModel.COLUMN_TITLE,
    ),
    (MembersTableModel.COLUMN_PRIMARY_FIELD, MembersTableModel.COLUMN_ROLE),
)
# Left out, in this order, where the table is too narrow for the headers of the shown
# columns (1366 x 768 at 150 %): the name and the institution keep room to be read.
_DROPPABLE = (
    MembersTableModel.COLUMN_TERM,
    MembersTableModel.COLUMN_PRIMARY_FIELD,
    MembersTableModel.COLUMN_ROLE,
)


class MembersPageView(QWidget):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.model = MembersTableModel(self)
        self.proxy = MembersFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view, self.columns = chooser_table(
            self.proxy,
            MembersTableModel,
            MembersTableModel.COLUMN_NAME,
            settings,
            "members/hidden_columns",
            self.fit_columns,
        )
        self.view.setAccessibleName(tr(_CONTEXT, "Mitglieder"))  # for screen readers
        self.table_stack = TableOrEmpty(self.view)
        self.empty_label = self.table_stack.empty_label
        self.count_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.filters = MembersFilterBar(self.proxy)
        self.search_edit = self.filters.search_edit
        self.new_button = QPushButton(tr(_CONTEXT, "Neues Mitglied …"))
        self.edit_button = QPushButton(tr(_CONTEXT, "Bearbeiten …"))
        self.end_button = QPushButton(tr(_CONTEXT, "Amtszeit beenden …"))
        self.next_term_button = QPushButton(tr(_CONTEXT, "Weitere Amtszeit …"))
        self.next_term_button.setToolTip(
            tr(
                _CONTEXT,
                "Die Person erneut berufen: eine weitere Amtszeit nach dem Ende der "
                "gewählten; die bisherige bleibt in der Historie",
            )
        )
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.delete_button.setToolTip(tr(_CONTEXT, "Das Mitglied löschen (Entf)"))
        self.copy_emails_button = QPushButton(tr(_CONTEXT, "E-Mail-Adressen kopieren"))
        self.disclosure_button = QPushButton(tr(_CONTEXT, "Auskunft (Art. 15) …"))
        self.disclosure_button.setToolTip(
            tr(
                _CONTEXT,
                "Alle gespeicherten Daten über die Person als PDF, für eine Auskunft nach "
                "Art. 15 DSGVO",
            )
        )
        self.copy_emails_button.setToolTip(
            tr(
                _CONTEXT,
                "Die E-Mail-Adressen der angezeigten Mitglieder in die Zwischenablage – zum "
                "Einfügen in das Feld „Bcc“, damit niemand die Adressen der anderen sieht",
            )
        )
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(tr(_CONTEXT, "Neues Mitglied anlegen (Strg+N)"))
        self.composition = CompositionPanel()

    def _layout(self, roster: QWidget) -> None:
        """Lay the widgets out, with ``roster`` under the composition (the page makes it:
        it works with the services)."""
        self.actions = WrappingRow(  # on two rows in a narrow window, more in the least
            (
                (self.new_button, self.edit_button, self.end_button, self.next_term_button),
                (self.delete_button, self.copy_emails_button, self.disclosure_button),
            ),
            breaking=True,
        )
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addWidget(self.status_label, 1)
        side = QWidget()
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.composition)
        right.addWidget(roster)
        right.addStretch(1)
        # In a short window the panel scrolls rather than squeezing the roster's fields (it
        # is taller than the table beside it needs to be).
        self.side_scroll = up_down_scroll_area(side)
        record_page_layout(
            self,
            tr(_CONTEXT, "Mitglieder"),
            self.filters,
            self.table_stack,
            (counts, self.actions),
            self.side_scroll,
            (800, 320),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the page is known only now

    def fit_columns(self) -> None:
        fit_columns(
            self.view,
            _SHRINKABLE,
            wide=MembersTableModel.COLUMN_AFFILIATION,
            capped=(MembersTableModel.COLUMN_NAME,),
            droppable=_DROPPABLE,
        )
