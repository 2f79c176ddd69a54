"""Sitzungen: the council's meetings, a single meeting or a series, states, details in tabs.

The list (Nr., Datum, Zeit, Ort, Status, Eingeladen am, Protokoll) is filtered by
kommende / abgehaltene / alle and by year. The selected meeting shows in tabs: "Sitzung"
(:class:`MeetingForm`) and the detail widgets of the meeting (agenda, attendance,
conflicts), which follow the contract of ``set_meeting`` / ``refresh`` / ``flush`` and a
``changed`` signal. Before another meeting, another area or another council is shown,
:meth:`MeetingsPage.flush` asks about what was typed and not saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meeting_states import allowed_targets
from expertenrat.domain.meetings import MeetingScope, MeetingSummary
from expertenrat.domain.overview import Target, TargetFilter
from expertenrat.services.context import Services
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.annexes_panel import AnnexesPanel
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.conflicts_panel import ConflictsPanel
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.filter_bar import refill_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions
from expertenrat.ui.meeting_form import MeetingForm
from expertenrat.ui.meetings_table_model import MeetingsTableModel
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.page import MeetingDetail, flush_again
from expertenrat.ui.record_table import select_record, selected_record
from expertenrat.ui.scrolling_tabs import ScrollingTabs
from expertenrat.ui.series_dialog import SeriesDialog
from expertenrat.ui.widgets import page_title

_CONTEXT = "MeetingsPage"
_TWO_WEEKS = timedelta(days=14)
_SCOPES = {TargetFilter.HELD: MeetingScope.HELD, TargetFilter.UPCOMING: MeetingScope.UPCOMING}


class MeetingsPage(QWidget):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._shown_id: int | None = None  # the meeting in the tabs (None: new or nothing)
        self._selecting = False
        self.series_dialog: SeriesDialog | None = None

        self.model = MeetingsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(MeetingsTableModel.SortRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(MeetingsTableModel.COLUMN_DATE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        _fit_columns(self.view.horizontalHeader())
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)

        self.scope_combo = QComboBox()
        for scope, label in (
            (MeetingScope.ALL, tr(_CONTEXT, "Alle Sitzungen")),
            (MeetingScope.UPCOMING, tr(_CONTEXT, "Kommende")),
            (MeetingScope.HELD, tr(_CONTEXT, "Abgehaltene")),
        ):
            self.scope_combo.addItem(label, scope.value)
        self.year_combo = QComboBox()
        self.year_combo.addItem(tr(_CONTEXT, "Alle Jahre"), None)
        self.new_button = QPushButton(tr(_CONTEXT, "Neue Sitzung"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(tr(_CONTEXT, "Eine einzelne Sitzung anlegen (Strg+N)"))
        self.series_button = QPushButton(tr(_CONTEXT, "Sitzungsreihe …"))
        self.invite_button = QPushButton(tr(_CONTEXT, "Einladung versandt"))
        self.invite_button.setToolTip(
            tr(_CONTEXT, "Die Einladung ist heute versandt: Status „eingeladen“")
        )
        self.held_button = QPushButton(tr(_CONTEXT, "Durchgeführt"))
        self.cancel_button = QPushButton(tr(_CONTEXT, "Absagen …"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.documents = MeetingDocumentActions(services, dialogs, today)

        self.form = MeetingForm(services.meetings, services.members, today)
        self.tabs = ScrollingTabs()  # a short window scrolls a tab, never squeezes it
        self.tabs.addTab(self.form, tr(_CONTEXT, "Sitzung"))
        self.details: list[MeetingDetail] = []
        for label, widget in _detail_widgets(services, dialogs, today):
            widget.changed.connect(self._detail_changed)
            self.details.append(widget)
            self.tabs.addTab(widget, label)
        self._layout()
        for widget in self.details:
            if isinstance(widget, MinutesEditor):
                widget.open_tab.connect(self._open_tab)

        self.tabs.currentChanged.connect(self._tab_shown)
        self.scope_combo.currentIndexChanged.connect(self.refresh)
        self.year_combo.currentIndexChanged.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_meeting)
        self.series_button.clicked.connect(self.new_series)
        self.invite_button.clicked.connect(lambda: self.change_state(MeetingState.INVITED))
        self.held_button.clicked.connect(lambda: self.change_state(MeetingState.HELD))
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.delete_button.clicked.connect(self.ask_delete)
        self.form.saved.connect(self._saved)
        self._update_buttons()

    def _layout(self) -> None:
        """Filters and the meeting actions on top, the table with its documents beside it,
        and the selected meeting's tabs below at the page's full width (the minutes editor
        needs it); the splitter between the two can be dragged."""
        bar = QHBoxLayout()
        bar.addWidget(self.scope_combo)
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        for button in (
            self.new_button,
            self.series_button,
            self.invite_button,
            self.held_button,
            self.cancel_button,
            self.delete_button,
        ):
            bar.addWidget(button)
        table_side = QWidget()
        table_column = QVBoxLayout()
        table_column.setContentsMargins(0, 0, 0, 0)
        table_column.addWidget(self.view, 1)
        table_column.addWidget(self.empty_label)
        beside = QHBoxLayout(table_side)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addLayout(table_column, 1)
        beside.addWidget(self.documents)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(table_side)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        # The list as short as its document buttons allow, the tabs get the rest.
        splitter.setSizes([table_side.minimumSizeHint().height(), 10_000])
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(tr(_CONTEXT, "Sitzungen")))
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    # --- the page protocol --------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        if council_id != self._council_id:
            self._council_id = council_id
            self.documents.set_council(council_id)
            self._show(None)

    def refresh(self) -> None:
        """Reread the list; the selected meeting stays selected (and typed text stays)."""
        if self._council_id is None:
            return
        meetings = self._services.meetings
        years = meetings.years(self._council_id)
        self._fill_years(years)
        rows = meetings.list(
            self._council_id,
            MeetingScope(self.scope_combo.currentData()),
            self.year_combo.currentData(),
            today=self._today(),
        )
        self._selecting = True
        try:
            self.model.set_rows(rows)
            self._select_row(self._shown_id)
        finally:
            self._selecting = False
        if self._shown_id is not None and not self.form.has_unsaved_changes():
            position = self.model.row_of(self._shown_id)
            if position < 0:
                self._show(None)
            elif self.model.row(position).version != _version(self.form.meeting):
                self._show(self._shown_id)  # changed elsewhere: show it as it is now
            else:
                self.form.refill_chairs()  # members added, renamed or ended elsewhere
        for widget in self.details:
            if not widget.has_unsaved_changes():  # typed input stays (saving it merges)
                widget.refresh()
        self._update_empty(total=len(years) > 0)
        self._update_buttons()

    def has_unsaved_changes(self) -> bool:
        """The meeting form or a detail tab (agenda, minutes) holds input not yet saved."""
        return self.form.has_unsaved_changes() or any(
            widget.has_unsaved_changes() for widget in self.details
        )

    def flush(self, then: Callable[[], None]) -> bool:
        """Ask about a half-edited meeting, then let the detail tabs save or ask about theirs
        (the minutes save themselves), one after the other: each "Ja" drops that input and
        the next is asked about, after the last the page goes on; "Nein" stays."""
        next_or_go_on = flush_again(self.flush, then)
        if self.form.has_unsaved_changes():
            self._dialogs.question(
                self,
                tr(_CONTEXT, "Sitzung nicht gespeichert"),
                tr(
                    _CONTEXT,
                    "Die Angaben zur Sitzung wurden geändert, aber nicht gespeichert. "
                    "Die Änderungen verwerfen?",
                ),
                lambda: (self.form.reload(), next_or_go_on()),
            )
            return False
        return all(widget.flush(next_or_go_on) for widget in self.details)

    # --- selection ----------------------------------------------------------------------

    def selected(self) -> MeetingSummary | None:
        return selected_record(self.view)

    def select(self, meeting_id: int | None) -> None:
        """Select a meeting of the list (as the user would, asking about unsaved text)."""
        self._select_row(meeting_id)

    def _select_row(self, meeting_id: int | None) -> None:
        if meeting_id is None or not select_record(self.view, meeting_id):
            self.view.clearSelection()

    def _selection_changed(self) -> None:
        if self._selecting:
            return
        chosen = self.selected()
        wanted = chosen.id if chosen is not None else None
        if wanted == self._shown_id and self.form.meeting is not None:
            self._update_buttons()
            return
        if self.flush(lambda: self._show(wanted)):
            self._show(wanted)
        else:  # the user stays on the meeting being edited (or it was switched already)
            self._selecting = True
            try:
                self._select_row(self._shown_id)
            finally:
                self._selecting = False
        self._update_buttons()

    def _show(self, meeting_id: int | None) -> None:
        """Show ``meeting_id`` in the tabs; ``None``: the form starts a new meeting."""
        meeting = None
        if meeting_id is not None:
            try:
                meeting = self._services.meetings.get(meeting_id)
            except ExpertenratError:
                meeting_id = None
        self._shown_id = meeting_id
        self.form.set_meeting(meeting, council_id=self._council_id)
        for widget in self.details:
            widget.set_meeting(meeting_id)
        self._selecting = True
        try:
            self._select_row(meeting_id)
        finally:
            self._selecting = False
        self._update_buttons()

    # --- actions ------------------------------------------------------------------------

    def new_meeting(self) -> None:
        """An empty form for a new meeting (after asking about unsaved text)."""
        if self.flush(lambda: self._show(None)):
            self._show(None)
        self.tabs.setCurrentWidget(self.form)
        self.form.place_edit.setFocus()

    def new_series(self) -> None:
        if self._council_id is None:
            return
        dialog = SeriesDialog(
            self._services.meetings, self._council_id, self._today() + _TWO_WEEKS, self
        )
        dialog.created.connect(self._series_created)
        dialog.finished.connect(dialog.deleteLater)
        self.series_dialog = dialog
        dialog.open()

    def change_state(self, target: MeetingState, reason: str = "") -> None:
        meeting = self.form.meeting
        if meeting is None:
            return
        try:
            self._services.meetings.change_state(meeting.id, meeting.version, target, reason)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), error.message)
        self._show(meeting.id)
        self.refresh()

    def ask_cancel(self) -> None:
        meeting = self.form.meeting
        if meeting is None:
            return
        self._dialogs.ask_text(
            self,
            tr(_CONTEXT, "Sitzung absagen"),
            tr(_CONTEXT, "Grund der Absage von „{}“ am {:%d.%m.%Y}:").format(
                meeting.label, meeting.starts_at
            ),
            "",
            lambda reason: self.change_state(MeetingState.CANCELLED, reason),
        )

    def ask_delete(self) -> None:
        meeting = self.form.meeting
        if meeting is None:
            return

        def delete() -> None:
            try:
                self._services.meetings.delete(meeting.id, meeting.version)
            except ExpertenratError as error:
                self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), error.message)
                return
            self._show(None)
            self.refresh()

        self._dialogs.question(
            self,
            tr(_CONTEXT, "Sitzung löschen"),
            tr(
                _CONTEXT,
                "„{}“ am {:%d.%m.%Y} löschen? Das geht nur bei geplanten Sitzungen ohne "
                "Inhalte; eine Sitzung, zu der eingeladen wurde, bitte absagen.",
            ).format(meeting.label, meeting.starts_at),
            delete,
        )

    def _saved(self, meeting_id: int) -> None:
        self._shown_id = meeting_id
        self.refresh()
        for widget in self.details:
            widget.set_meeting(meeting_id)

    def _series_created(self, ids: list) -> None:
        self.refresh()
        if ids:
            self._show(ids[0])

    def _detail_changed(self) -> None:
        self.refresh()

    def _tab_shown(self, index: int) -> None:
        """A detail tab rereads its records when shown, unless it holds unsaved input:
        another tab may have changed the same rows meanwhile (the minutes' autosave gives an
        agenda item a new version, which the Tagesordnung must know before it saves)."""
        widget = self.tabs.widget(index)
        shown = widget in self.details and self._shown_id is not None
        if shown and not widget.has_unsaved_changes():
            widget.refresh()

    def open_target(self, target: Target) -> None:
        """Show what the Übersicht points at: a new meeting, the held or coming meetings,
        or one meeting in the tab the target names (the filters widen to list it)."""
        if target.filter is TargetFilter.NEW:
            self.new_meeting()
            return
        scope = _SCOPES.get(target.filter, MeetingScope.ALL)
        for combo, value in ((self.scope_combo, scope.value), (self.year_combo, None)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.refresh()
        if target.record_id is None:
            return
        self.select(target.record_id)
        if self._shown_id == target.record_id and target.tab is not None:
            self._open_tab(target.tab.value)

    def _open_tab(self, name: str) -> None:
        """A line of the minutes checklist or of the Übersicht points at a tab of the meeting."""
        kinds = {
            "meeting": MeetingForm,
            "attendance": AttendancePanel,
            "conflicts": ConflictsPanel,
            "minutes": MinutesEditor,
            "approval": MinutesApprovalPanel,
        }
        for index in range(self.tabs.count()):
            if isinstance(self.tabs.widget(index), kinds[name]):
                self.tabs.setCurrentIndex(index)
                return

    # --- looks --------------------------------------------------------------------------

    def _fill_years(self, years: list[int]) -> None:
        refill_combo(self.year_combo, tr(_CONTEXT, "Alle Jahre"), [(str(y), y) for y in years])

    def _update_empty(self, *, total: bool) -> None:
        if self.model.rowCount():
            self.empty_label.hide()
            return
        if total:
            text = tr(_CONTEXT, "Keine Sitzungen für diese Auswahl. Wählen Sie „Alle Sitzungen“.")
        else:
            text = tr(
                _CONTEXT,
                "Noch keine Sitzungen. Legen Sie mit „Neue Sitzung“ eine an oder mit "
                "„Sitzungsreihe …“ alle Termine eines Jahres auf einmal.",
            )
        self.empty_label.setText(text)
        self.empty_label.show()

    def _update_buttons(self) -> None:
        meeting = self.form.meeting
        has_council = self._council_id is not None
        self.new_button.setEnabled(has_council)
        self.series_button.setEnabled(has_council)
        targets = allowed_targets(meeting.state) if meeting is not None else ()
        self.invite_button.setEnabled(MeetingState.INVITED in targets)
        self.held_button.setEnabled(MeetingState.HELD in targets)
        self.cancel_button.setEnabled(MeetingState.CANCELLED in targets)
        self.delete_button.setEnabled(meeting is not None and meeting.state is MeetingState.PLANNED)
        self.documents.set_meeting(meeting)


def _version(meeting) -> int | None:
    return meeting.version if meeting is not None else None


def _fit_columns(header: QHeaderView) -> None:
    """Every column as wide as its content and header ("Eingeladen am" whole), the
    place takes the rest of the width (long places end in "…"): no sideways scrolling."""
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(MeetingsTableModel.COLUMN_PLACE, QHeaderView.ResizeMode.Stretch)


def _detail_widgets(
    services: Services, dialogs: DialogService, today: Callable[[], date]
) -> list[tuple[str, MeetingDetail]]:
    """The detail tabs of a meeting beside "Sitzung" (:class:`MeetingDetail`)."""
    return [
        (tr(_CONTEXT, "Tagesordnung"), AgendaEditor(services, dialogs)),
        (tr(_CONTEXT, "Anwesenheit"), AttendancePanel(services, dialogs)),
        (tr(_CONTEXT, "Befangenheit"), ConflictsPanel(services, dialogs)),
        (tr(_CONTEXT, "Protokoll"), MinutesEditor(services, dialogs)),
        (tr(_CONTEXT, "Anlagen"), AnnexesPanel(services, dialogs)),
        (tr(_CONTEXT, "Genehmigung"), MinutesApprovalPanel(services, dialogs, today=today)),
    ]
