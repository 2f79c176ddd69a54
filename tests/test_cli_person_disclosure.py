"""`persons` and `export person`: the Auskunft nach Art. 15 DSGVO on the command line, on
both backends; bad input is one German line and exit code 1."""

from __future__ import annotations

import re
import subprocess

import pytest
from cli_runs import run_script as run
from pdf_reading import text

from expertenrat.services.audit_reading import AuditService


def _failed(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert message in result.stderr


def test_persons_names_the_number_and_export_person_writes_the_auskunft(demo_database, tmp_path):
    database = demo_database.url.render_as_string(hide_password=False)
    listed = run("--database", database, "persons")
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if "Lindqvist" in line)
    person_id = int(line.split()[0])
    assert "(Smart City Expert*innenrat: Vorsitz" in line
    target = tmp_path / "Auskunft Lindqvist.pdf"

    made = run(
        "--database", database, "export", "person", "--id", str(person_id), "--out", str(target)
    )

    assert made.returncode == 0, made.stderr
    assert re.fullmatch(
        rf"Auskunft nach Art\. 15 DSGVO über Person Nr\. {person_id} \(\d+ Einträge\): "
        rf"{re.escape(str(target))}\n",
        made.stdout,
    )
    written = text(target.read_bytes())
    assert f"über Prof. Dr. Katharina Lindqvist (Personennummer {person_id})" in written
    assert "Nennungen in Protokollen" in written
    (noted,) = AuditService(demo_database).entries("disclosure")  # (found by a tester)
    assert noted.summary == "Auskunft (Art. 15) erstellt über Prof. Dr. Katharina Lindqvist"


def test_an_unknown_person_or_a_path_that_cannot_be_written_is_a_german_message(
    demo_database, tmp_path
):
    database = demo_database.url.render_as_string(hide_password=False)
    target = tmp_path / "auskunft.pdf"

    unknown = run("--database", database, "export", "person", "--id", "4711", "--out", str(target))

    _failed(unknown, "Fehler: Eine Person mit der Nummer 4711 gibt es in dieser Datenbank nicht")
    assert "„expertenrat persons“" in unknown.stderr
    assert not target.exists()
    blocker = tmp_path / "eine Datei"
    blocker.write_text("kein Ordner")
    unwritable = run(
        "--database", database, "export", "person", "--id", "1", "--out", str(blocker / "a.pdf")
    )
    _failed(unwritable, f"„{blocker / 'a.pdf'}“ kann nicht geschrieben werden")
    for wrong, said in (
        (("--id", "0"), "--id: muss mindestens 1 sein"),
        (("--id", "x"), "ist keine ganze Zahl"),
    ):
        bad = run("--database", database, "export", "person", *wrong, "--out", str(target))
        _failed(bad, said)
    assert AuditService(demo_database).entries("disclosure") == []  # none was written


def test_export_guest_writes_a_guest_s_auskunft_and_refuses_a_name_no_guest_bears(
    demo_database, tmp_path
):
    """(found by a tester) a guest of meetings, who has no person number, had no Auskunft."""
    database = demo_database.url.render_as_string(hide_password=False)
    target = tmp_path / "Auskunft Steffens.pdf"

    made = run(
        "--database", database, "export", "guest", "--name", "Merle Steffens", "--out", str(target)
    )

    assert made.returncode == 0, made.stderr
    assert re.fullmatch(
        r"Auskunft nach Art\. 15 DSGVO über den Gast „Merle Steffens“ \(\d+ Einträge\): "
        rf"{re.escape(str(target))}\n",
        made.stdout,
    )
    written = " ".join(text(target.read_bytes()).split())
    assert "über Dr. Merle Steffens (Gast)" in written
    assert "Teilnahme an Sitzungen als Gast" in written
    (noted,) = AuditService(demo_database).entries("disclosure")
    assert noted.summary == "Auskunft (Art. 15) erstellt über den Gast Merle Steffens"
    unknown = run(
        "--database",
        database,
        "export",
        "guest",
        "--name",
        "Niemand",
        "--out",
        str(tmp_path / "n.pdf"),
    )
    _failed(unknown, "Fehler: Einen Gast „Niemand“ nennt keine Sitzung und kein Projekt")
    assert not (tmp_path / "n.pdf").exists()


@pytest.mark.parametrize("name", ["", "  "])
def test_export_guest_asks_for_a_name_where_none_is_given(name, capsys, tmp_path):
    """(found by a tester) An empty name (a script's unset variable) was searched for and
    said "Einen Gast „“ nennt keine Sitzung"."""
    from expertenrat.cli import build_parser

    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(
            ["export", "guest", "--name", name, "--out", str(tmp_path / "a.pdf")]
        )

    assert exit_.value.code == 1
    assert "Angabe --name: ist leer; bitte den Namen des Gastes angeben" in capsys.readouterr().err
