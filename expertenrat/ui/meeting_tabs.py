"""The tabs of the meeting selected on the Sitzungen page.

"Sitzung" (the page's :class:`MeetingForm`) and the detail widgets of the meeting
(Tagesordnung, Anwesenheit, Befangenheit, Protokoll, Anlagen, Genehmigung), which follow
the contract of :class:`MeetingDetail`: ``set_meeting`` / ``refresh`` / ``flush`` and a
``changed`` signal, handed on as ``detail_changed``. A line of the minutes checklist or of
the Übersicht opens a tab by name (:meth:`MeetingTabs.open_tab`). Only the tab shown reads
the meeting's records; a hidden one reads them when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QWidget

from expertenrat.services.context import Services
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.annexes_panel import AnnexesPanel
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.conflicts_panel import ConflictsPanel
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_form import MeetingForm
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.no_meeting import no_meeting_hint
from expertenrat.ui.page import MeetingDetail, SaveThen, flush_again
from expertenrat.ui.scrolling_tabs import ScrollingTabs

_CONTEXT = "MeetingsPage"


class MeetingTabs(ScrollingTabs):
    """A short window scrolls a tab, never squeezes it (:class:`ScrollingTabs`)."""

    detail_changed = Signal()
    meeting_tab_requested = Signal(int, str)  # another meeting's tab (minutes checklist)

    def __init__(
        self,
        form: MeetingForm,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        page_saved_first: SaveThen,
    ) -> None:
        """``page_saved_first`` is the page's :data:`SaveThen` (the "Sitzung" form's changes,
        then the tabs' :meth:`saved_first`): the Genehmigung saves them before the minutes
        go out or are approved, as the document buttons do."""
        super().__init__(parent)
        self._meeting_id: int | None = None
        self._any_meeting = True  # the council has meetings (as the page last read)
        self._no_meeting_hint = no_meeting_hint()
        self.addTab(form, tr(_CONTEXT, "Sitzung"))
        self.details: list[MeetingDetail] = []
        self._stale: list[MeetingDetail] = []  # not reread for their unsaved input
        self._unread: set[MeetingDetail] = set()  # hidden, given the meeting when shown
        for label, widget in _detail_widgets(services, dialogs, today, settings, page_saved_first):
            widget.changed.connect(self.detail_changed)
            self.details.append(widget)
            self.addTab(widget, label)
            if isinstance(widget, MinutesEditor):
                widget.open_tab.connect(self.open_tab)
                widget.open_meeting_tab.connect(self.meeting_tab_requested)
                widget.stored.connect(lambda key, w=widget: self._minutes_saved(w, key))
        self.currentChanged.connect(self._tab_shown)

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show ``meeting_id`` in the detail tabs (the page shows it in the form); without
        one they say so, and that the council has no meeting yet if it has none. Only the
        tab shown reads the meeting's records; the others read them when shown (on a
        server 20 ms away all six took 4.8 s, found by a tester): until then they hold no
        meeting (:meth:`_tab_shown`), so none shows the meeting before."""
        before, self._meeting_id = self._meeting_id, meeting_id
        self._stale.clear()  # the shown tab is read now, the others when shown
        if meeting_id is None:
            self._tell_no_meeting_hint()
        shown = self.currentWidget()
        for widget in self.details:
            if widget is shown or meeting_id is None:
                widget.set_meeting(meeting_id)
                self._unread.discard(widget)
            elif meeting_id != before:
                widget.set_meeting(None)  # reads nothing; leaves the meeting before
                self._unread.add(widget)

    def refresh_details(self, *, any_meeting: bool, shown_read: bool = False) -> None:
        """Reread the detail tab shown (the others reread when shown; ``shown_read``: it
        has just read the meeting, shown anew); typed input stays (saving it merges).
        Without a meeting the hint follows meetings added or deleted (also elsewhere):
        ``any_meeting``, the council has one, as the page has just read."""
        self._any_meeting = any_meeting
        if self._meeting_id is None:
            if self._tell_no_meeting_hint():
                for widget in self.details:
                    widget.set_meeting(None)
            return
        shown = self.currentWidget()
        if shown in self.details and not shown_read:
            self._reread(shown)

    def _tell_no_meeting_hint(self) -> bool:
        """Give the detail tabs the hint for no meeting shown; whether it changed."""
        hint = no_meeting_hint(any_meeting=self._any_meeting)
        changed = hint != self._no_meeting_hint
        self._no_meeting_hint = hint
        for widget in self.details:
            widget.set_no_meeting_hint(hint)
        return changed

    def has_unsaved_details(self) -> bool:
        """A detail tab (agenda, minutes) holds input not yet saved."""
        return any(widget.has_unsaved_changes() for widget in self.details)

    def flush_details(self, then: Callable[[], None]) -> bool:
        """Let the detail tabs save or ask about their input (see the page's ``flush``)."""
        return all(widget.flush(then) for widget in self.details)

    def saved_first(self, go_on: Callable[[], None], refuse: Callable[[str], None]) -> None:
        """Save what the detail tabs hold typed, then ``go_on`` (a document rendered from
        the database then holds the last words typed into the Protokoll tab, found by a
        tester). A tab that cannot save asks whether to drop its input, as on leaving the
        meeting ("Nein": nothing goes on). The minutes' text and votes save in the worker:
        ``go_on`` waits for them, hidden tab or not; ``refuse(why)`` where they are not
        saved (the server lost, a conflict, or a save that takes too long). Their text
        stays in the tab and in its recovery file."""
        minutes = self.minutes_editor()

        def minutes_saved() -> None:
            minutes.saved_first.run(
                go_on,
                refuse,
                lambda: refuse(
                    tr(
                        _CONTEXT,
                        "Das Protokoll wird noch gespeichert. Bitte versuchen Sie es "
                        "gleich noch einmal.",
                    )
                ),
            )

        others = [widget for widget in self.details if widget is not minutes]

        def flush_others(then: Callable[[], None]) -> bool:
            return all(widget.flush(then) for widget in others)

        if flush_others(flush_again(flush_others, minutes_saved)):
            minutes_saved()

    def open_tab(self, name: str, item_id: int | None = None) -> None:
        """A line of the minutes checklist or of the Übersicht points at a tab of the meeting;
        "meeting.place" (a checklist line) at the Sitzung tab's field, the cursor put in it
        (:meth:`MeetingForm.focus_field`); a hit of the Suche at an agenda item (``item_id``)
        in the Tagesordnung or Protokoll tab."""
        name, _, field = name.partition(".")
        kinds = {
            "meeting": MeetingForm,
            "agenda": AgendaEditor,
            "attendance": AttendancePanel,
            "conflicts": ConflictsPanel,
            "minutes": MinutesEditor,
            "annexes": AnnexesPanel,
            "approval": MinutesApprovalPanel,
        }
        for index in range(self.count()):
            widget = self.widget(index)
            if isinstance(widget, kinds[name]):
                self.setCurrentIndex(index)
                if field and isinstance(widget, MeetingForm):
                    widget.focus_field(field)
                if item_id is not None and isinstance(widget, MinutesEditor):
                    widget.show_item(item_id)
                elif item_id is not None and isinstance(widget, AgendaEditor):
                    widget.select(item_id)
                return

    def minutes_editor(self) -> MinutesEditor:
        """The Protokoll tab."""
        return next(w for w in self.details if isinstance(w, MinutesEditor))

    def _tab_shown(self, index: int) -> None:
        """A detail tab reads the meeting's records when shown (before it is painted): the
        first time for this meeting, or again, unless it holds unsaved input: another tab
        may have changed the same rows meanwhile (the minutes' autosave gives an agenda
        item a new version, which the Tagesordnung must know before it saves)."""
        widget = self.widget(index)
        if widget not in self.details or self._meeting_id is None:
            return
        if widget in self._unread:
            self._unread.discard(widget)
            widget.set_meeting(self._meeting_id)
        else:
            self._reread(widget)

    def _reread(self, widget: MeetingDetail) -> None:
        """Reread ``widget``, unless it holds unsaved input: then it is stale until then."""
        if widget.has_unsaved_changes():
            if widget not in self._stale:
                self._stale.append(widget)
            return
        if widget in self._stale:
            self._stale.remove(widget)
        widget.refresh()

    def _minutes_saved(self, editor: MinutesEditor, key: str) -> None:
        """The minutes stored a change (under ``key``): reread them if a reread waited
        for it. Their saves tell the page nothing (an agenda saved is ``changed``), so a
        departure recorded within the second after a keystroke left "Laut Anwesenheit"
        stale until the tab was shown again (found by a tester). The reread keeps text
        typed since (``refresh``). Another tab of the meeting shown meanwhile (the save as
        the Protokoll was left, or after its pause) may have read the minutes before: read
        again; the Genehmigung said "abgeschlossen" of a draft changed since, as the change
        watch rereads for another PC's saves only, not this window's (found by review; of
        votes, too)."""
        shown = self.currentWidget()
        if editor in self._stale:
            self._stale.remove(editor)
            if editor is shown:  # hidden, it rereads when shown
                editor.refresh()
        if shown is not editor and shown in self.details and editor.shows_item(key):
            self._reread(shown)


def _detail_widgets(
    services: Services,
    dialogs: DialogService,
    today: Callable[[], date],
    settings: QSettings | None,
    save_then: SaveThen,
) -> list[tuple[str, MeetingDetail]]:
    """The detail tabs of a meeting beside "Sitzung" (:class:`MeetingDetail`); the
    Genehmigung saves the form's changes and the typed minutes first (``save_then``): the
    PDF it circulates or freezes holds the meeting's place and times, and the minutes."""
    return [
        (tr(_CONTEXT, "Tagesordnung"), AgendaEditor(services, dialogs, settings=settings)),
        (tr(_CONTEXT, "Anwesenheit"), AttendancePanel(services, dialogs, today=today)),
        (tr(_CONTEXT, "Befangenheit"), ConflictsPanel(services, dialogs)),
        (tr(_CONTEXT, "Protokoll"), MinutesEditor(services, dialogs)),
        (tr(_CONTEXT, "Anlagen"), AnnexesPanel(services, dialogs)),
        (
            tr(_CONTEXT, "Genehmigung"),
            MinutesApprovalPanel(services, dialogs, today=today, save_then=save_then),
        ),
    ]
