"""`thidua new`: next year's plan written from last year's file, edited as text so nothing is lost.

The old file is copied line for line (comments, blank lines, folding and quoting kept); only
the characters that change are replaced: dates and year mentions moved by the year difference
(thidua/change/years.py), the number and issue date blanked. What a human must still decide is marked
with a `# thidua new: …` comment above its line and returned as `Decision`s. The result is read
back and compared with the plan it should be before anyone writes it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from thidua.change.years import CITATION, Edit, YearShift, apply_edits
from thidua.check.rules.decisions import NEW_MARK as MARK
from thidua.findings import Loc
from thidua.i18n import tr
from thidua.plan.decisions import Decision
from thidua.plan.loader import LoadedYaml, Position, load_yaml_text
from thidua.plan.model import Plan
from thidua.plan.validate import validate_plan
from thidua.text.formatting import short_date, so_ky_hieu
from thidua.text.segments import NOT_TEXT, SourceText, scalar_locator

# The written form of a one-line scalar: quoted, or plain up to a comment, a comma or a bracket.
_TOKEN = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^\s#,\]}][^#,\]}]*?(?=\s*(?:#|,|\]|\}|$))")
_SCHEMA_LINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)(.*)$")


class NextYearError(Exception):
    """The edited text did not read back as the plan it should be (a bug, never written)."""


@dataclass(frozen=True)
class NextYear:
    text: str
    year: int
    old_year: int
    delta: int
    moved: int  # dates and year mentions moved
    decisions: tuple[Decision, ...]


def default_year(plan: Plan) -> int | None:
    """The next campaign's first year: a yearly plan the next year, a 2016–2020 plan 2021."""
    period = plan.campaign.period
    if period and period.start and period.end:
        return period.end.year + 1
    return plan.year + 1 if plan.year else None


def next_year(
    text: str,
    loaded: LoadedYaml,
    plan: Plan,
    *,
    year: int,
    old_name: str,
    schema_from: str | None = None,
    lang: str = "vi",
    newline: str | None = None,
) -> NextYear:
    """Last year's plan text -> next year's; `schema_from` rewrites the $schema path (old dir, new dir).

    `text` has its lines joined by "\n"; the new text ends its lines with `newline` (default:
    CRLF when `text` has it).
    """
    old_year = plan.year or year
    period = plan.campaign.period
    shift = YearShift.of(period.start if period else None, period.end if period else None, old_year, year - old_year)
    _check_range(plan, shift, year)
    builder = _Builder(text, loaded, plan, shift, year, lang)
    if newline is not None:
        builder.newline = newline
    builder.walk(loaded.data, ())
    new_text, new_line = builder.assemble(old_name, schema_from)
    expected = builder.expected(loaded.data, ())
    reread = load_yaml_text(new_text, "new")
    if reread.data != expected or reread.problems:
        raise NextYearError("the new plan does not read back as expected")
    _, problems = validate_plan(reread.data)
    if problems:
        raise NextYearError("the new plan does not validate")
    decisions = tuple(
        Decision(d.kind, d.path, new_line(d.line, d.message), d.message)
        for d in sorted(builder.decisions, key=lambda d: d.line)
    )
    return NextYear(new_text, year, old_year, shift.delta, len(builder.edits), decisions)


@dataclass
class _Pending:
    kind: str
    path: Loc
    line: int  # in the old file
    message: str


