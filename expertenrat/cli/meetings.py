"""Meetings on the command line: the list, and per meeting the invitation (or run sheet,
or one letter per member), the sign-in sheet, the minutes and the dossier as PDF, the
invitation as an e-mail draft (.eml), and the .ics calendar file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from expertenrat.cli.councils import chosen_council, council_option
from expertenrat.cli.support import (
    UserError,
    positive,
    print_note,
    target_file,
    write_document,
    write_pdf,
)
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_numbers import meeting_noun
from expertenrat.domain.meetings import list_label, meeting_topic
from expertenrat.domain.wording import with_counted
from expertenrat.services.files import write_file

if TYPE_CHECKING:
    from expertenrat.services.context import Services


def add_listing(commands: argparse._SubParsersAction) -> None:
    meetings = commands.add_parser(
        "meetings", help="Sitzungen auflisten: Nummer, Datum, Status, Protokoll"
    )
    council_option(meetings)
    meetings.set_defaults(handler=_meetings, opening="read")


def add_exports(exports: argparse._SubParsersAction) -> None:
    invitation = _meeting_pdf_command(
        exports,
        "invitation",
        "Einladung zu einer Sitzung (oder den Ablaufplan) als PDF",
        _export_invitation,
    )
    which_letter = invitation.add_mutually_exclusive_group()
    which_letter.add_argument(
        "--run-sheet",
        action="store_true",
        help="den internen Ablaufplan für die Sitzungsleitung statt der Einladung",
    )
    which_letter.add_argument(
        "--per-member",
        action="store_true",
        help="je Mitglied ein an sie oder ihn adressierter Brief (Serienbrief, eine Datei)",
    )
    _meeting_pdf_command(
        exports,
        "attendance-list",
        "Anwesenheitsliste einer Sitzung zum Unterschreiben als PDF (Mitglieder, Gäste, "
        "freie Zeilen)",
        _export_attendance_list,
    )
    mail = exports.add_parser(
        "invitation-mail",
        help="Einladung (oder Absage) als E-Mail-Entwurf (.eml) an die Mitglieder, "
        "mit der Einladung als PDF und der Kalenderdatei im Anhang",
    )
    _meeting_option(mail, required=True)
    mail.add_argument(
        "--out", required=True, type=target_file(".eml"), metavar="DATEI.eml", help="Zieldatei"
    )
    council_option(mail)
    mail.set_defaults(handler=_export_invitation_mail, opening="read")
    _add_calendar_export(exports)
    minutes = _meeting_pdf_command(
        exports,
        "minutes",
        "Protokoll einer durchgeführten Sitzung als PDF (genehmigt: die gespeicherte Datei)",
        _export_minutes,
    )
    minutes.add_argument(
        "--public",
        action="store_true",
        help="öffentliche Fassung (ohne nichtöffentliche Tagesordnungspunkte)",
    )
    dossier = _meeting_pdf_command(
        exports,
        "dossier",
        "Sitzungsmappe: Deckblatt, Einladung, Protokoll und Anlagen in einer PDF-Datei",
        _export_dossier,
    )
    dossier.add_argument(
        "--public",
        action="store_true",
        help="öffentliche Sitzungsmappe: öffentliche Einladung, öffentliches Protokoll und "
        "nur die öffentlichen Anlagen",
    )


def _add_calendar_export(exports: argparse._SubParsersAction) -> None:
    ics = exports.add_parser("ics", help="Sitzungen als Kalenderdatei (.ics)")
    which = ics.add_mutually_exclusive_group(required=True)
    _meeting_option(which, required=False)
    which.add_argument("--all", action="store_true", help="alle Sitzungen des Gremiums")
    ics.add_argument(
        "--out", required=True, type=target_file(".ics"), metavar="DATEI.ics", help="Zieldatei"
    )
    council_option(ics)
    ics.set_defaults(handler=_export_ics, opening="read")


def _meeting_pdf_command(
    exports: argparse._SubParsersAction,
    name: str,
    help_text: str,
    handler: Callable[[Services, argparse.Namespace], str],
) -> argparse.ArgumentParser:
    """An ``export`` command that writes a PDF of one meeting: --meeting, --out, --council."""
    parser = exports.add_parser(name, help=help_text)
    _meeting_option(parser, required=True)
    parser.add_argument(
        "--out", required=True, type=target_file(".pdf"), metavar="DATEI.pdf", help="Zieldatei"
    )
    council_option(parser)
    parser.set_defaults(handler=handler, opening="read")
    return parser


def _meeting_option(parser: argparse._ActionsContainer, *, required: bool) -> None:
    parser.add_argument(
        "--meeting",
        type=positive,
        required=required,
        metavar="N",
        help="laufende Nummer der Sitzung im Gremium („5“ für die 5. Sitzung)",
    )


def _meetings(services: Services, args: argparse.Namespace) -> str:
    lines = services.meetings.list(chosen_council(services, args))
    if not lines:
        print_note("Das Gremium hat noch keine Sitzungen.")
        return ""
    return "\n".join(
        f"{f'{m.number}.' if m.number else '–':>4} {meeting_noun(m.number, m.kind)}  "
        f"{m.starts_at:%d.%m.%Y %H:%M}  "
        f"{m.state.label:<12}  Protokoll: {m.minutes_text or '–'}"
        + (f"  {topic}" if (topic := meeting_topic(m.kind, m.title)) else "")
        for m in lines
    )


def _export_invitation(services: Services, args: argparse.Namespace) -> str:
    documents = services.meeting_documents
    meeting_id = documents.meeting_id(chosen_council(services, args), args.meeting)
    meeting = services.meetings.get(meeting_id)
    name = list_label(meeting.number, meeting.kind, meeting.title)
    cancelled = meeting.state is MeetingState.CANCELLED
    if args.run_sheet and cancelled:
        raise UserError(
            f"Die {name} ist abgesagt: für sie gibt es keinen Ablaufplan. Die Absage an die "
            "Mitglieder schreibt „expertenrat export invitation“ ohne --run-sheet."
        )
    if args.run_sheet:
        rendered, what = documents.run_sheet_pdf(meeting_id), "Ablaufplan der"
    elif args.per_member:
        rendered = documents.invitation_letters_pdf(meeting_id)
        path = args.out
        write_pdf(path, rendered, private=True)  # every member's postal address
        letters = "1 Brief" if rendered.records == 1 else f"{rendered.records} Briefe"
        what = "Absagen der" if cancelled else f"{meeting.letter_name(plural=True)} zur"
        return f"{what} {name} je Mitglied ({letters}): {path}"
    else:
        rendered = documents.invitation_pdf(meeting_id)
        what = f"{meeting.letter_name()} zur"  # a changed one names what changed
    path = args.out
    write_pdf(path, rendered)
    if cancelled:  # the letter says it does not take place
        return f"Absage der {name}: {path}"
    items = with_counted(
        rendered.records, "Tagesordnungspunkt", "Tagesordnungspunkten", "Tagesordnungspunkte"
    )
    return f"{what} {name} {items}: {path}"


def _export_attendance_list(services: Services, args: argparse.Namespace) -> str:
    meeting_id = services.meeting_documents.meeting_id(chosen_council(services, args), args.meeting)
    name = _name(services, meeting_id)
    if services.meetings.get(meeting_id).state is MeetingState.CANCELLED:
        raise UserError(f"Die {name} ist abgesagt: für sie gibt es keine Anwesenheitsliste.")
    rendered = services.meeting_documents.attendance_list_pdf(meeting_id)
    write_pdf(args.out, rendered)
    members = with_counted(rendered.records, "Mitglied", "Mitgliedern", "Mitglieder")
    return f"Anwesenheitsliste der {name} {members}: {args.out}"


def _export_invitation_mail(services: Services, args: argparse.Namespace) -> str:
    documents = services.meeting_documents
    meeting_id = documents.meeting_id(chosen_council(services, args), args.meeting)
    mail = documents.invitation_mail(meeting_id)
    write_document(args.out, mail.eml, mail.notes, private=True)  # the members' addresses
    members = "1 Mitglied" if mail.recipients == 1 else f"{mail.recipients} Mitglieder"
    return f"E-Mail-Entwurf zur {_name(services, meeting_id)} an {members}: {args.out}"


def _export_minutes(services: Services, args: argparse.Namespace) -> str:
    """Approved minutes: the stored PDF byte for byte; otherwise a fresh draft. The line
    names the minutes' state as the "Genehmigung" tab does (draft, circulated, approved)."""
    meeting_id = services.meeting_documents.meeting_id(chosen_council(services, args), args.meeting)
    result = services.minutes_documents.minutes(meeting_id, public=args.public)
    path = args.out
    write_pdf(path, result.rendered)
    kind = "Öffentliches Protokoll" if args.public else "Protokoll"
    state = services.minutes_approval.status(meeting_id).summary()
    if result.approved:
        state += f", SHA-256 {result.sha256}"
    return f"{kind} der {_name(services, meeting_id)} ({state}): {path}"


