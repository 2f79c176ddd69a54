"""The command line as the tests run it: as a script in a process of its own
(:func:`run_script`), on a terminal that answers its question (:func:`run_on_terminal`),
or its ``main`` in the test's process (:func:`run_main`)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

from expertenrat.__main__ import main


def script_environment(database: str | None = None) -> dict[str, str]:
    """The environment of a command the test starts: the test's own, without the database
    and the server's password the test session may name (``EXPERTENRAT_DATABASE_URL``,
    ``PGPASSWORD``); ``database`` as ``EXPERTENRAT_DATABASE_URL`` where given."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("EXPERTENRAT_DATABASE_URL", "PGPASSWORD")
    }
    if database:
        environment["EXPERTENRAT_DATABASE_URL"] = database
    # A deprecation the command meets fails it, as pytest's filterwarnings does in the
    # test's own process: in a script Python shows only those of __main__.
    environment["PYTHONWARNINGS"] = "error::DeprecationWarning"
    return environment


def run_script(
    *args: str, env_database: str | None = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m expertenrat ARGS`` as a script runs it (in :func:`script_environment`,
    with ``env_database`` as its database, after a command ``prefix`` such as
    ``bound_by_file_modes``), and without a terminal to answer a question on, also under
    ``pytest -s`` from a terminal (it would wait until the timeout)."""
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "expertenrat", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env=script_environment(env_database),
    )


def run_on_terminal(*args: str, answer: bytes, at: bytes) -> tuple[int, str]:
    """Run the command on a pseudo-terminal and type ``answer`` once ``at`` shows: its exit
    code and everything it wrote."""
    control, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "expertenrat", *args],
        env=script_environment(),
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,
    )
    os.close(terminal)
    output = b""
    while select.select([control], [], [], 120)[0]:
        try:
            chunk = os.read(control, 4096)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        output += chunk
        if answer and at in output:
            os.write(control, answer)
            answer = b""
    os.close(control)
    return process.wait(120), output.decode()


def assert_one_line_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    """The command ended with exit code 1 and one German line naming ``message``, no
    traceback."""
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("expertenrat: Fehler: ")
    assert message in result.stderr


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """The exit code, standard output and error of ``main(ARGS)`` (argparse's refusal as
    its exit code)."""
    try:
        code = main(list(args))
    except SystemExit as stopped:
        code = stopped.code
    out, err = capsys.readouterr()
    return code, out, err


def import_arguments(database: object, kind: str, file: object, *options: str) -> list[str]:
    """The arguments of ``import KIND --council 1 FILE OPTIONS`` on ``database`` (a path or
    address), for :func:`run_script` or :func:`run_main`."""
    return ["--database", str(database), "import", kind, "--council", "1", str(file), *options]
