"""The services of a council's meetings, from the agenda to the approved minutes and their
annexes: part of :class:`expertenrat.services.context.Services`, each made, and its module
imported, when it is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expertenrat.services.lazy_services import LazyService, LazyServices

if TYPE_CHECKING:
    from expertenrat.services.agenda import AgendaService
    from expertenrat.services.agenda_templates import AgendaTemplatesService
    from expertenrat.services.annexes import AnnexesService
    from expertenrat.services.attendance import AttendanceService
    from expertenrat.services.conflicts import ConflictsService
    from expertenrat.services.late_invitations import LateInvitationsService
    from expertenrat.services.meeting_documents import MeetingDocumentsService
    from expertenrat.services.meetings import MeetingsService
    from expertenrat.services.minutes import MinutesService
    from expertenrat.services.minutes_approval import MinutesApprovalService
    from expertenrat.services.minutes_documents import MinutesDocumentsService
    from expertenrat.services.minutes_objections import MinutesObjectionsService
    from expertenrat.services.postponed_items import PostponedItemsService
    from expertenrat.services.written_procedures import WrittenProceduresService


class MeetingServices(LazyServices):
    """The meeting services of ``database``, acting for ``actor``."""

    @LazyService
    def meetings(self) -> MeetingsService:
        from expertenrat.services.meetings import MeetingsService

        return MeetingsService(self.database, self.actor)

    @LazyService
    def agenda(self) -> AgendaService:
        from expertenrat.services.agenda import AgendaService

        return AgendaService(self.database, self.actor)

    @LazyService
    def agenda_templates(self) -> AgendaTemplatesService:
        from expertenrat.services.agenda_templates import AgendaTemplatesService

        return AgendaTemplatesService(self.database, self.actor)

    @LazyService
    def postponed_items(self) -> PostponedItemsService:
        from expertenrat.services.postponed_items import PostponedItemsService

        return PostponedItemsService(self.database, self.actor)

    @LazyService
    def written_procedures(self) -> WrittenProceduresService:
        from expertenrat.services.written_procedures import WrittenProceduresService

        return WrittenProceduresService(self.database, self.actor)

    @LazyService
    def meeting_documents(self) -> MeetingDocumentsService:
        from expertenrat.services.meeting_documents import MeetingDocumentsService

        return MeetingDocumentsService(self.database, self.actor, self.meetings)

    @LazyService
    def late_invitations(self) -> LateInvitationsService:
        from expertenrat.services.late_invitations import LateInvitationsService

        return LateInvitationsService(self.database, self.actor)

    @LazyService
    def attendance(self) -> AttendanceService:
        from expertenrat.services.attendance import AttendanceService

        return AttendanceService(self.database, self.actor)

    @LazyService
    def conflicts(self) -> ConflictsService:
        from expertenrat.services.conflicts import ConflictsService

        return ConflictsService(self.database, self.actor)

    @LazyService
    def minutes(self) -> MinutesService:
        from expertenrat.services.minutes import MinutesService

        return MinutesService(self.database, self.actor)

    @LazyService
    def minutes_documents(self) -> MinutesDocumentsService:
        from expertenrat.services.minutes_documents import MinutesDocumentsService

        return MinutesDocumentsService(self.database, self.meeting_documents, self.annexes)

    @LazyService
    def minutes_approval(self) -> MinutesApprovalService:
        from expertenrat.services.minutes_approval import MinutesApprovalService
        from expertenrat.services.minutes_pdfs import render_minutes

        return MinutesApprovalService(self.database, self.actor, render_minutes)

    @LazyService
    def minutes_objections(self) -> MinutesObjectionsService:
        from expertenrat.services.minutes_objections import MinutesObjectionsService

        return MinutesObjectionsService(self.database, self.actor)

    @LazyService
    def annexes(self) -> AnnexesService:
        from expertenrat.services.annexes import AnnexesService

        return AnnexesService(self.database, self.actor)