class _Builder:
    def __init__(self, text: str, loaded: LoadedYaml, plan: Plan, shift: YearShift, year: int, lang: str) -> None:
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.source = SourceText(loaded.source.lines)
        self.values = loaded.source.values
        self.plan = plan
        self.shift = shift
        self.year = year
        self.lang = lang
        self.edits: list[tuple[int, int, str]] = []  # absolute offsets in source.whole
        self.value_edits: dict[Loc, Any] = {}  # the value each edited path should read back as
        self.decisions: list[_Pending] = []
        own = plan.document
        self.own_citation = f"{so_ky_hieu(own.number, plan.ky_hieu)}" if own.number else None

    # ------------------------------------------------------------------ reading the plan

    def walk(self, value: Any, path: Loc) -> None:
        if path == ("references",):
            for index, _ in enumerate(value):
                self._reference(index)
            return
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "theme" and isinstance(child, str):
                    self.decide("theme", (*path, key), "decide-theme", year=self.year)
                self.walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                self.walk(child, (*path, index))
        elif path == ("document", "number"):
            if value is not None:
                self._replace_token(path, "")
                self.decide("number", path, "decide-number")
        elif isinstance(value, date):
            if path == ("document", "date"):
                self._replace_token(path, "")
                self.decide("date", path, "decide-date")
            elif self.shift.moves(value):
                self._replace_token(path, self.shift.moved(value).isoformat(), value)
        elif isinstance(value, str) and path and path[-1] not in NOT_TEXT:
            self._text(value, path)

    def _reference(self, index: int) -> None:
        ref = self.plan.references[index]
        if ref.number or ref.date:
            number, ky_hieu = ref.number_and_ky_hieu
            cited = "số " + so_ky_hieu(number, ky_hieu or ref.type) if number else ""
            if ref.date:
                cited += f" ngày {short_date(ref.date)}"
        else:
            cited = (ref.text or ref.subject or "").strip()[:60]
        self.decide("reference", ("references", index), "decide-reference", cited=cited.strip(), year=self.year)

    def _text(self, value: str, path: Loc) -> None:
        where = self.values.get(path)
        if where is None:
            return
        locate = scalar_locator(self.source, value, where.line, where.column)
        applied: list[Edit] = []
        for edit in self.shift.edits(value):
            line, column = locate(edit.start)
            start = self.source.index(line, column)
            if self.source.whole[start : start + len(edit.old)] == edit.old:
                self.edits.append((start, start + len(edit.old), edit.new))
                applied.append(edit)
            else:  # an escape or a fold in the middle of it: leave it for a human
                self.decide("unshifted", path, "decide-unshifted", text=edit.old, new=edit.new)
        if applied:
            self.value_edits[path] = apply_edits(value, applied)
        for mention in self.shift.mentions(value):
            if mention.kind == "anniversary" and mention.ordinal is not None:
                years = f" ({mention.years[0]}–{mention.years[1] + self.shift.delta})" if mention.years else ""
                self.decide(
                    "anniversary",
                    path,
                    "decide-anniversary",
                    text=mention.text,
                    years=years,
                    new=f"{mention.ordinal + self.shift.delta} năm",
                    year=self.year,
                )
            elif mention.kind == "citation":
                match = CITATION.match(mention.text)
                if self.own_citation and match and match[1].rstrip(".,") == self.own_citation:
                    self.decide("self-citation", path, "decide-self", text=mention.text)
                elif any(self.shift.tied(int(y)) for y in re.findall(r"\d{4}", mention.text)):
                    self.decide("citation", path, "decide-citation", text=mention.text, year=self.year)

    def _replace_token(self, path: Loc, new: str, value: Any = None) -> None:
        where = self.values[path]
        start = self.source.index(where.line, where.column)
        line_text = self.source.lines[where.line - 1]
        match = _TOKEN.match(line_text, where.column - 1)
        if match is None:
            raise NextYearError(f"cannot find the value of {path} on line {where.line}")
        if match[0][:1] in "\"'":
            new = f'"{new}"' if new else ""
        if not new:  # `number: 58` -> `number:`; keep one space before a comment that follows
            before = line_text[: where.column - 1]
            spaces = len(before) - len(before.rstrip(" "))
            after = line_text[match.end() :]
            start -= (
                spaces if (not after.strip() or after.lstrip().startswith("#")) and before.rstrip().endswith(":") else 0
            )
            if after.lstrip().startswith("#") and spaces:
                new = " "
        self.edits.append((start, self.source.index(where.line, match.end() + 1), new))
        self.value_edits[path] = None if not new.strip() else (self.shift.moved(value) if value is not None else new)

    def decide(self, kind: str, path: Loc, key: str, **params: Any) -> None:
        where = self.values.get(path) or Position(1, 1)
        # On one line: it becomes a YAML comment, and a quoted text may span lines ("ngày\n31/7/2020").
        message = " ".join(tr(key, self.lang, **params).split())
        self.decisions.append(_Pending(kind, path, where.line, message))

    # ------------------------------------------------------------------ writing the new text

    def assemble(self, old_name: str, schema_from: str | None) -> tuple[str, Any]:
        whole = self.source.whole
        for start, end, new in sorted(self.edits, reverse=True):
            whole = whole[:start] + new + whole[end:]
        lines = whole.split("\n")
        header = [
            "# " + tr("new-header", self.lang, old=old_name, old_year=self.shift.first + 1, year=self.year),
            "# " + tr("new-header-marks", self.lang, mark=MARK),
        ]
        first = 0
        schema = _SCHEMA_LINE.match(lines[0]) if lines else None
        if schema and schema_from is not None:
            lines[0] = schema[1] + _relocated(schema[2], schema_from) + schema[3]
        if schema:
            first = 1
        notes: dict[int, list[str]] = {}
        for decision in self.decisions:
            notes.setdefault(decision.line, []).append(decision.message)
        out: list[str] = []
        note_line: dict[tuple[int, str], int] = {}  # (old line, note) -> its line in the new file
        for number, line in enumerate(lines, 1):
            if number == first + 1:
                out.extend(header)
            indent = line[: len(line) - len(line.lstrip(" "))]
            for note in dict.fromkeys(notes.get(number, ())):
                out.append(f"{indent}# {MARK} {note}")
                note_line[(number, note)] = len(out)
            out.append(line)
        return self.newline.join(out), lambda old_line, note: note_line[(old_line, note)]

    def expected(self, value: Any, path: Loc) -> Any:
        """The old data with this builder's edits: what the new text must read back as."""
        if path in self.value_edits:
            return self.value_edits[path]
        if isinstance(value, dict):
            return {key: self.expected(child, (*path, key)) for key, child in value.items()}
        if isinstance(value, list):
            return [self.expected(child, (*path, index)) for index, child in enumerate(value)]
        return value


