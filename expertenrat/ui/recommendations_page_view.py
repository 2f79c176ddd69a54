"""The widgets of the Empfehlungen page and where they sit; :class:`RecommendationsPage`
adds the behaviour (the view/controller split of the house style).

The table (its columns chosen from the header's context menu and remembered) under the
filters, the count and "Neue Empfehlung …", "Erinnerungen …" and "Exportieren …" below it;
beside it the selected recommendation's detail and the buttons of the steps, in two
columns where the panel is wide enough. With no recommendation selected the panel is
hidden and the table takes its room (on a 1024 px window the empty panel kept 170 px).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.button_grid import ButtonGrid
from expertenrat.ui.column_fit import fit_columns
from expertenrat.ui.filter_bar import hit_count
from expertenrat.ui.i18n import tr
from expertenrat.ui.recommendations_filter import RegisterFilter
from expertenrat.ui.recommendations_filter_bar import RecommendationsFilterBar
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel
from expertenrat.ui.record_page_layout import record_page_layout
from expertenrat.ui.record_table import chooser_table
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "RecommendationsPage"
# The other text columns give way first, each in proportion to its width; the title gives
# way last and takes whatever room is left over (fit_columns' ``wide``).
_SHRINKABLE = (
    (
        RecommendationsTableModel.COLUMN_PROJECTS,
        RecommendationsTableModel.COLUMN_FIELD,
        RecommendationsTableModel.COLUMN_LEAD,
        RecommendationsTableModel.COLUMN_ORIGIN,
    ),
    (RecommendationsTableModel.COLUMN_TITLE,),
)
# Left out, in this order, where the table is too narrow for the headers of the shown
# columns ("Handlu…", "Projekt…" at 1024 px): the title keeps room to be read; the
# project(s) and the due date show in the detail beside, "überfällig" goes last.
_DROPPABLE = (
    RecommendationsTableModel.COLUMN_PROJECTS,
    RecommendationsTableModel.COLUMN_DUE,
    RecommendationsTableModel.COLUMN_FIELD,
    RecommendationsTableModel.COLUMN_OVERDUE,  # the last: the row is red as well
)
# The narrowest the detail panel gets on a narrow window (one column of step buttons): at
# 1024 px the title column keeps room for the start of each title.
_DETAIL_LEAST_WIDTH = 170
# Before the other columns' headers are cut ("Handlungsf…", their tooltips whole), the
# title keeps room for this many letters: it is what the user reads.
_TITLE_LEAST_CHARACTERS = 28


class RecommendationsPageView(QWidget):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.model = RecommendationsTableModel(self)
        self.filter = RegisterFilter(self.model.refilter)
        self.model.set_filter(self.filter.accepts)
        self.view, self.columns = chooser_table(
            self.model,
            RecommendationsTableModel,
            RecommendationsTableModel.COLUMN_CODE,
            settings,
            "recommendations/hidden_columns",
            self.fit_columns,
        )
        self.view.setAccessibleName(tr(_CONTEXT, "Empfehlungen"))  # for screen readers
        self.filters = RecommendationsFilterBar(self.filter)
        self.search_edit = self.filters.search_edit
        self.count_label = QLabel()
        # "Noch keine Empfehlungen. Sie entstehen …" of an empty council breaks onto two
        # lines beside the buttons rather than widening the page past a 1024 px window.
        self.count_label.setWordWrap(True)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(tr(_CONTEXT, "Einzelheiten der Empfehlung"))
        self.new_button = QPushButton(tr(_CONTEXT, "Neue Empfehlung …"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(tr(_CONTEXT, "Neue Empfehlung anlegen (Strg+N)"))
        self.edit_button = QPushButton(tr(_CONTEXT, "Bearbeiten …"))
        self.adopt_button = QPushButton(tr(_CONTEXT, "Beschließen …"))
        self.send_button = QPushButton(tr(_CONTEXT, "Versenden …"))
        self.draft_button = QPushButton(tr(_CONTEXT, "E-Mail-Entwurf …"))
        self.draft_button.setToolTip(
            tr(
                _CONTEXT,
                "Die E-Mail-Entwürfe an die Projekte (.eml) erneut speichern, wie "
                "„Versenden …“ sie erstellt, etwa nach einem abgebrochenen Speichern",
            )
        )
        self.due_button = QPushButton(tr(_CONTEXT, "Frist ändern …"))
        # Short labels keep the detail beside the table narrow, so the title column keeps
        # its room on a 1280-pixel screen; the tooltip says the whole step.
        self.response_button = QPushButton(tr(_CONTEXT, "Stellungnahme …"))
        self.response_button.setToolTip(tr(_CONTEXT, "Stellungnahme des Projekts erfassen"))
        self.remove_response_button = QPushButton(tr(_CONTEXT, "Antwort entfernen …"))
        self.remove_response_button.setToolTip(
            tr(_CONTEXT, "Eine versehentlich erfasste Stellungnahme wieder entfernen")
        )
        self.close_button = QPushButton(tr(_CONTEXT, "Abschließen …"))
        self.reopen_button = QPushButton(tr(_CONTEXT, "Wieder öffnen …"))
        self.reopen_button.setToolTip(
            tr(
                _CONTEXT,
                "Eine abgeschlossene Empfehlung wieder öffnen, etwa nach einer falschen Antwort",
            )
        )
        self.withdraw_button = QPushButton(tr(_CONTEXT, "Zurückziehen …"))
        self.reminders_button = QPushButton(tr(_CONTEXT, "Erinnerungen …"))
        self.reminders_button.setToolTip(
            tr(
                _CONTEXT,
                "Projekte, deren Stellungnahme überfällig oder bald fällig ist oder deren "
                "geplante Umsetzung überfällig ist: Erinnerungsschreiben und E-Mail-Entwürfe",
            )
        )
        self.reminders_button.setEnabled(False)

    def _layout(self, export_button: QPushButton, steps: list[QPushButton]) -> None:
        """Lay the widgets out, with ``export_button`` below the table (the page makes it:
        it works with the services) and the buttons of ``steps`` in this order."""
        below = QHBoxLayout()
        below.addWidget(self.count_label, 1)
        # On more rows where the page is too narrow for one (the least window, 720 x 480).
        below.addWidget(
            WrappingRow(
                (
                    (self.new_button,),
                    (self.draft_button,),
                    (self.reminders_button,),
                    (export_button,),
                )
            )
        )
        self.detail_side = side = QWidget()
        side.hide()  # until a recommendation is selected: show_detail_side
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.detail, 1)
        # Two columns where the panel is wide enough, one on a narrow window, where the
        # panel gives way so that the table keeps room for the titles.
        self.step_buttons = ButtonGrid(steps, 2)
        right.addWidget(self.step_buttons)
        self._splitter = record_page_layout(
            self,
            tr(_CONTEXT, "Empfehlungen"),
            self.filters,
            self.view,
            (below,),
            side,
            (900, 230),
            beside_least=_DETAIL_LEAST_WIDTH,
        )

    def show_detail_side(self, shown: bool) -> None:
        """The detail and the step buttons beside the table (a recommendation selected),
        or the table alone at the page's width (none selected)."""
        if shown != self.detail_side.isHidden():
            return
        self.detail_side.setVisible(shown)
        self._splitter.share_out()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the page is known only now

    def fit_columns(self) -> None:
        fit_columns(
            self.view,
            _SHRINKABLE,
            wide=RecommendationsTableModel.COLUMN_TITLE,
            wide_least=self.view.fontMetrics().averageCharWidth() * _TITLE_LEAST_CHARACTERS,
            droppable=_DROPPABLE,
        )

    def update_count(self) -> None:
        """The count below the table: shown of all, or the hint where there are none."""
        shown, total = self.model.rowCount(), self.model.total()
        if total == 0:
            text = tr(
                _CONTEXT, "Noch keine Empfehlungen. Sie entstehen im Protokoll einer Sitzung."
            )
        else:
            text = hit_count(
                shown,
                total,
                tr(_CONTEXT, "{} von {} Empfehlungen"),
                tr(_CONTEXT, "1 Empfehlung"),
                tr(_CONTEXT, "{} Empfehlungen"),
            )
        # The count on one line (it broke into "20" over "Empfehlungen" beside the buttons
        # in a narrow window, found by a tester); only the long hint wraps.
        self.count_label.setWordWrap(total == 0)
        self.count_label.setText(text)
