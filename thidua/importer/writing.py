"""Plan data -> YAML text in the examples' style, with a `# thidua import:` comment above each guess.

Keys come in the order the data has them (structure.py orders them as the examples do); a long
sentence is a folded scalar (`>-`) wrapped at 100 columns, a short one plain when YAML reads it
back unchanged, double-quoted otherwise; dates are YYYY-MM-DD. Nothing here guesses: the text is
read back and must give the same data, or it is a bug and nothing is written.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import yaml

from thidua.findings import Loc
from thidua.plan.loader import resolve_plain

MARK = "thidua import:"
WIDTH = 100
_PLAIN_START = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`]")


def dump_plan(
    data: dict[str, Any], notes: dict[Loc, list[str]], header: list[str], schema: str | None
) -> tuple[str, list[tuple[int, str]]]:
    """The YAML text and, for each note, the line of its comment (1-based) and its message."""
    writer = _Writer(notes)
    if schema:
        writer.out.append(f"# yaml-language-server: $schema={schema}")
    for line in header:
        writer.out.append(f"# {line}")
    for message in notes.get((), []):
        writer.comment("", message)
    writer.mapping(data, 0, ())
    text = "\n".join(writer.out) + "\n"
    return text, writer.placed


class _Writer:
    def __init__(self, notes: dict[Loc, list[str]]) -> None:
        self.notes = notes
        self.out: list[str] = []
        self.placed: list[tuple[int, str]] = []

    def comment(self, indent: str, message: str) -> None:
        self.out.append(f"{indent}# {MARK} {' '.join(message.split())}")
        self.placed.append((len(self.out), message))

    def before(self, path: Loc, indent: str) -> None:
        for message in self.notes.get(path, []):
            self.comment(indent, message)

    def mapping(self, data: dict[str, Any], level: int, path: Loc, first_prefix: str | None = None) -> None:
        indent = " " * level
        for number, (key, value) in enumerate(data.items()):
            prefix = first_prefix if first_prefix is not None and number == 0 else indent
            here = (*path, key)
            if not (first_prefix is not None and number == 0):
                self.before(here, indent)
            else:
                # A note on the first key of a list item goes above the "- " line.
                for message in self.notes.get(here, []):
                    self.comment(" " * (level - 2), message)
            head = f"{prefix}{key}:"
            if isinstance(value, dict):
                if not value:
                    self.out.append(f"{head} {{}}")
                    continue
                self.out.append(head)
                self.mapping(value, level + 2, here)
            elif isinstance(value, list):
                if not value:
                    self.out.append(f"{head} []")
                    continue
                self.out.append(head)
                self.sequence(value, level + 2, here)
            else:
                self.scalar(head, value, level + 2)

    def sequence(self, items: list[Any], level: int, path: Loc) -> None:
        indent = " " * level
        for index, item in enumerate(items):
            here = (*path, index)
            self.before(here, indent)
            if isinstance(item, dict):
                self.mapping(item, level + 2, here, first_prefix=f"{indent}- ")
            else:
                self.scalar(f"{indent}-", item, level + 2)

    def scalar(self, head: str, value: Any, level: int) -> None:
        if value is None:
            self.out.append(head)
            return
        if isinstance(value, bool):
            self.out.append(f"{head} {'true' if value else 'false'}")
            return
        if isinstance(value, int | float):
            self.out.append(f"{head} {value}")
            return
        if isinstance(value, date):
            self.out.append(f"{head} {value.isoformat()}")
            return
        text = str(value)
        if len(head) + 1 + len(text) <= WIDTH and _plain_ok(text):
            self.out.append(f"{head} {text}")
        elif len(head) + 1 + len(text) > WIDTH and _fold_ok(text):
            self.out.append(f"{head} >-")
            self.out.extend(" " * level + line for line in _wrap(text, WIDTH - level))
        else:
            self.out.append(f"{head} {json.dumps(text, ensure_ascii=False)}")


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or not _PLAIN_START.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text or "\n" in text or "  " in text:
        return False
    if resolve_plain(text) != text:  # read as a number, a date, true/null by thidua's loader
        return False
    try:
        return yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        return False


def _fold_ok(text: str) -> bool:
    # A folded line starting with "- " reads as text, but looks like a sub-item to a clerk (YA13).
    return (
        bool(text)
        and text == text.strip()
        and not text.startswith("- ")
        and not re.search(r"[\t\n\r]|  ", text)
        and text.isprintable()
    )


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        # never break before a lone dash ("2021 - 2025"): a line starting with "- " looks like an item
        if current and len(current) + 1 + len(word) > width and word != "-":
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines
