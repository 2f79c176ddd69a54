"""Sitzungen: the council's meetings, a single meeting or a series, states, details in tabs.

The list (Nr., Datum, Zeit, „Titel, Ort“, Status, Ladung, Protokoll) is filtered by
kommende / durchgeführte / alle and by year (:mod:`ui.meetings_filter`). The selected meeting
shows in tabs (:mod:`ui.meeting_tabs`): "Sitzung" (:class:`MeetingForm`) and the detail
widgets of the meeting (agenda, attendance, conflicts, minutes …); its state changes with
the buttons of :mod:`ui.meeting_state_bar`. Which meeting is chosen and shown, asking
about what was typed and not saved before another one, another area or another council is
shown: :mod:`ui.meetings_page_selection`. Enter or a double-click goes to its "Sitzung"
tab. Layout: :mod:`ui.meetings_page_view`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QWidget

from expertenrat.domain.meetings import MeetingScope
from expertenrat.domain.overview import Area, MeetingTab, Target, TargetFilter
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.meeting_draft_tab import DraftTabChoice
from expertenrat.ui.meetings_page_selection import MeetingsPageSelection
from expertenrat.ui.page_reread import reread_in_place
from expertenrat.ui.record_selection import select_after_removal, selected_row, start_afresh
from expertenrat.ui.series_dialog import SeriesDialog

_SCOPES = {
    TargetFilter.HELD: MeetingScope.HELD,
    TargetFilter.UPCOMING: MeetingScope.UPCOMING,
    TargetFilter.UNRECORDED: MeetingScope.UNRECORDED,
}


class MeetingsPage(MeetingsPageSelection):
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
        super().__init__(services, dialogs, today, parent, settings=settings, now=now)
        self._today = today
        self._to_present = False  # the next fill of the list scrolls to today's meetings
        self._council_unread = False  # another council set, not read yet (see set_council)
        self.series_dialog: SeriesDialog | None = None
        self.draft_tab = DraftTabChoice(lambda key: services.minutes.checklist(key), self)
        self.tabs.detail_changed.connect(self.refresh)
        self.tabs.minutes_editor().stored.connect(self._minutes_stored)
        self.tabs.meeting_tab_requested.connect(self._open_meeting_tab)
        self.states.changed.connect(self._state_changed)
        self.filters.changed.connect(self.refresh)
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
        """Remember the council; its meetings and the new meeting's form are read when the
        page is shown (:meth:`refresh`), not while it is hidden (four statements at every
        start and council switch, a round trip each on a server)."""
        if council_id != self._council_id:
            self._council_id = council_id
            self._council_unread = True
            # every meeting of every year: "Durchgeführte" or a year chosen for the last
            # council hid this one's (found by a tester)
            self.filters.show_scope(MeetingScope.ALL)
            self.documents.set_council(council_id)
            with self.meeting_list.quietly():
                start_afresh(self.meeting_list.view)
            self._to_present = True

    def refresh(self, *, list_only: bool = False) -> None:
        """Reread the list and the shown meeting (``list_only``: not the meeting, left or
        shown anew next); the selection stays. First after another council: no meeting
        selected, the form proposes a new one."""
        if self._council_id is None:
            return
        if self._council_unread:
            self._show(None)
            self._council_unread = False
        scope, year, today = self.filters.scope(), self.filters.year(), self._today()
        years, rows = self._services.meetings.listing(self._council_id, scope, year, today=today)
        self.filters.fill_years(years)
        if self.filters.year() != year:  # no meeting left in the year chosen: every year's
            rows = self._services.meetings.list(self._council_id, scope, today=today)
        with self.meeting_list.quietly():
            self.meeting_list.model.set_rows(rows)
            self.meeting_list.select_row(self._shown_id)
        if self._to_present:
            self._to_present = False
            # Once the table has its height: the window shows the page after its refresh.
            today = self._today()
            QTimer.singleShot(0, self.meeting_list, lambda: self.meeting_list.show_around(today))
        if not list_only:
            self._reread_shown(any_meeting=bool(years))
        self.meeting_list.update_empty(total=len(years) > 0)
        self.documents.set_has_meetings(len(years) > 0)
        self._update_buttons()

    def _minutes_stored(self, key: str) -> None:
        """An item's text, votes, outcome or recommendations stored (the header's text
        rereads the page, as ``detail_changed``): where the list says of its draft "fertig",
        it is read anew, the draft perhaps changed since it was finished. It stayed
        "fertig": the change watch rereads the page for another PC's changes only, not for
        this window's own saves (found by review; of votes, outcomes and recommendations,
        too). Of the minutes shown only their line counts (the list reads a finished draft
        whole), of others left meanwhile any line "fertig"."""
        if not key.startswith("item:"):
            return
        editor = self.tabs.minutes_editor()
        shown = editor.shown_meeting_id() if editor.shows_item(key) else None
        if any(
            line.minutes_finished_on is not None and shown in (None, line.id)
            for line in self.meeting_list.model.rows()
        ):
            self.refresh(list_only=True)

    # --- actions ------------------------------------------------------------------------

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
        """The list as now, then the meeting shown anew (also where its new state leaves
        it off the list): the tab on screen is read once, not again by the list's reread.
        ``None``: the meeting was deleted; the one that took its line is selected, so the
        keyboard goes on from there, not from the list's top (found by a tester)."""
        if meeting_id is None:  # the reread tells the tabs whether any meeting is left
            row = selected_row(self.meeting_list.view)  # the deleted one's, as still listed
            self._show(None)
            self.refresh()
            select_after_removal(self.meeting_list.view, row)
        else:
            self.refresh(list_only=True)
            self._show(meeting_id)
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
        unsaved = self.has_unsaved_changes()
        if None not in (wanted, target.tab) and not unsaved:
            # Meanwhile the Sitzung tab, which reads nothing: only the tab named reads the
            # meeting, not first the one on screen (11 statements for the Anwesenheit).
            self.tabs.setCurrentWidget(self.form)
        leaving = None not in (shown, wanted) and shown != wanted and not unsaved
        reread_in_place(self, lambda: self.refresh(list_only=leaving))  # not reading it first
        if target.filter is TargetFilter.NEW:
            self.new_meeting()
            return
        # The keyboard goes on at what the line points at: the meetings listed or the tab
        # opened (a screen reader says its name), not "Neue Sitzung", Qt's next button.
        self.meeting_list.view.setFocus()
        if target.record_id is None:
            return
        self.select(target.record_id)
        if self._shown_id != target.record_id or target.tab is None:
            return
        if target.tab is MeetingTab.DRAFT:  # the check in the worker, then the tab
            meeting_id, waiting = target.record_id, self.tabs.currentWidget()
            self.draft_tab.choose(
                meeting_id, lambda tab: self._open_tab_still(meeting_id, waiting, tab)
            )
            return
        self.tabs.open_tab(target.tab.value, target.item_id)
        self.tabs.tabBar().setFocus()

    def _open_tab_still(self, meeting_id: int, waiting: QWidget, tab: MeetingTab) -> None:
        """The tab draft minutes call for, unless the user has gone on to another meeting or
        tab while they were checked."""
        if self._shown_id == meeting_id and self.tabs.currentWidget() is waiting:
            self.tabs.open_tab(tab.value)
            self.tabs.tabBar().setFocus()

    def _open_meeting_tab(self, meeting_id: int, tab: str) -> None:
        """A line of the minutes checklist points at another meeting's tab (Genehmigung)."""
        self.open_target(Target(Area.MEETINGS, meeting_id, MeetingTab(tab)))
