"""The edge of the command line: "cannot go on" becomes a message and an exit code, never a traceback.

Also what several commands share at the edge: the --lang option, a progress bar, date options,
and a closed pipe (`| head`) ending quietly.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from thidua.cli.help import help_text, metavar
from thidua.errors import EXIT_ERROR, FindingsError, ThiduaError

LangOption = Annotated[
    str | None,
    typer.Option("--lang", envvar="THIDUA_LANG", help=help_text("lang"), metavar=metavar("lang")),
]

ForceOption = Annotated[
    bool,
    typer.Option("--force", help=help_text("force")),
]

JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help=help_text("check.jobs"), metavar=metavar("number")),
]

# track and awards: the date the figures stand at, and the output format.
AsOfOption = Annotated[str | None, typer.Option("--as-of", help=help_text("track.as_of"), metavar=metavar("date"))]
TrackFormatOption = Annotated[
    str, typer.Option("--format", "-f", help=help_text("track.format"), metavar=metavar("format"))
]

F = TypeVar("F", bound=Callable[..., Any])


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind, so that every `finally` and `with` cleans up on the way
    (temporary files, the PDF folder, LibreOffice). A BaseException, so no `except Exception` stops it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def ending_on_signals() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP raise Terminated instead of killing the process.

    Only where the default action would kill it (a SIGHUP ignored under nohup stays ignored); a
    second signal while cleaning up is ignored, so the cleanup finishes (SIGKILL still works).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def handler(signum: int, _frame: object) -> None:
        if caught:
            return
        caught.append(signum)
        raise Terminated(signum)

    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            previous[number] = signal.signal(number, handler)
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


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
        from thidua.cli.show import visible
        from thidua.i18n import resolve_lang, tr

        lang = resolve_lang(kwargs.get("lang"))
        try:
            with ending_on_signals():
                return command(*args, **kwargs)
        except Terminated as exc:
            name = signal.Signals(exc.signum).name
            typer.echo(f"thidua: {tr('terminated', lang, signal=name)}", err=True)
            raise typer.Exit(128 + exc.signum) from None
        except FindingsError as exc:
            from thidua.check.engine import CheckReport
            from thidua.cli.show.check import write_text

            if exc.findings:
                write_text(CheckReport(findings=exc.findings, files=1), lang, sys.stderr)
            typer.echo(f"thidua: {tr('error-prefix', lang)}: {visible(tr(exc.key, lang, **exc.params))}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except ThiduaError as exc:
            typer.echo(f"thidua: {tr('error-prefix', lang)}: {visible(tr(exc.key, lang, **exc.params))}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            closed_pipe()
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: say so plainly, keep the user's terminal clean
            detail = str(exc).splitlines()[0] if str(exc) else ""
            typer.echo(f"thidua: {tr('internal', lang, kind=type(exc).__name__, detail=visible(detail))}", err=True)
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def run(app: Callable[[], Any]) -> None:
    """Run the command line; a reader that went away (`| head`) ends it quietly, also at exit's flush."""
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # what Python would flush at exit, while a closed pipe can still be caught
    except BrokenPipeError:
        closed_pipe()


def closed_pipe() -> NoReturn:
    """End as cat and git do when the pipe closes: killed by SIGPIPE (the shell says 141), no message."""
    with contextlib.suppress(OSError, ValueError):  # keep Python's exit flush from failing again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sigpipe = getattr(signal, "SIGPIPE", None)
    if sigpipe is not None:  # POSIX: Python ignores SIGPIPE; restore its default and take it
        signal.signal(sigpipe, signal.SIG_DFL)
        os.kill(os.getpid(), sigpipe)
    sys.exit(128 + (sigpipe or 13))


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
