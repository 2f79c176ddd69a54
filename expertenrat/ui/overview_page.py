"""Übersicht: the open council at a glance, and the way to what needs doing.

Every card, line and bar opens what it talks about: the page emits ``opened`` with a
:class:`~expertenrat.domain.overview.Target` and the main window shows that area and
record. A council without members and meetings shows its first steps instead of zeros.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.overview import Area, CouncilOverview, MeetingTab, Target, TargetFilter
from expertenrat.services.overview import OverviewService
from expertenrat.ui.activation import Activation
from expertenrat.ui.annual_report_action import AnnualReportButton
from expertenrat.ui.field_figures_grid import FieldFiguresGrid
from expertenrat.ui.i18n import tr
from expertenrat.ui.overview_lists import LineList
from expertenrat.ui.page import NothingPending
from expertenrat.ui.scroll_areas import plain_scroll_area
from expertenrat.ui.status_chart import StatusChart
from expertenrat.ui.widgets import FigureCard, keep_wrapped_height, page_title

_CONTEXT = "OverviewPage"


class OverviewPage(NothingPending, QWidget):
    opened = Signal(object)  # a Target
    backupSettingsOpened = Signal()  # the backup warning: Einstellungen → Auf diesem PC

    def __init__(
        self,
        overview: OverviewService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        annual_report: AnnualReportButton | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = overview
        self.annual_report = annual_report
        self._today = today
        self._council_id: int | None = None
        self.figures: CouncilOverview | None = None
        self.title = page_title(tr(_CONTEXT, "Übersicht"))
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)  # a long council name does not widen the page
        self.backup_warning = QLabel()
        self.backup_warning.setObjectName("backupWarning")
        self.backup_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.backup_warning.setWordWrap(True)
        keep_wrapped_height(self.backup_warning)
        self.backup_warning.setToolTip(tr(_CONTEXT, "Öffnen: Einstellungen → Auf diesem PC"))
        Activation(self.backup_warning).activated.connect(self.backupSettingsOpened)
        self.backup_warning.hide()
        self._backup_warning: Callable[[], str | None] = lambda: None
        self.card_targets: dict[FigureCard, Target] = {}

        self.members_card = self._card(tr(_CONTEXT, "aktive Mitglieder"), Target(Area.MEMBERS))
        self.projects_card = self._card(tr(_CONTEXT, "Projekte"), Target(Area.PROJECTS))
        self.meetings_card = self._card(
            tr(_CONTEXT, "Sitzungen durchgeführt"), Target(Area.MEETINGS, filter=TargetFilter.HELD)
        )
        self.upcoming_card = self._card(
            tr(_CONTEXT, "Sitzungen geplant"), Target(Area.MEETINGS, filter=TargetFilter.UPCOMING)
        )
        self.open_card = self._card(
            tr(_CONTEXT, "Empfehlungen ohne Stellungnahme"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.OPEN),
        )
        self.overdue_card = self._card(
            tr(_CONTEXT, "überfällig (Antwort oder Umsetzung)"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.OVERDUE),
        )
        self.cards = (
            self.members_card,
            self.projects_card,
            self.meetings_card,
            self.upcoming_card,
            self.open_card,
            self.overdue_card,
        )
        meetings = Target(Area.MEETINGS, filter=TargetFilter.UPCOMING)
        self.next_meetings = self._list(
            tr(_CONTEXT, "Nächste Sitzungen"), meetings, tr(_CONTEXT, "Keine Sitzung geplant.")
        )
        self.invitations_due = self._list(tr(_CONTEXT, "Einladung fällig"), meetings)
        self.minutes_waiting = self._list(
            tr(_CONTEXT, "Protokolle zu versenden oder zu genehmigen"),
            Target(Area.MEETINGS, filter=TargetFilter.HELD),
        )
        self.responses_overdue = self._list(
            tr(_CONTEXT, "Überfällig: Stellungnahme oder geplante Umsetzung"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.OVERDUE),
        )
        self.responses_due_soon = self._list(
            tr(_CONTEXT, "Stellungnahmen fällig in den nächsten 14 Tagen"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.OPEN),
        )
        self.composition_warnings = self._list(
            tr(_CONTEXT, "Zusammensetzung"),
            Target(Area.MEMBERS),
            tr(_CONTEXT, "Die Zusammensetzung entspricht den Vorgaben."),
        )
        self.field_figures = FieldFiguresGrid()
        self.field_figures.opened.connect(self.opened)
        self.chart = StatusChart()
        self.chart.fieldActivated.connect(
            lambda field_id: self.opened.emit(
                Target(Area.RECOMMENDATIONS, action_field_id=field_id)
            )
        )
        self.first_steps = _FirstSteps(self.opened)
        self._layout()

    def _card(self, caption: str, target: Target) -> FigureCard:
        card = FigureCard(caption)
        card.setToolTip(tr(_CONTEXT, "Öffnen"))
        self.card_targets[card] = target
        Activation(card).activated.connect(lambda: self.opened.emit(self.card_targets[card]))
        return card

    def _list(self, title: str, more: Target, empty: str = "") -> LineList:
        widget = LineList(title, more, empty)
        widget.opened.connect(self.opened)
        return widget

    def _layout(self) -> None:
        grid = QGridLayout()
        for index, card in enumerate(self.cards):
            grid.addWidget(card, index // 3, index % 3)
        # Side by side, or (in a window too narrow for that) one under the other.
        self._lists = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        left = (self.next_meetings, self.invitations_due, self.minutes_waiting)
        right = (self.responses_overdue, self.responses_due_soon, self.composition_warnings)
        self._list_columns = (left, right)
        for widgets in self._list_columns:
            box = QVBoxLayout()
            for widget in widgets:
                box.addWidget(widget)
            box.addStretch(1)
            self._lists.addLayout(box, 1)
        self.chart_box = QGroupBox(tr(_CONTEXT, "Empfehlungen nach Status"))
        QVBoxLayout(self.chart_box).addWidget(self.chart)
        self._fields = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._fields.addWidget(self.field_figures, 1)
        self._fields.addWidget(self.chart_box, 1)
        self.dashboard = QWidget()
        body = QVBoxLayout(self.dashboard)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(grid)
        body.addLayout(self._lists)
        body.addLayout(self._fields)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.title)
        header = QHBoxLayout()
        header.addWidget(self.subtitle, 1)
        if self.annual_report is not None:
            header.addWidget(self.annual_report)
        column.addLayout(header)
        column.addWidget(self.backup_warning)
        column.addWidget(self.first_steps)
        column.addWidget(self.dashboard)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = plain_scroll_area(content)
        layout.addWidget(self.scroll_area)
        self.dashboard.installEventFilter(self)  # its parts' least widths change

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dashboard and event.type() == QEvent.Type.LayoutRequest:
            self._arrange()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The lists and the action fields beside the chart side by side where the page
        has room for both columns, else one under the other (a window of 720 px would
        otherwise scroll sideways)."""

        def least(widgets) -> int:
            return max(widget.minimumSizeHint().width() for widget in widgets)

        spacing = self._lists.spacing()
        side_by_side = max(
            sum(least(widgets) for widgets in self._list_columns) + spacing,
            least([self.field_figures]) + least([self.chart_box]) + spacing,
        )
        content = self.scroll_area.widget().layout().contentsMargins()
        room = (
            self.width()
            - content.left()
            - content.right()
            - self.scroll_area.verticalScrollBar().sizeHint().width()
        )
        direction = (
            QBoxLayout.Direction.LeftToRight
            if room >= side_by_side
            else QBoxLayout.Direction.TopToBottom
        )
        if self._lists.direction() != direction:
            self._lists.setDirection(direction)
            self._fields.setDirection(direction)

    # --- the page protocol --------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        """Remember the council; the figures are read when the page is shown."""
        self._council_id = council_id
        if self.annual_report is not None:
            self.annual_report.set_council(council_id)

    def set_backup_warning(self, source: Callable[[], str | None]) -> None:
        """Where the page asks whether the automatic backups need attention."""
        self._backup_warning = source
        self._show_backup_warning()

    def _show_backup_warning(self) -> None:
        text = self._backup_warning()
        where = tr(_CONTEXT, "Den Ordner ändern Sie unter Einstellungen → Auf diesem PC.")
        self.backup_warning.setText(f"⚠ {text} {where}" if text else "")
        self.backup_warning.setVisible(bool(text))

    def refresh(self) -> None:
        self._show_backup_warning()
        if self._council_id is None:
            return
        figures = self._service.overview(self._council_id, self._today())
        self.figures = figures
        if self.annual_report is not None:
            self.annual_report.set_first_year(figures.first_meeting_year)
        council = figures.council
        self.subtitle.setText(f"{council.name} · {council.city}")
        self.first_steps.show_steps(figures)
        self.dashboard.setVisible(not figures.is_empty)
        self._show_cards(figures)
        self.next_meetings.show_lines(figures.next_meetings)
        self.invitations_due.show_lines(figures.invitations_due)
        self.minutes_waiting.show_lines(figures.minutes_waiting)
        self.responses_overdue.show_lines(figures.responses_overdue)
        self.responses_due_soon.show_lines(figures.responses_due_soon)
        self.composition_warnings.show_lines(figures.composition_warnings)
        self.field_figures.show_figures(figures.year, figures.fields_this_year)
        self.chart.set_rows(figures.statuses_by_field)
        self._arrange()  # the action fields' names may want more room

    def _show_cards(self, figures: CouncilOverview) -> None:
        council = figures.council
        limits = tr(_CONTEXT, "Soll: {} bis {}").format(council.min_members, council.max_members)
        if figures.future_members == 1:
            limits += tr(_CONTEXT, " · 1 künftiges Mitglied")
        elif figures.future_members:
            limits += tr(_CONTEXT, " · {} künftige Mitglieder").format(figures.future_members)
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
        self.open_card.set_value(
            figures.recommendations_open,
            tr(_CONTEXT, "von {} insgesamt").format(figures.recommendations_total),
        )
        self.overdue_card.set_value(figures.recommendations_overdue)


