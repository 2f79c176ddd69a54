"""A meeting's documents: the invitation, the chair's run sheet and the sign-in sheet (PDF),
the calendar (.ics: :mod:`services.meeting_calendar`).

The service reads the meetings' documents (:mod:`services.meeting_document_rows`: the
council's letterhead, zone and notice period, the agenda in order with the time plan,
presenters, linked projects and the members recused per item, for the run sheet also the
attendance) and hands out finished bytes (see :mod:`expertenrat.services`). It also records
the day the invitation went out (:mod:`services.invitation_sent`), which moves a planned
meeting to "eingeladen".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.invitation_due import late_notice_warning
from expertenrat.domain.invitation_letters import Recipient, addressed_to
from expertenrat.domain.invitation_mail_draft import InvitationMail
from expertenrat.domain.mail_addresses import looks_like_email, mailbox
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.meeting_numbers import meeting_file_stem
from expertenrat.domain.public_invitation import public_invitation
from expertenrat.domain.wording import listed
from expertenrat.services.annexes import annex_contents
from expertenrat.services.approved_letterhead import approved_letterhead
from expertenrat.services.attendance_list_rows import attendance_list_of
from expertenrat.services.attendance_rows import meeting_memberships
from expertenrat.services.invitation_sent import InvitationSent, mark_invitation_sent
from expertenrat.services.meeting_calendar import as_invited, members_calendar, public_calendar
from expertenrat.services.meeting_document_rows import document_meeting, meeting_documents_of
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.run_sheet_facts import run_sheet_facts
from expertenrat.services.unit_of_work import fetch, reading
from expertenrat.store import models
from expertenrat.store.database import Database


class MeetingDocumentsService:
    def __init__(self, database: Database, actor: str, meetings: MeetingsService) -> None:
        self._db = database
        self._actor = actor
        self._meetings = meetings  # whose state change moves a meeting to "eingeladen"

    def document(
        self, meeting_id: int, *, today: date | None = None, run_sheet_notes: bool = False
    ) -> MeetingDocument:
        """The meeting as its documents show it, dated the day the invitation went out
        (or ``today`` while it has not); with ``run_sheet_notes`` the notes column of the
        run sheet is filled (only then is the attendance read). Once its minutes are
        approved, headed by the council as they name it (:mod:`services.approved_letterhead`:
        a council renamed since named the old way in the minutes, the new in the
        invitation beside them in the Sitzungsmappe, found by a tester)."""
        with reading(self._db) as session:
            meetings = [document_meeting(session, meeting_id)]
            notes = run_sheet_notes
            doc = meeting_documents_of(session, meetings, today, run_sheet_notes=notes)[0]
            kept = approved_letterhead(session, meeting_id)
        return replace(doc, letterhead=kept) if kept is not None else doc

    def invitation_pdf(
        self, meeting_id: int, *, today: date | None = None, public: bool = False
    ) -> RenderedPdf:
        """The invitation (a cancellation letter for a cancelled meeting) as a PDF;
        ``public``: the public invitation (:func:`domain.public_invitation.public_invitation`)."""
        from expertenrat.reports.invitation_pdf import render_invitation  # reportlab: on demand

        doc = self.document(meeting_id, today=today)
        return render_invitation(public_invitation(doc) if public else doc)

    def invitation_letters_pdf(self, meeting_id: int, *, today: date | None = None) -> RenderedPdf:
        """The invitation as a mail merge: one letter per member active on the meeting's
        day (by name), each addressed to the member; ``records`` counts the letters."""
        from expertenrat.reports.invitation_letters_pdf import render_invitation_letters

        with reading(self._db) as session:
            meeting = document_meeting(session, meeting_id)
            doc = meeting_documents_of(session, [meeting], today)[0]
            recipients = [_recipient(m.person) for m in meeting_memberships(session, meeting)]
        if not recipients:
            raise ExpertenratError(
                f"Am {doc.start:%d.%m.%Y} gehört dem Gremium kein Mitglied an – "
                "es gibt niemanden, an den die Einladungen gehen könnten."
            )
        return render_invitation_letters([(r.full_name, addressed_to(doc, r)) for r in recipients])

    def invitation_mail(
        self, meeting_id: int, *, today: date | None = None, only: Collection[int] = ()
    ) -> InvitationMail:
        """The invitation (a cancellation for a cancelled meeting) as an e-mail draft to
        the members active on the meeting's day who have an e-mail address, with the
        invitation PDF, the calendar file (a planned meeting's entry already as the
        invitation makes it: confirmed, with the next SEQUENCE) and the annexes attached
        (all of them: the members may see the non-public ones). ``only``: to these
        memberships alone (the invitation sent on to members it did not reach)."""
        from expertenrat.exchange.invitation_mail import annex_attachments, invitation_eml
        from expertenrat.reports.invitation_pdf import render_invitation

        with reading(self._db) as session:
            meeting = document_meeting(session, meeting_id)
            doc = meeting_documents_of(session, [meeting], today)[0]
            persons = [
                m.person for m in meeting_memberships(session, meeting) if not only or m.id in only
            ]
            stem = meeting_file_stem(meeting.number, MeetingKind(meeting.kind), doc.start.date())
            planned = meeting.state == MeetingState.PLANNED.value
            annexes = [] if doc.cancelled else annex_contents(session, meeting_id)
        to = [
            mailbox(_full_name(p), p.email.strip())
            for p in persons
            if looks_like_email(p.email.strip())
        ]
        without = tuple(_full_name(p) for p in persons if not looks_like_email(p.email.strip()))
        if only and not persons:
            raise ExpertenratError(
                f"Am {doc.start:%d.%m.%Y} gehört keines der gewählten Mitglieder dem Gremium "
                "an – es gibt niemanden, dem die Einladung nachzusenden wäre."
            )
        if only and not to:
            raise ExpertenratError(
                f"{listed(without)} {'hat' if len(without) == 1 else 'haben'} keine "
                "E-Mail-Adresse – bitte senden Sie die Einladung per Post."
            )
        if not to:
            raise ExpertenratError(
                f"Am {doc.start:%d.%m.%Y} hat kein Mitglied des Gremiums eine E-Mail-Adresse "
                "– es gibt niemanden, an den die E-Mail gehen könnte. Versenden Sie die "
                "Einladung als Brief („Serienbrief …“)."
            )
        rendered = render_invitation(doc)
        what = "Absage" if doc.cancelled else "Einladung"
        entry = as_invited(doc) if planned else doc
        attached = annex_attachments(annexes)
        eml = invitation_eml(
            doc, to, rendered.pdf, members_calendar([entry], None), f"{what} {stem}", attached
        )
        return InvitationMail(
            eml.eml,
            f"{what} {stem}.eml",
            len(to),
            without,
            (*rendered.warnings, *attached.warnings),
            not_sent_yet=planned,
            sent_on_to=bool(only),
            annexes_left_out=eml.annexes_left_out,
        )

    def run_sheet_pdf(self, meeting_id: int, *, today: date | None = None) -> RenderedPdf:
        """The chair's internal run sheet as a PDF; a cancelled meeting has none (its
        members get the cancellation letter, :meth:`invitation_pdf`)."""
        from expertenrat.reports.run_sheet_pdf import render_run_sheet

        doc = self.document(meeting_id, today=today, run_sheet_notes=True)
        if doc.cancelled:
            raise ExpertenratError(
                "Die Sitzung ist abgesagt: für eine abgesagte Sitzung gibt es keinen Ablaufplan."
            )
        with reading(self._db) as session:
            meeting = document_meeting(session, meeting_id)
            doc, forecast = run_sheet_facts(session, meeting, doc, today)
        return render_run_sheet(doc, forecast)

    def attendance_list_pdf(self, meeting_id: int, *, today: date | None = None) -> RenderedPdf:
        """The sign-in sheet (Anwesenheitsliste) as a PDF, ``records``: the members on it;
        a cancelled meeting has none (no one comes to sign)."""
        from expertenrat.reports.attendance_list_pdf import render_attendance_list

        with reading(self._db) as session:
            meeting = document_meeting(session, meeting_id)
            doc = meeting_documents_of(session, [meeting], today)[0]
            if doc.cancelled:
                raise ExpertenratError(
                    "Die Sitzung ist abgesagt: für eine abgesagte Sitzung gibt es keine "
                    "Anwesenheitsliste."
                )
            listed = attendance_list_of(session, meeting, doc)
        return render_attendance_list(listed)

    def ics_for_meetings(
        self, meeting_ids: Sequence[int], *, stamp: datetime | None = None
    ) -> bytes:
        """One calendar file with an event per meeting, in the order of their start; public
        (:func:`~expertenrat.services.meeting_calendar.public_calendar`)."""
        with reading(self._db) as session:
            rows = [document_meeting(session, meeting_id) for meeting_id in meeting_ids]
            return public_calendar(meeting_documents_of(session, rows, None), stamp)

    def ics_for_council(self, council_id: int, *, stamp: datetime | None = None) -> bytes:
        """Every meeting of the council (cancelled ones as cancelled) as one calendar file;
        public (:func:`~expertenrat.services.meeting_calendar.public_calendar`)."""
        with reading(self._db) as session:
            fetch(session, models.Council, council_id, "Das Gremium")
            rows = list(session.scalars(_live().where(models.Meeting.council_id == council_id)))
            return public_calendar(meeting_documents_of(session, rows, None), stamp)

    def meeting_id(self, council_id: int, number: int) -> int:
        """The id of the council's meeting with the running ``number`` ("5. Sitzung")."""
        with reading(self._db) as session:
            found = session.scalar(
                _live()
                .where(models.Meeting.council_id == council_id, models.Meeting.number == number)
                .with_only_columns(models.Meeting.id)
            )
            if found is not None:
                return found
            known = list(
                session.scalars(
                    _live()
                    .where(models.Meeting.council_id == council_id)
                    .with_only_columns(models.Meeting.number)
                )
            )
        numbers = sorted(n for n in known if n is not None)  # None: cancelled unannounced
        if not numbers:  # "Vorhanden: keine." (found by a tester)
            raise NotFoundError(
                f"Eine {number}. Sitzung gibt es nicht: Das Gremium hat noch keine Sitzungen."
            )
        listed = ", ".join(str(n) for n in numbers)
        raise NotFoundError(
            f"Eine {number}. Sitzung gibt es in diesem Gremium nicht. Vorhanden: {listed}."
        )

    def record_invitation_sent(
        self, meeting_id: int, version: int, sent_on: date, *, today: date | None = None
    ) -> InvitationSent:
        """Record the day the invitation went out (a planned meeting becomes "eingeladen",
        an invited one gets the day corrected: :func:`services.invitation_sent.
        mark_invitation_sent`); the result warns when the invitation went out later than
        the notice period allows. A day after the meeting or after ``today`` (default: the
        council's today) is refused."""
        version = mark_invitation_sent(
            self._db, self._actor, self._meetings, meeting_id, version, sent_on, today
        )
        late = late_notice_warning(self.document(meeting_id))
        return InvitationSent(meeting_id, version, sent_on, (late,) if late else ())


def _live():
    """Meetings not deleted, in the order of their start."""
    return (
        select(models.Meeting)
        .where(models.Meeting.deleted_at.is_(None))
        .order_by(models.Meeting.starts_at, models.Meeting.number)
    )


def _full_name(person: models.Person) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p.strip())


def _recipient(person: models.Person) -> Recipient:
    return Recipient(
        given_name=person.given_name,
        family_name=person.family_name,
        form_of_address=person.form_of_address,
        title=person.title,
        postal_address=person.postal_address,
    )
