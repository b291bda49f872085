"""`thidua record`: add results to x.results.yaml without hand-editing it.

New records are appended as text: every existing byte of the file (comments, blank lines,
quoting, order) stays as it was. Before anything is written, the old records and the new ones
are checked together with the KQ rules; one bad record (or one bad CSV row) and nothing is
written. The result is read back and compared before it replaces the file, atomically.

`--replace` corrects a figure already recorded (same target, unit and date): the new record takes
the old one's place and the old figures stay right above it as a comment, so nothing is lost.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from thidua.check.engine import CheckOptions, place, run_results_rules
from thidua.check.rule import ResultsContext
from thidua.errors import FindingsError, ThiduaError
from thidua.files import display_path, schema_for
from thidua.findings import Finding, Problem, Severity
from thidua.i18n import word
from thidua.plan.loader import (
    LoadedYaml,
    Position,
    SourceMap,
    compose,
    encoding_problem,
    load_yaml_text,
    split_lines,
)
from thidua.plan.model import ID_PATTERN, Plan, Unit
from thidua.plan.results import Record, Results, record_key
from thidua.plan.validate import validate_results
from thidua.text.figures import FigureError, parse_figure
from thidua.text.formatting import parse_date
from thidua.workspace import Tracked

FIELDS = ("target", "date", "value", "qualifier", "of", "unit", "amount", "amount_qualifier", "source", "note")

# Column names a spreadsheet may use, in English or Vietnamese (with or without marks).
HEADERS = {
    "target": ("target", "chỉ tiêu", "chi tieu", "mã chỉ tiêu", "ma chi tieu"),
    "date": ("date", "ngày", "ngay"),
    "value": ("value", "giá trị", "gia tri", "kết quả", "ket qua", "số liệu", "so lieu"),
    "of": ("of", "tổng số", "tong so", "trên tổng số", "tren tong so"),
    "unit": ("unit", "đơn vị", "don vi", "mã đơn vị", "ma don vi"),
    "amount": ("amount", "trị giá", "tri gia", "số tiền", "so tien"),
    "source": ("source", "nguồn", "nguon", "văn bản", "van ban"),
    "note": ("note", "ghi chú", "ghi chu"),
}
_HEADER_NAMES = {unicodedata.normalize("NFC", name): key for key, names in HEADERS.items() for name in names}

HEADER_COMMENT = "# Kết quả thực hiện chỉ tiêu của kế hoạch {plan} (thêm bằng: thidua record).\n"
SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"


@dataclass
class Row:
    """One record to add, with where each of its fields came from (for findings)."""

    values: dict[str, Any]
    line: int
    columns: dict[str, int] = field(default_factory=dict)
    ok: bool = True  # every field read; a row that did not is left out of the KQ rules


@dataclass
class Origin:
    """Where new records come from: a CSV file, or the command line."""

    file: str
    lines: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- reading input


def row_from_arguments(
    target: str,
    value: str,
    *,
    on: date,
    of: str | None = None,
    unit: str | None = None,
    amount: str | None = None,
    source: str | None = None,
    note: str | None = None,
) -> tuple[Row, list[Problem]]:
    raw = {"target": target, "date": on.isoformat(), "value": value, "of": of, "unit": unit,
           "amount": amount, "source": source, "note": note}  # fmt: skip
    # Findings point into the line "TARGET VALUE" as the command line gave it.
    return parse_fields(raw, line=1, columns={"target": 1, "value": len(target) + 2})


MAX_CSV_BYTES = 5 * 1024 * 1024  # some 50,000 rows


def read_csv(path: Path) -> tuple[list[Row], list[Problem], Origin]:
    """`record --from FILE.csv`: its rows, at most MAX_CSV_BYTES of it (a CSV that is /dev/zero ends)."""
    from thidua.files import InputTooLarge, read_input

    try:
        raw = read_input(path, MAX_CSV_BYTES)
    except InputTooLarge:
        raise ThiduaError("input-too-large", path=str(path), limit=MAX_CSV_BYTES) from None
    except OSError as exc:
        raise ThiduaError("path-missing", path=f"{path} ({exc.strerror})") from None
    if raw[:4] == b"PK\x03\x04" or path.suffix.lower() == ".xlsx":
        rows, problems = rows_from_xlsx(raw)
        return rows, problems, Origin(display_path(path))  # findings: the sheet's row and column number
    rows, problems, lines = rows_from_csv(raw)
    return rows, problems, Origin(display_path(path), lines)


def rows_from_xlsx(raw: bytes) -> tuple[list[Row], list[Problem]]:
    """The rows of the first sheet of an Excel workbook, headed as a CSV is; problems name the
    sheet's row and column (cell D3 is 3:4). Dates, numbers and percentages read as Excel shows them."""
    import zipfile

    from thidua.files import zip_bomb

    def problem(kind: str, **params: str) -> tuple[list[Row], list[Problem]]:
        return [], [Problem.of("KQ09", {"problem": word(kind, **params)}, line=1, column=1)]

    try:
        bomb = zip_bomb(zipfile.ZipFile(io.BytesIO(raw)))
    except (zipfile.BadZipFile, ValueError, OSError):
        return problem("xlsx-unreadable")
    if bomb is not None:
        return problem("xlsx-bomb", member=bomb[:80])
    try:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = book.worksheets[0].iter_rows()
        table = [(number, [_cell_text(cell) for cell in row]) for number, row in enumerate(sheet, 1)]
    except Exception:  # openpyxl raises many kinds on a damaged workbook: all mean "cannot read it"
        return problem("xlsx-unreadable")
    table = [(number, cells) for number, cells in table if any(cell.strip() for cell in cells)]
    if not table:
        return problem("csv-empty")
    header = table[0][1]
    while header and not header[-1].strip():
        header = header[:-1]  # the sheet's blank columns on the right
    keys, problems = _header(header, "", ";")
    rows: list[Row] = []
    columns = {key: index + 1 for index, key in enumerate(keys) if key is not None}
    for number, cells in table[1:]:
        values = {key: cells[i] if i < len(cells) else "" for i, key in enumerate(keys) if key is not None}
        row, row_problems = parse_fields(values, line=number, columns=columns)
        problems.extend(row_problems)
        rows.append(row)
    if not rows and not problems:
        problems.extend(problem("csv-empty")[1])
    return rows, problems


