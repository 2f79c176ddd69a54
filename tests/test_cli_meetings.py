"""The command line for meetings: the list, the invitation or run sheet PDF, the .ics file."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from datetime import date, timedelta
from email import message_from_bytes
from email.policy import default as email_default
from pathlib import Path

import pytest
from cli_runs import run_main as run
from icalendar import Calendar
from pypdf import PdfReader

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import MeetingState
from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

DEMO_TODAY = date(2026, 11, 27)


@pytest.fixture
def database(demo_file) -> str:
    return str(demo_file)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_meetings_lists_one_line_per_meeting_in_order(capsys, database):
    code, out, err = run(capsys, "--database", database, "meetings", "--council", "1")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 9
    # in order of the days: the Klausur, numbered after the invited 7. Sitzung, before it
    assert [line.split(".")[0].strip() for line in lines] == [
        str(n) for n in (1, 2, 3, 4, 5, 6, 8, 7, 9)
    ]
    assert lines[0].startswith("  1. Sitzung  ") and "durchgeführt" in lines[0]
    assert "Protokoll: genehmigt" in lines[0]
    assert "eingeladen" in lines[7] and lines[7].endswith("Protokoll: –")
    assert "geplant" in lines[6]


def test_meetings_of_an_unknown_council_is_a_german_error(capsys, database):
    code, out, err = run(capsys, "--database", database, "meetings", "--council", "9")

    assert (code, out) == (1, "")
    assert err.startswith("expertenrat: Fehler: Ein Gremium Nr. 9 gibt es nicht.")


def test_export_invitation_and_run_sheet_write_the_pdfs(capsys, database, tmp_path):
    invitation, run_sheet = tmp_path / "einladung.pdf", tmp_path / "ablauf.pdf"

    code, out, _ = run(
        capsys, "--database", database, "export", "invitation", "--meeting", "7",
        "--out", str(invitation),
    )  # fmt: skip
    assert code == 0 and out.startswith("Einladung zur 7. Sitzung mit ")
    text = pdf_text(invitation)
    assert "Einladung zur 7. Sitzung" in text and "Tagesordnung TOP Gegenstand" in text
    assert "Öffentlicher Teil" not in text  # the 7. Sitzung has no non-public part

    code, out, _ = run(
        capsys, "--database", database, "export", "invitation", "--meeting", "7",
        "--run-sheet", "--out", str(run_sheet),
    )  # fmt: skip
    assert code == 0 and out.startswith("Ablaufplan der 7. Sitzung mit ")
    assert "Intern – nur für die Sitzungsleitung" in pdf_text(run_sheet)
    # Keywords as the minutes carry them, for an archive's search (found by a tester)
    assert PdfReader(str(invitation)).metadata["/Keywords"] == (
        "Einladung, Tagesordnung, 7. Sitzung, Smart City Expert*innenrat"
    )
    assert PdfReader(str(run_sheet)).metadata["/Keywords"] == (
        "Ablaufplan, intern, 7. Sitzung, Smart City Expert*innenrat"
    )


def test_export_invitation_per_member_writes_one_letter_each(
    capsys, database, tmp_path, usual_umask
):
    letters = tmp_path / "einladungen.pdf"

    code, out, _ = run(
        capsys, "--database", database, "export", "invitation", "--meeting", "7",
        "--per-member", "--out", str(letters),
    )  # fmt: skip

    reader = PdfReader(io.BytesIO(letters.read_bytes()))
    names = [item.title for item in reader.outline]
    assert (
        code == 0 and out.strip() == f"Einladungen zur 7. Sitzung je Mitglied (9 Briefe): {letters}"
    )
    assert len(names) == len(set(names)) == 9
    # Dated as every other document (an archive files it by that; found by a tester)
    assert reader.metadata.creation_date is not None and reader.metadata.modification_date
    for item in reader.outline:  # each letter starts with its own addressee
        first_page = reader.pages[reader.get_destination_page_number(item)]
        assert item.title in " ".join(first_page.extract_text().split())
    # (found by a tester) every member's postal address, as the internal roster: the
    # user's alone, not readable by every login of the PC
    assert os.name != "posix" or letters.stat().st_mode & 0o077 == 0


def test_export_invitation_of_an_unknown_meeting_writes_nothing(capsys, database, tmp_path):
    target = tmp_path / "einladung.pdf"

    code, out, err = run(
        capsys, "--database", database, "export", "invitation", "--meeting", "42",
        "--out", str(target), "--council", "1",
    )  # fmt: skip

    assert (code, out) == (1, "")
    assert err == (
        "expertenrat: Fehler: Eine 42. Sitzung gibt es in diesem Gremium nicht. "
        "Vorhanden: 1, 2, 3, 4, 5, 6, 7, 8, 9.\n"
    )
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("expertenrat.db")] == []


def test_export_attendance_list_writes_the_sign_in_sheet_but_not_of_a_cancelled_meeting(
    capsys, database, tmp_path
):
    """(found by a tester) There was no sign-in sheet to lay out at the door."""
    target = tmp_path / "anwesenheit.pdf"

    code, out, _ = run(capsys, "--database", database, "export", "attendance-list",
                       "--meeting", "7", "--out", str(target))  # fmt: skip

    assert (code, out.strip()) == (
        0,
        f"Anwesenheitsliste der 7. Sitzung mit 9 Mitgliedern: {target}",
    )
    text = pdf_text(target)
    assert "Anwesenheitsliste: 7. Sitzung" in text and "Unterschrift" in text
    assert "Weitere Teilnehmende" in text
    code, out, err = run(capsys, "--database", database, "export", "attendance-list",
                         "--meeting", "42", "--out", str(tmp_path / "x.pdf"),
                         "--council", "1")  # fmt: skip
    assert (code, out) == (1, "")
    assert err.startswith("expertenrat: Fehler: Eine 42. Sitzung gibt es in diesem Gremium nicht.")
    db = open_database(database_url(database))
    try:
        services = Services.create(db, "tester")
        seventh = services.meeting_documents.meeting_id(services.settings.councils()[0].id, 7)
        version = services.meetings.get(seventh).version
        services.meetings.change_state(seventh, version, MeetingState.CANCELLED, "Krankheit")
    finally:
        db.close()
    target.unlink()

    code, out, err = run(capsys, "--database", database, "export", "attendance-list",
                         "--meeting", "7", "--out", str(target), "--council", "1")  # fmt: skip

    assert (code, out) == (1, "")
    assert err == (
        "expertenrat: Fehler: Die 7. Sitzung ist abgesagt: für sie gibt es keine "
        "Anwesenheitsliste.\n"
    )
    assert not target.exists() and not (tmp_path / "x.pdf").exists()


def test_a_meeting_of_a_council_without_meetings_is_refused_in_words(capsys, tmp_path):
    """A new council's "Eine 1. Sitzung gibt es in diesem Gremium nicht. Vorhanden: keine."
    (found by a tester)."""
    database = str(tmp_path / "wismar.db")
    settings = Path(__file__).resolve().parents[1] / "resources/demo/luebeck_settings.json"
    assert run(capsys, "--database", database, "import", "settings", str(settings), "--new")[0] == 0

    code, out, err = run(
        capsys, "--database", database, "export", "minutes", "--meeting", "1",
        "--out", str(tmp_path / "protokoll.pdf"),
    )  # fmt: skip

    assert (code, out) == (1, "")
    assert err == (
        "expertenrat: Fehler: Eine 1. Sitzung gibt es nicht: Das Gremium hat noch keine "
        "Sitzungen.\n"
    )


def test_export_ics_of_all_meetings_and_of_one(capsys, database, tmp_path):
    everything, one, again = tmp_path / "alle.ics", tmp_path / "eine.ics", tmp_path / "neu.ics"

    code, out, _ = run(capsys, "--database", database, "export", "ics", "--all",
                       "--out", str(everything))  # fmt: skip
    assert (code, out.strip()) == (0, f"Kalenderdatei mit 9 Sitzungen: {everything}")
    events = list(Calendar.from_ical(everything.read_bytes()).walk("VEVENT"))
    assert len(events) == 9
    assert b"DTSTART;TZID=Europe/Berlin:" in everything.read_bytes()
    # (found by a tester) A file of all meetings goes on the website: no non-public title.
    descriptions = [str(e["description"]) for e in events]
    assert not any("nichtöffentlich" in d for d in descriptions)
    assert any(d.endswith("\nNichtöffentlicher Teil") for d in descriptions)

    for target in (one, again):
        code, out, _ = run(capsys, "--database", database, "export", "ics", "--meeting", "7",
                           "--out", str(target))  # fmt: skip
        assert code == 0 and "1 Sitzung:" in out
    (first,) = Calendar.from_ical(one.read_bytes()).walk("VEVENT")
    (second,) = Calendar.from_ical(again.read_bytes()).walk("VEVENT")
    assert str(first["uid"]) == str(second["uid"]) == str(events[7]["uid"])  # by day


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "x.ics"], "eine dieser Angaben fehlt: --meeting oder --all"),
        (["--all", "--meeting", "2", "--out", "x.ics"], "nicht zusammen mit --all möglich"),
        (["--meeting", "0", "--out", "x.ics"], "muss mindestens 1 sein"),
        (["--meeting", "99", "--out", "x.ics"], "Eine 99. Sitzung gibt es in diesem Gremium"),
    ],
)
def test_export_ics_refuses_bad_arguments_in_german(capsys, database, tmp_path, args, message):
    try:
        arguments = [str(tmp_path / a) if a == "x.ics" else a for a in args]
        code, _, err = run(capsys, "--database", database, "export", "ics", *arguments)
    except SystemExit as exit_:  # argparse stops on its own
        code, err = exit_.code, capsys.readouterr().err

    assert code == 1 and message in err
    assert not (tmp_path / "x.ics").exists()


def test_export_ics_of_a_database_without_a_council_writes_nothing(capsys, tmp_path):
    database = str(tmp_path / "leer.db")
    open_database(database_url(database)).close()
    code, _, err = run(capsys, "--database", database, "export", "ics", "--all",
                       "--out", str(tmp_path / "x.ics"))  # fmt: skip

    assert code == 1 and "noch kein Gremium" in err
    assert not (tmp_path / "x.ics").exists()


def test_meetings_names_a_klausur_by_its_title(capsys, database):
    """(found by a tester) The list called the Klausur just "8. Sitzung"."""
    code, out, _ = run(capsys, "--database", database, "meetings")

    assert code == 0
    assert out.splitlines()[6].endswith("Protokoll: –  Klausur: Datenstrategie 2030")


def test_export_invitation_of_a_cancelled_meeting_says_it_wrote_the_cancellation(
    capsys, database, tmp_path
):
    """(found by a tester) The line said "Einladung zur 7. Sitzung mit 9
    Tagesordnungspunkten" for the cancellation letter."""
    db = open_database(database_url(database))
    try:
        services = Services.create(db, "tester")
        council = services.settings.councils()[0].id
        seventh = services.meeting_documents.meeting_id(council, 7)
        meeting = services.meetings.get(seventh)
        services.meetings.change_state(
            seventh, meeting.version, MeetingState.CANCELLED, "Zu wenige Zusagen"
        )
    finally:
        db.close()
    letter, letters = tmp_path / "absage.pdf", tmp_path / "absagen.pdf"

    code, out, _ = run(capsys, "--database", database, "export", "invitation", "--meeting", "7",
                       "--out", str(letter))  # fmt: skip
    assert (code, out.strip()) == (0, f"Absage der 7. Sitzung: {letter}")
    assert "Absage der 7. Sitzung" in pdf_text(letter)
    code, out, _ = run(capsys, "--database", database, "export", "invitation", "--meeting", "7",
                       "--per-member", "--out", str(letters))  # fmt: skip
    assert (code, out.strip()) == (0, f"Absagen der 7. Sitzung je Mitglied (9 Briefe): {letters}")
    run_sheet = tmp_path / "ablauf.pdf"
    code, out, err = run(capsys, "--database", database, "export", "invitation", "--meeting", "7",
                         "--run-sheet", "--out", str(run_sheet), "--council", "1")  # fmt: skip
    # (found by a tester) A run sheet of the cancelled meeting was written.
    assert (code, out) == (1, "")
    assert err.startswith(
        "expertenrat: Fehler: Die 7. Sitzung ist abgesagt: für sie gibt es keinen Ablaufplan. "
        "Die Absage an die Mitglieder schreibt „expertenrat export invitation“ ohne --run-sheet."
    )
    assert not run_sheet.exists()


