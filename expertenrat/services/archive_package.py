"""The Archivpaket of a council's year (:mod:`expertenrat.domain.archive_package`): every
document the Stadtarchiv takes over, made by the services that make them one by one, in
one folder with a checksum list and a LIESMICH.txt.

Approved minutes go in as stored at the approval (a stored PDF that no longer matches
its SHA-256 refuses the whole package, as the export of the minutes alone does), beside
the approved content whose SHA-256 they print; annexes go in as stored, one damaged in
the database with a warning (its SHA-256 in the list is that of the bytes written).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat import __version__
from expertenrat.domain.annual_report import check_year
from expertenrat.domain.archive_package import (
    CHECKSUMS,
    README,
    ArchivedMeeting,
    apart,
    checksums,
    readme,
    year_files,
)
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendations_report import REPORTED
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.annual_report import AnnualReportService
from expertenrat.services.folder_writing import WrittenFolder, check_folder, write_folder
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_assembly import approval_stamp, latest_version
from expertenrat.services.minutes_documents import MinutesDocumentsService
from expertenrat.services.pdf_fonts import unembedded_fonts
from expertenrat.services.recommendations_report import RecommendationsReportService
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models
from expertenrat.store.database import Database


class ArchivePackageService:
    def __init__(
        self,
        database: Database,
        meetings: MeetingsService,
        meeting_documents: MeetingDocumentsService,
        minutes_documents: MinutesDocumentsService,
        annexes: AnnexesService,
        recommendations_report: RecommendationsReportService,
        annual_report: AnnualReportService,
    ) -> None:
        self._db = database
        self._meetings = meetings
        self._meeting_documents = meeting_documents
        self._minutes_documents = minutes_documents
        self._annexes = annexes
        self._report = recommendations_report
        self._annual_report = annual_report

    def files(
        self,
        council_id: int,
        year: int,
        *,
        today: date | None = None,
        progress: Progress = no_progress,
    ) -> tuple[dict[str, bytes], tuple[str, ...]]:
        """The package's files (path in the folder → bytes) and the warnings of making them;
        ``progress`` hears of each meeting and of the yearly documents, and may stop it."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            council = session.get(models.Council, council_id)
            name = council.name if council is not None else ""
        check_year(year, day)  # a year to come: refused before any work
        summaries = self._meetings.list(council_id, year=year, today=day)
        files: dict[str, bytes] = {}
        warnings: list[str] = []
        steps = len(summaries) + 1
        if not summaries:  # a year typed wrong, or the council's first
            warnings.append(
                f"Im Jahr {year} hatte das Gremium keine Sitzung; das Paket enthält nur das "
                "Empfehlungsregister und den Tätigkeitsbericht."
            )
        archived = list(apart(self._archived(summary.id) for summary in summaries))
        for done, summary in enumerate(summaries):
            progress(done, steps)
            said, archived[done] = self._meeting_files(summary.id, archived[done], day, files)
            warnings += said
        progress(len(summaries), steps)
        warnings += self._year_files(council_id, year, day, files)
        files[README] = readme(name, year, day, tuple(archived), __version__)
        files[CHECKSUMS] = checksums(files)
        progress(steps, steps)
        return files, tuple(dict.fromkeys(warnings))

    def export(
        self,
        folder: Path,
        council_id: int,
        year: int,
        *,
        force: bool = False,
        today: date | None = None,
        progress: Progress = no_progress,
    ) -> WrittenFolder:
        """Write the package into ``folder`` (one not empty is replaced only with ``force``,
        and only if it holds an earlier package: its LIESMICH.txt), refused before any work."""
        check_folder(folder, force=force, mark=README)
        files, warnings = self.files(council_id, year, today=today, progress=progress)
        return replace(write_folder(folder, files, force=force, mark=README), warnings=warnings)

    def _archived(self, meeting_id: int) -> ArchivedMeeting:
        meeting = self._meetings.get(meeting_id)
        with reading(self._db) as session:
            version = latest_version(session, meeting_id)  # its PDFs stay in the database
            stamp = approval_stamp(session, version) if version is not None else None
            content, remade = "", False
            if version is not None and stamp is not None:
                content, remade = version.content, _without_stored_pdfs(session, version.id)
        held = meeting.state is MeetingState.HELD
        return ArchivedMeeting(
            number=meeting.number,
            kind=meeting.kind,
            starts_at=meeting.starts_at,
            state=meeting.state,
            approved_on=stamp.approved_on if stamp else None,
            approved_in=stamp.approved_in if stamp else "",
            annexes=self._annexes.annexes(meeting_id) if held else (),
            invitation_sent_on=meeting.invitation_sent_on,
            minutes_remade=remade,
            approved_content=content,
        )

    def _meeting_files(
        self, meeting_id: int, meeting: ArchivedMeeting, day: date, files: dict[str, bytes]
    ) -> tuple[list[str], ArchivedMeeting]:
        """Put the meeting's files into ``files``; its warnings, and the meeting as the
        LIESMICH names it (with the numbers of its damaged annexes)."""
        if meeting.state not in (MeetingState.HELD, MeetingState.CANCELLED):
            return [], meeting
        invitation = self._meeting_documents.invitation_pdf(meeting_id, today=day)
        files[meeting.invitation()] = invitation.pdf
        warnings = list(invitation.warnings)
        if meeting.state is MeetingState.HELD and meeting.invitation_sent_on is None:
            warnings.append(
                f"Für die {meeting.name} ist kein Versand der Einladung erfasst; die "
                f"Einladung im Paket ist auf den {day:%d.%m.%Y} datiert."
            )
        if meeting.state is MeetingState.CANCELLED:
            return warnings, meeting
        damaged, without_fonts = [], []
        for annex, data in self._annexes.contents(meeting_id):
            if data is None or hashlib.sha256(data).hexdigest() != annex.sha256:
                damaged.append(annex.number)
                warnings.append(
                    f"{annex.label} der {meeting.name} stimmt nicht mehr mit ihrer "
                    "gespeicherten Prüfsumme überein; sie ist so im Paket, wie sie gespeichert "
                    "ist. Bitte prüfen Sie sie („expertenrat check“)."
                )
            elif fonts := unembedded_fonts(data):
                without_fonts.append(annex.number)
                warnings.append(
                    f"Anlage {annex.number} der {meeting.name} hat nicht alle Schriften "
                    f"eingebettet ({', '.join(fonts)}); sie ist so im Paket, wie sie "
                    "aufgenommen wurde."
                )
            files[meeting.annex(annex)] = data or b""
        meeting = replace(meeting, damaged=tuple(damaged), without_fonts=tuple(without_fonts))
        if not meeting.approved:
            return [
                *warnings,
                f"Das Protokoll der {meeting.name} ist noch nicht genehmigt; es fehlt im Paket "
                "(mit der Sitzungsmappe).",
            ], meeting
        for public in (False, True):
            minutes = self._minutes_documents.minutes(meeting_id, public=public)
            files[meeting.minutes(public=public)] = minutes.rendered.pdf
            warnings += minutes.rendered.warnings  # a member named who may not be
        if meeting.minutes_remade:
            warnings.append(
                f"Das Protokoll der {meeting.name} wurde genehmigt, bevor Expertenrat die "
                "genehmigten PDF-Dateien speicherte; die Dateien im Paket sind heute neu "
                "erstellt, mit dem Genehmigungsvermerk."
            )
        files[meeting.content()] = meeting.approved_content.encode("utf-8")
        dossier = self._minutes_documents.dossier_pdf(meeting_id, today=day)
        files[meeting.dossier()] = dossier.pdf
        return [*warnings, *dossier.warnings], meeting

    def _year_files(
        self, council_id: int, year: int, day: date, files: dict[str, bytes]
    ) -> list[str]:
        from expertenrat.exchange.recommendations_register import register_csv  # openpyxl

        register, table, report = year_files(year)
        chosen = RecommendationFilter(statuses=REPORTED, year=year)
        rendered = self._report.report_pdf(council_id, chosen, day)
        files[register] = rendered.pdf
        files[table] = register_csv(self._report.register_lines(council_id, chosen, day))
        annual = self._annual_report.report_pdf(council_id, year, day)
        files[report] = annual.pdf
        return [*rendered.warnings, *annual.warnings]


def _without_stored_pdfs(session: Session, version_id: int) -> bool:
    """Whether the approved version lacks a stored PDF (approved before Expertenrat kept
    them: the package's are made anew), asked of the database without reading the bytes."""
    version = models.MinutesVersion
    return bool(
        session.scalar(
            select(version.pdf.is_(None) | version.public_pdf.is_(None)).where(
                version.id == version_id
            )
        )
    )
