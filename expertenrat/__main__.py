"""Entry point: ``expertenrat`` and ``python -m expertenrat``.

With a subcommand the CLI runs without a window; without one the GUI starts.
"""

from __future__ import annotations

import gc
import sys

from expertenrat.cli import build_parser, run_command


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        code = run_command(args)
        if argv is None:  # the program's own run: the process ends now
            # Python's exit runs the cycle collector over every object still there, which
            # for the data stack's modules took a quarter of a second of every command;
            # the command's work is done and its database closed, the OS frees the rest.
            gc.freeze()
        return code
    from expertenrat.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