def _cell_text(cell: Any) -> str:
    """A cell as the sheet shows it: a date as a day, 0.96 formatted as a percentage as 96%, 12.0 as 12."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | float):
        if "%" in str(getattr(cell, "number_format", "") or ""):
            return f"{value * 100:g}%"
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
    return str(value)


def rows_from_csv(raw: bytes) -> tuple[list[Row], list[Problem], list[str]]:
    """The rows of a spreadsheet export; problems name the CSV line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):  # Excel's "CSV UTF-8"
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], [encoding_problem(raw, exc)], []
    lines = split_lines(text)
    if not text.strip():
        return [], [Problem.of("KQ09", {"problem": word("csv-empty")}, line=1, column=1)], lines
    dialect = _dialect(lines[0])
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    problems: list[Problem] = []
    try:
        header = next(reader)
    except csv.Error as exc:
        return [], [Problem.of("KQ09", {"problem": str(exc)}, line=1, column=1)], lines
    keys, header_problems = _header(header, lines[0], dialect.delimiter)
    problems.extend(header_problems)
    rows: list[Row] = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem.of("KQ09", {"problem": str(exc)}, line=reader.line_num, column=1))
            break
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            extra = word("csv-extra", count=len(cells), expected=len(header))
            problems.append(Problem.of("KQ09", {"problem": extra}, line=line, column=1))
            continue
        starts = _cell_starts(lines[line - 1] if line <= len(lines) else "", dialect.delimiter)
        values: dict[str, Any] = {}
        columns: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                continue
            values[key] = cells[index] if index < len(cells) else ""
            columns[key] = starts[index] if index < len(starts) else 1
        row, row_problems = parse_fields(values, line=line, columns=columns)
        problems.extend(row_problems)
        rows.append(row)
    if not rows and not problems:
        problems.append(Problem.of("KQ09", {"problem": word("csv-empty")}, line=1, column=1))
    return rows, problems, lines


