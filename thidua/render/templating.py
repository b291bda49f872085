"""The one Jinja environment: sandboxed, strict about undefined names, escaping plan text."""

from __future__ import annotations

import functools
import re
import traceback
from collections.abc import Mapping
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
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from thidua.errors import ThiduaError
from thidua.files import display_path, templates_dir

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


@functools.lru_cache(maxsize=8)
def _environment(search_path: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in search_path]),
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
    """The nearest `templates/` folder above a plan, up to its repository's root (the one with .git)."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "templates").is_dir():
            return candidate / "templates"
        if (candidate / ".git").exists():
            return None
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
        elif template.is_file():
            folders.append(template.parent)
            name = template.name
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
        template = env.get_template(name)
        return template.render(context)
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


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | str]:
    """Jinja rewrites tracebacks so template frames carry the template's file and line."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(TEMPLATE_SUFFIX):
            return _display(frame.filename), frame.lineno or "?"
    return name, "?"


def _display(path: str) -> str:
    return display_path(Path(path))