class _FirstSteps(QGroupBox):
    """What to do next in a council that has no members, meetings or projects yet."""

    def __init__(self, opened) -> None:
        super().__init__(tr(_CONTEXT, "Erste Schritte"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.members_button = QPushButton(tr(_CONTEXT, "Mitglieder anlegen …"))
        self.meeting_button = QPushButton(tr(_CONTEXT, "Erste Sitzung planen …"))
        self.projects_button = QPushButton(tr(_CONTEXT, "Projekte erfassen …"))
        steps = QGridLayout()
        self._hints: dict[QPushButton, QLabel] = {}
        for row, (button, area, hint) in enumerate(
            (
                (
                    self.members_button,
                    Area.MEMBERS,
                    tr(
                        _CONTEXT,
                        "Die Mitglieder mit Handlungsfeldern und Amtszeit – einzeln oder als "
                        "Liste (Excel, CSV) auf der Seite „Mitglieder“ importiert.",
                    ),
                ),
                (
                    self.meeting_button,
                    Area.MEETINGS,
                    tr(
                        _CONTEXT,
                        "Datum, Ort und Tagesordnung; die Übersicht erinnert dann an die "
                        "Einladung.",
                    ),
                ),
                (
                    self.projects_button,
                    Area.PROJECTS,
                    tr(_CONTEXT, "Die Projekte, die das Gremium berät."),
                ),
            )
        ):
            button.clicked.connect(
                lambda _checked=False, a=area: opened.emit(Target(a, filter=TargetFilter.NEW))
            )
            label = QLabel(hint)
            label.setWordWrap(True)
            label.setObjectName("figureCaption")
            self._hints[button] = label
            steps.addWidget(button, row, 0)
            steps.addWidget(label, row, 1)
        steps.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(steps)

    def show_steps(self, figures: CouncilOverview) -> None:
        for button, needed in (
            (self.members_button, figures.members_total == 0),
            (self.meeting_button, figures.meetings_total == 0),
            (self.projects_button, figures.projects == 0),
        ):
            button.setVisible(needed)
            self._hints[button].setVisible(needed)
        if figures.is_empty:
            text = tr(
                _CONTEXT,
                "Dieses Gremium ist noch leer. Legen Sie zuerst die Mitglieder an und planen "
                "Sie dann die erste Sitzung; die Projekte können Sie jederzeit erfassen.",
            )
        else:
            text = tr(_CONTEXT, "Noch offen:")
        self.intro.setText(text)
        self.setVisible(
            figures.members_total == 0 or figures.meetings_total == 0 or figures.projects == 0
        )