def _dialect(first_line: str) -> type[csv.Dialect]:
    """Comma, or the semicolon a Vietnamese-locale Excel writes."""

    class Dialect(csv.excel):
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","

    return Dialect


def _header(cells: Sequence[str], line: str, delimiter: str) -> tuple[list[str | None], list[Problem]]:
    keys: list[str | None] = []
    problems: list[Problem] = []
    starts = _cell_starts(line, delimiter)
    for index, cell in enumerate(cells):
        name = unicodedata.normalize("NFC", cell.strip().lower())
        key = _HEADER_NAMES.get(name)
        column = starts[index] if index < len(starts) else 1
        if key is None:
            problems.append(
                Problem.of("KQ09", {"problem": word("csv-column", name=cell.strip())}, line=1, column=column)
            )
        elif key in keys:
            problems.append(
                Problem.of("KQ09", {"problem": word("csv-twice", name=cell.strip())}, line=1, column=column)
            )
            key = None
        keys.append(key)
    for needed in ("target", "date", "value"):
        if needed not in keys:
            problems.append(Problem.of("KQ09", {"problem": word("csv-missing", name=needed)}, line=1, column=1))
    return keys, problems


def _cell_starts(line: str, delimiter: str) -> list[int]:
    """The 1-based column where each cell of a CSV line starts (quotes respected)."""
    starts = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def parse_fields(raw: Mapping[str, Any], *, line: int, columns: dict[str, int]) -> tuple[Row, list[Problem]]:
    """Text fields (from a CSV row or the command line) -> a record's values; problems for bad ones."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []

    def bad(key: str, kind: str, text: str) -> None:
        params = {"problem": word(kind, field=key, value=text)}
        problems.append(Problem.of("KQ09", params, line=line, column=columns.get(key, 1)))

    for key in ("target", "unit", "source", "note"):
        text = (raw.get(key) or "").strip()
        if text:
            values[key] = text
    for key in ("target", "date", "value"):
        if not (raw.get(key) or "").strip():
            bad(key, "field-empty", "")
    date_text = (raw.get("date") or "").strip()
    if date_text:
        when = parse_date(date_text)
        if when is None:
            bad("date", "field-date", date_text)
        else:
            values["date"] = when
    value_text = (raw.get("value") or "").strip()
    if value_text:
        try:
            figure = parse_figure(value_text)
        except FigureError:
            bad("value", "field-value", value_text)
        else:
            values["value"] = figure.value
            if figure.qualifier:
                values["qualifier"] = figure.qualifier
    of_text = (raw.get("of") or "").strip()
    if of_text:
        try:
            population = parse_figure(of_text)
        except FigureError:
            population = None
        if population is None or isinstance(population.value, bool) or not float(population.value).is_integer():
            bad("of", "field-of", of_text)
        else:
            values["of"] = int(population.value)
    amount_text = (raw.get("amount") or "").strip()
    if amount_text:
        try:
            amount = parse_figure(amount_text)
        except FigureError:
            amount = None
        if amount is None or isinstance(amount.value, bool):
            bad("amount", "field-amount", amount_text)
        else:
            values["amount"] = amount.value
            if amount.qualifier:
                values["amount_qualifier"] = amount.qualifier
    return Row({k: values[k] for k in FIELDS if k in values}, line, columns, ok=not problems), problems


# ----------------------------------------------------------------------------- units by name

# Short forms units write for the words of their names.
_SHORT = {"lđlđ": "liên đoàn lao động", "cđcs": "công đoàn cơ sở", "cđvc": "công đoàn viên chức",
          "cđ": "công đoàn", "tp": "thành phố", "tx": "thị xã", "h": "huyện"}  # fmt: skip
_ID = re.compile(ID_PATTERN)


def _name_words(text: str) -> list[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())
    return [w for word in words for w in _SHORT.get(word, word).split()]


def units_named(plan: Plan, written: str) -> list[Unit]:
    """The plan's units a report may mean by WRITTEN: its name (any case, short forms such as LĐLĐ
    spelt out), else every unit whose name holds all of WRITTEN's words in order."""
    words = _name_words(written)
    if not words:
        return []
    exact = [unit for unit in plan.units if _name_words(unit.name) == words]
    if exact:
        return exact

    def holds(name: list[str]) -> bool:
        rest = iter(name)
        return all(word in rest for word in words)

    return [unit for unit in plan.units if holds(_name_words(unit.name))]


