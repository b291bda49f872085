"""The rule registry: every finding code, its documentation and (for meaning rules) its check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from thidua.findings import Problem, Severity
from thidua.model import Plan

LANGS = ("vi", "en")
Text = Mapping[str, str]  # {"vi": ..., "en": ...}


@dataclass(frozen=True)
class PlanContext:
    """What a meaning rule sees: the valid plan, its file, and a way to open linked plans."""

    plan: Plan
    file: FsPath
    open_plan: Callable[[FsPath], Plan | None]


Check = Callable[[PlanContext], Iterable[Problem]]


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
    check: Check | None = None  # None: reported by the loader or the schema stage
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


# Words that problems carry as params, shown in the user's language (see `word`).
WORDS: dict[str, Text] = {
    "text": {"vi": "văn bản", "en": "text"},
    "integer": {"vi": "số nguyên", "en": "a whole number"},
    "number": {"vi": "số", "en": "a number"},
    "bool": {"vi": "true hoặc false", "en": "true or false"},
    "list": {"vi": "danh sách (các dòng bắt đầu bằng '- ')", "en": "a list (lines starting with '- ')"},
    "mapping": {"vi": "nhóm khóa: giá trị", "en": "a mapping of key: value"},
    "goal": {"vi": "số hoặc true/false", "en": "a number or true/false"},
    "item": {
        "vi": "một đoạn văn bản hoặc một mục có text/title/target/phase/theme/paragraph",
        "en": "a text or an item with text/title/target/phase/theme/paragraph",
    },
    "null": {"vi": "giá trị rỗng", "en": "an empty value"},
    "date": {"vi": "ngày", "en": "a date"},
    "scalar": {"vi": "một giá trị đơn", "en": "a single value"},
    "root": {"vi": "kế hoạch", "en": "the plan"},
    "no-such-day": {"vi": "không có ngày này", "en": "no such day"},
    "form": {"vi": "không đúng dạng", "en": "not in that form"},
    "size": {"vi": "tệp lớn hơn {limit} byte", "en": "the file is larger than {limit} bytes"},
    "aliases": {
        "vi": "alias mở rộng thành hơn {limit} phần tử (alias lồng nhau kiểu billion laughs)",
        "en": "aliases expand to more than {limit} values (nested aliases, a billion laughs)",
    },
    "recursion": {"vi": "alias tự chứa chính nó, mở rộng vô hạn", "en": "an alias contains itself and never ends"},
    "depth": {"vi": "lồng nhau sâu hơn {limit} cấp", "en": "nested deeper than {limit} levels"},
}


def word(key: str, **fill: Any) -> dict[str, str]:
    """A param value that messages show translated (plain strings are shown as written)."""
    return {lang: text.format(**fill) for lang, text in WORDS[key].items()}


def localize(value: Any, lang: str) -> Any:
    if isinstance(value, Mapping) and lang in value:
        return value[lang]
    return value


def _build() -> dict[str, Rule]:
    from thidua.rules import dates, identity, loading, references, schema, targets, units

    rules: dict[str, Rule] = {}
    for module in (loading, schema, dates, targets, identity, references, units):
        for rule in module.RULES:
            if rule.code in rules:  # pragma: no cover - guarded by the meta-test too
                raise ValueError(f"duplicate rule code {rule.code}")
            rules[rule.code] = rule
    return rules


RULES: dict[str, Rule] = _build()

CHECKS: tuple[Rule, ...] = tuple(rule for rule in RULES.values() if rule.check is not None)