def _export_dossier(services: Services, args: argparse.Namespace) -> str:
    meeting_id = services.meeting_documents.meeting_id(chosen_council(services, args), args.meeting)
    rendered = services.minutes_documents.dossier_pdf(meeting_id, public=args.public)
    path = args.out
    write_pdf(path, rendered)
    annexes = rendered.records  # a damaged one too: in as a page saying so, warned of
    if annexes == 1:
        count = "1 öffentliche Anlage" if args.public else "1 Anlage"
    elif annexes:
        count = f"{annexes} öffentliche Anlagen" if args.public else f"{annexes} Anlagen"
    else:  # as the cover: never "0 Anlagen"
        count = "keine öffentlichen Anlagen" if args.public else "keine Anlagen"
    meeting = services.meetings.get(meeting_id)
    name = list_label(meeting.number, meeting.kind, meeting.title)
    what = "Öffentliche Sitzungsmappe" if args.public else "Sitzungsmappe"
    if meeting.state is not MeetingState.HELD:  # before: cover, invitation, annexes
        return (
            f"{what} der {name} vor der Sitzung (Deckblatt, Einladung "
            f"mit Tagesordnung, {count}): {path}"
        )
    protocol = "öffentliches Protokoll" if args.public else "Protokoll"
    return f"{what} der {name} (Deckblatt, Einladung, {protocol}, {count}): {path}"


def _name(services: Services, meeting_id: int) -> str:
    """ "7. Sitzung", a Klausur "8. Sitzung – Klausur: Datenstrategie 2030", as lists name it."""
    meeting = services.meetings.get(meeting_id)
    return list_label(meeting.number, meeting.kind, meeting.title)


def _export_ics(services: Services, args: argparse.Namespace) -> str:
    documents = services.meeting_documents
    council_id = chosen_council(services, args)
    if args.all:
        count = len(services.meetings.list(council_id))
        if not count:
            raise UserError("Das Gremium hat noch keine Sitzungen; es wurde nichts geschrieben.")
        data = documents.ics_for_council(council_id)
    else:
        count = 1
        data = documents.ics_for_meetings([documents.meeting_id(council_id, args.meeting)])
    path = args.out
    write_file(path, data)
    return f"Kalenderdatei {with_counted(count, 'Sitzung', 'Sitzungen', 'Sitzungen')}: {path}"