def _check_range(plan: Plan, shift: YearShift, year: int) -> None:
    """Every date that moves stays in the years a plan may have (model.FIRST_YEAR–LAST_YEAR)."""
    from thidua.errors import ThiduaError
    from thidua.plan.model import FIRST_YEAR, LAST_YEAR

    years = [d.year + shift.delta for d in _dates(plan.model_dump()) if shift.moves(d)]
    if not FIRST_YEAR <= year <= LAST_YEAR or any(not FIRST_YEAR <= y <= LAST_YEAR for y in years):
        raise ThiduaError("new-year-range", year=year, first=FIRST_YEAR, last=LAST_YEAR)


def _dates(value: Any) -> list[date]:
    if isinstance(value, date):
        return [value]
    if isinstance(value, dict):
        return [d for child in value.values() for d in _dates(child)]
    if isinstance(value, list):
        return [d for child in value for d in _dates(child)]
    return []


def newline_of(raw: bytes) -> str:
    """The line ending the new file keeps: CRLF or a lone CR when the old file has them."""
    return "\r\n" if b"\r\n" in raw else "\r" if b"\r" in raw else "\n"


def next_year_text(
    raw: bytes,
    loaded: LoadedYaml,
    plan: Plan,
    *,
    year: int,
    old_name: str,
    schema_from: str | None = None,
    lang: str = "vi",
) -> NextYear:
    """Next year's plan from last year's file as read (`raw`, loaded as `loaded`), any line ending."""
    text = "\n".join(loaded.source.lines)  # the file as read: BOM dropped, lines as YAML counts them
    return next_year(
        text, loaded, plan, year=year, old_name=old_name, schema_from=schema_from, lang=lang, newline=newline_of(raw)
    )


def _relocated(schema: str, folders: str) -> str:
    """A relative $schema path as seen from the new file's folder (`folders` is "old\\0new")."""
    if "://" in schema or os.path.isabs(schema):
        return schema
    old_dir, new_dir = folders.split("\0")
    target = os.path.normpath(os.path.join(old_dir, schema))
    return os.path.relpath(target, new_dir).replace(os.sep, "/")


def make_next_year(old: Path, new: Path, *, year: int | None = None, lang: str = "vi") -> NextYear:
    """`thidua new NEW --from OLD`: read, move, check it reads back, create NEW (never replacing)."""
    from thidua.errors import InputError, ThiduaError
    from thidua.files import NewFolders, OutputError, display_path, read_input, write_new
    from thidua.plan.loader import MAX_BYTES
    from thidua.workspace import open_loaded

    if not old.is_file():
        raise InputError("path-missing", path=str(old))
    if new.exists() or new.is_symlink():
        raise OutputError("output-exists", path=str(new))
    if new.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError("new-suffix", path=str(new))
    loaded, plan = open_loaded(old)
    chosen = year if year is not None else default_year(plan)
    if chosen is None:
        raise ThiduaError("new-no-year", path=display_path(old))
    if plan.year is not None and chosen == plan.year:
        raise ThiduaError("new-same-year", year=chosen)
    raw = read_input(old, MAX_BYTES)
    folders = f"{os.path.abspath(old.parent)}\0{os.path.abspath(new.parent)}"
    result = next_year_text(raw, loaded, plan, year=chosen, old_name=display_path(old), schema_from=folders, lang=lang)
    with NewFolders() as made:  # removed again when the file could not be written
        made.make(new.parent)
        write_new(new, result.text.encode("utf-8"))
    return result