def resolve_units(plan: Plan, rows: Sequence[Row]) -> tuple[list[Row], list[Problem], list[tuple[str, str]]]:
    """Units as the units write them: a unit that is not one of the plan's ids is looked up by name.

    One unit of that name: the row gets its id (and the pair is given back, to be said). None, or
    several: a KQ09 problem at the row's unit column, naming the units it could be. A value
    written as an id is left to KQ02, which knows the target's units and suggests the nearest.
    """
    ids = {unit.id for unit in plan.units}
    out: list[Row] = []
    problems: list[Problem] = []
    named: list[tuple[str, str]] = []
    for row in rows:
        written = row.values.get("unit")
        if written is None or written in ids or _ID.fullmatch(written):
            out.append(row)
            continue
        matches = units_named(plan, written)
        if len(matches) == 1:
            out.append(replace(row, values={**row.values, "unit": matches[0].id}))
            named.append((written, matches[0].id))
            continue
        shown = matches or list(plan.units)
        choices = "; ".join(f"{unit.id} ({unit.name})" for unit in shown[:8]) + ("; …" if len(shown) > 8 else "")
        kind = "field-unit-ambiguous" if matches else "field-unit-unknown"
        params = {"problem": word(kind, value=written, choices=choices or "-")}
        problems.append(Problem.of("KQ09", params, line=row.line, column=row.columns.get("unit", 1)))
        out.append(replace(row, ok=False))
    return out, problems, named


# ----------------------------------------------------------------------------- checking


def row_key(row: Row) -> tuple[Any, Any, Any]:
    """The key of the record a row makes (`record_key`): two with one key say one figure twice."""
    return (row.values.get("target"), row.values.get("unit"), row.values.get("date"))


def matches(results: Results, rows: Sequence[Row]) -> dict[int, int]:
    """For each row (by its place in `rows`) with a record of its target, unit and date already in
    `results`: that record's index. A second row for the same record gets none (it is a duplicate)."""
    existing = _indexes(results)
    found: dict[int, int] = {}
    taken: set[int] = set()
    for offset, row in enumerate(rows):
        index = existing.get(row_key(row))
        if row.ok and index is not None and index not in taken:
            found[offset] = index
            taken.add(index)
    return found


def _indexes(results: Results) -> dict[tuple[Any, Any, Any], int]:
    found: dict[tuple[Any, Any, Any], int] = {}
    for index, record in enumerate(results.results):
        found.setdefault(record_key(record), index)
    return found


def check_new(tracked: Tracked, rows: Sequence[Row], origin: Origin, *, replacing: bool = False) -> list[Finding]:
    """The KQ rules over the old records and the new ones together (with `replacing`, each new one
    in the place of the record it replaces); findings in the new ones point at their CSV line (or
    the command line)."""
    old = [record.model_dump(exclude_none=True) for record in tracked.results.results]
    combined = list(old)
    places: list[int] = []  # where each row stands in `combined`
    replaced = matches(tracked.results, rows) if replacing else {}
    for offset, row in enumerate(rows):
        if offset in replaced:
            combined[replaced[offset]] = row.values
            places.append(replaced[offset])
        else:
            places.append(len(combined))
            combined.append(row.values)
    results, problems = validate_results({"results": combined})
    if results is not None:
        context = ResultsContext(plan=tracked.plan, results=results)
        problems = list(run_results_rules(context, CheckOptions()))
    source = SourceMap(lines=origin.lines)
    for index, row in zip(places, rows, strict=True):
        source.values[("results", index)] = Position(row.line, 1)
        for key in row.values:
            source.values[("results", index, key)] = Position(row.line, row.columns.get(key, 1))
    at = set(places)
    new = [p for p in problems if len(p.loc) > 1 and isinstance(p.loc[1], int) and p.loc[1] in at]
    findings = place(new, LoadedYaml(origin.file, source=source), CheckOptions())
    return [f for f in findings if f.severity is Severity.error]


