"""Where ``--out`` points: a path that names a folder where a command writes a file, and a
file where a command writes into a folder, are refused with one German line, nothing
written."""

from __future__ import annotations

import os

import pytest
from cli_runs import run_main as run


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (("dossier", "--meeting", "6"), "mappe.pdf"),
        (("ics", "--meeting", "6"), "termin.ics"),
        (("members",), "mitglieder.csv"),
        (("recommendations",), "register.xlsx"),
        (("backup",), "sicherung.zip"),
    ],
    ids=lambda value: value[0] if isinstance(value, tuple) else value,
)
@pytest.mark.parametrize("end", [os.sep, f"{os.sep}."])
def test_a_file_target_ending_in_a_separator_is_refused(capsys, tmp_path, command, name, end):
    """ "--out mappe.pdf/" names a folder; the command wrote the file "mappe.pdf"."""
    target = f"{tmp_path / name}{end}"
    args = ("export", *command) if command[0] != "backup" else command
    code, out, err = run(capsys, "--database", str(tmp_path / "x.db"), *args, "--out", target)

    assert (code, out) == (1, "")  # refused before the database is opened
    assert f"„{target}“ nennt einen Ordner, keine Datei" in err
    assert "bitte geben Sie den Namen der Zieldatei an" in err
    assert ("meint einen Ordner" in err) == (end == os.sep)
    assert list(tmp_path.iterdir()) == []


def test_reminders_into_a_file_say_that_out_names_a_folder(capsys, demo_file, tmp_path):
    """The message asked for "einen vorhandenen Ordner", though the command makes one."""
    target = tmp_path / "erinnerungen.pdf"
    target.write_bytes(b"%PDF")

    code, out, err = run(capsys, "--database", str(demo_file), "export", "reminders",
                         "--out", str(target), "--council", "1")  # fmt: skip

    assert (code, out) == (1, "")
    assert err.strip() == (
        f"expertenrat: Fehler: „{target}“ ist eine Datei, kein Ordner. Die Erinnerungen "
        "werden in einen Ordner geschrieben: bitte wählen Sie einen Ordner."
    )
    assert target.read_bytes() == b"%PDF"


@pytest.mark.parametrize(
    "command",
    [("export", "opendata", "--out", 'D:\\Web Daten" --force'),
     ("backup", "--out", 'D:\\Sicherungen" --force')],
    ids=["folder", "file"],
)  # fmt: skip
def test_a_backslash_before_the_closing_quotation_mark_is_explained(capsys, tmp_path, command):
    """(found by a tester) cmd.exe hands --out "D:\\Web Daten\\" --force over as one
    argument, 'D:\\Web Daten" --force': a name Windows refuses, and --force lost unsaid."""
    code, out, err = run(capsys, "--database", str(tmp_path / "x.db"), *command)

    assert (code, out) == (1, "")
    assert "Fehler: Angabe --out: „D:\\" in err
    assert 'Bitte ohne \\ am Ende angeben, etwa "D:\\Daten" statt "D:\\Daten\\"' in err
    assert list(tmp_path.iterdir()) == []


def test_a_drive_s_root_before_the_closing_quotation_mark_is_explained(capsys, tmp_path):
    """(found by review) cmd.exe hands --out "E:\\" --force (a USB stick's root) over as
    'E:" --force': the one backslash went, and with it the check for it."""
    args = ("--database", str(tmp_path / "x.db"), "backup", "--out", 'E:" --force')
    code, out, err = run(capsys, *args)

    assert (code, out) == (1, "")
    assert 'Fehler: Angabe --out: „E:" --force“ enthält ein Anführungszeichen' in err
    assert "ein ganzes Laufwerk ohne Anführungszeichen, etwa E:\\" in err
    assert list(tmp_path.iterdir()) == []
