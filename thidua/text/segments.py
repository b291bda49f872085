"""Runs of free text, from a plan's fields or a document's lines, and where each character sits in its file."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from thidua.findings import Loc

# Fields that hold codes, numbers, dates or paths rather than prose.
NOT_TEXT = frozenset(
    {
        "id",
        "kind",
        "measure",
        "numbering",
        "type",
        "ky_hieu",
        "number",
        "date",
        "start",
        "end",
        "due",
        "goal",
        "per_unit",
        "from_units",
        "contributes",
        "targets",
        "by",
        "limit",
        "unit",
        "units",
        "plan",
        "abbreviation",
        "$schema",
        "schema",
    }
)

# A word: letters, with any combining marks that follow them (text not in NFC).
_WORD = re.compile(r"[^\W\d_][^\W\d_\u0300-\u036f]*(?:[\u0300-\u036f]+[^\W\d_]*)*")

_DIGIT = re.compile(r"\d")

Locate = Callable[[int], tuple[int, int]]

# A token of web-copied text, not prose: an address, a domain, a page name, a slug (bai-viet-2019-12345).
_WEB_TOKEN = re.compile(
    r"://|^www\.|\.(?:vn|com|net|org|gov|edu|info|html?|php|aspx?|ldo|pdf|docx?)\b|[^\W\d_]-\d|\d-[^\W\d_]",
    re.IGNORECASE,
)
# Words that introduce an id (ID: 2021-20210, mã tin 12345-2021), right before the number.
_ID_BEFORE = re.compile(r"(?:\bid|\bmã(?:\s+(?:số|tin|bài|hồ\s+sơ))?|\bsố\s+hiệu)\s*[:#.]?\s*$", re.IGNORECASE)


def not_prose(text: str, at: int) -> bool:
    """Whether the number at `at` sits in a URL, a page name or an id rather than in a sentence."""
    start = max(text.rfind(" ", 0, at), text.rfind("\t", 0, at), text.rfind("\n", 0, at)) + 1
    end = len(text)
    for space in (" ", "\t", "\n"):
        found = text.find(space, at)
        if found != -1:
            end = min(end, found)
    token = text[start:end].strip("()[]<>\"'“”,;")
    return _WEB_TOKEN.search(token) is not None or _ID_BEFORE.search(text, max(0, start - 24), start) is not None


class Word(NamedTuple):
    text: str  # as written
    start: int  # offset in the segment's text
    end: int
    lower: str  # lower case, NFC: what the syllable rules read

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper() and not self.text.isupper()


@dataclass
class Segment:
    """One piece of free text and a way back from an offset in it to (line, column) in the file."""

    text: str
    locate: Locate
    loc: Loc = ()
    field: str = ""

    @cached_property
    def simple(self) -> bool:
        """NFC text whose lower-case copy has the same length: offsets carry over (almost always)."""
        text = self.text
        return len(self.lowered) == len(text) and (text.isascii() or unicodedata.is_normalized("NFC", text))

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def lowers(self) -> list[str]:
        """Each word, lower case and NFC, in order: what most rules read, without positions (cheap)."""
        if self.simple:
            return _WORD.findall(self.lowered)
        return [word.lower for word in self.words]  # (words does not read lowers when the text is not simple)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.lowers)

    @cached_property
    def words(self) -> list[Word]:
        """Each word with its offsets; built only for segments where a rule found something.

        The words are found once by the pattern, then placed by `str.find` from the end of the one before:
        what lies between two words holds no letter, so a word's first occurrence from there is its own
        (about twice as fast as a match object per word)."""
        text = self.text
        written = _WORD.findall(text)
        starts: list[int] = []
        ends: list[int] = []
        find, at = text.find, 0
        for word in written:
            at = find(word, at)
            starts.append(at)
            at += len(word)
            ends.append(at)
        lowers = self.lowers if self.simple else [unicodedata.normalize("NFC", word).lower() for word in written]
        return list(map(Word, written, starts, ends, lowers))

    def occurrences(self, lowers: set[str] | frozenset[str]) -> Iterator[Word]:
        """The words whose lower-case form is in `lowers`, with their offsets."""
        return (word for word in self.words if word.lower in lowers)

    @cached_property
    def has_digit(self) -> bool:
        return _DIGIT.search(self.text) is not None

    def gap(self, left: Word, right: Word) -> str:
        return self.text[left.end : right.start]


@dataclass
class SourceText:
    """A file's lines, for mapping offsets inside YAML scalars back to where they are written."""

    lines: list[str]
    starts: list[int] = field(init=False)
    whole: str = field(init=False)

    def __post_init__(self) -> None:
        self.whole = "\n".join(self.lines)
        self.starts = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1

    def index(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def position(self, index: int) -> tuple[int, int]:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:  # the last line starting at or before index
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= index:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, index - self.starts[lo] + 1


def scalar_locator(source: SourceText, value: str, line: int, column: int) -> Locate:
    """Map offsets in a YAML scalar's value to its text in the file.

    The value differs from what is written by quotes, escapes, folding and indentation, so each
    character of the value is matched with its next occurrence in the file; whitespace matches
    whatever whitespace the file has. An escape that cannot be matched gives the scalar's start.
    """
    begin = source.index(line, column) if 0 < line <= len(source.lines) else 0

    def locate(offset: int) -> tuple[int, int]:
        pointer = begin
        for char in value[:offset]:
            if char.isspace():
                continue
            found = source.whole.find(char, pointer, pointer + 64)
            if found < 0:
                return line, column
            pointer = found + 1
        target = value[offset] if offset < len(value) else ""
        if target and not target.isspace():
            found = source.whole.find(target, pointer, pointer + 64)
            if found < 0:
                return line, column
            pointer = found
        return source.position(pointer)

    return locate


def plan_segments(data: Any, values: dict[Loc, Any], lines: list[str]) -> list[Segment]:
    """Every free-text value of a loaded plan, with its path and locator.

    `values` is the loader's map from path to position (objects with .line and .column).
    """
    source = SourceText(lines)
    found: list[Segment] = []

    def walk(value: Any, loc: Loc, name: str) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key not in NOT_TEXT:
                    walk(child, (*loc, key), key)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, (*loc, index), name)
        elif isinstance(value, str) and value.strip():
            where = values.get(loc)
            line, column = (where.line, where.column) if where else (1, 1)
            found.append(Segment(value, scalar_locator(source, value, line, column), loc, name))

    walk(data, (), "")
    return found


def line_segments(lines: list[str]) -> list[Segment]:
    """One segment per line (or paragraph) of a document; line numbers are 1-based."""
    return [Segment(text, _fixed(number), (), "") for number, text in enumerate(lines, 1) if text.strip()]


def _fixed(line: int) -> Locate:
    return lambda offset: (line, offset + 1)


def match_case(written: str, suggestion: str) -> str:
    """`suggestion` in the case `written` is in: ĐỊCH -> ĐÍCH, Mục địch -> Mục đích."""
    if written.isupper() and len(written) > 1:
        return suggestion.upper()
    if written[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