def nothing_to_replace(results: Results, rows: Sequence[Row]) -> list[Problem]:
    """`--replace`: a KQ09 problem for each row that has no record of its target, unit and date to
    replace (a mistyped date would otherwise add a second figure where one was to be corrected)."""
    existing = _indexes(results)
    problems = []
    for row in rows:
        if row.ok and row_key(row) not in existing:  # a second row for one record: KQ07 says it
            target, unit, when = row_key(row)
            kind = "replace-none-unit" if unit else "replace-none"
            what = word(kind, target=target, unit=unit, date=when.isoformat())
            problems.append(Problem.of("KQ09", {"problem": what}, line=row.line, column=1))
    return problems


# ----------------------------------------------------------------------------- writing


def record_text(values: Mapping[str, Any], indent: int, dash_indent: int) -> str:
    """One record as a block mapping item, keys in the schema's order."""
    lines: list[str] = []
    for key in FIELDS:
        if key not in values:
            continue
        prefix = " " * dash_indent + "-" + " " * max(1, indent - dash_indent - 1) if not lines else " " * indent
        lines.append(f"{prefix}{key}: {_scalar(values[key])}")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    plain = yaml.safe_dump(text, allow_unicode=True, width=10**6).removesuffix("\n...\n").rstrip("\n")
    return plain if plain == text else json.dumps(text, ensure_ascii=False)


def appended(text: str, rows: Sequence[Row]) -> str:
    """The file's text with the rows added at the end of its `results:` list."""
    newline = "\r\n" if "\r\n" in text else "\n"
    if not text.strip():
        return text + "results:\n" + "".join(record_text(r.values, 4, 2) for r in rows)
    node = compose(text)  # the parser check reads with: a tab before a comment is fine there too
    items = None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "results":
                items = value
    if items is None:  # no results key yet
        body = text if text.endswith("\n") else text + "\n"
        return body + "results:\n" + "".join(record_text(r.values, 4, 2) for r in rows)
    if isinstance(items, yaml.SequenceNode) and not items.flow_style and items.value:
        dash = items.start_mark.column
        last = items.value[-1]  # new records look like the one above them
        indent = last.value[0][0].start_mark.column if isinstance(last, yaml.MappingNode) and last.value else dash + 2
        end = _last_value(items).end_mark
        lines = text.split("\n")
        # After the line where the last item's last value ends; comments after it stay after it.
        cut = end.line if end.column == 0 else end.line + 1
        head = "\n".join(lines[:cut]) + "\n"
        tail = "\n".join(lines[cut:])
        block = "".join(record_text(r.values, indent, dash) for r in rows)
        return head + block.replace("\n", newline) + tail
    # `results:` with nothing, or `results: []`: the key's line becomes the list's head.
    assert isinstance(node, yaml.MappingNode)
    key_line = next(k for k, v in node.value if v is items).start_mark.line
    lines = text.split("\n")
    after = items.end_mark.line + 1 if items.end_mark.line > key_line and items.end_mark.column == 0 else key_line + 1
    head = "\n".join(lines[:key_line])
    block = "results:\n" + "".join(record_text(r.values, 4, 2) for r in rows)
    return (head + "\n" if head else "") + block + "\n".join(lines[after:])


