"""Read a YAML file into plain data, keeping the 1-based line and column of every value.

The loader never raises on bad input: every problem (bytes that are not UTF-8,
YAML syntax, duplicate keys, tags that would construct objects, alias bombs…)
becomes a `Problem` with a position, and the data is then `None`.

Scalars are resolved with YAML 1.2 core rules, not PyYAML's YAML 1.1 ones, so
that `no` stays text, `06` keeps its leading zero and `1:20` is not sexagesimal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from thidua.files import InputRefused, InputTooLarge, read_input
from thidua.findings import Loc, Problem
from thidua.i18n import word
from thidua.plan.traps import parse_trap
from thidua.plan.yaml_messages import is_depth_problem, shown_tag, yaml_context, yaml_problem

try:  # libyaml's C parser is ~10x faster; fall back to pure Python when absent.
    from yaml._yaml import CParser

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    LIBYAML = False


if LIBYAML:

    class _YamlLoader(CParser, yaml.composer.Composer, yaml.resolver.Resolver):
        """libyaml's parser with PyYAML's Python composer.

        libyaml's own composer recurses in C without a limit: a file of 30,000 nested "["
        crashes Python. The Python composer raises RecursionError instead, for +0.5 ms a file.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        get_single_node = yaml.composer.Composer.get_single_node
        compose_document = yaml.composer.Composer.compose_document
        compose_node = yaml.composer.Composer.compose_node
        compose_scalar_node = yaml.composer.Composer.compose_scalar_node
        compose_sequence_node = yaml.composer.Composer.compose_sequence_node
        compose_mapping_node = yaml.composer.Composer.compose_mapping_node

else:  # pragma: no cover
    _YamlLoader = yaml.SafeLoader  # type: ignore[assignment,misc]

MAX_BYTES = 5 * 1024 * 1024
MAX_DIGITS = 15  # a figure, a goal, an amount in đồng: 15 digits is a million billion (and exact as a float)
MAX_NODES = 200_000  # after alias expansion; a large plan has a few thousand
MAX_DEPTH = 64

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
_MERGE = _TAG + "merge"  # `<<` is kept as an ordinary key; the schema then calls it unknown
# YAML 1.1 types PyYAML's resolver may give a plain scalar; thidua re-resolves them (1.2 core).
_IMPLICIT = {_TAG + t for t in ("null", "bool", "int", "float", "timestamp", "value")}
# libyaml (YAML 1.1) breaks lines at these too; an editor does not, so every later line would be off.
_HIDDEN_BREAKS = re.compile("[\u0085\u2028\u2029]")
_BOM = b"\xef\xbb\xbf"

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_EXPONENT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+")
# A float needs a point or an exponent, and no leading zero ("06" stays text).
_FLOAT = re.compile(r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Every line break YAML knows (after the hidden ones are refused): libyaml counts a lone CR too.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of a text as the YAML parser counts them: CRLF, CR and LF each end a line."""
    return LINE_BREAK.split(text)


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in characters


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of the data stands in the file."""

    lines: list[str] = field(default_factory=list)
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def locate(self, loc: Loc, at_key: bool = False) -> Position:
        """The position of `loc`, or of its nearest ancestor that has one."""
        if at_key and loc in self.keys:
            return self.keys[loc]
        probe = loc
        while probe:
            if probe in self.values:
                # A missing or wrong child of a mapping points at the key that opens it.
                if probe != loc and probe in self.keys:
                    return self.keys[probe]
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(1, 1))

    def line_text(self, line: int) -> str | None:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else None


@dataclass
class LoadedYaml:
    file: str
    data: Any = None
    source: SourceMap = field(default_factory=SourceMap)
    problems: list[Problem] = field(default_factory=list)
    # Warnings found while reading that do not stop it (text YAML silently cut or joined).
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.problems


