"""Übersicht: the open council's figures at a glance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from expertenrat.services.members import MembersService
from expertenrat.services.overview import OverviewService
from expertenrat.ui.composition_panel import CompositionPanel
from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import FigureCard, page_title

_CONTEXT = "OverviewPage"


class OverviewPage(QWidget):
    def __init__(
        self,
        overview: OverviewService,
        members: MembersService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = overview
        self._members = members
        self._today = today
        self._council_id: int | None = None
        self.title = page_title(tr(_CONTEXT, "Übersicht"))
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.members_card = FigureCard(tr(_CONTEXT, "aktive Mitglieder"))
        self.projects_card = FigureCard(tr(_CONTEXT, "Projekte"))
        self.meetings_card = FigureCard(tr(_CONTEXT, "Sitzungen durchgeführt"))
        self.upcoming_card = FigureCard(tr(_CONTEXT, "Sitzungen geplant"))
        self.open_card = FigureCard(tr(_CONTEXT, "Empfehlungen ohne Stellungnahme"))
        self.overdue_card = FigureCard(tr(_CONTEXT, "davon überfällig"))
        grid = QGridLayout()
        cards = (
            self.members_card,
            self.projects_card,
            self.meetings_card,
            self.upcoming_card,
            self.open_card,
            self.overdue_card,
        )
        for index, card in enumerate(cards):
            grid.addWidget(card, index // 3, index % 3)
        self.composition = CompositionPanel()
        self.backup_warning = QLabel()
        self.backup_warning.setObjectName("backupWarning")
        self.backup_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.backup_warning.setWordWrap(True)
        self.backup_warning.hide()
        self._backup_warning: Callable[[], str | None] = lambda: None
        self.invitations_due = QLabel()
        self.invitations_due.setObjectName("invitationsDue")
        self.invitations_due.setTextFormat(Qt.TextFormat.PlainText)
        self.invitations_due.setWordWrap(True)
        self.invitations_due.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.backup_warning)
        layout.addWidget(self.invitations_due)
        layout.addLayout(grid)
        layout.addWidget(self.composition)
        layout.addStretch(1)

    def set_council(self, council_id: int) -> None:
        """Remember the council; the figures are read when the page is shown."""
        self._council_id = council_id

    def flush(self, then: Callable[[], None]) -> bool:
        """Nothing is edited here."""
        return True

    def set_backup_warning(self, source: Callable[[], str | None]) -> None:
        """Where the page asks whether the automatic backups need attention."""
        self._backup_warning = source
        self._show_backup_warning()

    def _show_backup_warning(self) -> None:
        text = self._backup_warning()
        self.backup_warning.setText(f"⚠ {text}" if text else "")
        self.backup_warning.setVisible(bool(text))

    def refresh(self) -> None:
        self._show_backup_warning()
        if self._council_id is None:
            return
        today = self._today()
        figures = self._service.overview(self._council_id, today)
        self.composition.show_composition(self._members.composition(self._council_id, today))
        council = figures.council
        self.subtitle.setText(f"{council.name} · {council.city}")
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
        self.open_card.set_value(
            figures.recommendations_open,
            tr(_CONTEXT, "von {} insgesamt").format(figures.recommendations_total),
        )
        self.overdue_card.set_value(figures.recommendations_overdue)
        self._show_invitations_due(figures.invitations_due)

    def _show_invitations_due(self, lines: tuple[str, ...]) -> None:
        heading = tr(_CONTEXT, "Einladung fällig")
        self.invitations_due.setText("\n".join([f"{heading}:", *(f"• {s}" for s in lines)]))
        self.invitations_due.setVisible(bool(lines))
