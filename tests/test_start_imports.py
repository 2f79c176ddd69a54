"""What the window's start loads before it first appears, and what a command loads.

The window is shown before the database is opened (``expertenrat.app``): the data stack
(SQLAlchemy, the models, the store) and the document libraries load after, or when a page
or command needs them. A module-level import on the start path that reaches them again
costs an office PC most of a second before the window appears; these tests name it.
Each runs a fresh interpreter, since this test process has loaded everything already.
"""

from __future__ import annotations

import subprocess
import sys

NOT_BEFORE_THE_WINDOW = ("sqlalchemy", "reportlab", "pypdf", "openpyxl", "icalendar")


def _loaded_after(code: str) -> set[str]:
    """The top-level packages loaded by a fresh interpreter that runs ``code``."""
    script = (
        f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_the_window_start_path_loads_neither_the_data_stack_nor_document_libraries() -> None:
    loaded = _loaded_after("import expertenrat.app")

    assert "PySide6" in loaded  # the check sees what the start path loads
    assert loaded.isdisjoint(NOT_BEFORE_THE_WINDOW), loaded & set(NOT_BEFORE_THE_WINDOW)


def test_the_version_command_loads_neither_qt_nor_the_data_stack() -> None:
    code = (
        "import contextlib, io\nfrom expertenrat.__main__ import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--version'])"
    )

    loaded = _loaded_after(code)

    assert "expertenrat" in loaded
    assert loaded.isdisjoint({"PySide6", "sqlalchemy", "alembic"}), loaded