def _last_value(node: yaml.Node) -> yaml.Node:
    """The last scalar inside a node: its end mark is where the node's text really ends (a
    collection's own end mark runs on over the comments after it)."""
    while isinstance(node, yaml.SequenceNode | yaml.MappingNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


REPLACED_COMMENT = "# thidua record --replace {day}: trước đây {old}"


def replaced(text: str, old: Results, changes: Mapping[int, Mapping[str, Any]], today: date) -> tuple[str, str] | None:
    """The file's text with the record at each index of `changes` replaced by the new values, and
    the old text without those records (to check that the rest is kept); None when `results:` is
    not a `- ` list. Right above each new record a comment keeps the old figures (a flow mapping:
    `{value: 85, of: 120}`), then any comment the old record's lines had."""
    items = _results_items(compose(text))
    if not isinstance(items, yaml.SequenceNode) or items.flow_style or not items.value:
        return None
    crlf = "\r\n" in text
    lines = text.split("\n")
    untouched = list(lines)
    dash = items.start_mark.column
    for index in sorted(changes, reverse=True):
        item = items.value[index]
        first, cut = _span(lines, items, item)
        block_style = isinstance(item, yaml.MappingNode) and item.value and not item.flow_style
        key = item.value[0][0] if block_style else None  # the new record is indented like the old one
        indent = key.start_mark.column if key is not None and key.start_mark.line == first else dash + 2
        pad = " " * dash
        block = [pad + REPLACED_COMMENT.format(day=today.isoformat(), old=_flow(old.results[index]))]
        block += [pad + comment for comment in _comments(lines, item, first, cut)]
        block += record_text(changes[index], indent, dash).rstrip("\n").split("\n")
        ends = ["\r" if crlf else ""] * len(block)
        if cut >= len(lines) and not lines[-1].endswith("\r"):
            ends[-1] = ""  # the file's last line, without a line break
        lines[first:cut] = [line + end for line, end in zip(block, ends, strict=True)]
        del untouched[first:cut]
    return "\n".join(lines), "\n".join(untouched)


def record_lines(text: str, indexes: Iterable[int]) -> list[int]:
    """The 1-based line where each record of `indexes` starts (its `-`)."""
    items = _results_items(compose(text))
    if not isinstance(items, yaml.SequenceNode) or items.flow_style:
        return []
    lines = text.split("\n")
    return sorted(_span(lines, items, items.value[index])[0] + 1 for index in indexes if index < len(items.value))


def _results_items(node: yaml.Node | None) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value if key.value == "results"), None)
    return None


def _span(lines: Sequence[str], items: yaml.SequenceNode, item: yaml.Node) -> tuple[int, int]:
    """The lines [first, cut) of one record: from its `-` to the line where its last value ends."""
    dash = items.start_mark.column
    first = item.start_mark.line
    while first > items.start_mark.line and lines[first][dash : dash + 1] != "-":
        first -= 1  # a `-` alone on its line, the keys below it
    flow = getattr(item, "flow_style", False) or not isinstance(item, yaml.MappingNode | yaml.SequenceNode)
    end = item.end_mark if flow else _last_value(item).end_mark
    return first, end.line if end.column == 0 else end.line + 1


def _comments(lines: Sequence[str], item: yaml.Node, first: int, cut: int) -> list[str]:
    """The comments written on the lines [first, cut) of a record: after its values, or on their own."""
    nodes: list[yaml.Node] = []
    stack = [item]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
            nodes.append(node)  # a block collection's marks run on over the comments after it
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    found = []
    for number in range(first, cut):
        start = 0
        for node in nodes:
            begin, end = node.start_mark, node.end_mark
            last = end.line - 1 if end.column == 0 and end.line > begin.line else end.line
            if begin.line <= number < last:
                start = len(lines[number])  # inside a value that goes on to the next line
            elif number == last and begin.line <= number:
                start = max(start, end.column if last == end.line else len(lines[number]))
        comment = re.search(r"(?:^|\s)(#.*)$", lines[number][start:])
        if comment:
            found.append(comment[1].rstrip("\r"))
    return found


def _flow(record: Record) -> str:
    """A record's figures (all but its target, unit and date) as a one-line YAML flow mapping."""
    values = record.model_dump(exclude_none=True)
    shown = [
        f"{key}: {_flow_scalar(values[key])}"
        for key in FIELDS
        if key in values and key not in ("target", "unit", "date")
    ]
    return "{" + ", ".join(shown) + "}"


def _flow_scalar(value: Any) -> str:
    text = _scalar(value)
    if isinstance(value, str) and (text == value and re.search(r"[,\[\]{}#:]", value)):
        return json.dumps(value, ensure_ascii=False)
    return text