class _Reject(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _reject(node: yaml.Node, code: str, params: dict[str, Any]) -> _Reject:
    return _Reject(Problem.of(code, params, line=_line(node), column=_col(node)))


def load_yaml_file(
    path: Path, display: str | None = None, *, named: bool = True, within: Path | None = None
) -> LoadedYaml:
    """Read `path` and load it; I/O failures and refused inputs are problems too (never raised).

    `named`: the user gave this path (anything is read, within MAX_BYTES); otherwise only a
    regular file outside /proc, /sys and /dev, and with `within` only one whose real path is
    inside that folder (files.read_input).
    """
    shown = display or str(path)
    try:
        raw = read_input(path, MAX_BYTES, named=named, within=within)
    except InputRefused as refused:
        return LoadedYaml(shown, problems=[Problem.of("YA08", {"reason": word(refused.reason, **refused.params)})])
    except InputTooLarge:
        return LoadedYaml(shown, problems=[Problem.of("YA07", {"what": word("size", limit=MAX_BYTES)})])
    except OSError as exc:
        return LoadedYaml(shown, problems=[Problem.of("YA08", {"reason": exc.strerror or str(exc)})])
    return load_yaml_bytes(raw, shown)


def load_yaml_bytes(raw: bytes, file: str) -> LoadedYaml:
    if len(raw) > MAX_BYTES:
        return LoadedYaml(file, problems=[Problem.of("YA07", {"what": word("size", limit=MAX_BYTES)})])
    if raw.startswith(_BOM):  # "UTF-8 with BOM", as Windows Notepad saves
        raw = raw[len(_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LoadedYaml(file, problems=[encoding_problem(raw, exc)])
    return load_yaml_text(text, file)


def encoding_problem(raw: bytes, exc: UnicodeDecodeError) -> Problem:
    """YA04 at the line and column (in characters) of the first byte that is not UTF-8."""
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
    return Problem.of("YA04", {"byte": raw[exc.start : exc.start + 1].hex()}, line=line, column=column)


def load_yaml_text(text: str, file: str) -> LoadedYaml:
    # Lines as an editor counts them: str.splitlines() would also break at U+2028, U+000B…
    result = LoadedYaml(file, source=SourceMap(lines=split_lines(text)))
    if not text.strip():
        result.problems.append(Problem.of("YA05", line=1, column=1))
        return result
    hidden = _HIDDEN_BREAKS.search(text)
    if hidden:
        line, column = _offset_position(text, hidden.start())
        code = f"U+{ord(hidden[0]):04X}"
        problem = {
            "vi": f"ký tự ngắt dòng ẩn {code} (thường do dán từ Word); hãy xóa ký tự này",
            "en": f"a hidden line break {code} (usually pasted from Word); delete it",
        }
        result.problems.append(Problem.of("YA01", {"problem": problem, "context": ""}, line=line, column=column))
        return result
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if is_depth_problem(exc.problem):  # where libyaml gave up: the bracket too many
            result.problems.append(
                Problem.of("YA07", {"what": word("depth", limit=MAX_DEPTH)}, line=line, column=column)
            )
            return result
        trap = parse_trap(result.source.lines, line, column, exc.problem)
        if trap is not None:  # a sentence YAML read as syntax: name the trap, not libyaml's guess
            result.problems.append(trap)
            return result
        context = exc.context_mark if exc.problem_mark and exc.context_mark else None
        params = {
            "problem": yaml_problem(exc.problem or exc.context or str(exc)),
            # The parser notices late; where the broken construct began is often the real mistake.
            "context": yaml_context(
                context.line + 1 if context and context.line + 1 != line else None,
                context.column + 1 if context else None,
            ),
        }
        result.problems.append(Problem.of("YA01", params, line=line, column=column))
        return result
    except yaml.reader.ReaderError as exc:
        # libyaml counts this offset in bytes of UTF-8, the Python reader in characters
        offset = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")) if LIBYAML else exc.position
        line, column = _offset_position(text, offset)
        char = exc.character
        point = char if isinstance(char, int) else ord(str(char)[:1] or "\0")
        problem = {
            "vi": f"ký tự điều khiển U+{point:04X} không được phép",
            "en": f"the control character U+{point:04X} is not allowed",
        }
        result.problems.append(Problem.of("YA01", {"problem": problem, "context": ""}, line=line, column=column))
        return result
    except yaml.YAMLError as exc:  # pragma: no cover - other parser failures
        result.problems.append(Problem.of("YA01", {"problem": yaml_problem(str(exc)), "context": ""}, line=1, column=1))
        return result
    except RecursionError:
        result.problems.append(Problem.of("YA07", {"what": word("depth", limit=MAX_DEPTH)}, line=1, column=1))
        return result

    if node is None or (isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""):
        result.problems.append(Problem.of("YA05", line=1, column=1))  # only comments, or only `---`
        return result
    if not isinstance(node, yaml.MappingNode):
        kind = "list" if isinstance(node, yaml.SequenceNode) else "scalar"
        result.problems.append(Problem.of("YA03", {"kind": word(kind)}, line=_line(node), column=_col(node)))
        return result
    try:
        builder = _Builder(result.source, node, _inline_comment_lines(text))
        result.data = builder.build(node, (), 0)
        result.notes = list(builder.notes.values())
    except _Reject as reject:
        result.problems.append(reject.problem)
        result.data = None
    return result


_COMMENT_AFTER = re.compile(r"([ \t]+)(#.*)")
_THIDUA_COMMENT = re.compile(r"#\s*thidua\b")
_JOINED_STYLES = (None, "", ">")  # plain and folded scalars join their lines with spaces
_SENTENCE_END = tuple(".;:!?…)]”’\"'")


def _inline_comment_lines(text: str) -> frozenset[int]:
    """The 0-based lines with a comment after something on them: usually none or a few.

    str.find runs at C speed; a regular expression over the whole file cost 8x more.
    """
    found: set[int] = set()
    for blank in (" #", "\t#"):
        index = text.find(blank)
        while index >= 0:
            before = index
            while before > 0 and text[before - 1] in " \t":
                before -= 1
            if before > 0 and text[before - 1] != "\n":  # not an indented comment line
                found.add(text.count("\n", 0, index))
            index = text.find(blank, index + 2)
    return frozenset(found)


# Every level of nesting takes an indicator: `[`, `{`, `-`, `:` or `?`. A text with fewer of them
# than this cannot nest deeper, and libyaml's own composer (C, ~5x the Python one) is safe on it.
C_COMPOSER_BOUND = 2000


def compose(text: str) -> yaml.Node | None:
    """The node graph of a YAML text, with the parser every command reads with (libyaml's).

    The nodes are libyaml's composer's when the text cannot nest deep enough to exhaust the C
    stack (C_COMPOSER_BOUND), else the Python composer's: the same nodes, marks and errors.
    Raises yaml.YAMLError (and RecursionError) as yaml.compose does.
    """
    if LIBYAML and sum(text.count(mark) for mark in "[{-:?") < C_COMPOSER_BOUND:
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    return yaml.compose(text, Loader=_YamlLoader)  # type: ignore[arg-type]


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _col(node: yaml.Node) -> int:
    return int(node.start_mark.column) + 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    lines = split_lines(text[:offset])
    return len(lines), len(lines[-1]) + 1


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_aliases(root: yaml.Node) -> None:
    """Reject alias bombs and recursive aliases, naming the anchor that expands too far."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > MAX_NODES:
                raise _Reject(
                    Problem.of("YA07", {"what": word("aliases", limit=MAX_NODES)}, line=_line(node), column=_col(node))
                )
            continue
        if key in sizes:
            continue
        if key in on_path:  # `&a [*a]` expands forever
            raise _Reject(
                Problem.of("YA07", {"what": word("recursion", limit=MAX_NODES)}, line=_line(node), column=_col(node))
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


class _Builder:
    """Builds plain data from the node graph, expanding aliases within bounds."""

    def __init__(self, source: SourceMap, root: yaml.Node, comment_lines: frozenset[int] = frozenset()) -> None:
        self.source = source
        self.root = root
        self.seen: set[int] = set()
        self.aliases_checked = False
        self.comment_lines = comment_lines
        self.notes: dict[tuple[str, int, int], Problem] = {}

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            if id(node) in self.seen and not self.aliases_checked:
                _check_aliases(self.root)  # only files that reuse a node (an alias) pay for this
                self.aliases_checked = True
            self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Reject(
                Problem.of("YA07", {"what": word("depth", limit=MAX_DEPTH)}, line=_line(node), column=_col(node))
            )
        self.source.values.setdefault(loc, Position(_line(node), _col(node)))
        if isinstance(node, yaml.MappingNode):
            self._allow(node, _MAP)
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            self._allow(node, _SEQ)
            return [self.build(child, (*loc, i), depth + 1) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        value = self._scalar(node)
        if isinstance(value, TooLarge) or (isinstance(value, float) and abs(value) >= 10**MAX_DIGITS):
            raise _reject(node, "YA07", {"what": word("digits", limit=MAX_DIGITS, value=_shortened(node.value))})
        return value

    def _allow(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise _reject(node, "YA06", {"tag": shown_tag(node.tag)})

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Reject(
                    Problem.of(
                        "YA01",
                        {"problem": yaml_problem("a key must be plain text"), "context": ""},
                        line=_line(key_node),
                        column=_col(key_node),
                    )
                )
            if key_node.tag not in (_STR, _MERGE, *_IMPLICIT):
                raise _Reject(
                    Problem.of("YA06", {"tag": shown_tag(key_node.tag)}, line=_line(key_node), column=_col(key_node))
                )
            key = str(key_node.value)
            if key in first_seen:
                raise _Reject(
                    Problem.of(
                        "YA02",
                        {"key": key, "first_line": first_seen[key]},
                        line=_line(key_node),
                        column=_col(key_node),
                    )
                )
            first_seen[key] = _line(key_node)
            child = (*loc, key)
            self.source.keys[child] = Position(_line(key_node), _col(key_node))
            out[key] = self.build(value_node, child, depth + 1)
            if out[key] is None:  # `date:` left empty: point at the key, not past the colon
                self.source.values[child] = self.source.keys[child]
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        value: str = node.value
        if node.tag == _STR:
            # Cheap tests first: most values hold no "- " and most files no comment after text.
            if "- " in value and node.style in _JOINED_STYLES:
                self._dash_line(node)
            if self.comment_lines and not node.style and node.end_mark.line in self.comment_lines:
                self._cut_at_comment(node)
            # YAML 1.1 calls "1e3" text; YAML 1.2 (what thidua reads) calls it a number.
            if not node.style and _EXPONENT.fullmatch(value):
                return resolve_plain(value)
            return value
        if node.tag not in _IMPLICIT:
            raise _reject(node, "YA06", {"tag": shown_tag(node.tag)})
        return resolve_plain(value)

    def _note(self, code: str, params: dict[str, Any], line: int, column: int) -> None:
        self.notes.setdefault((code, line, column), Problem.of(code, params, line=line, column=column))

    def _cut_at_comment(self, node: yaml.ScalarNode) -> None:
        """YA12: a sentence that YAML cut at ' #', the rest of it taken for a comment."""
        value: str = node.value
        end = node.end_mark
        after = _COMMENT_AFTER.match(self.source.lines[end.line][end.column :])
        if after is None or " " not in value or _THIDUA_COMMENT.match(after[2]):
            return
        blanks, comment = after[1], after[2].rstrip()
        glued = comment[1:2] not in ("", " ", "\t")  # "#KH-LĐLĐ": a word, not a comment
        if glued or (len(blanks) == 1 and not value.endswith(_SENTENCE_END)):
            self._note("YA12", {"comment": comment}, end.line + 1, end.column + len(blanks) + 1)

    def _dash_line(self, node: yaml.ScalarNode) -> None:
        """YA13: a line starting with '- ' that YAML joined to the text above it (no sub-item)."""
        start, end = node.start_mark, node.end_mark
        last = end.line if end.column > 0 else end.line - 1
        lines = self.source.lines
        for index in range(start.line + 1, min(last, len(lines) - 1) + 1):
            stripped = lines[index].lstrip(" ")
            if stripped.startswith("- "):
                self._note("YA13", {}, index + 1, len(lines[index]) - len(stripped) + 1)
                return


class TooLarge(str):
    """A plain integer of more than MAX_DIGITS digits, kept as its text."""


def _shortened(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core-schema resolution of an untagged plain scalar, plus ISO dates.

    An integer of more than MAX_DIGITS digits is `TooLarge` (the loader refuses it): never int()
    of thousands of digits, which Python refuses beyond 4,300 and is slow before.
    """
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value) if len(value.lstrip("+-")) <= MAX_DIGITS else TooLarge(value)
    if _FLOAT.fullmatch(value) and any(c in value for c in ".eE"):
        number = float(value)
        return number if math.isfinite(number) else value  # 1e400 is no goal anyone can reach
    match = _DATE.fullmatch(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return value  # an impossible date stays text; the schema reports it
    return value
