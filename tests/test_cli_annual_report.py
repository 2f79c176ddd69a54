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
        "--out", str(target),
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
