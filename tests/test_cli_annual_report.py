"""``expertenrat export annual-report``: the file written for a year with data and for one
without, a bad or future year and an unknown council refused with exit code 1."""

from __future__ import annotations

import io

import pytest
from cli_runs import run_main as run
from pypdf import PdfReader


@pytest.mark.parametrize("year", ["2025", "2019"])
def test_the_report_is_written(capsys, demo_file, tmp_path, year):
    target = tmp_path / "Bericht.pdf"

    code, out, err = run(
        capsys, "--database", str(demo_file), "export", "annual-report", "--year", year,
        "--out", str(target), "--council", "1",
    )  # fmt: skip

    assert (code, err) == (0, "")
    assert out.strip() == f"Tätigkeitsbericht {year}: {target}"
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    printed = " ".join(page.extract_text() for page in reader.pages)
    assert f"Tätigkeitsbericht {year}" in printed
    if year == "2019":
        assert "Keine Sitzungen im Jahr 2019." in printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "zwanzig"], "„zwanzig“ ist keine Jahreszahl"),
        (["--year", "1850"], "zwischen 1900 und 2100"),
        (["--year", "2100"], "hat noch nicht begonnen"),
        (["--year", "2025", "--council", "99"], "Ein Gremium Nr. 99 gibt es nicht"),
    ],
)
def test_bad_input_exits_1_without_a_file(capsys, demo_file, tmp_path, args, message):
    target = tmp_path / "Bericht.pdf"

    code, out, err = run(
        capsys, "--database", str(demo_file), "export", "annual-report", *args,
        "--out", str(target),
    )  # fmt: skip

    assert code == 1 and out == "" and message in err
    assert not target.exists()


def test_the_archive_package_is_written_and_a_full_folder_replaced_only_with_force(
    capsys, demo_file, tmp_path
):
    target = tmp_path / "Archiv 2026"
    args = ["--database", str(demo_file), "export", "archive", "--year", "2026"]

    code, out, err = run(capsys, *args, "--out", str(target))

    assert code == 0 and out.startswith("Archivpaket 2026: 20 Dateien (") and str(target) in out
    assert "Das Protokoll der 5. Sitzung ist noch nicht genehmigt" in err  # circulated only
    assert (target / "LIESMICH.txt").is_file() and (target / "SHA256SUMS.txt").is_file()
    code, out, err = run(capsys, *args, "--out", str(target))
    assert code == 1 and "ist nicht leer" in err and "Mit --force wird er ersetzt." in err
    code, out, err = run(capsys, *args, "--out", str(target), "--force")
    assert code == 0, err
