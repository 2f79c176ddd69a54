"""Reminders: what is overdue or due within 14 days per project, the letter (read back from
the PDF) and the e-mail draft (parsed back), on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from email import message_from_bytes
from email.policy import default

import pytest
from pypdf import PdfReader

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.services.files import FileWriteError
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendation_reminders import (
    RecommendationRemindersService,
    ReminderNotSavedError,
    RemindersExistError,
)
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.services.reminder_files import existing_files
from expertenrat.store.database_opening import open_database

TODAY = date(2026, 6, 1)
HOSTILE = "Daten <&> „Zitat“ 😀"


@pytest.fixture
def setup(database, actor, council, fields):
    """Klimaportal: one overdue, one due in 10 days, one due in 20 days; Datenplattform
    (no contact e-mail): one overdue that also concerns Klimaportal; a draft."""
    projects = ProjectsService(database, actor)
    ids = {}
    for title, email in (("Klimaportal", "kuehn@example.org"), ("Datenplattform", "")):
        ids[title] = projects.create(
            council.id,
            Project(
                None, title, action_field_id=fields["Umwelt"].id, lead_unit="Umweltamt",
                contact_name="Dr. Kühn", contact_email=email,
            ),
        )  # fmt: skip
    register = RecommendationsService(database, actor)

    def sent(title: str, due: date, *names: str) -> str:
        content = RecommendationContent(title, project_ids=tuple(ids[n] for n in names))
        row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
        return register.send(row.id, row.version, date(2026, 3, 3), due).row.code

    codes = {
        "overdue": sent(HOSTILE, date(2026, 5, 1), "Klimaportal"),
        "soon": sent("Bald fällig", date(2026, 6, 11), "Klimaportal"),
        "later": sent("Später fällig", date(2026, 6, 21), "Klimaportal"),
        "both": sent("Beide Projekte", date(2026, 5, 20), "Datenplattform", "Klimaportal"),
    }
    register.create(council.id, RecommendationContent("Entwurf"), date(2026, 3, 2))
    return RecommendationRemindersService(database, register), register, ids, codes


def test_reminders_are_grouped_per_project_and_ordered_by_due_date(setup, council):
    reminders, _register, _ids, codes = setup

    due = reminders.due(council.id, today=TODAY).projects

    assert [r.project.title for r in due] == ["Datenplattform", "Klimaportal"]
    assert [i.code for i in due[0].items] == [codes["both"]]
    assert [i.code for i in due[1].items] == [codes["overdue"], codes["both"], codes["soon"]]
    assert (due[1].overdue, due[1].project.lead_unit) == (2, "Umweltamt")


def test_the_letter_lists_codes_due_dates_and_days_overdue(setup, council):
    reminders, _register, _ids, codes = setup

    documents = {d.project.title: d for d in reminders.documents(council.id, today=TODAY)}

    letter = documents["Klimaportal"]
    assert letter.stem == "Erinnerung-Klimaportal-2026-06-01"
    text = _pdf_text(letter.letter.pdf)
    assert "Erinnerung: ausstehende Stellungnahmen zu Empfehlungen – Klimaportal" in text
    assert "Umweltamt" in text and "Dr. Kühn" in text
    for code in (codes["overdue"], codes["both"], codes["soon"]):
        assert code in text
    assert codes["later"] not in text
    assert "01.05.2026" in text and "31 Tage" in text  # overdue since 01.05.
    assert HOSTILE in text  # hostile text printed literally, the emoji too
    assert letter.letter.records == 3


def test_the_email_draft_is_addressed_to_the_contact_and_carries_the_letter(setup, council):
    reminders, _register, _ids, codes = setup

    documents = {d.project.title: d for d in reminders.documents(council.id, today=TODAY)}

    message = message_from_bytes(documents["Klimaportal"].eml, policy=default)
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Dr. Kühn", "kuehn@example.org")
    assert message["X-Unsent"] == "1"
    assert message["Subject"].endswith("– Klimaportal")
    body = message.get_body(("plain",)).get_content()
    assert f"{codes['overdue']} „{HOSTILE}“ – Frist 01.05.2026, seit 31 Tagen überfällig" in body
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "Erinnerung-Klimaportal-2026-06-01.pdf"
    assert attachment.get_content() == documents["Klimaportal"].letter.pdf
    no_address = message_from_bytes(documents["Datenplattform"].eml, policy=default)
    assert no_address["To"] is None  # the user fills it in


def test_recording_a_reminder_puts_it_into_each_history(setup, council):
    _reminders, register, ids, codes = setup

    recorded = register.record_reminder(ids["Klimaportal"], TODAY)

    assert sorted(recorded) == sorted(
        [codes["overdue"], codes["soon"], codes["later"], codes["both"]]
    )
    rows = {r.code: r for r in register.list(council.id, today=TODAY)}
    last = register.get(rows[codes["soon"]].id).history[-1]
    assert (last.label, last.occurred_on, last.note) == (
        "Erinnerung",
        TODAY,
        "Erinnerung an „Klimaportal“",
    )


def test_the_same_letter_saved_twice_a_day_is_one_reminder_in_the_history(setup, council, tmp_path):
    """Saved again (into another folder, or replacing its files): the project was reminded
    once that day, and the history says so once; a reminder the next day is a new line."""
    reminders, register, ids, codes = setup
    for name in ("Erinnerungen", "Nochmal"):
        (tmp_path / name).mkdir()
        reminders.save(council.id, tmp_path / name, project_ids={ids["Klimaportal"]}, today=TODAY)
    row = {r.code: r for r in register.list(council.id, today=TODAY)}[codes["overdue"]]

    assert [h.label for h in register.get(row.id).history].count("Erinnerung") == 1
    assert codes["overdue"] in register.record_reminder(ids["Klimaportal"], TODAY)
    assert [h.label for h in register.get(row.id).history].count("Erinnerung") == 1
    register.record_reminder(ids["Klimaportal"], date(2026, 6, 2))
    assert [h.label for h in register.get(row.id).history].count("Erinnerung") == 2


def test_saving_writes_both_files_and_records_only_what_the_letter_names(setup, council, tmp_path):
    reminders, register, ids, codes = setup
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()

    (saved,) = reminders.save(council.id, folder, project_ids={ids["Klimaportal"]}, today=TODAY)

    assert [p.name for p in saved.files] == [
        "Erinnerung-Klimaportal-2026-06-01.pdf",
        "Erinnerung-Klimaportal-2026-06-01.eml",
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in saved.files)
    assert codes["overdue"] in _pdf_text(saved.files[0].read_bytes())
    reminded = {
        r.code
        for r in register.list(council.id, today=TODAY)
        if any(h.label == "Erinnerung" for h in register.get(r.id).history)
    }
    assert reminded == {codes["overdue"], codes["soon"], codes["both"]}  # not "later"


def test_existing_files_are_replaced_only_when_asked_and_a_failure_records_nothing(
    setup, council, tmp_path
):
    reminders, register, _ids, _codes = setup
    folder = tmp_path / "Erinnerungen"
    (folder / "Erinnerung-Klimaportal-2026-06-01.eml").mkdir(parents=True)  # not replaceable

    with pytest.raises(RemindersExistError, match=r"Erinnerung-Klimaportal-2026-06-01\.eml"):
        reminders.save(council.id, folder, today=TODAY)
    assert [p.name for p in folder.iterdir()] == ["Erinnerung-Klimaportal-2026-06-01.eml"]
    with pytest.raises(ReminderNotSavedError) as raised:
        reminders.save(council.id, folder, today=TODAY, replace=True)

    assert "„Klimaportal“ wurde nicht gespeichert" in raised.value.message
    assert "vermerkt ist die Erinnerung an „Datenplattform“" in raised.value.message
    assert not (folder / "Erinnerung-Klimaportal-2026-06-01.pdf").exists()
    history = {
        r.code: [h.label for h in register.get(r.id).history]
        for r in register.list(council.id, today=TODAY)
    }
    assert all(history[c].count("Erinnerung") == 0 for c in (_codes["overdue"], _codes["soon"]))
    assert history[_codes["both"]].count("Erinnerung") == 1  # Datenplattform's letter


def test_replacing_a_days_files_is_all_or_nothing_the_earlier_pair_stays(setup, council, tmp_path):
    """(found by a tester) With ``replace``, the letter was replaced before the e-mail
    draft failed: the earlier letter was lost."""
    reminders, _register, _ids, _codes = setup
    folder = tmp_path / "Erinnerungen"
    (folder / "Erinnerung-Klimaportal-2026-06-01.eml").mkdir(parents=True)  # not replaceable
    (folder / "Erinnerung-Klimaportal-2026-06-01.pdf").write_bytes(b"earlier letter")

    with pytest.raises(ReminderNotSavedError, match="„Klimaportal“ wurde nicht gespeichert"):
        reminders.save(council.id, folder, today=TODAY, replace=True)

    assert (folder / "Erinnerung-Klimaportal-2026-06-01.pdf").read_bytes() == b"earlier letter"
    assert sorted(p.name for p in folder.iterdir() if "Klimaportal" in p.name) == [
        "Erinnerung-Klimaportal-2026-06-01.eml",
        "Erinnerung-Klimaportal-2026-06-01.pdf",
    ]  # no copy left behind
    assert not list(folder.glob(".expertenrat-*"))


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_a_history_line_the_database_refuses_puts_the_earlier_files_back(
    setup, council, tmp_path, database
):
    earlier = {
        name: name.encode()
        for name in (
            "Erinnerung-Datenplattform-2026-06-01.pdf",
            "Erinnerung-Datenplattform-2026-06-01.eml",
        )
    }
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()
    for name, data in earlier.items():
        (folder / name).write_bytes(data)
    reader = open_database(database.url, read_only=True)  # stands in for a refusing database
    try:
        reminders = RecommendationRemindersService(reader, RecommendationsService(reader, "x"))
        with pytest.raises(ReminderNotSavedError):
            reminders.save(council.id, folder, today=TODAY, replace=True)
    finally:
        reader.close()

    assert {p.name: p.read_bytes() for p in folder.iterdir()} == earlier


def test_a_file_where_the_folder_should_be_is_named_as_a_file_and_nothing_recorded(
    setup, council, tmp_path
):
    reminders, register, _ids, _codes = setup
    target = tmp_path / "b.zip"
    target.write_bytes(b"PK")

    with pytest.raises(FileWriteError) as refused:
        reminders.save(council.id, target, today=TODAY)

    assert refused.value.message == (
        f"„{target}“ ist eine Datei, kein Ordner. Die Erinnerungen werden in einen Ordner "
        "geschrieben: bitte wählen Sie einen Ordner."
    )
    assert target.read_bytes() == b"PK"
    assert not any(
        h.label == "Erinnerung"
        for r in register.list(council.id, today=TODAY)
        for h in register.get(r.id).history
    )
    with pytest.raises(FileWriteError, match=r"^Den Ordner „.*“ gibt es nicht\.$"):
        reminders.save(council.id, tmp_path / "fehlt", today=TODAY)


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_a_reminder_the_database_refuses_keeps_no_files(setup, council, tmp_path, database):
    reader = open_database(database.url, read_only=True)  # stands in for a refusing database
    try:
        reminders = RecommendationRemindersService(reader, RecommendationsService(reader, "x"))
        with pytest.raises(ReminderNotSavedError) as raised:
            reminders.save(council.id, tmp_path, today=TODAY)
    finally:
        reader.close()

    assert raised.value.message.startswith("Die Erinnerung an „Datenplattform“ wurde nicht")
    assert "Gespeichert und im Verlauf" not in raised.value.message
    assert not list(tmp_path.glob("Erinnerung-*"))


def test_projects_whose_titles_make_the_same_file_name_get_a_file_each(setup, council, tmp_path):
    """(found by a tester) "Klima Portal" and "Klima-Portal" (or two Arabic titles, both
    "Projekt") made the same file name: the second project's letter replaced the first's,
    while the history recorded both reminders. Each project gets its own files, the same
    whichever projects are chosen."""
    reminders, _register, ids, _codes = setup
    projects = ProjectsService(reminders._db, "t")
    for title, new in (("Klimaportal", "Klima Portal"), ("Datenplattform", "Klima-Portal")):
        project = projects.project(ids[title])
        projects.update(replace(project, title=new, contact_email="x@example.org"))
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()

    saved = reminders.save(council.id, folder, today=TODAY)

    names = [p.name for s in saved for p in s.files]
    assert len(set(names)) == 4
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    for reminder in saved:
        assert reminder.project.title in _pdf_text(reminder.files[0].read_bytes())
    # the same names when only one project is saved, so that replacing asks about its own
    again = tmp_path / "wieder"
    again.mkdir()
    (only,) = reminders.save(council.id, again, project_ids={saved[1].project.id}, today=TODAY)
    assert [p.name for p in only.files] == [p.name for p in saved[1].files]
    assert existing_files(folder, [saved[1].project], TODAY, among=[s.project for s in saved]) == [
        p.name for p in saved[1].files
    ]


def test_with_two_councils_the_files_are_named_after_the_council_too(
    setup, council, tmp_path, settings_service
):
    """The Digitalbeirat beside the Expert*innenrat advises a "Klimaportal" of its own: both
    councils' reminders of a day were "Erinnerung-Klimaportal-2026-06-01", the second
    offered to replace the first (found by a tester)."""
    reminders, _register, _ids, _codes = setup
    settings_service.create_council(CouncilSettings(id=None, name="Digitalbeirat", city="Rostock"))
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()

    saved = reminders.save(council.id, folder, today=TODAY)

    stem = "Smart-City-Expert-innenrat-Erinnerung-Klimaportal-2026-06-01"
    assert f"{stem}.pdf" in [p.name for s in saved for p in s.files]
    due = reminders.due(council.id, today=TODAY)
    klimaportal = [r.project for r in due.projects if r.project.title == "Klimaportal"]
    assert existing_files(folder, klimaportal, TODAY, council_label=due.council_label) == [
        f"{stem}.pdf",
        f"{stem}.eml",
    ]
    attachment = next(
        part
        for part in message_from_bytes(
            saved[0].files[1].read_bytes(), policy=default
        ).iter_attachments()
    )
    assert attachment.get_filename().startswith("Smart-City-Expert-innenrat-Erinnerung-")