def replace_records(tracked: Tracked, rows: Sequence[Row], current: bytes, today: date) -> str:
    """The new text of the results file, each row's record in the place of the one it corrects;
    raises when the result does not read back as expected."""
    path = tracked.results_file
    text = current.decode("utf-8-sig")
    changes = {index: rows[offset].values for offset, index in matches(tracked.results, rows).items()}
    done = replaced(text, tracked.results, changes, today) if len(changes) == len(rows) else None
    if done is None:  # (every row having its record was checked before)
        raise ThiduaError("record-replace-layout", path=display_path(path))
    new_text, untouched = done
    loaded = load_yaml_text(new_text, display_path(path))
    results, _ = validate_results(loaded.data) if loaded.ok else (None, [])
    expected = list(tracked.results.results)
    for index, values in changes.items():
        expected[index] = Results.model_validate({"results": [values]}).results[0]
    if results is None or list(results.results) != expected or not _kept(untouched, new_text):
        raise ThiduaError("record-layout", path=display_path(path))
    return new_text


def add_records(tracked: Tracked, rows: Sequence[Row], current: bytes | None = None) -> str:
    """The new text of the results file, from its `current` bytes (None: no file yet); raises when
    the result does not read back as expected."""
    path = tracked.results_file
    if current is not None:
        text = current.decode("utf-8-sig")
    else:
        text = SCHEMA_COMMENT.format(schema=schema_for(path, "results")) + HEADER_COMMENT.format(
            plan=tracked.plan_file.name
        )
    new_text = appended(text, rows)
    loaded = load_yaml_text(new_text, display_path(path))
    results, _ = validate_results(loaded.data) if loaded.ok else (None, [])
    expected = [*tracked.results.results, *Results.model_validate({"results": [r.values for r in rows]}).results]
    if results is None or list(results.results) != expected or not _kept(text, new_text):
        raise ThiduaError("record-layout", path=display_path(path))
    return new_text


def _kept(old: str, new: str) -> bool:
    """Every line of the old text is still there, in order (an empty `results: []` line aside)."""
    old_lines = [line for line in old.splitlines() if line.split("#", 1)[0].strip() not in ("results: []", "results:")]
    remaining = iter(new.splitlines())
    return all(any(line == candidate for candidate in remaining) for line in old_lines)


def review(
    tracked: Tracked, rows: Sequence[Row], problems: Sequence[Problem], origin: Origin, *, replacing: bool = False
) -> list[Finding]:
    """Every finding about new rows: those met reading them, then the KQ rules over those that read."""
    ok = [r for r in rows if r.ok]
    findings = problems_as_findings(problems, origin) + check_new(tracked, ok, origin, replacing=replacing)
    return sorted(findings, key=lambda f: f.sort_key)


def write_records(
    tracked: Tracked,
    rows: Sequence[Row],
    problems: Sequence[Problem],
    origin: Origin,
    *,
    replacing: bool = False,
    today: date | None = None,
) -> Path:
    """Check the new rows with the old records, then append them atomically; nothing on a finding.

    With `replacing`, each row corrects the record of its target, unit and date instead (a row with
    none is refused); without, a row that has one is refused, naming that record's line.

    `problems` are those met while reading the rows; the rows that did read are checked too, so
    that one run shows every bad row. The file is locked, re-read and checked again under the
    lock, so that records another `thidua record` added meanwhile are kept (and counted: a
    duplicate of one of them is refused).
    """
    from thidua.files import update_file
    from thidua.workspace import reread_results

    def change(current: bytes | None) -> bytes:
        now = reread_results(tracked) if current is not None else replace(tracked, results=Results())
        found = [*problems, *nothing_to_replace(now.results, rows)] if replacing else list(problems)
        findings = review(now, rows, found, origin, replacing=replacing)
        shown = display_path(tracked.results_file)
        if findings:
            ok = [r for r in rows if r.ok]
            there = [] if replacing or current is None else matches(now.results, ok).values()
            lines = record_lines(current.decode("utf-8-sig"), there) if there and current is not None else []
            if lines:
                raise FindingsError("record-exists", findings, path=shown, lines=", ".join(map(str, lines)))
            raise FindingsError("record-refused", findings, path=shown)
        if replacing:
            assert current is not None  # no file: every row was refused above
            return replace_records(now, rows, current, today or date.today()).encode("utf-8")
        return add_records(now, rows, current).encode("utf-8")

    update_file(tracked.results_file, change)
    return tracked.results_file


def problems_as_findings(problems: Iterable[Problem], origin: Origin) -> list[Finding]:
    return place(problems, LoadedYaml(origin.file, source=SourceMap(lines=origin.lines)), CheckOptions())
