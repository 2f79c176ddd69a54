"""export roster --stand: the roster of any day, such as the first day of the next
Berufungsperiode before it begins (found by a tester: only today's members could be listed)."""

from __future__ import annotations

import sqlite3
from datetime import date

from cli_runs import run_main
from pdf_reading import text


def _term_of(database: str, family_name: str) -> tuple[date, date]:
    with sqlite3.connect(database) as connection:
        start, end = connection.execute(
            "SELECT m.term_start, m.term_end FROM memberships m JOIN persons p"
            " ON p.id = m.person_id WHERE p.family_name = ?",
            (family_name,),
        ).fetchone()
    connection.close()
    return date.fromisoformat(start), date.fromisoformat(end)


def test_the_roster_of_a_day_given_lists_the_members_of_that_day(capsys, demo_file, tmp_path):
    database = str(demo_file)
    start, end = _term_of(database, "Abendroth")  # a former member: not on today's roster
    day = start + (end - start) / 2
    today_file, then_file = tmp_path / "heute.pdf", tmp_path / "damals.pdf"
    export = ("--database", database, "export", "roster", "--council", "1", "--out")

    code, out, err = run_main(capsys, *export, str(today_file))
    assert code == 0, err
    code, out, err = run_main(capsys, *export, str(then_file), "--stand", f"{day:%d.%m.%y}")

    assert code == 0, err
    assert out.startswith(f"Interne Mitgliederliste zum {day:%d.%m.%Y} mit "), out
    then = text(then_file.read_bytes())
    assert "Abendroth" in then and f"Stand: {day:%d.%m.%Y}" in then
    assert "Abendroth" not in text(today_file.read_bytes())


def test_a_day_that_is_none_is_refused_in_german_with_exit_code_1(capsys, demo_file, tmp_path):
    target = tmp_path / "liste.pdf"
    export = ("--database", str(demo_file), "export", "roster", "--out", str(target))

    code, out, err = run_main(capsys, *export, "--stand", "31.02.2027")
    assert code == 1 and out == "" and "„31.02.2027“ ist kein Datum (TT.MM.JJJJ)" in err
    code, out, err = run_main(capsys, *export, "--stand", "3/1/2027")
    assert code == 1 and "„3/1/2027“ ist kein eindeutiges Datum" in err
    assert not target.exists()
