"""The services of one open database, built once by the composition roots (app, cli).

Each service is made, and its module imported, when it is first used: a command that
exports the minutes does not pay for importing the demo, the OParl export or the reports
it never renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expertenrat.services.lazy_services import LazyService
from expertenrat.services.meeting_services import MeetingServices

if TYPE_CHECKING:
    from expertenrat.services.annual_report import AnnualReportService
    from expertenrat.services.appointment_periods import AppointmentPeriodsService
    from expertenrat.services.archive_package import ArchivePackageService
    from expertenrat.services.audit_reading import AuditService
    from expertenrat.services.backup import BackupService
    from expertenrat.services.council_search import CouncilSearchService
    from expertenrat.services.council_transfer import CouncilTransferService
    from expertenrat.services.daily_backup import DailyBackupService
    from expertenrat.services.demo import DemoService
    from expertenrat.services.integrity import IntegrityService
    from expertenrat.services.member_exchange import MemberExchangeService
    from expertenrat.services.members import MembersService
    from expertenrat.services.oparl_export import OParlExportService
    from expertenrat.services.open_data_export import OpenDataExportService
    from expertenrat.services.overview import OverviewService
    from expertenrat.services.person_disclosure import PersonDisclosureService
    from expertenrat.services.projects import ProjectsService
    from expertenrat.services.recommendation_reminders import RecommendationRemindersService
    from expertenrat.services.recommendation_transmittals import RecommendationTransmittalsService
    from expertenrat.services.recommendations import RecommendationsService
    from expertenrat.services.recommendations_report import RecommendationsReportService
    from expertenrat.services.retention import RetentionService
    from expertenrat.services.safety_copies import SafetyCopiesService
    from expertenrat.services.settings import SettingsService
    from expertenrat.services.text_templates import TextTemplatesService
    from expertenrat.store.database import Database


class Services(MeetingServices):
    """Every service of ``database``, each made when first used, acting for ``actor``; those
    of the meetings and their minutes are :class:`MeetingServices`'."""

    @classmethod
    def create(cls, database: Database, actor: str) -> Services:
        return cls(database, actor)

    @LazyService
    def settings(self) -> SettingsService:
        from expertenrat.services.settings import SettingsService

        return SettingsService(self.database, self.actor)

    @LazyService
    def members(self) -> MembersService:
        from expertenrat.services.members import MembersService

        return MembersService(self.database, self.actor)

    @LazyService
    def projects(self) -> ProjectsService:
        from expertenrat.services.projects import ProjectsService

        return ProjectsService(self.database, self.actor)

    @LazyService
    def member_exchange(self) -> MemberExchangeService:
        from expertenrat.services.member_exchange import MemberExchangeService

        return MemberExchangeService(self.database, self.actor)

    @LazyService
    def overview(self) -> OverviewService:
        from expertenrat.services.overview import OverviewService

        return OverviewService(self.database)

    @LazyService
    def demo(self) -> DemoService:
        from expertenrat.services.demo import DemoService

        return DemoService(self.database, self.actor)

    @LazyService
    def audit(self) -> AuditService:
        from expertenrat.services.audit_reading import AuditService

        return AuditService(self.database)

    @LazyService
    def backup(self) -> BackupService:
        from expertenrat.services.backup import BackupService

        return BackupService(self.database)

    @LazyService
    def daily_backup(self) -> DailyBackupService:
        from expertenrat.services.daily_backup import DailyBackupService

        return DailyBackupService(self.database)

    @LazyService
    def integrity(self) -> IntegrityService:
        from expertenrat.services.integrity import IntegrityService

        return IntegrityService(self.database)

    @LazyService
    def retention(self) -> RetentionService:
        from expertenrat.services.retention import RetentionService

        return RetentionService(self.database, self.actor)

    @LazyService
    def person_disclosure(self) -> PersonDisclosureService:
        from expertenrat.services.person_disclosure import PersonDisclosureService

        return PersonDisclosureService(self.database, self.actor)

    @LazyService
    def safety_copies(self) -> SafetyCopiesService:
        from expertenrat.services.safety_copies import SafetyCopiesService

        return SafetyCopiesService(self.database)

    @LazyService
    def text_templates(self) -> TextTemplatesService:
        from expertenrat.services.text_templates import TextTemplatesService

        return TextTemplatesService(self.database, self.actor)

    @LazyService
    def appointment_periods(self) -> AppointmentPeriodsService:
        from expertenrat.services.appointment_periods import AppointmentPeriodsService

        return AppointmentPeriodsService(self.database, self.actor)

    @LazyService
    def recommendations(self) -> RecommendationsService:
        from expertenrat.services.recommendations import RecommendationsService

        return RecommendationsService(self.database, self.actor)

    @LazyService
    def recommendation_reminders(self) -> RecommendationRemindersService:
        from expertenrat.services.recommendation_reminders import RecommendationRemindersService

        return RecommendationRemindersService(self.database, self.recommendations)

    @LazyService
    def recommendation_transmittals(self) -> RecommendationTransmittalsService:
        from expertenrat.services.recommendation_transmittals import (
            RecommendationTransmittalsService,
        )

        return RecommendationTransmittalsService(self.database)

    @LazyService
    def recommendations_report(self) -> RecommendationsReportService:
        from expertenrat.services.recommendations_report import RecommendationsReportService

        return RecommendationsReportService(self.database)

    @LazyService
    def annual_report(self) -> AnnualReportService:
        from expertenrat.services.annual_report import AnnualReportService

        return AnnualReportService(self.database)

    @LazyService
    def archive_package(self) -> ArchivePackageService:
        from expertenrat.services.archive_package import ArchivePackageService

        return ArchivePackageService(
            self.database,
            self.meetings,
            self.meeting_documents,
            self.minutes_documents,
            self.annexes,
            self.recommendations_report,
            self.annual_report,
        )

    @LazyService
    def council_search(self) -> CouncilSearchService:
        from expertenrat.services.council_search import CouncilSearchService

        return CouncilSearchService(self.database)

    @LazyService
    def oparl_export(self) -> OParlExportService:
        from expertenrat.services.oparl_export import OParlExportService

        return OParlExportService(self.database)

    @LazyService
    def council_transfer(self) -> CouncilTransferService:
        from expertenrat.services.council_transfer import CouncilTransferService

        return CouncilTransferService(self.database, self.actor)

    @LazyService
    def open_data_export(self) -> OpenDataExportService:
        from expertenrat.services.open_data_export import OpenDataExportService

        return OpenDataExportService(self.oparl_export)
