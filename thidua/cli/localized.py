"""Typer's app, group and commands speaking the help language: Click's own words, usage errors, a closed pipe."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Any, get_args

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info, get_command_name

from thidua.cli.edge import closed_pipe
from thidua.cli.help import HELP_LANG, USAGE_HINT, click_message, click_word
from thidua.i18n import tr

_EXTRA = re.compile(r"(?:(?<=  )|^)\[([^\[\]]*)\]$")  # Click's "  [default: text; required]" after a help
_TYPE = re.compile(r"<[^<>]+>$")  # Typer's "paths... <list[Path]>"


def _type(match: re.Match[str]) -> str:
    return click_word(match.group())


def _extra(match: re.Match[str]) -> str:
    parts = []
    for part in match.group(1).split("; "):
        name, colon, value = part.partition(": ")
        parts.append(f"{click_word(name)}{colon}{value}")
    return f"[{'; '.join(parts)}]"


# Click's classes as this Typer uses them (its own Click, or a vendored one in newer Typer).
_Context: Any = TyperCommand.context_class
_Formatter: Any = _Context.formatter_class


class HelpFormatter(_Formatter):
    """Click's help formatter, saying Click's own words (headings, usage, defaults) in HELP_LANG."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(english, click_word(english))
        super().write_usage(prog, args, f"{click_word('Usage:')} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(click_word(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        rows = [(_TYPE.sub(_type, term), _EXTRA.sub(_extra, click_word(text))) for term, text in rows]
        super().write_dl(rows, *args, **kwargs)


class HelpContext(_Context):
    formatter_class = HelpFormatter


_UsageError: Any = importlib.import_module(_Context.__module__.rpartition(".")[0] + ".exceptions").UsageError


class TranslatedUsageError(_UsageError):
    """A command line Click cannot parse, told as thidua tells its errors: in HELP_LANG, `thidua: lỗi: …`."""

    def show(self, file: Any = None) -> None:
        if self.ctx is not None:
            hint = USAGE_HINT[HELP_LANG].format(command=self.ctx.command_path)
            typer.echo(f"{self.ctx.get_usage()}\n{hint}\n", err=True)
        typer.echo(f"thidua: {tr('error-prefix', HELP_LANG)}: {self.format_message()}", err=True)


def translated(error: Any) -> Any:
    """Click's usage error in HELP_LANG (as it is in English; `thidua` alone still shows the help)."""
    if HELP_LANG == "en" or type(error).__name__ == "NoArgsIsHelpError":
        return error
    return TranslatedUsageError(click_message(error.format_message()), ctx=error.ctx)


_DIGITS = re.compile(r"[0-9]+")


class _NotPlain(Exception):
    """A value the plain conversions below do not take as it is: Typer's own coercion decides."""


class PlainParam:
    """Typer's value coercion for thidua's plain parameters (str, int, Path and lists of them) without pydantic.

    Newer Typer coerces every parameter through a pydantic TypeAdapter, built when the parameter is
    first processed: that imports pydantic (tens of milliseconds) before `thidua check --help` can
    answer. The values thidua's options take are converted here exactly as Typer's adapters convert
    them; anything else (bytes, a malformed number, a number out of range) goes to Typer's own
    coercion, so its errors and messages stay Typer's.
    """

    def __init__(self, param: Any) -> None:
        self.param = param
        self.info = param.type_descriptor.parameter_info
        self.heavy: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multiple = param.multiple or param.nargs == -1
        if value is None:
            return () if multiple else None
        annotation = param.type_descriptor.annotation
        try:
            if self.info.parser is not None or param.type_descriptor.file_annotation is not None:
                raise _NotPlain
            if multiple:
                if not isinstance(value, (list, tuple)) or getattr(annotation, "__origin__", None) is not list:
                    raise _NotPlain
                (item_type,) = get_args(annotation)
                return [self._leaf(item, item_type, param, ctx) for item in value]
            return self._leaf(value, annotation, param, ctx)
        except _NotPlain:
            if self.heavy is None:
                from typer._coercion import build_runtime_param

                self.heavy = build_runtime_param(param.type_descriptor)
            return self.heavy.coerce(value, param=param, ctx=ctx)

    def _leaf(self, value: Any, annotation: Any, param: Any, ctx: Any) -> Any:
        info = self.info
        if annotation is str and type(value) is str:
            return value
        if annotation is int and type(value) in (str, int) and _DIGITS.fullmatch(str(value)):
            number = int(value)
            if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
                raise _NotPlain  # Typer's message (or clamping) for a number out of range
            return number
        if annotation is Path and info.path_type in (None, Path) and isinstance(value, (str, Path)):
            from typer._param_types import coerce_cli_path

            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        raise _NotPlain


def plain_params(params: Sequence[Any]) -> None:
    """Give Typer's parameters that would build a pydantic adapter the PlainParam coercion (other Typers: no-op)."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = PlainParam(param)


class _Help:
    """What thidua's group and commands add to Typer's: HelpContext, usage errors in HELP_LANG, a closed pipe."""

    context_class: Any = HelpContext

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        plain_params(self.get_params(ctx))  # type: ignore[attr-defined]
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except BrokenPipeError:  # --help | head: end as every command does, not Click's quiet exit 1
            closed_pipe()
        except _UsageError as error:
            raise translated(error) from None


class HelpCommand(_Help, TyperCommand):
    pass


class HelpGroup(_Help, TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # Typer's builds every command to list their names

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except _UsageError as error:  # "No such command"
            raise translated(error) from None


class LazyCommands(MutableMapping[str, Any]):
    """A group's commands by name, each made into a Click command when it is first looked up.

    Typer makes every command of the app (reading each function's signature and annotations) before
    it parses the command line; `thidua check …` needs one of them, `thidua --help` their names and
    help. The names keep their order; a command is made once, as Typer makes it.
    """

    def __init__(self, infos: Sequence[Any], *, pretty_exceptions_short: bool, rich_markup_mode: Any) -> None:
        self.options = {"pretty_exceptions_short": pretty_exceptions_short, "rich_markup_mode": rich_markup_mode}
        self.infos = {info.name or get_command_name(info.callback.__name__): info for info in infos}
        self.made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.made:
            self.made[name] = get_command_from_info(self.infos[name], **self.options)
        return self.made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.infos.setdefault(name, None)
        self.made[name] = command

    def __delitem__(self, name: str) -> None:
        del self.infos[name]
        self.made.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.infos)

    def __len__(self) -> int:
        return len(self.infos)


class App(typer.Typer):
    """typer.Typer whose group and commands are HelpGroup and HelpCommand: --help and usage errors in HELP_LANG.

    Run (`app()`), its commands are made as they are needed (LazyCommands); `typer.main.get_command(app)`
    (tests, CliRunner) still makes them all.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(cls=HelpGroup, **options)

    def command(self, *args: Any, **options: Any) -> Any:
        return super().command(*args, cls=options.pop("cls", HelpCommand), **options)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        registered = self.registered_commands
        commands = LazyCommands(
            registered, pretty_exceptions_short=self.pretty_exceptions_short, rich_markup_mode=self.rich_markup_mode
        )
        group_class = self.info.cls

        class LazyGroup(HelpGroup):
            def __init__(self, **options: Any) -> None:
                super().__init__(**{**options, "commands": commands})

        # Typer makes the group of a callback and no command; it is given the commands, unmade.
        self.registered_commands, self.info.cls = [], LazyGroup
        try:
            return super().__call__(*args, **kwargs)
        finally:
            self.registered_commands, self.info.cls = registered, group_class
