"""The command line: Typer commands (app), the error edge, and the output formats (show/)."""

from __future__ import annotations

import sys


def main() -> None:
    """`thidua`: `thidua --version` answered before Typer (tens of milliseconds) is imported; the rest by the app."""
    if sys.argv[1:] == ["--version"]:
        from thidua import __version__

        try:
            sys.stdout.write(f"thidua {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:
            from thidua.cli.edge import closed_pipe

            closed_pipe()
        return
    from thidua.cli.app import main as app_main

    app_main()
