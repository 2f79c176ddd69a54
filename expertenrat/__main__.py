"""Entry point: ``expertenrat`` and ``python -m expertenrat``.

With a subcommand the CLI runs without a window; without one the GUI starts.
"""

from __future__ import annotations

import codecs
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from expertenrat.cli import build_parser, interrupted, reader_gone, run_command
from expertenrat.cli.opening import load_data_stack
from expertenrat.logs import setup_command_logging
from expertenrat.services.collector import collector_paused

NO_DISPLAY = (
    "expertenrat: Fehler: Das Programmfenster braucht eine grafische Oberfläche, hier ist "
    "keine erreichbar (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Die Befehle laufen "
    "auch ohne sie: „expertenrat --help“ nennt sie."
)


def no_display() -> bool:
    """Whether the window cannot open for want of a graphical desktop: on Linux neither an
    X11 (DISPLAY) nor a Wayland display (WAYLAND_DISPLAY) is named and no Qt platform is
    chosen (QT_QPA_PLATFORM, such as "offscreen"), as over SSH or on a server. Windows and
    macOS always have one."""
    if not sys.platform.startswith("linux"):
        return False
    named = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return not any(os.environ.get(name, "").strip() for name in named)


def main(argv: list[str] | None = None) -> int:
    own_run = argv is None  # the program's own process (tests call main with arguments)
    if own_run:  # before the arguments are read: "--help" writes too
        _output_that_shows_any_name()
    try:
        with _loading_for_good(own_run):
            args = build_parser().parse_args(argv)
            if args.command is None:
                from expertenrat.app import run_gui
            else:
                load_data_stack()
    except KeyboardInterrupt:  # Ctrl+C while the program loads: nothing was done yet
        return interrupted()
    except BrokenPipeError:  # "--version" into a closed pipe (found by a tester)
        return reader_gone()
    if args.command is None:
        if no_display():  # Qt would abort in English with exit code 134
            print(NO_DISPLAY, file=sys.stderr)
            return 1
        return run_gui(args)
    if own_run:  # tests that call main keep their own logging and output
        setup_command_logging()
    code = run_command(args)
    if own_run:  # the process ends now
        # Python's exit runs the cycle collector over every object still there, which
        # for the modules a command loads took a quarter of a second (those loaded at
        # start are frozen already, those the command loaded as it ran are not); the
        # command's work is done and its database closed, the OS frees the rest.
        gc.freeze()
    return code


# What a character the output's encoding lacks is written as, where it has a plain form:
# the German text's dashes, quotation marks and ellipsis, which a DOS code page (cp850), a
# Latin-1 locale or ASCII lack, and the arrow, which the ANSI code page lacks too.
_PLAIN_FORMS = str.maketrans(
    {"–": "-", "—": "-", "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'"}
    | {"…": "...", "→": "->"}  # the plain forms of more than one character
)
_PLAIN_OR_CODE = "expertenrat-plain-or-code"


def _plain_or_code(error: UnicodeError) -> tuple[str, int]:
    """The characters an encoding lacks in their plain form ("–" as "-"), any other as its
    code ("\\U0001f600"), as Python's "backslashreplace" writes it."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    lacking = error.object[error.start : error.end].translate(_PLAIN_FORMS)
    return lacking.encode(error.encoding, "backslashreplace").decode(error.encoding), error.end


def _output_that_shows_any_name() -> None:
    """Standard output and error that write a character their encoding lacks in its plain
    form or as its code (:func:`_plain_or_code`), never fail on it: written to a file or a
    pipe on Windows (the ANSI code page), "Liste 😀.pdf" in the line that named the file
    just written ended the command with a traceback and exit code 1 (found by a tester);
    "--help" ended so on "–" where the output was a DOS code page, Latin-1 or ASCII
    (``LC_ALL=C``), and every message wrote its dashes and quotation marks as "\\u2013"
    and "\\u201e" (found by a tester)."""
    codecs.register_error(_PLAIN_OR_CODE, _plain_or_code)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=_PLAIN_OR_CODE)


@contextmanager
def _loading_for_good(own_run: bool) -> Iterator[None]:
    """The program's own run loads the modules it needs with the cyclic garbage collector
    paused and then moves everything made so far out of its reach (``gc.freeze``): the
    modules' classes, functions and tables live until the process ends, and the
    collector's passes over them while they loaded (and in every full pass after) took
    a tenth to a fifth of a second of a command. Tests call :func:`main` in their own
    process, whose objects are left to the collector as they are."""
    if not own_run:
        yield
        return
    with collector_paused():
        yield
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
