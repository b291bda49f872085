"""Findings are values: what a check found, where, and how serious it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from thidua.model import Path


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
    explicit 1-based `line`/`column` (for problems found below the data level).
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    loc: Path = ()
    at_key: bool = False
    line: int | None = None
    column: int | None = None


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

    def message(self, lang: str) -> str:
        from thidua.rules import RULES

        return RULES[self.code].format_message(self.params, lang)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def format_loc(loc: Path) -> str:
    """("targets", 2, "goal") -> "targets[2].goal"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
