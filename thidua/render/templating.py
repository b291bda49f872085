"""The one Jinja environment: sandboxed, strict about undefined names, escaping plan text."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import threading
import time
import traceback
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from thidua.config import find_pyproject
from thidua.errors import ThiduaError
from thidua.files import display_path, repository_of, templates_dir
from thidua.i18n import word

DEFAULT_TEMPLATE = "ke-hoach.xml.j2"
TEMPLATE_SUFFIX = ".j2"


class TemplateProblem(ThiduaError):
    """A template cannot be found, compiled or run; the message names its file and line."""


# Characters XML 1.0 (and so Word) cannot hold; YAML's "\x0b" escapes can still produce them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _finalize(value: Any) -> Any:
    """Every {{ value }}: None prints nothing, plan text is escaped, its line breaks become <br/>."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    text = _NOT_XML.sub("", str(value))
    return Markup("<br/>").join(escape(part) for part in text.split("\n"))


def _oneline(value: Any) -> str:
    """For attributes: the text on one line."""
    return re.sub(r"\s+", " ", "" if value is None else str(value)).strip()


# Bounds on what a template may do: a loop for ever, or output without end, stops with a message.
TEMPLATE_SECONDS = 60.0
MAX_MARKUP = 64 * 1024 * 1024  # characters of markup; a 10,000-item plan makes a few MB
MAX_POWER = 1000  # `9 ** 9 ** 9` would compute for minutes before any time check


class _Timeout(Exception):
    """The template ran past TEMPLATE_SECONDS."""


class _FolderLoader(FileSystemLoader):
    """A template folder whose files must be regular files inside it: a link in templates/ to
    /etc/passwd is refused, not printed in the document."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        assert filename is not None
        for folder in self.searchpath:
            root = os.path.realpath(folder)
            if os.path.abspath(filename).startswith(os.path.abspath(folder).rstrip(os.sep) + os.sep):
                real = os.path.realpath(filename)
                if not real.startswith(root.rstrip(os.sep) + os.sep) or not os.path.isfile(real):
                    raise TemplateProblem("template-link", name=template, folder=_display(folder), target=real)
        return source, filename, uptodate


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox, also refusing powers and repetitions that would take minutes or gigabytes."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_POWER:
            raise SecurityError(f"a power of more than {MAX_POWER}")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_MARKUP:
                    raise SecurityError(f"a repetition of more than {MAX_MARKUP}")
        return super().call_binop(context, operator, left, right)


@functools.lru_cache(maxsize=8)
def _environment(search_path: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    env = _Sandbox(
        loader=ChoiceLoader([_FolderLoader(str(folder)) for folder in search_path]),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["oneline"] = _oneline
    return env


def find_repo_templates(start: Path) -> Path | None:
    """The `templates/` folder of a plan's repository: at its git root, or beside the
    pyproject.toml its configuration comes from. Never a folder above that (a world-writable
    /tmp/templates must not take over rendering), nor one beside a plan outside any repository."""
    folder = Path(os.path.abspath(start))
    config = find_pyproject(folder)
    root = repository_of(folder)
    for candidate in (config.parent if config else None, root):
        if candidate is not None and (candidate / "templates").is_dir():
            return candidate / "templates"
    return None


def resolve_template(
    template: Path | None, plan_file: Path | None, default: str = DEFAULT_TEMPLATE
) -> tuple[tuple[Path, ...], str]:
    """Where to look for templates, most specific first, and the name of the one to render.

    `--template FILE` wins; else a `templates/` folder in the plan's repository may override the
    default template or any part of it (`_header.xml.j2` …); the shipped templates come last.
    """
    shipped = templates_dir()
    folders: list[Path] = []
    name = default
    if template is not None:
        if template.is_dir():
            folders.append(template)
        elif template.is_file():  # named: a link is followed (the user asked), its folder searched
            real = template.resolve()
            folders.append(real.parent)
            name = real.name
        else:
            raise TemplateProblem("template-missing", path=str(template))
    elif plan_file is not None:
        own = find_repo_templates(plan_file.parent)
        if own is not None:
            folders.append(own)
    folders.append(shipped)
    unique = tuple(dict.fromkeys(f.resolve() for f in folders))
    return unique, name


def render_markup(context: Mapping[str, Any], search_path: tuple[Path, ...], name: str) -> str:
    """Run the template; every failure becomes a TemplateProblem naming a template file and line."""
    env = _environment(search_path)
    try:
        with _time_limit(TEMPLATE_SECONDS):
            template = env.get_template(name)
            return _bounded(template.generate(context), name, time.monotonic() + TEMPLATE_SECONDS)
    except _Timeout:
        raise TemplateProblem(
            "template-limit", name=name, what=word("template-seconds", limit=TEMPLATE_SECONDS)
        ) from None
    except RecursionError:
        raise TemplateProblem("template-recursion", name=name) from None
    except TemplateSyntaxError as exc:
        raise TemplateProblem(
            "template-error", file=_display(exc.filename or name), line=exc.lineno, detail=exc.message or ""
        ) from None
    except TemplateNotFound as exc:
        raise TemplateProblem(
            "template-not-found", name=exc.name, folders=", ".join(_display(str(f)) for f in search_path)
        ) from None
    except UndefinedError as exc:
        file, line = _template_frame(exc, name)
        missing = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", exc.message or "")
        if missing:
            what = f"….{missing[2]}" if missing[2] else missing[1]  # "dict object" says nothing
            raise TemplateProblem("template-undefined", file=file, line=line, name=what) from None
        raise TemplateProblem("template-error", file=file, line=line, detail=exc.message or "") from None
    except (TemplateError, TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
        file, line = _template_frame(exc, name)
        detail = exc.message if isinstance(exc, TemplateError) and exc.message else str(exc)
        raise TemplateProblem("template-error", file=file, line=line, detail=detail) from None


def _bounded(chunks: Iterator[str], name: str, deadline: float) -> str:
    """The template's output, stopped at MAX_MARKUP characters or at the deadline."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_MARKUP:
            raise TemplateProblem("template-limit", name=name, what=word("template-bytes", limit=MAX_MARKUP))
        if time.monotonic() > deadline:
            raise _Timeout
        out.append(chunk)
    return "".join(out)


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt a template that loops without output (only the main thread can take SIGALRM;
    elsewhere `_bounded` checks the time between pieces of output)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # someone else's alarm: leave it
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | str]:
    """Jinja rewrites tracebacks so template frames carry the template's file and line."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(TEMPLATE_SUFFIX):
            return _display(frame.filename), frame.lineno or "?"
    return name, "?"


def _display(path: str) -> str:
    return display_path(Path(path))
