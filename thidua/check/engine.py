"""The lint engine: load, validate, run the rules, place and filter the findings of files."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from thidua.check.rule import PlanContext, ResultsContext, Rule, TextContext
from thidua.check.rules import CHECKS, RESULTS_CHECKS, RULES, TEXT_CHECKS, message
from thidua.check.text_input import DOCUMENT_SUFFIXES, read_document
from thidua.errors import EXIT_FINDINGS, EXIT_OK, ThiduaError
from thidua.files import display_path, repository_of, repository_root
from thidua.findings import Finding, Problem, Severity, format_loc
from thidua.plan.loader import LoadedYaml, SourceMap, load_yaml_file
from thidua.plan.model import Plan
from thidua.plan.results import Results, is_results_file, plan_path, results_path
from thidua.plan.validate import validate_plan, validate_results
from thidua.text.segments import Segment, line_segments, plan_segments
from thidua.text.settings import TextSettings

PLAN_SUFFIXES = (".yaml", ".yml")
# The free text of a results file: its records' sources and notes, the report's narrative.
RESULTS_TEXT = frozenset(
    {"source", "note", "highlights", "shortcomings", "causes", "directions", "requests", "text", "title"}
)
PARALLEL_THRESHOLD = 64  # below this, starting worker processes costs more than it saves

_IGNORE = re.compile(r"#\s*thidua:\s*ignore(?:\[([A-Za-z0-9_,\s]*)\])?")


@dataclass(frozen=True)
class CheckOptions:
    select: tuple[str, ...] = ()  # codes or prefixes, in any case
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # code -> error|warning|info|off
    text: TextSettings = field(default_factory=TextSettings)

    def __post_init__(self) -> None:
        # Normalised once: keeps() runs for every rule and every problem.
        object.__setattr__(self, "select", tuple(c.strip().upper() for c in self.select))
        object.__setattr__(self, "ignore", tuple(c.strip().upper() for c in self.ignore))
        object.__setattr__(self, "severity", {c.strip().upper(): v for c, v in self.severity.items()})

    def validate_codes(self) -> None:
        for code in (*self.select, *self.ignore):
            if not any(rule.startswith(code) for rule in RULES):
                raise ThiduaError("unknown-code", code=code)
        for code in self.severity:  # a severity names one rule, not a group
            if code not in RULES:
                raise ThiduaError("unknown-code", code=code)

    def keeps(self, code: str) -> bool:
        if self.select and not code.startswith(self.select):
            return False
        if code.startswith(self.ignore):
            return False
        return self.severity.get(code) != "off"

    def severity_for(self, code: str) -> Severity:
        override = self.severity.get(code)
        return Severity(override) if override and override != "off" else RULES[code].severity


@dataclass
class CheckReport:
    findings: list[Finding]
    files: int

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def workers_for(jobs: int | None) -> int:
    """Worker processes: --jobs, but never more than the cores (`--jobs 5000` would start 5,000)."""
    cores = os.cpu_count() or 1
    return cores if jobs is None else max(1, min(jobs, cores))


def check_files(
    files: Sequence[Path],
    options: CheckOptions,
    *,
    jobs: int | None = None,
    found: Mapping[Path, Path] | None = None,
) -> CheckReport:
    """Every finding of every file, spread over worker processes when there are many.

    `found` maps each file found inside a folder (not named by the user) to its repository:
    such a file is read only when it is a regular file inside it (files.refusal).
    """
    options.validate_codes()
    workers = workers_for(jobs)
    within = [(found or {}).get(path) for path in files]
    if workers > 1 and len(files) >= PARALLEL_THRESHOLD:
        chunk = max(1, len(files) // (workers * 8))
        from concurrent.futures import ProcessPoolExecutor  # only for many files: its import costs ~9 ms

        with ProcessPoolExecutor(max_workers=workers) as pool:
            batches = list(pool.map(_check_for_pool, files, [options] * len(files), within, chunksize=chunk))
    else:
        linked: dict[Path, Plan | None] = {}
        batches = [check_file(path, options, linked, within=root) for path, root in zip(files, within, strict=True)]
    findings = [finding for batch in batches for finding in batch]
    return CheckReport(findings=findings, files=len(files))


_POOL_LINKED: dict[Path, Plan | None] = {}


def _check_for_pool(path: Path, options: CheckOptions, within: Path | None) -> list[Finding]:
    return check_file(path, options, _POOL_LINKED, within=within)


def check_file(
    path: Path, options: CheckOptions, linked: dict[Path, Plan | None] | None = None, *, within: Path | None = None
) -> list[Finding]:
    """All findings for one plan file and its results file (or a .txt/.docx document), sorted.

    `within`: the repository the file was found in (None: the user named it, so it is read
    whatever it is). The results file beside a plan is never named: it must be a regular file.
    """
    named = within is None
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        return check_document(path, options, named=named, within=within)
    if is_results_file(path):  # on its own: discover() gives the plan instead when there is one
        if not plan_path(path).exists():
            loaded = load_yaml_file(path, display_path(path), named=named, within=within)
            if loaded.problems:
                return place(loaded.problems, loaded, options)
            return place([Problem.of("KQ08", {"plan": plan_path(path).name}, line=1, column=1)], loaded, options)
        _, plan, _ = read_plan(plan_path(path), within=within or repository_root(path))
        return check_results(path, plan, options, within=within)
    loaded = load_yaml_file(path, display_path(path), named=named, within=within)
    plan, findings = check_loaded(loaded, path, options, linked, within=within)
    if results_path(path).exists() or results_path(path).is_symlink():
        findings.extend(check_results(results_path(path), plan, options, within=within))
    return findings


def check_loaded(
    loaded: LoadedYaml,
    path: Path,
    options: CheckOptions,
    linked: dict[Path, Plan | None] | None = None,
    *,
    within: Path | None = None,
) -> tuple[Plan | None, list[Finding]]:
    """A loaded plan's findings (schema, rules, text) and the plan when it validates.

    `path` is where the plan stands (or stood: a git revision), for the plans it links to; a
    linked plan is read only inside `within` (default: the plan's repository, when it has one).
    """
    plan, problems = validate_loaded(loaded)
    problems.extend(loaded.notes)  # warnings from reading (a sentence cut at ' #'…)
    if plan is not None:
        cache = linked if linked is not None else {}
        root = within or repository_of(path)
        context = PlanContext(
            plan=plan,
            file=Path(os.path.abspath(path)),
            open_plan=lambda p: _open_linked(p, cache, root),
            lines=loaded.source.lines,
        )
        problems.extend(run_rules(context, options))
        if any(options.keeps(rule.code) for rule in TEXT_CHECKS):  # --select PE needs no text
            segments = plan_segments(loaded.data, loaded.source.values, loaded.source.lines)
            problems.extend(run_text_rules(segments, options, plan))
    return plan, place(problems, loaded, options)


def check_results(path: Path, plan: Plan | None, options: CheckOptions, *, within: Path | None = None) -> list[Finding]:
    """The findings of a results file: its YAML and schema, then (with a valid plan) its meaning."""
    return checked_results(path, plan, options, within=within)[0]


def checked_results(
    path: Path, plan: Plan | None, options: CheckOptions, *, within: Path | None = None
) -> tuple[list[Finding], Results | None]:
    """A results file's findings, and its records when it reads and validates.

    A results file is found beside its plan, never named: only a regular file is read (inside
    `within` when given).
    """
    loaded, results, problems = read_results(path, within=within)
    if results is not None and plan is not None:
        problems.extend(run_results_rules(ResultsContext(plan=plan, results=results), options))
    if results is not None and any(options.keeps(rule.code) for rule in TEXT_CHECKS):
        segments = plan_segments(loaded.data, loaded.source.values, loaded.source.lines)
        problems.extend(run_text_rules([s for s in segments if s.field in RESULTS_TEXT], options, plan))
    return place(problems, loaded, options), results


def read_results(path: Path, *, within: Path | None = None) -> tuple[LoadedYaml, Results | None, list[Problem]]:
    """Load a results file (a regular file: it is found beside its plan) and validate it (no rules)."""
    loaded = load_yaml_file(path, display_path(path), named=False, within=within)
    problems = list(loaded.problems)
    results = None
    if loaded.data is not None and not problems:
        results, schema_problems = validate_results(loaded.data)
        problems.extend(schema_problems)
    return loaded, results, problems


def run_results_rules(context: ResultsContext, options: CheckOptions) -> Iterable[Problem]:
    for rule in RESULTS_CHECKS:
        if options.keeps(rule.code) and rule.results_check is not None:
            yield from _stamped(rule, rule.results_check(context))


def check_document(
    path: Path, options: CheckOptions, *, named: bool = True, within: Path | None = None
) -> list[Finding]:
    """The text rules over an existing document: lines of a .txt, paragraphs of a .docx."""
    lines, problems = read_document(path, named=named, within=within)
    loaded = LoadedYaml(display_path(path), source=SourceMap(lines=lines))
    if not problems:
        problems.extend(run_text_rules(line_segments(lines), options, None))
    return place(problems, loaded, options)


def read_plan(path: Path, *, within: Path | None = None) -> tuple[LoadedYaml, Plan | None, list[Problem]]:
    """Load the YAML and, when it reads cleanly, validate it against the schema (no rules).

    With `within` the plan was found, not named: only a regular file inside that folder is read.
    """
    loaded = load_yaml_file(path, display_path(path), named=within is None, within=within)
    return (loaded, *validate_loaded(loaded))


def validate_loaded(loaded: LoadedYaml) -> tuple[Plan | None, list[Problem]]:
    problems = list(loaded.problems)
    plan = None
    if loaded.data is not None and not problems:
        plan, schema_problems = validate_plan(loaded.data, loaded.source)
        problems.extend(schema_problems)
    return plan, problems


def run_rules(context: PlanContext, options: CheckOptions) -> Iterable[Problem]:
    for rule in CHECKS:
        if options.keeps(rule.code) and rule.check is not None:
            yield from _stamped(rule, rule.check(context))


def run_text_rules(segments: list[Segment], options: CheckOptions, plan: Plan | None) -> Iterable[Problem]:
    context = TextContext(segments=segments, settings=options.text, plan=plan)
    for rule in TEXT_CHECKS:
        if options.keeps(rule.code) and rule.text_check is not None:
            yield from _stamped(rule, rule.text_check(context))


def _stamped(rule: Rule, problems: Iterable[Problem]) -> Iterator[Problem]:
    """A rule's problems with its code (a check names none itself)."""
    for problem in problems:
        yield problem if problem.code else replace(problem, code=rule.code)


def place(problems: Iterable[Problem], loaded: LoadedYaml, options: CheckOptions) -> list[Finding]:
    """Give each problem its line, column and source line; apply filters and inline ignores."""
    source = loaded.source
    findings = []
    for problem in problems:
        if not options.keeps(problem.code):
            continue
        if problem.line is not None:
            line, column = problem.line, problem.column or 1
        else:
            position = source.locate(problem.loc, problem.at_key)
            line, column = position.line, position.column
        text = source.line_text(line)
        if text is not None and _ignored(text, problem.code):
            continue
        findings.append(
            Finding(
                file=loaded.file,
                line=line,
                column=column,
                code=problem.code,
                severity=options.severity_for(problem.code),
                params=problem.params,
                loc=format_loc(problem.loc),
                source_line=text,
                formatter=message,
            )
        )
    findings.sort(key=lambda f: f.sort_key)
    return findings


def exit_code(report: CheckReport, *, strict: bool) -> int:
    """The exit policy: errors fail; with `strict`, warnings fail too."""
    failing = {Severity.error, Severity.warning} if strict else {Severity.error}
    return EXIT_FINDINGS if any(f.severity in failing for f in report.findings) else EXIT_OK


def _ignored(line: str, code: str) -> bool:
    match = _IGNORE.search(line)
    if not match:
        return False
    if match[1] is None:
        return True
    codes = {c.strip().upper() for c in match[1].split(",") if c.strip()}
    return code in codes


def _open_linked(path: Path, cache: dict[Path, Plan | None], within: Path | None) -> Plan | None:
    """A plan named by `references[].plan`: only a regular file of the repository (a link to
    /dev/stdin or a FIFO would block, one to /proc/self/environ would show the environment)."""
    if path not in cache:
        loaded = load_yaml_file(path, named=False, within=within)
        plan = None
        if loaded.data is not None and not loaded.problems:
            plan, _ = validate_plan(loaded.data)
        cache[path] = plan
    return cache[path]
