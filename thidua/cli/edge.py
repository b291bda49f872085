"""The edge of the command line: "cannot go on" becomes a message and an exit code, never a traceback.

Also what several commands share at the edge: the --lang option, a progress bar, date options.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

import typer

from thidua.errors import EXIT_ERROR, FindingsError, ThiduaError

LangOption = Annotated[
    str | None,
    typer.Option("--lang", envvar="THIDUA_LANG", help="Language of messages: vi (default) or en."),
]

F = TypeVar("F", bound=Callable[..., Any])


def safe_streams() -> None:
    """Output that cannot be encoded (Vietnamese into a latin-1 or cp1252 redirect on Windows)
    is written as \\u escapes instead of stopping the command with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") not in ("utf8", "utf_8"):
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream: leave it
                reconfigure(errors="backslashreplace")


def handle_errors(command: F) -> F:
    """The one place where "cannot go on" becomes a message and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from thidua.i18n import resolve_lang, tr

        lang = resolve_lang(kwargs.get("lang"))
        try:
            return command(*args, **kwargs)
        except FindingsError as exc:
            from thidua.check.engine import CheckReport
            from thidua.cli.show.check import write_text

            if exc.findings:
                write_text(CheckReport(findings=exc.findings, files=1), lang, sys.stderr)
            typer.echo(f"thidua: {tr('error-prefix', lang)}: {tr(exc.key, lang, **exc.params)}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except ThiduaError as exc:
            typer.echo(f"thidua: {tr('error-prefix', lang)}: {tr(exc.key, lang, **exc.params)}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: say so plainly, keep the user's terminal clean
            detail = str(exc).splitlines()[0] if str(exc) else ""
            typer.echo(f"thidua: {tr('internal', lang, kind=type(exc).__name__, detail=detail)}", err=True)
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]


class Progress:
    """A progress bar on a terminal while several plans render; silent otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def __enter__(self) -> Callable[[int, int], None]:
        return self.advance

    def advance(self, done: int, total: int) -> None:
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True)
            if total < 2 or not console.is_terminal:
                return
            self.bar = Progress(console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def date_option(value: str | None, option: str) -> date:
    """--as-of/--date: YYYY-MM-DD or dd/mm/yyyy; today when not given."""
    from thidua.text.formatting import parse_date

    if value is None:
        return date.today()
    parsed = parse_date(value)
    if parsed is None:
        raise ThiduaError("bad-date", option=option, value=value)
    return parsed
