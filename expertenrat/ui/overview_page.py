"""Übersicht: the open council at a glance, and the way to what needs doing.

Every card, line and bar opens what it talks about: the page emits ``opened`` with a
:class:`~expertenrat.domain.overview.Target` and the main window shows that area and
record. A council without members and meetings shows its first steps instead of zeros.
The widgets and where they sit are :mod:`ui.overview_page_view`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.overview import Area, CouncilOverview, MeetingTab, Target, TargetFilter
from expertenrat.services.overview import OverviewService
from expertenrat.ui.annual_report_action import AnnualReportButton
from expertenrat.ui.composition_panel import future_counts
from expertenrat.ui.i18n import tr
from expertenrat.ui.overview_page_view import OverviewPageView
from expertenrat.ui.page import NothingPending

_CONTEXT = "OverviewPage"


class OverviewPage(NothingPending, OverviewPageView):
    def __init__(
        self,
        overview: OverviewService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        annual_report: AnnualReportButton | None = None,
    ) -> None:
        super().__init__(parent, annual_report=annual_report)  # the widgets
        self._service = overview
        self._today = today
        self._council_id: int | None = None
        self.figures: CouncilOverview | None = None
        self._backup_warning: Callable[[], str | None] = lambda: None

    # --- the page protocol --------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        """Remember the council; the figures are read when the page is shown."""
        self._council_id = council_id
        if self.annual_report is not None:
            self.annual_report.set_council(council_id)

    def set_backup_warning(self, source: Callable[[], str | None]) -> None:
        """Where the page asks whether the automatic backups need attention."""
        self._backup_warning = source
        self.show_backup_warning()

    def show_backup_warning(self) -> None:
        """The warning as its source says now (the daily backup ended: the figures need no
        new read for it)."""
        text = self._backup_warning()
        where = tr(_CONTEXT, "Den Ordner ändern Sie unter Einstellungen → Auf diesem PC.")
        self.backup_warning.setText(f"⚠ {text} {where}" if text else "")
        self.backup_warning.setVisible(bool(text))

    def refresh(self) -> None:
        self.show_backup_warning()
        if self._council_id is None:
            return
        figures = self._service.overview(self._council_id, self._today())
        self.figures = figures
        if self.annual_report is not None:
            self.annual_report.set_first_year(figures.first_year)
        council = figures.council
        self.subtitle.setText(f"{council.name} · {council.city}")
        self.first_steps.show_steps(figures)
        self.dashboard.setVisible(not figures.is_empty)
        self._show_cards(figures)
        listed = {
            self.next_meetings: figures.next_meetings,
            self.quorum_warnings: figures.quorum_warnings,
            self.invitations_due: figures.invitations_due,
            self.meetings_unrecorded: figures.meetings_unrecorded,
            self.minutes_waiting: figures.minutes_waiting,
            self.postponed_waiting: figures.postponed_waiting,
            self.written_waiting: figures.written_waiting,
            self.responses_overdue: figures.responses_overdue,
            self.to_send: figures.to_send,
            self.responses_due_soon: figures.responses_due_soon,
            self.closable: figures.closable,
            self.awaiting_final: figures.awaiting_final,
            self.composition_warnings: figures.composition_warnings,
        }
        # Filled as they are shown, column by column: Tab goes through the lines in the
        # order they are made (found by a tester: "Empfehlungen zu übermitteln" came
        # before "Überfällig" above it).
        for column in self._list_columns:
            for line_list in column:
                line_list.show_lines(listed[line_list])
        self.field_figures.show_figures(figures.year, figures.fields_this_year)
        self.chart_box.set_rows(figures.statuses_by_field)
        self._arrange()  # the action fields' names may want more room

    def _show_cards(self, figures: CouncilOverview) -> None:
        council = figures.council
        if council.min_members == council.max_members:  # a council of a fixed size
            limits = tr(_CONTEXT, "Soll: {}").format(council.min_members)
        else:
            limits = tr(_CONTEXT, "Soll: {} bis {}").format(
                council.min_members, council.max_members
            )
        for count in future_counts(figures.future_members, figures.further_terms):
            limits += f" · {count}"
        if figures.former_members:
            limits += tr(_CONTEXT, " · {} ehemalige").format(figures.former_members)
        self.members_card.set_value(figures.active_members, limits)
        self.projects_card.set_value(figures.projects)
        self.meetings_card.set_value(figures.meetings_held)
        self.upcoming_card.set_value(
            figures.meetings_upcoming,
            tr(_CONTEXT, "nächste: {}").format(figures.next_meeting)
            if figures.next_meeting
            else "",
        )
        self.card_targets[self.upcoming_card] = Target(
            Area.MEETINGS,
            record_id=figures.next_meeting_id,
            tab=MeetingTab.MEETING if figures.next_meeting_id else None,
            filter=TargetFilter.UPCOMING,
        )
        partly = figures.recommendations_partly_answered
        self.open_card.set_value(
            figures.recommendations_open,
            (tr(_CONTEXT, "davon {} teilweise beantwortet · ").format(partly) if partly else "")
            + tr(_CONTEXT, "von {} insgesamt").format(figures.recommendations_total),
        )
        self.overdue_card.set_value(figures.recommendations_overdue)
