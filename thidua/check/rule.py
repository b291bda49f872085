"""What a rule is and what it sees: the Rule type, the contexts of plan, text and results rules, helpers."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from thidua.findings import Problem, Severity
from thidua.i18n import localize, tr
from thidua.plan.model import Plan
from thidua.plan.results import Results
from thidua.text.segments import Segment
from thidua.text.settings import TextSettings

LANGS = ("vi", "en")
Text = Mapping[str, str]  # {"vi": ..., "en": ...}


@dataclass(frozen=True)
class PlanContext:
    """What a meaning rule sees: the valid plan, its file, and a way to open linked plans."""

    plan: Plan
    file: Path
    open_plan: Callable[[Path], Plan | None]
    lines: Sequence[str] = ()  # the file's text, line by line (comments are not in the plan)


@dataclass(frozen=True)
class TextContext:
    """What a text rule sees: the free text of a plan or document, and the plan when there is one."""

    segments: list[Segment]
    settings: TextSettings
    plan: Plan | None = None

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every distinct word (lower case, NFC) of every segment: rules judge each word once."""
        return frozenset().union(*(segment.vocabulary for segment in self.segments))


@dataclass(frozen=True)
class ResultsContext:
    """What a results rule sees: the valid plan and the results recorded against it."""

    plan: Plan
    results: Results


Check = Callable[[PlanContext], Iterable[Problem]]
ResultsCheck = Callable[[ResultsContext], Iterable[Problem]]
TextCheck = Callable[[TextContext], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: Text  # one line, for `thidua rules`
    message: Text  # str.format template over the problem's params
    why: Text  # the explanation `thidua explain` prints
    bad: str  # a YAML example that triggers the rule
    good: str  # the same example, corrected
    check: Check | None = None  # None: reported by the loader or the schema stage (or a text rule)
    text_check: TextCheck | None = None  # rules over free text, run on plans, .txt and .docx alike
    results_check: ResultsCheck | None = None  # rules over a results file, with its plan
    hint: Text | None = None  # appended when params["suggestion"] is set

    @property
    def group(self) -> str:
        return self.name.split(".", 1)[0]

    def format_message(self, params: Mapping[str, Any], lang: str) -> str:
        values = {key: localize(value, lang) for key, value in params.items()}
        text = self.message[lang].format_map(values)
        if self.hint and params.get("suggestion"):
            text += self.hint[lang].format_map(values)
        return text

    def explain(self, lang: str) -> str:
        """What `thidua explain CODE` prints: summary, severity, why, a bad and a good example."""
        severity = tr(f"severity.{self.severity.value}", lang)
        lines = [
            f"{self.code} {self.name}: {self.summary[lang]}",
            f"{tr('explain.severity', lang)}: {severity}",
            "",
            f"{tr('explain.why', lang)}:",
            f"  {self.why[lang]}",
            "",
            f"{tr('explain.bad', lang)}:",
            *("    " + line for line in self.bad.rstrip("\n").splitlines()),
            "",
            f"{tr('explain.good', lang)}:",
            *("    " + line for line in self.good.rstrip("\n").splitlines()),
        ]
        return "\n".join(lines)


def closest(value: str, known: Iterable[str]) -> str:
    """The known name most like a misspelt one, for "did you mean …?" (empty when none is close)."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return close[0] if close else ""


def text_problem(segment: Segment, offset: int, **params: Any) -> Problem:
    """A problem at `offset` in a segment of free text, placed at its line and column in the file."""
    line, column = segment.locate(offset)
    return Problem(params, loc=segment.loc, line=line, column=column)