@pytest.mark.parametrize(
    ("command", "name", "ending"),
    [
        (("invitation",), "einladung.txt", ".pdf"),
        (("invitation", "--run-sheet"), "ablauf", ".pdf"),
        (("minutes",), "protokoll.docx", ".pdf"),
        (("dossier",), "mappe.ics", ".pdf"),
        (("ics",), "termin.pdf", ".ics"),
        (("invitation-mail",), "einladung.pdf", ".eml"),
    ],
)
def test_a_file_name_with_another_ending_is_refused(
    capsys, database, tmp_path, command, name, ending
):
    """(found by a tester) "--out einladung.txt" wrote a PDF a double-click opens in the
    text editor, "export ics --out termin.pdf" a calendar file named as a PDF."""
    target = tmp_path / name
    code, out, err = run(capsys, "--database", database, "export", command[0], "--meeting",
                         "6", *command[1:], "--out", str(target))  # fmt: skip

    assert (code, out) == (1, "")  # argparse stops on its own
    assert f"der Dateiname muss auf {ending} enden" in err
    assert not target.exists()
    code, _, _ = run(capsys, "--database", database, "export", command[0], "--meeting", "6",
                     *command[1:], "--out", str(tmp_path / f"Datei{ending.upper()}"))  # fmt: skip
    assert code == 0


