"""The command line for the register: one line per recommendation, filters, bad status,
the reminders, and the report and register exports."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cli_runs import run_main as run
from openpyxl import load_workbook
from pypdf import PdfReader

from expertenrat.__main__ import main
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import HistoryKind, ProjectPhase, ResponseVerdict
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.wording import overdue_since
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.services.settings import SettingsService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

HOSTILE = "<b>Daten & „Zitate“</b> 😀"
# Adopted and sent today (a step cannot be dated later), due in 2099: not yet due.
TODAY = datetime.now(ZoneInfo("Europe/Berlin")).date()
LATER = f"E-{TODAY.year}-01"


@pytest.fixture
def database(migrated_file) -> str:
    """A council with an overdue, an answered, a not yet due and a draft recommendation."""
    path = migrated_file
    db = open_database(database_url(str(path)))
    council = SettingsService(db, "Test").create_council(CouncilSettings(None, "Rat", "Rostock"))
    register = RecommendationsService(db, "Test")

    def adopted(title: str, on: date):
        return register.create(council.id, RecommendationContent(title), on, adopted=True).row

    field = SettingsService(db, "Test").action_fields(council.id)[0].id
    project = ProjectsService(db, "Test").create(
        council.id,
        Project(
            None, "Klima & Co", action_field_id=field, lead_unit="Umweltamt",
            contact_email="k@x.de",
        ),
    )  # fmt: skip
    overdue = register.create(
        council.id, RecommendationContent(HOSTILE, project_ids=(project,)), date(2020, 1, 10),
        adopted=True,
    ).row  # fmt: skip
    register.send(overdue.id, overdue.version, date(2020, 1, 31))  # due 31.03.2020
    answered = adopted("Beantwortet", date(2020, 2, 1))
    answered = register.send(answered.id, answered.version, date(2020, 2, 3)).row
    register.record_response(
        answered.id, answered.version, ResponseDraft(date(2020, 3, 1), ResponseVerdict.COMPLIED)
    )
    later = adopted("Noch Zeit", TODAY)
    register.send(later.id, later.version, TODAY, date(2099, 6, 30))
    register.create(council.id, RecommendationContent("Entwurf"), date(2020, 5, 5))
    db.close()
    return str(path)


def test_recommendations_lists_one_line_each_in_code_order(capsys, database):
    before = _today_in_rostock()
    code, out, err = run(capsys, "--database", database, "recommendations")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "E-2020-01",
        "E-2020-02",
        "E-2020-03",
        LATER,
    ]
    overdue = {overdue_since((day - date(2020, 3, 31)).days) for day in _days(before)}
    assert lines[0].startswith("E-2020-01   übermittelt")
    assert "Frist 31.03.2020" in lines[0] and any(days in lines[0] for days in overdue)
    # as the window and the reports say it, not "2439 Tage überfällig"
    assert "Jahren überfällig" in lines[0] and "Tage" not in lines[0]
    assert lines[0].endswith(HOSTILE)  # printed literally
    assert "beantwortet" in lines[1] and "überfällig" not in lines[1]
    assert "Entwurf" in lines[2] and "Frist –" in lines[2]
    assert "Frist 30.06.2099" in lines[3] and "überfällig" not in lines[3]


def test_a_passed_plan_is_overdue_with_the_planned_date(capsys, database):
    db = open_database(database_url(database))
    council = SettingsService(db, "Test").councils()[0]
    register = RecommendationsService(db, "Test")
    planned = register.create(
        council.id, RecommendationContent("Geplant"), date(2020, 2, 10), adopted=True
    ).row
    planned = register.send(planned.id, planned.version, date(2020, 2, 11)).row
    plan = ResponseDraft(
        date(2020, 3, 1), ResponseVerdict.PLANNED, measures_due_on=date(2020, 6, 30)
    )
    register.record_response(planned.id, planned.version, plan)
    db.close()

    before = _today_in_rostock()
    code, out, err = run(capsys, "--database", database, "recommendations", "--overdue")

    assert (code, err) == (0, "")
    response, plan_line = out.splitlines()
    assert "Frist 31.03.2020" in response and "Umsetzung" not in response
    late = {f"Umsetzung {overdue_since((day - date(2020, 6, 30)).days)}" for day in _days(before)}
    assert plan_line.startswith("E-2020-04   beantwortet")
    assert "geplant bis 30.06.2020" in plan_line and any(days in plan_line for days in late)
    # (found by a tester) "Umsetzung 2348 Tage überfällig" is wider than the column was:
    # the title started a column further right than the one above it.
    assert plan_line.index("Geplant") == response.index(HOSTILE)


def _today_in_rostock() -> date:
    return datetime.now(ZoneInfo("Europe/Berlin")).date()


def _days(before: date) -> set[date]:
    """The day the command counted from: ``before`` it ran, or the next if it ran over
    midnight."""
    return {before, _today_in_rostock()}


def test_a_plan_passed_beside_a_response_not_yet_due_says_how_late_the_plan_is(capsys, database):
    """``--overdue`` lists a recommendation whose one project's plan has passed while the
    other's response is not yet due (the register's rule), and its line said nothing
    overdue."""
    plan = ResponseDraft(
        date(2020, 5, 1), ResponseVerdict.PLANNED, measures_due_on=date(2020, 6, 30)
    )
    _answer_one_of_two_projects(database, plan, "klima", due_on=date(2099, 6, 30))

    before = _today_in_rostock()
    code, out, err = run(capsys, "--database", database, "recommendations", "--overdue")

    assert (code, err) == (0, "")
    (line,) = [line for line in out.splitlines() if line.endswith("Beide")]
    late = {f"Umsetzung {overdue_since((day - date(2020, 6, 30)).days)}" for day in _days(before)}
    assert "Frist 30.06.2099" in line and any(days in line for days in late)


@pytest.mark.parametrize("status", ["sent", "übermittelt", "Übermittelt"])
def test_status_filters_by_value_or_german_label(capsys, database, status):
    code, out, _ = run(capsys, "--database", database, "recommendations", "--status", status)

    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["E-2020-01", LATER]


def test_status_given_twice_lists_both_as_the_export_does(capsys, database):
    # found by a tester: the second --status replaced the first without a word
    code, out, _ = run(
        capsys, "--database", database, "recommendations", "--status", "übermittelt",
        "--status", "beantwortet",
    )  # fmt: skip

    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["E-2020-01", "E-2020-02", LATER]


def test_overdue_lists_only_those_past_their_due_date(capsys, database):
    code, out, _ = run(capsys, "--database", database, "recommendations", "--overdue")

    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["E-2020-01"]


def test_nothing_matching_says_so(capsys, database):
    code, out, err = run(capsys, "--database", database, "recommendations", "--status", "withdrawn")

    assert (code, out) == (0, "")
    assert err == "expertenrat: Hinweis: Keine Empfehlungen in dieser Auswahl.\n"


def test_an_unknown_status_is_a_german_error_with_exit_code_1(capsys, database):
    with pytest.raises(SystemExit) as stopped:
        main(["--database", database, "recommendations", "--status", "erledigt"])
    _out, err = capsys.readouterr()

    assert stopped.value.code == 1
    assert "Fehler" in err and "einen Status „erledigt“ gibt es nicht" in err
    assert "übermittelt (sent)" in err


def test_a_missing_database_is_refused_without_creating_it(capsys, tmp_path):
    missing = tmp_path / "fehlt" / "expertenrat.db"

    code, _out, err = run(capsys, "--database", str(missing), "recommendations")

    assert code == 1 and err.startswith("expertenrat: Fehler:")
    assert not Path(missing).parent.exists()


def test_export_reminders_writes_letter_and_draft_per_project_records_them_and_replaces_none(
    capsys, database, tmp_path
):
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()

    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(folder)
    )

    assert (code, err) == (0, "")
    (pdf,) = folder.glob("Erinnerung-Klima-Co-*.pdf")
    eml = pdf.with_suffix(".eml")
    assert eml.exists() and out.startswith("Klima & Co: E-2020-01 → Erinnerung-Klima-Co-")
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "E-2020-01" in text and "31.03.2020" in text and "Umweltamt" in text
    assert b"To: k@x.de" in eml.read_bytes()
    again, _out, refused = run(
        capsys, "--database", database, "export", "reminders", "--out", str(folder),
        "--include-recent",
    )  # fmt: skip
    assert again == 1 and pdf.name in refused and "Mit --force werden sie ersetzt" in refused
    db = open_database(database_url(database))
    try:
        register = RecommendationsService(db, "Test")
        (row,) = [r for r in register.list(1) if r.code == "E-2020-01"]
        kinds = [h.kind for h in register.get(row.id).history]
        assert kinds[-1] is HistoryKind.REMINDER and kinds.count(HistoryKind.REMINDER) == 1
    finally:
        db.close()


def test_export_reminders_names_an_ended_project_and_reminds_it_only_when_asked(
    capsys, database, tmp_path
):
    # Found by a tester: the window no longer preselects a project marked "abgeschlossen",
    # but the command line still wrote it a letter.
    db = open_database(database_url(database))
    council = SettingsService(db, "Test").councils()[0]
    field = SettingsService(db, "Test").action_fields(council.id)[0].id
    ended = ProjectsService(db, "Test").create(
        council.id,
        Project(None, "E-Akte", action_field_id=field, phase=ProjectPhase.COMPLETED),
    )
    register = RecommendationsService(db, "Test")
    content = RecommendationContent("Archiv", project_ids=(ended,))
    row = register.create(council.id, content, date(2020, 4, 1), adopted=True).row
    register.send(row.id, row.version, date(2020, 4, 2))
    db.close()
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()

    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(folder)
    )

    assert code == 0 and out.startswith("Klima & Co: E-2020-01 → ")
    assert "Abgeschlossen" not in out  # a note, not a result: on stderr (found by a helper)
    assert err.startswith(
        "expertenrat: Hinweis: Abgeschlossen, daher ohne Erinnerung (mit --include-ended doch): "
        "E-Akte (E-2020-"
    )
    assert not list(folder.glob("Erinnerung-E-Akte-*"))
    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(folder),
        "--include-ended", "--force",
    )  # fmt: skip
    assert code == 0 and "Abgeschlossen" not in out + err
    assert len(list(folder.glob("Erinnerung-E-Akte-*"))) == 2  # letter and e-mail draft


def test_export_reminders_names_a_project_reminded_in_the_last_14_days_and_reminds_it_if_asked(
    capsys, database, tmp_path
):
    """(found by review) The window no longer preselects a project reminded in the last 14
    days, but the command line, run each week, wrote it a letter every week."""
    args = ("--database", database, "export", "reminders")
    assert run(capsys, *args, "--out", str(tmp_path / "Woche 1"))[0] == 0

    code, out, err = run(capsys, *args, "--out", str(tmp_path / "Woche 2"))

    assert (code, out) == (0, "")  # a note, not a result: on stderr (found by a helper)
    assert err.startswith(
        "expertenrat: Hinweis: In den letzten 14 Tagen erinnert, daher ohne Erinnerung "
        "(mit --include-recent doch): Klima & Co (am "
    )
    assert not (tmp_path / "Woche 2").exists()
    code, out, err = run(capsys, *args, "--out", str(tmp_path / "Woche 2"), "--include-recent")
    assert (code, err) == (0, "") and out.startswith("Klima & Co: E-2020-01 → ")
    assert len(list((tmp_path / "Woche 2").glob("Erinnerung-Klima-Co-*"))) == 2


def test_export_reminders_names_a_due_recommendation_without_project_in_a_note(
    capsys, database, tmp_path
):
    """(found by a helper) The note stood on stdout among the files written."""
    db = open_database(database_url(database))
    try:
        register = RecommendationsService(db, "Test")
        row = register.create(1, RecommendationContent("Offen"), date(2020, 4, 1), adopted=True)
        register.send(row.row.id, row.row.version, date(2020, 4, 2))
    finally:
        db.close()

    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(tmp_path / "E")
    )

    assert code == 0 and out.startswith("Klima & Co: E-2020-01 → ") and "Ohne" not in out
    assert err == f"expertenrat: Hinweis: Ohne Projekt, daher ohne Erinnerung: {row.row.code}\n"


def test_export_reminders_makes_a_missing_folder_as_the_open_data_exports_do(
    capsys, database, tmp_path
):
    # Found by a tester: `export oparl` and `export opendata` make their folder, this
    # command refused one that did not exist yet.
    folder = tmp_path / "Erinnerungen" / "2026"

    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(folder)
    )

    assert (code, err) == (0, "")
    assert out.startswith("Klima & Co: E-2020-01 → ")
    assert len(list(folder.glob("Erinnerung-Klima-Co-*.pdf"))) == 1


def test_export_reminders_with_nothing_due_says_so_also_into_a_missing_folder(
    capsys, migrated_file, tmp_path
):
    """(found by a tester) A new council's first `export reminders` into a folder not made
    yet ended with "Den Ordner „…“ gibt es nicht." (exit 1), not with what is due: nothing."""
    db = open_database(database_url(str(migrated_file)))
    SettingsService(db, "Test").create_council(CouncilSettings(None, "Beirat", "Leipzig"))
    folder = tmp_path / "Erinnerungen"

    code, out, err = run(
        capsys, "--database", str(migrated_file), "export", "reminders", "--out", str(folder)
    )

    assert (code, out) == (0, "")  # a note, not a result: on stderr (found by a helper)
    assert err.startswith(
        "expertenrat: Hinweis: Keine Stellungnahme ist überfällig oder in den nächsten 14 Tagen"
    )


def test_documents_of_a_new_council_say_what_they_are_without(capsys, migrated_file, tmp_path):
    """(found by a tester) "Interne Mitgliederliste mit 0 Mitgliedern", "Bericht (PDF) mit
    0 Empfehlungen" for a council just set up."""
    db = open_database(database_url(str(migrated_file)))
    SettingsService(db, "Test").create_council(CouncilSettings(None, "Beirat", "Leipzig"))
    roster, report = tmp_path / "liste.pdf", tmp_path / "bericht.pdf"
    database = ("--database", str(migrated_file))

    said = [
        run(capsys, *database, "export", "roster", "--out", str(roster)),
        run(capsys, *database, "export", "recommendations", "--out", str(report)),
    ]

    assert said == [
        (0, f"Interne Mitgliederliste ohne Mitglieder: {roster}\n", ""),
        (0, f"Bericht (PDF) ohne Empfehlungen: {report}\n", ""),
    ]


