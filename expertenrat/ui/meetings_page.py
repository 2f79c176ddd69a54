"""Sitzungen: the council's meetings, a single meeting or a series, states, details in tabs.

The list (Nr., Datum, Zeit, „Titel, Ort“, Status, Ladung, Protokoll) is filtered by
kommende / abgehaltene / alle and by year (:mod:`ui.meetings_filter`). The selected meeting
shows in tabs (:mod:`ui.meeting_tabs`): "Sitzung" (:class:`MeetingForm`) and the detail
widgets of the meeting (agenda, attendance, conflicts, minutes …); its state changes with
the buttons of :mod:`ui.meeting_state_bar`. Before another meeting, another area or
another council is shown, :meth:`MeetingsPage.flush` asks about what was typed and not
saved. Enter or a double-click goes to its "Sitzung" tab. Layout: :mod:`ui.meetings_page_view`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ConnectionLostError, ExpertenratError
from expertenrat.domain.meetings import MeetingScope, MeetingSummary
from expertenrat.domain.overview import Area, MeetingTab, Target, TargetFilter
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.meetings_page_view import MeetingsPageView
from expertenrat.ui.page import flush_again
from expertenrat.ui.page_reread import reread_in_place
from expertenrat.ui.record_selection import start_afresh
from expertenrat.ui.series_dialog import SeriesDialog

_CONTEXT = "MeetingsPage"
_SCOPES = {
    TargetFilter.HELD: MeetingScope.HELD,
    TargetFilter.UPCOMING: MeetingScope.UPCOMING,
    TargetFilter.UNRECORDED: MeetingScope.UNRECORDED,
}


class MeetingsPage(MeetingsPageView):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """``now()`` (aware): when a meeting shown today begins (a test's clock, or the real)."""
        super().__init__(  # the widgets
            services, dialogs, today, self._shown_line, parent, settings=settings, now=now
        )
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._shown_id: int | None = None  # the meeting in the tabs (None: new or nothing)
        self._to_present = False  # the next fill of the list scrolls to today's meetings
        self.series_dialog: SeriesDialog | None = None
        self.tabs.detail_changed.connect(self.refresh)
        self.tabs.meeting_tab_requested.connect(self._open_meeting_tab)
        self.states.changed.connect(self._state_changed)
        self.filters.changed.connect(self.refresh)
        self.meeting_list.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.meeting_list.view.activated.connect(lambda _index: self.open_selected())
        KeyActions(  # Entf as in the members' list: "Löschen …" where it is on (planned)
            self.meeting_list.view,
            {(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self._delete_on_key},
        )
        self.new_button.clicked.connect(self.new_meeting)
        self.series_button.clicked.connect(self.new_series)
        self.form.saved.connect(self._saved)
        self._update_buttons()

    # --- the page protocol --------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        if council_id != self._council_id:
            self._council_id = council_id
            self.documents.set_council(council_id)
            self._show(None)  # no meeting selected
            start_afresh(self.meeting_list.view)
            self._to_present = True

    def refresh(self, *, leaving: bool = False) -> None:
        """Reread the list and the shown meeting (not when ``leaving`` it); selection stays."""
        if self._council_id is None:
            return
        meetings = self._services.meetings
        years = meetings.years(self._council_id)
        self.filters.fill_years(years)
        rows = meetings.list(
            self._council_id, self.filters.scope(), self.filters.year(), today=self._today()
        )
        with self.meeting_list.quietly():
            self.meeting_list.model.set_rows(rows)
            self.meeting_list.select_row(self._shown_id)
        if self._to_present:
            self._to_present = False
            # Once the table has its height: the window shows the page after its refresh.
            today = self._today()
            QTimer.singleShot(0, self.meeting_list, lambda: self.meeting_list.show_around(today))
        if not leaving:
            self._reread_shown(any_meeting=bool(years))
        self.meeting_list.update_empty(total=len(years) > 0)
        self.documents.set_has_meetings(len(years) > 0)
        self._update_buttons()

    def _reread_shown(self, *, any_meeting: bool) -> None:
        """The shown meeting as now: changed, approved or gone elsewhere, its tabs reread."""
        line, form = self._shown_line(), self.form
        if self._shown_id is not None and not form.has_unsaved_changes():
            if line is None:  # gone elsewhere; input typed in a tab stays until saved or dropped
                if not self.tabs.has_unsaved_details():
                    self._show(None)
            elif line.version != getattr(form.meeting, "version", None) or (
                self.listed_as_approved(line.id) != form.frozen
            ):
                self._show(line.id)  # changed (or approved) elsewhere: show it as now
            else:
                form.refill_chairs()  # members added, renamed or ended elsewhere
        self.tabs.refresh_details(any_meeting=any_meeting)
        self.show_warnings(self._shown_line())  # apologies recorded in the tab

    def has_unsaved_changes(self) -> bool:
        """The meeting form or a detail tab (agenda, minutes) holds input not yet saved."""
        return self.form.has_unsaved_changes() or self.tabs.has_unsaved_details()

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
        return self.tabs.flush_details(next_or_go_on)

    # --- selection ----------------------------------------------------------------------

    def selected(self) -> MeetingSummary | None:
        return self.meeting_list.selected()

    def select(self, meeting_id: int | None) -> None:
        """Select a meeting of the list (as the user would, asking about unsaved text)."""
        self.meeting_list.select_row(meeting_id)

    def _selection_changed(self) -> None:
        if self.meeting_list.selecting_quietly:
            return
        chosen = self.selected()
        wanted = chosen.id if chosen is not None else None
        if wanted == self._shown_id and self.form.meeting is not None:
            self._update_buttons()
            return
        if self.flush(lambda: self._show(wanted)):
            self._show(wanted)
        else:  # the user stays on the meeting being edited (or it was switched already)
            with self.meeting_list.quietly():
                self.meeting_list.select_row(self._shown_id)
        self._update_buttons()

    def open_selected(self) -> None:
        """Enter or a double-click in the list: the meeting is edited in place, in its tabs,
        so the cursor goes to the first field of its "Sitzung" tab (to the tabs where the
        meeting only shows: cancelled, or its minutes approved)."""
        chosen = self.selected()
        if chosen is None or chosen.id != self._shown_id:  # kept on another one's input
            return
        self.tabs.setCurrentWidget(self.form)
        if not self.form.focus_first_field():
            self.tabs.tabBar().setFocus()

    def _shown_line(self) -> MeetingSummary | None:
        """The shown meeting's line of the list as last read (None: not listed)."""
        model = self.meeting_list.model
        position = model.row_of(self._shown_id) if self._shown_id is not None else -1
        return model.row(position) if position >= 0 else None

    def _show(self, meeting_id: int | None) -> None:
        """Show ``meeting_id`` in the tabs; ``None``: the form starts a new meeting. With the
        server lost, the meeting shown stays shown and selected (the window says why and
        offers "Erneut versuchen"): the form never turns into a new meeting that still
        shows the other one's values."""
        meeting = None
        try:
            if meeting_id is not None:
                try:
                    meeting = self._services.meetings.get(meeting_id)
                except ConnectionLostError:
                    raise
                except ExpertenratError:
                    meeting_id = None
            frozen = self.listed_as_approved(meeting_id)
            self.form.set_meeting(meeting, council_id=self._council_id, frozen=frozen)
        except ConnectionLostError:
            with self.meeting_list.quietly():
                self.meeting_list.select_row(self._shown_id)
            raise
        self._shown_id = meeting_id
        self.tabs.set_meeting(meeting_id)
        self.show_warnings(self._shown_line())
        with self.meeting_list.quietly():
            self.meeting_list.select_row(meeting_id)
        self._update_buttons()

    # --- actions ------------------------------------------------------------------------

    def new_meeting(self) -> None:
        """An empty form for a new meeting (after asking about unsaved text)."""
        if self.flush(lambda: self._show(None)):
            self._show(None)
        self.tabs.setCurrentWidget(self.form)
        self.form.focus_first_field()

    def new_series(self) -> None:
        if self._council_id is None:
            return
        dialog = SeriesDialog(
            self._services.meetings,
            self._council_id,
            self._today(),
            self,
            dialogs=self._dialogs,
        )
        dialog.created.connect(self._series_created)
        dialog.finished.connect(dialog.deleteLater)
        self.series_dialog = dialog
        dialog.open()

    def _saved(self, meeting_id: int) -> None:
        self._shown_id = meeting_id
        self.refresh()
        self.tabs.set_meeting(meeting_id)

    def _delete_on_key(self) -> None:
        if self.states.delete_button.isEnabled():
            self.states.delete_button.click()

    def _state_changed(self, meeting_id: int | None) -> None:
        self._show(meeting_id)
        self.refresh()
        focus = self.focusWidget()
        if focus is not None and self.states.isAncestorOf(focus):
            # The pressed button may be off now, and Qt moves the cursor on to the next
            # one ("Absagen …"): it goes to the meeting, whose line shows the new state.
            self.meeting_list.view.setFocus()

    def _series_created(self, ids: list) -> None:
        self.refresh()
        if ids:
            self._show(ids[0])

    def open_target(self, target: Target) -> None:
        """Show what the Übersicht points at: a new meeting, the held or coming meetings,
        or one meeting in the tab the target names (the filters widen to list it), reread
        here once for its scope (the main window shows this page without a reread)."""
        if target.filter is not TargetFilter.NEW:
            self.filters.show_scope(_SCOPES.get(target.filter, MeetingScope.ALL))
        shown, wanted = self._shown_id, target.record_id
        leaving = None not in (shown, wanted) and shown != wanted and not self.has_unsaved_changes()
        reread_in_place(self, lambda: self.refresh(leaving=leaving))  # not reading it first
        if target.filter is TargetFilter.NEW:
            self.new_meeting()
            return
        # The keyboard goes on at what the line points at: the meetings listed or the tab
        # opened (a screen reader says its name), not "Neue Sitzung", Qt's next button.
        self.meeting_list.view.setFocus()
        if target.record_id is None:
            return
        self.select(target.record_id)
        if self._shown_id == target.record_id and target.tab is not None:
            self.tabs.open_tab(target.tab.value, target.item_id)
            self.tabs.tabBar().setFocus()

    def _open_meeting_tab(self, meeting_id: int, tab: str) -> None:
        """A line of the minutes checklist points at another meeting's tab (Genehmigung)."""
        self.open_target(Target(Area.MEETINGS, meeting_id, MeetingTab(tab)))

    # --- looks --------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        meeting = self.form.meeting
        has_council = self._council_id is not None
        self.new_button.setEnabled(has_council)
        self.series_button.setEnabled(has_council)
        self.states.update_buttons()
        self.documents.set_meeting(meeting)