def test_export_invitation_after_a_move_says_it_wrote_the_changed_invitation(
    capsys, database, tmp_path
):
    """(found by a tester) The letter said "Geänderte Einladung", the line "Einladung"."""
    db = open_database(database_url(database))
    try:
        services = Services.create(db, "tester")
        seventh = services.meeting_documents.meeting_id(services.settings.councils()[0].id, 7)
        meeting = services.meetings.get(seventh)
        later = replace(meeting.draft(), start=meeting.starts_at + timedelta(days=1),
                        end=meeting.ends_at + timedelta(days=1))  # fmt: skip
        services.meetings.update(seventh, meeting.version, later)
    finally:
        db.close()
    letter, letters = tmp_path / "einladung.pdf", tmp_path / "einladungen.pdf"

    code, out, _ = run(capsys, "--database", database, "export", "invitation", "--meeting", "7",
                       "--out", str(letter))  # fmt: skip
    assert code == 0 and out.startswith("Geänderte Einladung zur 7. Sitzung mit ")
    assert "Geänderte Einladung zur 7. Sitzung" in pdf_text(letter)
    code, out, _ = run(capsys, "--database", database, "export", "invitation", "--meeting", "7",
                       "--per-member", "--out", str(letters))  # fmt: skip
    assert code == 0 and out.startswith("Geänderte Einladungen zur 7. Sitzung je Mitglied")


