"""The PyInstaller bundle builds from ``build.spec`` and starts.

Builds the one-folder bundle into a temporary folder (about half a minute), then runs the
frozen program: ``--version``; ``demo`` on a new database, which needs the bundled
migrations and demo data; an Excel export and import (openpyxl); and the window for a few
seconds, which needs Qt's plugins.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from expertenrat import APP_NAME, __version__
from expertenrat.app import QUIT_AFTER_ENV
from expertenrat.store import schema_revisions

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 900  # seconds
GUI_TIMEOUT = 120  # seconds: a bundle unpacks and starts slowly on a busy machine

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install -e .[build])",
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build ``dist/Expertenrat/`` with the environment's PyInstaller; return the program."""
    folder = tmp_path_factory.mktemp("bundle")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    command = [str(pyinstaller)] if pyinstaller.exists() else [sys.executable, "-m", "PyInstaller"]
    result = subprocess.run(
        [
            *command,
            "--noconfirm",
            "--clean",
            str(ROOT / "build.spec"),
            "--distpath",
            str(folder / "dist"),
            "--workpath",
            str(folder / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stderr[-5000:]}"
    suffix = ".exe" if sys.platform == "win32" else ""
    program = folder / "dist" / APP_NAME / f"{APP_NAME}{suffix}"
    assert program.is_file(), f"no {program} after the build"
    return program


def _environment() -> dict[str, str]:
    # conftest points HOME and the XDG folders into tmp: the program's log stays there.
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _run(program: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=_environment(), timeout=120
    )


def test_version(bundle: Path) -> None:
    result = _run(bundle, "--version")

    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip()
        == f"Expertenrat {__version__} (Schemastand {schema_revisions.head_revision()})"
    )


def test_demo_data_on_a_new_database(bundle: Path, tmp_path: Path) -> None:
    database = tmp_path / "x.db"

    result = _run(bundle, "--database", str(database), "demo")

    assert result.returncode == 0, result.stderr
    assert "Demodaten geladen" in result.stdout
    assert database.is_file()


def test_members_round_trip_through_an_excel_workbook(bundle: Path, tmp_path: Path) -> None:
    """openpyxl is imported only on demand; the bundle must carry it all the same."""
    database, workbook = str(tmp_path / "x.db"), str(tmp_path / "mitglieder.xlsx")
    assert _run(bundle, "--database", database, "demo").returncode == 0

    exported = _run(bundle, "--database", database, "export", "members", "--out", workbook)
    imported = _run(
        bundle, "--database", database, "import", "members", "--council", "1", workbook, "--dry-run"
    )

    assert exported.returncode == 0, exported.stderr
    assert imported.returncode == 0, imported.stderr
    assert "0 neu, 0 zu ändern, 10 unverändert" in imported.stdout


def test_roster_with_arabic_and_hebrew_names(bundle: Path, tmp_path: Path) -> None:
    """reportlab, python-bidi and arabic-reshaper (and its letter tables) are in the bundle."""
    database = str(tmp_path / "r.db")
    members = tmp_path / "neu.csv"
    members.write_text(
        "Vorname;Nachname;Amtszeit Beginn;Primäres Handlungsfeld\n"
        "محمد;عبد الله;01.01.2025;Stadtdaten\nשרה;כהן;01.01.2025;Stadtdaten\n",
        encoding="utf-8-sig",
    )
    assert _run(bundle, "--database", database, "demo").returncode == 0
    assert (
        _run(
            bundle, "--database", database, "import", "members", "--council", "1", str(members)
        ).returncode
        == 0
    )
    target = tmp_path / "liste.pdf"

    result = _run(
        bundle, "--database", database, "export", "roster", "--council", "1", "--out", str(target)
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no letter without a font
    assert target.read_bytes().startswith(b"%PDF-")


def test_window_starts(bundle: Path, tmp_path: Path) -> None:
    """The window comes up, opens the database and ends cleanly when told to (exit code 0
    only if the window opened the database); a missing module or plugin ends it at once
    with another code. A bundle that hangs fails by the timeout."""
    result = subprocess.run(
        [str(bundle), "--database", str(tmp_path / "gui.db")],
        capture_output=True,
        text=True,
        env={**_environment(), QUIT_AFTER_ENV: "1500"},
        timeout=GUI_TIMEOUT,
    )

    assert "Could not load the Qt platform plugin" not in result.stderr
    assert result.returncode == 0, result.stderr
