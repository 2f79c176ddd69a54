"""The services of one open database, built once by the composition roots (app, cli)."""

from __future__ import annotations

from dataclasses import dataclass

from expertenrat.services.agenda import AgendaService
from expertenrat.services.agenda_templates import AgendaTemplatesService
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.audit import AuditService
from expertenrat.services.backup import BackupService
from expertenrat.services.conflicts import ConflictsService
from expertenrat.services.council_transfer import CouncilTransferService
from expertenrat.services.daily_backup import DailyBackupService
from expertenrat.services.demo import DemoService
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.services.members import MembersService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_documents import MinutesDocumentsService, render_minutes
from expertenrat.services.minutes_objections import MinutesObjectionsService
from expertenrat.services.oparl_export import OParlExportService
from expertenrat.services.open_data_export import OpenDataExportService
from expertenrat.services.overview import OverviewService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendation_reminders import RecommendationRemindersService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.services.recommendations_report import RecommendationsReportService
from expertenrat.services.retention import RetentionService
from expertenrat.services.settings import SettingsService
from expertenrat.services.text_templates import TextTemplatesService
from expertenrat.store.database import Database


@dataclass(frozen=True)
class Services:
    database: Database
    settings: SettingsService
    members: MembersService
    projects: ProjectsService
    member_exchange: MemberExchangeService
    meetings: MeetingsService
    overview: OverviewService
    demo: DemoService
    audit: AuditService
    agenda: AgendaService
    backup: BackupService
    daily_backup: DailyBackupService
    integrity: IntegrityService
    retention: RetentionService
    meeting_documents: MeetingDocumentsService
    attendance: AttendanceService
    conflicts: ConflictsService
    minutes: MinutesService
    text_templates: TextTemplatesService
    agenda_templates: AgendaTemplatesService
    annexes: AnnexesService
    minutes_documents: MinutesDocumentsService
    minutes_approval: MinutesApprovalService
    minutes_objections: MinutesObjectionsService
    recommendations: RecommendationsService
    recommendation_reminders: RecommendationRemindersService
    recommendations_report: RecommendationsReportService
    oparl_export: OParlExportService
    council_transfer: CouncilTransferService
    open_data_export: OpenDataExportService

    @classmethod
    def create(cls, database: Database, actor: str) -> Services:
        meetings = MeetingsService(database, actor)
        meeting_documents = MeetingDocumentsService(database, actor, meetings)
        annexes = AnnexesService(database, actor)
        oparl_export = OParlExportService(database)
        return cls(
            database=database,
            settings=SettingsService(database, actor),
            members=MembersService(database, actor),
            projects=ProjectsService(database, actor),
            member_exchange=MemberExchangeService(database, actor),
            meetings=meetings,
            overview=OverviewService(database),
            demo=DemoService(database, actor),
            audit=AuditService(database),
            agenda=AgendaService(database, actor),
            backup=BackupService(database),
            daily_backup=DailyBackupService(database),
            integrity=IntegrityService(database),
            retention=RetentionService(database, actor),
            meeting_documents=meeting_documents,
            attendance=AttendanceService(database, actor),
            conflicts=ConflictsService(database, actor),
            minutes=MinutesService(database, actor),
            text_templates=TextTemplatesService(database, actor),
            agenda_templates=AgendaTemplatesService(database, actor),
            annexes=annexes,
            minutes_documents=MinutesDocumentsService(database, meeting_documents, annexes),
            minutes_approval=MinutesApprovalService(database, actor, render_minutes),
            minutes_objections=MinutesObjectionsService(database, actor),
            recommendations=RecommendationsService(database, actor),
            recommendation_reminders=RecommendationRemindersService(database),
            recommendations_report=RecommendationsReportService(database),
            oparl_export=oparl_export,
            council_transfer=CouncilTransferService(database, actor),
            open_data_export=OpenDataExportService(oparl_export),
        )