def test_export_invitation_after_an_agenda_change_names_the_changed_agenda(
    capsys, database, tmp_path
):
    """A letter re-sent after an agenda change said nothing of it (or, after a move,
    only "Zeit oder Ort haben sich geändert"): letter, letters, e-mail and the lines say
    "Geänderte Tagesordnung"."""
    db = open_database(database_url(database))
    try:
        services = Services.create(db, "tester")
        seventh = services.meeting_documents.meeting_id(services.settings.councils()[0].id, 7)
        assert services.meetings.get(seventh).state is MeetingState.INVITED
        services.agenda.add(seventh, AgendaItem(0, "Radverkehrskonzept Innenstadt"))
    finally:
        db.close()
    letter, letters, mail = (tmp_path / n for n in ("e.pdf", "je.pdf", "e.eml"))

    code, out, _ = run(capsys, "--database", database, "export", "invitation", "--meeting", "7",
                       "--out", str(letter))  # fmt: skip
    assert code == 0 and out.startswith("Geänderte Tagesordnung zur 7. Sitzung mit ")
    text = pdf_text(letter)
    assert "Geänderte Tagesordnung zur 7. Sitzung" in text
    assert "Die Tagesordnung hat sich geändert." in text and "Zeit oder Ort" not in text
    assert "Radverkehrskonzept Innenstadt" in text
    code, out, _ = run(capsys, "--database", database, "export", "invitation", "--meeting", "7",
                       "--per-member", "--out", str(letters))  # fmt: skip
    assert code == 0 and out.startswith("Geänderte Tagesordnungen zur 7. Sitzung je Mitglied")
    assert "Die Tagesordnung hat sich geändert." in pdf_text(letters)
    # Its title says what the letters are, as the line does (found by a tester)
    assert PdfReader(str(letters)).metadata.title == "Geänderte Tagesordnungen zur 7. Sitzung"
    code, out, _ = run(capsys, "--database", database, "export", "invitation-mail",
                       "--meeting", "7", "--out", str(mail))  # fmt: skip
    assert code == 0
    message = message_from_bytes(mail.read_bytes(), policy=email_default)
    assert message["Subject"].startswith(
        "Smart City Expert*innenrat: Geänderte Tagesordnung zur 7. Sitzung"
    )
    body = " ".join(message.get_body(("plain",)).get_content().split())
    assert "Die Tagesordnung hat sich geändert." in body


