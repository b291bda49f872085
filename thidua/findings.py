"""Findings are values: what a check found, where, and how serious it is.

A leaf module: it imports nothing from thidua, so every stage can use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Loc = tuple[str | int, ...]  # a path into the plan data: ("targets", 2, "goal")
MessageFormat = Callable[[str, Mapping[str, Any], str], str]  # (code, params, lang) -> message


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Problem:
    """What a loader stage or a rule reports, before it is placed in a file.

    Either `loc` (a path into the plan data, placed through the source map) or an
    explicit 1-based `line`/`column` (for problems found below the data level). A rule's check
    leaves `code` empty: the engine stamps the rule's code, as yamllint's linter does.
    """

    params: dict[str, Any] = field(default_factory=dict)
    loc: Loc = ()
    at_key: bool = False
    line: int | None = None
    column: int | None = None
    code: str = field(default="", kw_only=True)

    @classmethod
    def of(cls, code: str, params: dict[str, Any] | None = None, /, **where: Any) -> Problem:
        """A problem found outside a rule (the loader, the schema stage): it names its code itself."""
        return cls(params or {}, code=code, **where)


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem placed in a file: 1-based line and column, rule code and severity."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    params: dict[str, Any]
    loc: str = ""
    source_line: str | None = None
    formatter: MessageFormat | None = field(default=None, compare=False, repr=False)  # stamped by the engine

    def message(self, lang: str) -> str:
        return self.formatter(self.code, self.params, lang) if self.formatter is not None else self.code

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def format_loc(loc: Loc) -> str:
    """("targets", 2, "goal") -> "targets[2].goal"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
