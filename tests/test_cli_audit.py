"""export audit: the Änderungsprotokoll on the command line, as the window's "Exportieren …"."""

from __future__ import annotations

import codecs
import os

from cli_runs import run_main

from expertenrat.exchange.audit_csv import HEADER


def test_export_audit_writes_the_councils_trail_for_the_owner_alone(capsys, demo_file, tmp_path):
    target = tmp_path / "Änderungsprotokoll.csv"

    code, out, err = run_main(
        capsys,
        "--database",
        str(demo_file),
        "export",
        "audit",
        "--council",
        "1",
        "--out",
        str(target),
    )

    assert code == 0, err
    assert out.strip() == f"Änderungsprotokoll als CSV-Datei: {target}"
    lines = target.read_bytes().removeprefix(codecs.BOM_UTF8).decode("utf-8").splitlines()
    assert lines[0] == ";".join(HEADER) and len(lines) > 100  # the demo's entries
    assert os.name != "posix" or target.stat().st_mode & 0o077 == 0


def test_export_audit_takes_the_period_and_the_workbook_by_its_ending(capsys, demo_file, tmp_path):
    target = tmp_path / "protokoll.XLSX"
    period = ("--from", "01.01.2000", "--to", "31.12.2000")

    code, out, err = run_main(
        capsys, "--database", str(demo_file), "export", "audit", "--council", "1", *period,
        "--out", str(target),
    )  # fmt: skip

    assert code == 0, err
    assert out.strip() == (
        f"Änderungsprotokoll vom 01.01.2000 bis 31.12.2000 als Excel-Arbeitsmappe: {target}"
    )
    assert "Hinweis: Keine Einträge in dieser Auswahl" in err
    assert target.read_bytes().startswith(b"PK\x03\x04")


def test_export_audit_refuses_a_period_backwards_and_an_unknown_ending(capsys, demo_file, tmp_path):
    database = ("--database", str(demo_file), "export", "audit", "--council", "1")

    code, out, err = run_main(
        capsys,
        *database,
        "--from",
        "2.1.26",
        "--to",
        "01.01.2026",
        "--out",
        str(tmp_path / "a.csv"),
    )
    assert code == 1 and out == "" and not (tmp_path / "a.csv").exists()
    assert "--from 02.01.2026 liegt nach --to 01.01.2026" in err

    code, out, err = run_main(capsys, *database, "--out", str(tmp_path / "a.txt"))
    assert code == 1 and ".xlsx (Excel-Arbeitsmappe) und .csv" in err
    assert not (tmp_path / "a.txt").exists()

    code, out, err = run_main(capsys, *database, "--from", "31.02.2026", "--out", "a.csv")
    assert code == 1 and "„31.02.2026“ ist kein Datum (TT.MM.JJJJ)" in err

    # (found by review) as an Excel set to English writes it: 3 January or 1 March
    code, out, err = run_main(capsys, *database, "--from", "3/1/2026", "--out", "a.csv")
    assert code == 1 and "„3/1/2026“ ist kein eindeutiges Datum" in err
    assert "Bitte geben Sie es als TT.MM.JJJJ an, 03.01.2026 oder 01.03.2026." in err