def test_export_invitation_mail_writes_a_draft_with_pdf_and_calendar(
    capsys, database, tmp_path, usual_umask
):
    target = tmp_path / "einladung.eml"

    code, out, _ = run(capsys, "--database", database, "export", "invitation-mail",
                       "--meeting", "7", "--out", str(target))  # fmt: skip

    assert code == 0 and out.startswith("E-Mail-Entwurf zur 7. Sitzung an ")
    message = message_from_bytes(target.read_bytes(), policy=email_default)
    assert message["Subject"].startswith("Smart City Expert*innenrat: Einladung zur 7. Sitzung")
    assert message["X-Unsent"] == "1" and "@" in message["Bcc"]
    names = [p.get_filename() for p in message.iter_attachments()]
    assert [Path(n).suffix for n in names] == [".pdf", ".ics"]
    # (found by a tester) its Bcc holds every member's e-mail address, as the members file
    # does: the user's alone, not readable by every login of the PC
    assert os.name != "posix" or target.stat().st_mode & 0o077 == 0


def test_a_klausur_is_named_by_its_kind_in_the_command_lines(capsys, database, tmp_path):
    """(found by a tester) "Einladung zur 8. Sitzung mit 6 Tagesordnungspunkten" for the
    demo's Klausur, whose letter and warning say "8. Sitzung – Klausur: Datenstrategie
    2030"."""
    _, listing, _ = run(capsys, "--database", database, "meetings")
    (line,) = [line for line in listing.splitlines() if "Klausur" in line]
    number = line.split(".")[0].strip()

    code, out, _ = run(capsys, "--database", database, "export", "invitation", "--meeting",
                       number, "--out", str(tmp_path / "k.pdf"))  # fmt: skip

    assert code == 0
    assert out.startswith(f"Einladung zur {number}. Sitzung – Klausur: Datenstrategie 2030 mit ")
