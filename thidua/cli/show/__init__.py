"""Output formats of check, track and diff: each module ends with a table {name: writer}."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TextIO

from rich.console import Console

from thidua.errors import ThiduaError

Writer = Callable[[Any, str, TextIO], None]  # (what to show, lang, stream)


def writer(formats: Mapping[str, Writer], name: str) -> Writer:
    """The writer of the format named on the command line (--format), or a clear refusal."""
    if name not in formats:
        raise ThiduaError("bad-format", value=name, allowed=", ".join(formats))
    return formats[name]


class PipeConsole(Console):
    """Rich's Console, except that a closed pipe raises BrokenPipeError for the edge to end quietly.

    (Rich itself would exit 1, which means "findings" to thidua.)
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError
