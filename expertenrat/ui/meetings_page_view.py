"""The widgets of the Sitzungen page and where they sit; :class:`MeetingsPage` adds the
behaviour (the view/controller split of the house style).

"Neue Sitzung" and "Sitzungsreihe …" beside the title; the filters
(:mod:`ui.meetings_filter`) and the state buttons (:mod:`ui.meeting_state_bar`) on one row,
under them a warning where the apologies leave a meeting ahead without a quorum
(:mod:`ui.meeting_quorum_warning`) and the members an invitation did not reach
(:mod:`ui.meeting_latecomers`);
the table (:mod:`ui.meetings_list`) with its documents beside it (one "Dokumente" button
on a narrow page); below, at the page's full
width, the selected meeting's tabs (:mod:`ui.meeting_tabs`), "Sitzung" being its
:class:`MeetingForm`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.meetings import MeetingSummary
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions
from expertenrat.ui.meeting_form import MeetingForm
from expertenrat.ui.meeting_latecomers import MeetingLatecomers
from expertenrat.ui.meeting_quorum_warning import MeetingQuorumWarning
from expertenrat.ui.meeting_state_bar import MeetingStateBar
from expertenrat.ui.meeting_tabs import MeetingTabs
from expertenrat.ui.meetings_filter import MeetingsFilter
from expertenrat.ui.meetings_list import MeetingsList
from expertenrat.ui.widgets import page_title
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "MeetingsPage"


# The least the meetings list keeps beside the document buttons (the number, the date,
# the start of the title, the state); on a narrower page they fold into one button.
_LIST_LEAST_CHARACTERS = 40
# The most meetings the list grows to show where the tabs below leave room (a year's).
_LIST_MOST_ROWS = 10


class _ListAndDocuments(QWidget):
    """The meetings list with the document buttons beside it, in two columns, or where
    these would leave the list less than ``_LIST_LEAST_CHARACTERS`` (it scrolled sideways
    at 720 px), as one "Dokumente" button."""

    def __init__(self, meeting_list: MeetingsList, documents: MeetingDocumentActions) -> None:
        super().__init__()
        self._list = meeting_list
        self._documents = documents
        beside = QHBoxLayout(self)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(meeting_list, 1)
        beside.addWidget(documents)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        least = self._list.fontMetrics().averageCharWidth() * _LIST_LEAST_CHARACTERS
        beside = self._documents.full_width() + self.layout().spacing()
        self._documents.set_compact(event.size().width() - beside < least)


class _ListAboveTabs(QSplitter):
    """The list above the meeting's tabs: as high as its rows (at most
    ``_LIST_MOST_ROWS``) where the tabs keep the height their tallest content prefers;
    else as short as its document buttons allow (as on a 1280 x 800 screen). At 1920 x
    1080 it showed four meetings above a mostly empty tab. Once the user drags the handle,
    the tabs take every change of height, as before."""

    def __init__(self, table_side: QWidget, meeting_list: MeetingsList, tabs: MeetingTabs):
        super().__init__(Qt.Orientation.Vertical)
        self._table_side, self._list, self._tabs = table_side, meeting_list, tabs
        self._dragged = False
        self.setChildrenCollapsible(False)
        self.addWidget(table_side)
        self.addWidget(tabs)
        self.setStretchFactor(1, 1)
        self.setSizes([table_side.minimumSizeHint().height(), 10_000])
        self.splitterMoved.connect(self._moved)
        meeting_list.model.modelReset.connect(self._share_unless_dragged)  # other rows

    def _moved(self) -> None:
        self._dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._share_unless_dragged()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._share_unless_dragged()  # the first resize comes before it is visible

    def _share_unless_dragged(self) -> None:
        """The list its rows' height where the tabs keep the room they prefer (see the
        class)."""
        if self._dragged or not self.isVisible():
            return
        room = self.height() - self.handleWidth()
        view = self._list.view
        step = view.verticalHeader().defaultSectionSize()
        around = self._table_side.height() - view.viewport().height()  # header and frame
        free = room - self._tabs.preferred_height() - around
        rows = min(view.model().rowCount(), _LIST_MOST_ROWS, max(free, 0) // step)
        least = self._table_side.minimumSizeHint().height()
        height = max(least, around + rows * step)  # whole rows: none cut at the foot
        self.setSizes([height, room - height])


class MeetingsPageView(QWidget):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        listed: Callable[[], MeetingSummary | None],
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """``listed()`` is the shown meeting's line of the list (the state buttons read
        what it shows); ``now()`` tells the state buttons when a meeting shown today
        begins."""
        super().__init__(parent)
        self.meeting_list = MeetingsList()
        self.filters = MeetingsFilter(self)
        self.new_button = QPushButton(tr(_CONTEXT, "Neue Sitzung"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(tr(_CONTEXT, "Eine einzelne Sitzung anlegen (Strg+N)"))
        self.series_button = QPushButton(tr(_CONTEXT, "Sitzungsreihe …"))
        self.series_button.setToolTip(  # beside the single one's (found by a tester)
            tr(
                _CONTEXT,
                "Mehrere Sitzungen nach einer Regel anlegen, etwa die des nächsten Jahres "
                "vierteljährlich am dritten Donnerstag",
            )
        )
        self.states = MeetingStateBar(
            services.meetings,
            dialogs,
            lambda: self.form.meeting,
            today=today,
            resend=lambda *sent: services.meeting_documents.record_invitation_sent(*sent),
            listed=listed,
            now=now,
        )
        self.quorum_warning = MeetingQuorumWarning(services.attendance)
        self.documents = MeetingDocumentActions(
            services,
            dialogs,
            today,
            # The page's (MeetingsPageSelection): the form's changes, then the tabs'.
            saved_first=lambda go_on, refuse: self.saved_first(go_on, refuse),
        )
        self.latecomers = MeetingLatecomers(
            services.late_invitations, dialogs, today, self.documents.ask_mail
        )

        self.form = MeetingForm(services.meetings, services.members, today, dialogs=dialogs)
        self.tabs = MeetingTabs(
            self.form,
            services,
            dialogs,
            today,
            settings=settings,
            page_saved_first=lambda go_on, refuse: self.saved_first(go_on, refuse),
        )
        self._layout()

    def _layout(self) -> None:
        """The meeting actions and filters on top, the table with its documents beside it,
        and the selected meeting's tabs below at the page's full width (the minutes editor
        needs it); the splitter between the two can be dragged."""
        # "Neue Sitzung" and "Sitzungsreihe …" beside the title, the filters and the state
        # buttons on one row (on two in a very narrow window): no button is ever cut.
        title = WrappingRow(
            ((page_title(tr(_CONTEXT, "Sitzungen")),), (self.new_button, self.series_button))
        )
        filters = (self.filters.scope_combo, self.filters.year_combo)
        bar = WrappingRow((filters, (self.states,)))
        table_side = _ListAndDocuments(self.meeting_list, self.documents)
        splitter = _ListAboveTabs(table_side, self.meeting_list, self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(bar)
        layout.addWidget(self.quorum_warning)  # apologies too many for a quorum, if any
        layout.addWidget(self.latecomers)  # members the invitation did not reach, if any
        layout.addWidget(splitter, 1)

    def keyboard_start(self) -> QWidget:
        """Where Strg+4 puts the keyboard: the meetings listed, not "Neue Sitzung"."""
        return self.meeting_list.view

    def show_warnings(self, line: MeetingSummary | None) -> None:
        """The lines under the state buttons for the meeting shown (by its ``line``)."""
        self.quorum_warning.show_for(line)
        self.latecomers.show_for(line)

    def listed_as_approved(self, meeting_id: int | None) -> bool:
        """The meeting's minutes are approved (as the list shows it)."""
        position = self.meeting_list.model.row_of(meeting_id) if meeting_id is not None else -1
        return (
            position >= 0
            and self.meeting_list.model.row(position).minutes_state is MinutesState.APPROVED
        )
