"""The YAML traps clerks fall into with Vietnamese prose, recognised where the parser gave up.

Administrative text is full of ': ' (`Mục đích: …`, `Lưu: VT`), straight quotes (`"Tháng Công
nhân" được …`) and the odd '@', '%' or '*'. YAML reads each as syntax; libyaml then blames
indentation or a missing '-'. These functions look only at the line of a file that already
failed to parse (or at a value that already failed to validate), so they cost nothing on the
files that read cleanly.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from thidua.findings import Problem

# What comes before the text on a line: indentation, list dashes, an ASCII key and its ': '.
_PREFIX = re.compile(r"[ \t]*(?:-[ \t]+)*(?:[A-Za-z_$][\w$-]*:[ \t]+(?:-[ \t]+)*)?")
# Characters YAML reserves at the start of a plain value (`[`/`{` only with text after their closer).
RESERVED_START = "@`%*&|>"
_CLOSERS = {"[": "]", "{": "}"}
_COLON_PROBLEMS = frozenset({"mapping values are not allowed here", "mapping values are not allowed in this context"})
_TAB_PROBLEMS = frozenset({"found character that cannot start any token"})


def quoted(text: str) -> str:
    """`text` as one YAML scalar a clerk can read: "…" unless it holds '"' or '\\', then '…'."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _without_comment(text: str) -> str:
    """The text of a line without a trailing comment (YAML's ' #')."""
    cut = re.search(r"[ \t]#", text)
    return (text[: cut.start()] if cut else text).rstrip()


def _quoted_without(text: str, quote: str) -> str:
    """`text` quoted with the other quote than `quote` (it holds that one)."""
    if quote == "'" and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _text_after(text: str, close: int) -> bool:
    """Whether text follows what closes at `close` on the line (not a key's ':' or a flow ','…)."""
    rest = text[close + 1 :].strip() if close > 0 else ""
    return bool(rest) and rest[0] not in ":,]}"


def _closing_quote(text: str) -> int:
    """Where the quoted scalar that opens `text` closes (-1: not on this line)."""
    quote = text[0]
    index = 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":  # '' is a quote inside '…'
                index += 2
                continue
            return index
        index += 1
    return -1


def parse_trap(lines: list[str], line: int, column: int, problem: str | None) -> Problem | None:
    """A YA09/YA10/YA11 problem (or a YA01 naming a tab) for the line where libyaml gave up."""
    if not 0 < line <= len(lines):
        return None
    text_line = lines[line - 1]
    if problem in _TAB_PROBLEMS and text_line[column - 1 : column] == "\t":
        return Problem.of("YA01", {"problem": TAB_PROBLEM, "context": ""}, line=line, column=column)
    prefix = _PREFIX.match(text_line)
    start = prefix.end() if prefix else 0
    if not text_line[:start].strip() or start >= len(text_line) or column <= start:
        return None  # no `- ` or `key: ` (a continued line), or the parser stopped before the text
    text = _without_comment(text_line[start:])
    lead = text_line[:start]
    at = {"line": line, "column": start + 1}
    first = text[:1]
    if first in "\"'":
        close = _closing_quote(text)
        if not _text_after(text, close):
            return None
        if len(text) > 1 and text.endswith(first):  # "… "inner" …": the same quote inside
            what, fixed = INNER_QUOTE, _quoted_without(text[1:-1], first)
        else:
            what, fixed = LEADING_QUOTE, _quoted_without(text, first)
        params = {"what": what, "quote": QUOTE_NAMES[first], "fix": FIXES[first], "suggestion": (lead + fixed).strip()}
        return Problem.of("YA10", params, **at)
    if first in RESERVED_START or (first in _CLOSERS and _text_after(text, text.find(_CLOSERS[first]))):
        return Problem.of("YA11", {"char": first, "suggestion": (lead + quoted(text)).strip()}, **at)
    if problem in _COLON_PROBLEMS and (": " in text or text.endswith(":")):
        key = text.split(":", 1)[0].strip()
        return Problem.of("YA09", {"key": key, "suggestion": (lead + quoted(text)).strip()}, **at)
    return None


def colon_trap(mapping: Any, in_text_slot: bool, where: tuple[int, int] | None, lines: list[str]) -> Problem | None:
    """YA09 when `mapping`, found where a text or an item stands, is a sentence YAML split at ': '.

    In a slot that takes only text any one-entry mapping is such a sentence; in an item slot
    the key must look like words (a space or a Vietnamese letter), not a misspelt `titel`.
    `where` is the mapping's line and column, for the fixed line; `lines` the file's lines.
    """
    if not isinstance(mapping, dict) or len(mapping) != 1:
        return None
    key, value = next(iter(mapping.items()))
    if not isinstance(key, str) or not key.strip():
        return None
    if not in_text_slot and key.isascii() and " " not in key:
        return None
    if isinstance(value, dict) or (isinstance(value, list) and in_text_slot):
        return None
    params: dict[str, Any] = {"key": key, "suggestion": ""}
    line_text = lines[where[0] - 1] if where and 0 < where[0] <= len(lines) else None
    if line_text is not None and where is not None:
        lead, written = line_text[: where[1] - 1], _without_comment(line_text[where[1] - 1 :])
        if not written.startswith(f"{key}:"):
            return None  # not written as `sentence: rest` (`? key`, quoted keys): the schema's word
        if isinstance(value, list):  # a heading over indented lines: title: and items:
            if written == f"{key}:":
                params["suggestion"] = {
                    "vi": f"{lead.strip()} title: {quoted(written)} và 'items:' trên các mục con".strip(),
                    "en": f"{lead.strip()} title: {quoted(written)} with 'items:' above the sub-items".strip(),
                }
        elif written[len(key) + 1 :].strip() == _as_written(value):  # the sentence is all on this line
            params["suggestion"] = (lead + quoted(written)).strip()
    return Problem.of("YA09", params)


def _as_written(value: Any) -> str | None:
    """How a loaded scalar was most likely written (None: it cannot be told)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | date) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, date) else str(value)
    return None


TAB_PROBLEM = {
    "vi": "dấu tab ở đây: YAML chỉ nhận dấu cách để thụt lề và sau '- ' hay ': '; hãy thay tab bằng dấu cách",
    "en": "a tab here: YAML takes only spaces for indentation and after '- ' or ': '; replace the tab with spaces",
}
QUOTE_NAMES = {
    '"': {"vi": "nháy kép", "en": "double quote"},
    "'": {"vi": "nháy đơn", "en": "single quote"},
}
LEADING_QUOTE = {
    "vi": "câu mở đầu bằng dấu nháy nhưng không kết thúc bằng nó",
    "en": "the sentence starts with a quote but does not end with it",
}
INNER_QUOTE = {
    "vi": "câu trong dấu nháy lại có dấu nháy cùng loại ở giữa",
    "en": "the quoted sentence has the same quote inside it",
}
FIXES = {
    '"': {"vi": "dấu nháy đơn '…' hoặc dùng dấu “…”", "en": "single quotes '…', or use “…”"},
    "'": {"vi": 'dấu nháy kép "…" hoặc dùng dấu ‘…’', "en": 'double quotes "…", or use ‘…’'},
}
