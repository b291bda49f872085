"""Output formats of check, track and diff: each module ends with a table {name: writer}."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from thidua.errors import ThiduaError

if TYPE_CHECKING:
    from rich.console import Console

Writer = Callable[[Any, str, TextIO], None]  # (what to show, lang, stream)


def writer(formats: Mapping[str, Writer], name: str) -> Writer:
    """The writer of the format named on the command line (--format), or a clear refusal."""
    if name not in formats:
        raise ThiduaError("bad-format", value=name, allowed=", ".join(formats))
    return formats[name]


def pipe_console(**options: Any) -> Console:
    """Rich's Console, except that a closed pipe raises BrokenPipeError for the edge to end quietly.

    (Rich itself would exit 1, which means "findings" to thidua.) Rich is imported here, by the
    writers that draw tables or colours: a check whose output goes to a pipe never loads it.
    """
    return _pipe_console_class()(**options)


@functools.cache
def _pipe_console_class() -> type[Console]:
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return PipeConsole


def coloured(stream: TextIO) -> bool:
    """Whether output to `stream` is drawn in colour: a terminal, or FORCE_COLOR set (as Rich reads it)."""
    import os

    isatty = getattr(stream, "isatty", None)
    return bool(os.environ.get("FORCE_COLOR")) or (callable(isatty) and bool(isatty()))


# Control characters, and the line and bidirectional-override marks that act like them: printed
# raw, a newline in a key, a value or a file name starts a new line in a CI log (where a line
# `::error ...` is a GitHub workflow command) and an ESC drives the terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """User text for a line of output: each control character as an escape (\\n, \\x1b, \\u2028)."""
    return _CONTROL.sub(_escape_control, text)


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def shown_path(path: Path) -> str:
    """A path for a line of output: as `display_path` shows it, its control characters escaped."""
    from thidua.files import display_path

    return visible(display_path(path))
