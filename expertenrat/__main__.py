"""Entry point: ``expertenrat`` and ``python -m expertenrat``.

With a subcommand the CLI runs without a window; without one the GUI starts.
"""

from __future__ import annotations

import sys

from expertenrat.cli import build_parser, run_command


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run_command(args)
    from expertenrat.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