def test_export_reminders_says_why_a_folder_cannot_be_made(capsys, database, tmp_path):
    blocked = tmp_path / "datei"
    blocked.write_text("kein Ordner", encoding="utf-8")

    code, _out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(blocked / "x")
    )

    assert code == 1
    assert f"Der Ordner „{blocked / 'x'}“ lässt sich nicht anlegen" in err
    assert blocked.read_text(encoding="utf-8") == "kein Ordner"


def test_export_reminders_into_a_file_says_it_is_a_file(capsys, database, tmp_path):
    target = tmp_path / "b.zip"
    target.write_bytes(b"PK")

    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(target)
    )

    assert (code, out) == (1, "")
    assert f"„{target}“ ist eine Datei, kein Ordner." in err and "gibt es nicht" not in err
    assert target.read_bytes() == b"PK"


def test_export_report_pdf_leaves_out_drafts(capsys, database, tmp_path):
    out_file = tmp_path / "Bericht.pdf"

    code, out, err = run(
        capsys, "--database", database, "export", "recommendations", "--out", str(out_file)
    )

    assert (code, err) == (0, "")
    assert out == f"Bericht (PDF) mit 3 Empfehlungen: {out_file}\n"
    reader = PdfReader(io.BytesIO(out_file.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "E-2020-01" in text and LATER in text and "Seite 1 von" in text
    assert "E-2020-03" not in text  # the draft
    assert "<b>Daten & „Zitate“</b>" in text
    assert reader.outline[0].title == "Überblick"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_register_by_year_and_status(capsys, database, tmp_path, suffix):
    out_file = tmp_path / f"Register{suffix}"

    code, out, err = run(
        capsys, "--database", database, "export", "recommendations", "--out", str(out_file),
        "--year", "2020", "--status", "übermittelt", "--status", "beantwortet",
    )  # fmt: skip

    assert (code, err) == (0, "")
    assert out.startswith(("CSV-Datei mit 2 Empfehlungen", "Excel-Arbeitsmappe mit 2 Empf"))
    if suffix == ".csv":
        found = out_file.read_bytes().decode("utf-8-sig").splitlines()
        codes = [line.split(";")[0] for line in found[1:]]
    else:
        sheet = load_workbook(out_file).active
        codes = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert codes == ["E-2020-01", "E-2020-02"]


def test_export_only_the_overdue_ones_as_the_listing_does(capsys, database, tmp_path):
    # Found by a tester: the listing and the page filter had "überfällig", the export not.
    register, report = tmp_path / "Register.csv", tmp_path / "Bericht.pdf"

    code, out, err = run(
        capsys, "--database", database, "export", "recommendations", "--out", str(register),
        "--overdue",
    )  # fmt: skip
    assert (code, err) == (0, "") and out.startswith("CSV-Datei mit 1 Empfehlung:")
    found = register.read_bytes().decode("utf-8-sig").splitlines()
    assert [line.split(";")[0] for line in found[1:]] == ["E-2020-01"]

    code, _out, err = run(
        capsys, "--database", database, "export", "recommendations", "--out", str(report),
        "--overdue",
    )  # fmt: skip
    assert (code, err) == (0, "")
    text = " ".join(page.extract_text() for page in PdfReader(report).pages)
    assert "nur überfällige" in text and "E-2020-01" in text and LATER not in text


def _answered_finally(database: str) -> None:
    """E-2020-04, answered finally: the council can close it ("Abschluss möglich"), unlike
    E-2020-02, whose answer is not final."""
    db = open_database(database_url(database))
    council = SettingsService(db, "Test").councils()[0]
    register = RecommendationsService(db, "Test")
    done = register.create(
        council.id, RecommendationContent("Erledigt"), date(2020, 2, 10), adopted=True
    ).row
    done = register.send(done.id, done.version, date(2020, 2, 11)).row
    final = ResponseDraft(date(2020, 3, 2), ResponseVerdict.COMPLIED, final=True)
    register.record_response(done.id, done.version, final)
    db.close()


def test_closable_lists_and_exports_those_the_window_filters_as_abschluss_moeglich(
    capsys, database, tmp_path
):
    # Found by a tester: the window's filter and its export had "Abschluss möglich", the
    # command line not.
    _answered_finally(database)
    report = tmp_path / "Bericht.pdf"

    code, out, err = run(capsys, "--database", database, "recommendations", "--closable")
    assert (code, err) == (0, "")
    assert [line.split()[0] for line in out.splitlines()] == ["E-2020-04"]

    code, out, err = run(
        capsys, "--database", database, "export", "recommendations", "--out", str(report),
        "--closable",
    )  # fmt: skip
    assert (code, err) == (0, "") and out.startswith("Bericht (PDF) mit 1 Empfehlung:")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(report).pages)
    assert "alle Jahre · Abschluss möglich" in text and "Status: beantwortet" not in text
    assert "E-2020-04" in text and "E-2020-02" not in text


@pytest.mark.parametrize("other", [["--status", "beantwortet"], ["--overdue"]])
def test_closable_with_a_status_or_overdue_is_refused_in_german(capsys, database, tmp_path, other):
    out_file = tmp_path / "Register.csv"

    code, out, err = run(
        capsys, "--database", database, "export", "recommendations", "--out", str(out_file),
        "--closable", *other,
    )  # fmt: skip

    assert (code, out) == (1, "")
    assert "--closable ist nicht zusammen mit --status oder --overdue möglich" in err
    assert not out_file.exists()


def test_export_register_with_drafts_when_no_status_is_given(capsys, database, tmp_path):
    out_file = tmp_path / "Register.csv"

    code, out, _ = run(
        capsys, "--database", database, "export", "recommendations", "--out", str(out_file)
    )

    assert code == 0 and out.startswith("CSV-Datei mit 4 Empfehlungen")
    assert "Entwurf" in out_file.read_bytes().decode("utf-8-sig")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "Bericht.txt"], "Die Dateiendung „.txt“ ist unbekannt"),
        (["--out", "Bericht"], "Die Dateiendung „(keine)“ ist unbekannt"),
        (["--out", "x.pdf", "--status", "erledigt"], "einen Status „erledigt“ gibt es nicht"),
        (["--out", "x.pdf", "--year", "zwanzig"], "„zwanzig“ ist keine Jahreszahl"),
        (["--out", "x.pdf", "--year", "1800"], "zwischen 1900 und 2100"),
    ],
)
def test_export_bad_input_is_a_german_error_with_exit_code_1(
    capsys, database, tmp_path, monkeypatch, args, message
):
    work = tmp_path / "Ausgabe"
    work.mkdir()
    monkeypatch.chdir(work)
    try:
        code = main(["--database", database, "export", "recommendations", *args])
    except SystemExit as stopped:
        code = stopped.code
    _out, err = capsys.readouterr()

    assert code == 1 and "Fehler" in err and message in err
    assert list(work.iterdir()) == []  # nothing written


