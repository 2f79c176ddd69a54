"""What the window's start loads before it first appears, until it is ready, and what a
command loads.

The window is shown before the database is opened (``expertenrat.app``): the data stack
(SQLAlchemy, the models, the store) loads after, and the document libraries only when the
user first makes a document or file. A module-level import on the start path that reaches
them again costs an office PC most of a second before the window appears or is ready;
these tests name it. Each runs a fresh interpreter, since this test process has loaded
everything already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOCUMENT_LIBRARIES = ("reportlab", "PIL", "pypdf", "openpyxl", "icalendar")
NOT_BEFORE_THE_WINDOW = ("sqlalchemy", *DOCUMENT_LIBRARIES)
# Services of an export or of the demo, made when the user first uses them (the page holds
# ``Services`` or a way to the service, not the service): the window's start need not import
# them nor what they import.
MADE_AT_THEIR_ACTION = (
    "expertenrat.services.annual_report",
    "expertenrat.services.archive_package",
    "expertenrat.services.demo",
    "expertenrat.services.member_exchange",
    "expertenrat.services.oparl_export",
    "expertenrat.services.open_data_export",
    "expertenrat.services.recommendation_transmittals",
    "expertenrat.services.recommendations_report",
)


def _modules_after(code: str) -> set[str]:
    """The modules loaded by a fresh interpreter that runs ``code``."""
    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def _loaded_after(code: str) -> set[str]:
    """The top-level packages loaded by a fresh interpreter that runs ``code``."""
    return {module.split(".")[0] for module in _modules_after(code)}


def test_the_window_start_path_loads_neither_the_data_stack_nor_document_libraries() -> None:
    loaded = _loaded_after("import expertenrat.app")

    assert "PySide6" in loaded  # the check sees what the start path loads
    assert loaded.isdisjoint(NOT_BEFORE_THE_WINDOW), loaded & set(NOT_BEFORE_THE_WINDOW)


def test_the_window_ready_on_any_area_has_loaded_no_document_library_nor_export_service(
    demo_file: Path, tmp_path: Path
) -> None:
    """The start as ``expertenrat.app`` runs it, up to the database open and the
    remembered area shown and filled, for each area a user may have left open; a page
    whose module imports a service that imports its renderer or writer at the top loads
    reportlab (and with it PIL) or openpyxl for nothing, and a page that takes its export's
    service when built imports that service and all it imports."""
    code = (
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtTest import QTest\n"
        "from expertenrat.app import Session, create_application\n"
        "from expertenrat.ui.main_window import MainWindow\n"
        "app = create_application([])\n"
        f"settings = QSettings({str(tmp_path / 'settings.ini')!r}, QSettings.Format.IniFormat)\n"
        f"session = Session(MainWindow(settings, {str(tmp_path / 'log.txt')!r}))\n"
        "session.window.show()\n"
        f"session.open({str(demo_file)!r})\n"
        "for row in range(session.window.sidebar.count()):\n"
        "    session.window.sidebar.setCurrentRow(row)\n"
        "    QTest.qWait(50)\n"
        "session.close()"
    )

    modules = _modules_after(code)
    loaded = {module.split(".")[0] for module in modules}

    assert {"PySide6", "sqlalchemy"} <= loaded  # the database was opened and read
    assert "expertenrat.services.overview" in modules  # and the Übersicht filled
    assert loaded.isdisjoint(DOCUMENT_LIBRARIES), loaded & set(DOCUMENT_LIBRARIES)
    assert modules.isdisjoint(MADE_AT_THEIR_ACTION), modules & set(MADE_AT_THEIR_ACTION)


def test_the_version_command_loads_neither_qt_nor_the_data_stack() -> None:
    code = (
        "import contextlib, io\nfrom expertenrat.__main__ import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--version'])"
    )

    loaded = _loaded_after(code)

    assert "expertenrat" in loaded
    assert loaded.isdisjoint({"PySide6", "sqlalchemy", "alembic"}), loaded


# What other commands need, by the command that needs it: their arguments and help are
# built for every command, their work's modules are loaded only by the command itself.
OTHER_COMMANDS_WORK = (
    "expertenrat.domain.oparl_base",  # export oparl: --base-url
    "expertenrat.domain.retention",  # retention
    "expertenrat.services.folder_writing",  # export oparl / opendata / annual-report
    "expertenrat.services.member_column_guide",  # import members (its help and report)
    "expertenrat.services.schema_revision",  # --version
)


def test_a_command_loads_not_what_only_other_commands_need(demo_file: Path, tmp_path) -> None:
    """Found by a helper: each command loaded the modules of the others' work."""
    out = tmp_path / "Protokoll.pdf"
    code = (
        "import contextlib, io\nfrom expertenrat.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--database', {str(demo_file)!r}, 'export', 'minutes', "
        f"'--meeting', '1', '--out', {str(out)!r}]) == 0"
    )

    modules = _modules_after(code)

    assert out.read_bytes().startswith(b"%PDF-")
    assert modules.isdisjoint(OTHER_COMMANDS_WORK), modules & set(OTHER_COMMANDS_WORK)
