"""The command line as the tests run it: as a script in a process of its own
(:func:`run_script`), or its ``main`` in the test's process (:func:`run_main`)."""

from __future__ import annotations

import os
import subprocess
import sys

from expertenrat.__main__ import main


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m expertenrat ARGS`` as a script runs it: without the database the test
    session may name in ``EXPERTENRAT_DATABASE_URL`` and without a terminal to answer a
    question on (it would wait until the timeout)."""
    environment = {k: v for k, v in os.environ.items() if k != "EXPERTENRAT_DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "expertenrat", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """The exit code, standard output and error of ``main(ARGS)`` (argparse's refusal as
    its exit code)."""
    try:
        code = main(list(args))
    except SystemExit as stopped:
        code = stopped.code
    out, err = capsys.readouterr()
    return code, out, err
