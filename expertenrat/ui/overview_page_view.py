"""The widgets of the Übersicht and where they sit; :class:`OverviewPage` fills them (the
view/controller split of the house style).

Six cards, then the lists of what needs doing in two columns, then the figures of the
action fields beside the chart of the recommendations by status; the lists and the fields
stand one under the other where the window is too narrow for two columns. Every card, line
and bar emits ``opened`` with the :class:`~expertenrat.domain.overview.Target` it talks
about.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.overview import Area, Line, Target, TargetFilter
from expertenrat.ui.activation import Activation
from expertenrat.ui.annual_report_action import AnnualReportButton
from expertenrat.ui.field_figures_grid import FieldFiguresGrid
from expertenrat.ui.i18n import tr
from expertenrat.ui.overview_first_steps import FirstSteps
from expertenrat.ui.overview_lists import LineList
from expertenrat.ui.scroll_areas import plain_scroll_area
from expertenrat.ui.status_chart import StatusChartBox
from expertenrat.ui.widgets import FigureCard, keep_wrapped_height, page_title

_CONTEXT = "OverviewPage"


class OverviewPageView(QWidget):
    opened = Signal(object)  # a Target
    backupSettingsOpened = Signal()  # the backup warning: Einstellungen → Auf diesem PC

    def __init__(
        self, parent: QWidget | None = None, *, annual_report: AnnualReportButton | None = None
    ) -> None:
        super().__init__(parent)
        self.annual_report = annual_report
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
            tr(_CONTEXT, "Empfehlungen: Stellungnahme ausstehend"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.OPEN),
        )
        self.overdue_card = self._card(
            tr(_CONTEXT, "überfällig (Stellungnahme oder Umsetzung)"),
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
        self.quorum_warnings = self._list(tr(_CONTEXT, "Beschlussfähigkeit gefährdet"), meetings)
        self.invitations_due = self._list(tr(_CONTEXT, "Einladung fällig"), meetings)
        self.meetings_unrecorded = self._list(
            tr(_CONTEXT, "Sitzungen nachzutragen"),
            Target(Area.MEETINGS, filter=TargetFilter.UNRECORDED),
        )
        self.minutes_waiting = self._list(
            tr(_CONTEXT, "Protokolle zu versenden oder zu genehmigen"),
            Target(Area.MEETINGS, filter=TargetFilter.HELD),
        )
        self.postponed_waiting = self._list(
            tr(_CONTEXT, "Vertagte und abgesetzte Punkte ohne Tagesordnung"),
            Target(Area.MEETINGS, filter=TargetFilter.UPCOMING),
        )
        self.written_waiting = self._list(
            tr(_CONTEXT, "Umlaufbeschlüsse ohne Bericht"),
            Target(Area.MEETINGS, filter=TargetFilter.UPCOMING),
        )
        self.to_send = self._list(
            tr(_CONTEXT, "Empfehlungen zu übermitteln"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.TO_SEND),
        )
        self.closable = self._list(
            tr(_CONTEXT, "Empfehlungen: Abschluss möglich"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.CLOSABLE),
        )
        self.awaiting_final = self._list(
            tr(_CONTEXT, "Empfehlungen: Zwischenantwort erhalten"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.ANSWERED),
        )
        # (found by a tester) what to do about them was to be found under Empfehlungen only
        self.responses_overdue = self._list(
            tr(_CONTEXT, "Überfällig: Stellungnahme oder geplante Umsetzung"),
            Target(Area.RECOMMENDATIONS, filter=TargetFilter.OVERDUE),
            action=Line(
                tr(_CONTEXT, "Erinnerungen an die Projekte …"),
                Target(Area.RECOMMENDATIONS, filter=TargetFilter.REMIND),
            ),
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
        self.chart_box = StatusChartBox()
        self.chart = self.chart_box.chart
        self.chart.fieldActivated.connect(
            lambda field_id: self.opened.emit(
                Target(Area.RECOMMENDATIONS, action_field_id=field_id)
            )
        )
        self.first_steps = FirstSteps(self.opened)
        self._layout()

    def _card(self, caption: str, target: Target) -> FigureCard:
        card = FigureCard(caption)
        card.setToolTip(tr(_CONTEXT, "Öffnen"))
        self.card_targets[card] = target
        Activation(card).activated.connect(lambda: self.opened.emit(self.card_targets[card]))
        return card

    def _list(
        self, title: str, more: Target, empty: str = "", *, action: Line | None = None
    ) -> LineList:
        widget = LineList(title, more, empty, action=action)
        widget.opened.connect(self.opened)
        return widget

    def _layout(self) -> None:
        grid = QGridLayout()
        for index, card in enumerate(self.cards):
            grid.addWidget(card, index // 3, index % 3)
        for column in range(3):  # the cards equally wide, not the first by its detail line
            grid.setColumnStretch(column, 1)
        # Side by side, or (in a window too narrow for that) one under the other.
        self._lists = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        left = (
            self.next_meetings,
            self.quorum_warnings,
            self.invitations_due,
            self.meetings_unrecorded,
            self.minutes_waiting,
            self.postponed_waiting,
            self.written_waiting,
        )
        right = (
            self.responses_overdue,
            self.to_send,
            self.responses_due_soon,
            self.awaiting_final,
            self.closable,
            self.composition_warnings,
        )
        self._list_columns = (left, right)
        for widgets in self._list_columns:
            box = QVBoxLayout()
            for widget in widgets:
                box.addWidget(widget)
            box.addStretch(1)
            self._lists.addLayout(box, 1)
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

    def keyboard_start(self) -> QWidget:
        """Where Strg+1 puts the keyboard: the first figure, not "Tätigkeitsbericht …"."""
        return self.members_card

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
