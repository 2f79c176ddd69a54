"""The meeting chosen on the Sitzungen page: the list's selection and the meeting the form
and the tabs show. Choosing another asks about what was typed and not saved first
(:meth:`MeetingsPageSelection.flush`), a document made of the meeting saves it first
(:meth:`MeetingsPageSelection.saved_first`); a meeting changed, approved or gone elsewhere
is shown as now when the page is reread.

:class:`MeetingsPageSelection` adds this to the widgets (:mod:`ui.meetings_page_view`);
:class:`~expertenrat.ui.meetings_page.MeetingsPage` reads the list and acts on meetings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ConnectionLostError, ExpertenratError
from expertenrat.domain.meetings import MeetingSummary
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meetings_page_view import MeetingsPageView
from expertenrat.ui.page import flush_again

_CONTEXT = "MeetingsPage"
_UNSAVED_TITLE = "Sitzung nicht gespeichert"


class MeetingsPageSelection(MeetingsPageView):
    """The meeting chosen and shown; the page (``MeetingsPage``) reads the list."""

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
        self._council_id: int | None = None
        self._shown_id: int | None = None  # the meeting in the tabs (None: new or nothing)
        self.meeting_list.view.selectionModel().selectionChanged.connect(self._selection_changed)

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
                tr(_CONTEXT, _UNSAVED_TITLE),
                tr(
                    _CONTEXT,
                    "Die Angaben zur Sitzung wurden geändert, aber nicht gespeichert. "
                    "Die Änderungen verwerfen?",
                ),
                lambda: (self.form.reload(), next_or_go_on()),
            )
            return False
        return self.tabs.flush_details(next_or_go_on)

    def saved_first(self, go_on: Callable[[], None], refuse: Callable[[str], None]) -> None:
        """The ``SaveThen`` of the document buttons and of the Genehmigung's "Protokoll
        versenden …" and "Genehmigen …" (the minutes PDF holds place and times): a meeting
        form holding changes asks first ("Ja" saves them as "Speichern" does, "Nein" makes
        nothing and keeps them), then the detail tabs save theirs
        (:meth:`MeetingTabs.saved_first`) and ``go_on``.
        An invitation was made of the stored place while the new one stood in the form
        (found by a tester). A save the form refuses shows why beside its fields."""

        def details_then_go_on() -> None:
            self.tabs.saved_first(go_on, refuse)

        def form_saved() -> None:
            if self.form.save():
                details_then_go_on()
            else:
                self.tabs.setCurrentWidget(self.form)
                self.form.errors.focus_first_error()

        if not self.form.has_unsaved_changes():
            details_then_go_on()
            return
        self._dialogs.question(
            self,
            tr(_CONTEXT, _UNSAVED_TITLE),
            tr(
                _CONTEXT,
                "Die Angaben zur Sitzung sind geändert, aber noch nicht gespeichert. "
                "Jetzt speichern und dann fortfahren?",
            ),
            form_saved,
        )

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

    def _reread_shown(self, *, any_meeting: bool) -> None:
        """The shown meeting as now: changed, approved or gone elsewhere, its tabs reread."""
        line, form = self._shown_line(), self.form
        shown_anew = False
        if self._shown_id is not None and not form.has_unsaved_changes():
            if line is None:  # gone elsewhere; input typed in a tab stays until saved or dropped
                if not self.tabs.has_unsaved_details():
                    self._show(None)
            elif line.version != getattr(form.meeting, "version", None) or (
                self.listed_as_approved(line.id) != form.frozen
            ):
                self._show(line.id)  # changed (or approved) elsewhere: show it as now
                shown_anew = True  # its tab on screen read it (not again, found by a tester)
            else:
                form.refill_chairs()  # members added, renamed or ended elsewhere
        self.tabs.refresh_details(any_meeting=any_meeting, shown_read=shown_anew)
        self.show_warnings(self._shown_line())  # apologies recorded in the tab

    def _update_buttons(self) -> None:
        meeting = self.form.meeting
        has_council = self._council_id is not None
        self.new_button.setEnabled(has_council)
        self.series_button.setEnabled(has_council)
        self.states.update_buttons()
        self.documents.set_meeting(meeting)
