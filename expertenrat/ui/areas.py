"""The areas of the main window, built once the database is open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from expertenrat.domain.overview import Area
from expertenrat.services.context import Services
from expertenrat.services.daily_backup import default_folder
from expertenrat.ui.annual_report_action import AnnualReportButton
from expertenrat.ui.audit_page import AuditPage
from expertenrat.ui.database_box import DatabaseBox
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.members_page import MembersPage
from expertenrat.ui.overview_page import OverviewPage
from expertenrat.ui.pc_settings import PcSettingsBox
from expertenrat.ui.projects_page import ProjectsPage
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.search_page import SearchPage
from expertenrat.ui.settings_page import SettingsPage
from expertenrat.ui.welcome_page import WelcomePage

_CONTEXT = "MainWindow"


# The sidebar's order while the window remembered the open area by its row (before the
# area was remembered by name, December 2026), to read such a row once.
_SIDEBAR_ROWS_BEFORE_KEYS = (
    "overview",
    "members",
    "projects",
    "meetings",
    "recommendations",
    "settings",
    "audit",
)


@dataclass(frozen=True)
class Areas:
    overview: OverviewPage
    members: MembersPage
    projects: ProjectsPage
    meetings: MeetingsPage
    recommendations: RecommendationsPage
    settings: SettingsPage
    audit: AuditPage
    search: SearchPage
    welcome: WelcomePage

    def in_sidebar(self) -> list[tuple[str, QWidget]]:
        """The areas the sidebar offers, in order. Only areas that work are listed."""
        return [
            (tr(_CONTEXT, "Übersicht"), self.overview),
            (tr(_CONTEXT, "Mitglieder"), self.members),
            (tr(_CONTEXT, "Projekte"), self.projects),
            (tr(_CONTEXT, "Sitzungen"), self.meetings),
            (tr(_CONTEXT, "Empfehlungen"), self.recommendations),
            (tr(_CONTEXT, "Einstellungen"), self.settings),
            (tr(_CONTEXT, "Änderungsprotokoll"), self.audit),
            (tr(_CONTEXT, "Suche"), self.search),
        ]

    def key_of(self, page: QWidget) -> str:
        """The name the window remembers ``page`` by: its field here ("members"). Unlike
        its row in the sidebar, it still names the same area when the order changes."""
        return next(f.name for f in fields(self) if getattr(self, f.name) is page)

    def remembered(self, key: object) -> QWidget:
        """The sidebar's area named ``key`` (:meth:`key_of`); an older version remembered
        the row instead (a number): the area that was at that row then. Übersicht for
        anything else (an area since dropped, nothing remembered)."""
        named = {self.key_of(page): page for _label, page in self.in_sidebar()}
        text = str(key)
        if text.isdecimal() and int(text) < len(_SIDEBAR_ROWS_BEFORE_KEYS):
            text = _SIDEBAR_ROWS_BEFORE_KEYS[int(text)]
        return named.get(text, self.overview)

    def page_for(self, area: Area) -> QWidget:
        """The page that opens a target of the Übersicht in ``area``."""
        return {
            Area.MEMBERS: self.members,
            Area.PROJECTS: self.projects,
            Area.MEETINGS: self.meetings,
            Area.RECOMMENDATIONS: self.recommendations,
            Area.SETTINGS: self.settings,
        }[area]


def build_areas(
    services: Services,
    dialogs: DialogService,
    today: Callable[[], date],
    settings: QSettings | None = None,
    database_preset: str = "",
) -> Areas:
    """``database_preset``: what named the database at start (see
    :class:`~expertenrat.ui.database_box.DatabaseBox`)."""
    return Areas(
        overview=OverviewPage(
            services.overview,
            today,
            annual_report=AnnualReportButton(services, dialogs, today),
        ),
        members=MembersPage(services, dialogs, today, settings=settings),
        projects=ProjectsPage(services, dialogs, settings=settings, today=today),
        meetings=MeetingsPage(services, dialogs, today, settings=settings),
        recommendations=RecommendationsPage(services, dialogs, today, settings=settings),
        settings=SettingsPage(
            services,
            dialogs,
            pc_settings=PcSettingsBox(
                settings if settings is not None else QSettings(),
                dialogs,
                default_folder(services.database),
                on_server=not services.database.is_sqlite,
            ),
            database_box=DatabaseBox(services.database, dialogs, preset=database_preset),
            today=today,
        ),
        audit=AuditPage(services.audit, dialogs, today, settings=services.settings),
        search=SearchPage(services.council_search, dialogs),
        welcome=WelcomePage(services.settings, lambda: services.demo, today),
    )