def test_one_of_two_projects_answered_is_listed_as_such_and_only_the_other_reminded(
    capsys, database, tmp_path
):
    answer = ResponseDraft(date(2020, 5, 1), ResponseVerdict.COMPLIED)
    row = _answer_one_of_two_projects(database, answer, "park")
    folder = tmp_path / "Erinnerungen"
    folder.mkdir()

    _code, listed, _err = run(capsys, "--database", database, "recommendations")
    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(folder)
    )

    (line,) = [line for line in listed.splitlines() if line.endswith("Beide")]
    assert "übermittelt (1 von 2 geantwortet)" in line
    assert (code, err) == (0, "")
    assert out.startswith(f"Klima & Co: E-2020-01, {row.code} →")
    assert "Parkhaus" not in out and not list(folder.glob("Erinnerung-Parkhaus-*"))


def _answer_one_of_two_projects(
    database: str, answer: ResponseDraft, answering: str, due_on: date | None = None
) -> RecommendationRow:
    """A recommendation "Beide" to the project "Klima & Co" and a new "Parkhaus", sent
    on 02.04.2020 (response ``due_on``), and ``answer`` from one of them (``answering``:
    "klima" or "park")."""
    db = open_database(database_url(database))
    try:
        field = SettingsService(db, "Test").action_fields(1)[0].id
        projects = ProjectsService(db, "Test")
        klima = next(e.project.id for e in projects.projects(1))
        park = projects.create(1, Project(None, "Parkhaus", action_field_id=field))
        register = RecommendationsService(db, "Test")
        content = RecommendationContent("Beide", project_ids=(klima, park))
        row = register.create(1, content, date(2020, 4, 1), adopted=True).row
        row = register.send(row.id, row.version, date(2020, 4, 2), due_on).row
        answer = replace(answer, project_id=klima if answering == "klima" else park)
        return register.record_response(row.id, row.version, answer).row
    finally:
        db.close()


def test_export_reminders_not_saved_leave_no_folder_made_for_them(
    capsys, database, tmp_path, monkeypatch
):
    """(found by a tester) A full drive: the error, and an empty folder left behind."""
    from expertenrat.services import files

    def full(path, _data) -> None:
        raise files.FileWriteError(f"„{path}“: Der Datenträger ist voll.")

    monkeypatch.setattr(files, "write_file", full)
    folder = tmp_path / "Erinnerungen"

    code, out, err = run(
        capsys, "--database", database, "export", "reminders", "--out", str(folder)
    )

    assert (code, out) == (1, "")
    assert "Der Datenträger ist voll" in err
    assert not folder.exists()
