"""The one way in: every command finds, reads and checks its plans, results and `REV:path` here.

The repository's `[tool.thidua]` is applied the same way for every command (`repository_options`).
One policy for a plan with findings (`check_plan`): only a plan that does not read stops a command.
`load_plan` reads without stopping (textconv, tests); `open_loaded` (new), `open_tracked` (track,
record, report) and `open_source` (diff: a file or REV:path) are built on the same two steps.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from thidua.check.engine import PLAN_SUFFIXES, CheckOptions, CheckReport, check_files, check_loaded, place, read_plan
from thidua.check.engine import checked_results as _checked_results
from thidua.config import Config, load_config
from thidua.errors import EXIT_ERROR, FindingsError, InputError
from thidua.files import InputTooLarge, display_path, examples_dir, read_input, repository_root
from thidua.findings import Finding, Severity
from thidua.plan.loader import MAX_BYTES, LoadedYaml, load_yaml_bytes, load_yaml_file
from thidua.plan.model import Plan
from thidua.plan.results import Results, is_results_file, plan_path, results_path

DEFAULT_CAMPAIGNS = Path("campaigns")


def repository_options(
    config: Path | None = None, *, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[CheckOptions, Config]:
    """The check options of the repository here (`[tool.thidua]` of the nearest pyproject.toml).

    `select` replaces the configured selection; `ignore` adds to it (as on the command line).
    """
    settings = load_config(config)
    chosen = CheckOptions(
        select=tuple(select) or settings.select,
        ignore=settings.ignore + tuple(ignore),
        severity=settings.severity,
        text=settings.text,
    )
    return chosen, settings


@dataclass(frozen=True)
class Targets:
    """What a command that takes plan paths works on, and whether they are the built-in examples."""

    paths: list[Path]
    examples: bool = False


def default_paths(paths: Sequence[Path] | None) -> Targets:
    """One policy for every command that takes plan paths (check, render): those named, else
    campaigns/ here, else the built-in examples — and the command says so (`examples`)."""
    if paths:
        return Targets(list(paths))
    if DEFAULT_CAMPAIGNS.is_dir():
        return Targets([DEFAULT_CAMPAIGNS])
    return Targets([examples_dir()], examples=True)


@dataclass(frozen=True)
class Found:
    """The files a command works on, and for each one found inside a folder (not named), the
    repository it was found in: such a file is read only when it is a regular file inside it."""

    files: list[Path]
    within: dict[Path, Path]


def discover(paths: Sequence[Path], *, orphans: bool = False) -> list[Path]:
    """Plan files named, or found recursively under named folders, in a stable order."""
    return find(paths, orphans=orphans).files


def find(paths: Sequence[Path], *, orphans: bool = False) -> Found:
    """Plan files named, or found recursively under named folders, in a stable order.

    A results file in a folder is checked with its plan; with `orphans`, one whose plan is
    missing is listed too, so that `check` can say so. A file found in a folder belongs to the
    folder's repository (the git root, the folder of the nearest pyproject.toml, or the folder).
    """
    found: list[Path] = []
    within: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            root = repository_root(path)
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    file = Path(folder) / name
                    if not name.endswith(PLAN_SUFFIXES):
                        continue
                    if not is_results_file(file) or (orphans and not plan_path(file).exists()):
                        found.append(file)
                        within.setdefault(file, root)
        elif path.exists() or path.is_symlink():  # a results file named on its own is checked with its plan
            file = plan_path(path) if is_results_file(path) and plan_path(path).exists() else path
            found.append(file)
            within.pop(file, None)  # named: read as the user asked
        else:
            raise InputError("path-missing", path=str(path))
    unique: dict[Path, None] = dict.fromkeys(found)
    return Found(list(unique), within)


def check_paths(paths: Sequence[Path], options: CheckOptions, *, jobs: int | None = None) -> CheckReport:
    """`thidua check`: every plan, results file and document under `paths`."""
    found = find(paths, orphans=True)
    return check_files(found.files, options, jobs=jobs, found=found.within)


def load_plan(path: Path, *, within: Path | None = None) -> tuple[Plan | None, list[Finding]]:
    """Read and validate one plan (no rules): the model, or the findings that stop it.

    `within`: the plan was found in that repository, not named (see `find`).
    """
    loaded, plan, problems = read_plan(path, within=within)
    return plan, place(problems, loaded, CheckOptions())


def open_loaded(path: Path) -> tuple[LoadedYaml, Plan]:
    """A plan that must read and validate, with its loaded text; its findings and exit 2 otherwise."""
    if not path.is_file():
        raise InputError("path-missing", path=str(path))
    loaded, plan, problems = read_plan(path)
    if plan is None:
        raise FindingsError(
            "plan-invalid", place(problems, loaded, CheckOptions()), EXIT_ERROR, path=display_path(path)
        )
    return loaded, plan


@dataclass(frozen=True)
class Checked:
    """A plan that reads, with what `thidua check` says of it (none of which stops a command)."""

    plan: Plan
    findings: list[Finding]


def check_plan(
    path: Path, check: CheckOptions, *, name: str | None = None, raw: bytes | None = None, within: Path | None = None
) -> Checked:
    """The one policy for "this plan has findings" (render, report, diff, new): only a plan that does
    not read (YA, SC) stops, with exit 2; every other finding of `thidua check` with the repository's
    options comes with it, for the command to show. `raw` is the plan's bytes when they do not come
    from `path` (a git revision); `path` is where it stands, for linked plans. `within`: the plan was
    found in that repository, not named (see `find`), so it must be a regular file of it."""
    shown = name or display_path(path)
    if raw is None:
        if within is None and not path.is_file():
            raise InputError("path-missing", path=str(path))
        loaded = load_yaml_file(path, shown, named=within is None, within=within)
    else:
        loaded = load_yaml_bytes(raw, shown)
    plan, findings = check_loaded(loaded, path, check, within=within)
    if plan is None:
        raise FindingsError("plan-invalid", findings, EXIT_ERROR, path=shown)
    return Checked(plan, findings)


@dataclass(frozen=True)
class Tracked:
    """A valid plan with the valid results recorded beside it (none yet: an empty list)."""

    plan_file: Path
    plan: Plan
    results_file: Path
    results: Results
    findings: list[Finding] = field(default_factory=list)  # the plan's, as check_plan gives them


def open_tracked(path: Path, check: CheckOptions | None = None) -> Tracked:
    """The plan named (or the plan of the results file named) and its results, for track/report/record.

    A plan with errors stops with exit 2 (it cannot be read); a results file with errors stops
    with exit 1 (findings to fix), each after showing its findings.
    """
    plan_file = plan_path(path) if is_results_file(path) else path
    options = check or CheckOptions()
    checked = check_plan(plan_file, options)
    results_file = results_path(plan_file)
    results = _valid_results(results_file, checked.plan, options)
    return Tracked(plan_file, checked.plan, results_file, results, checked.findings)


def reread_results(tracked: Tracked, check: CheckOptions | None = None) -> Tracked:
    """The same plan with its results as the file says now (`record` re-reads under its lock)."""
    return replace(tracked, results=_valid_results(tracked.results_file, tracked.plan, check or CheckOptions()))


def _valid_results(results_file: Path, plan: Plan, check: CheckOptions) -> Results:
    if not results_file.exists():
        return Results()
    findings, parsed = _checked_results(results_file, plan, check)
    errors = [f for f in findings if f.severity is Severity.error]
    if errors or parsed is None:
        raise FindingsError("results-invalid", errors, path=display_path(results_file))
    return parsed


@dataclass(frozen=True)
class PlanSource:
    name: str  # as shown: the path, or REV:path
    path: Path  # where the plan stands in the working tree (templates, linked plans)
    raw: bytes


_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")  # C:\plans\x.yaml is a path, not a revision


def read_source(spec: str) -> PlanSource:
    """A file when one exists at `spec`; otherwise `REV:path` (git's syntax) from the repository here.

    A revision is never taken for an option: one starting with `-` is refused, and git is told
    where its options end.
    """
    path = Path(spec)
    if path.is_file():
        try:
            return PlanSource(display_path(path), path, read_input(path, MAX_BYTES))
        except InputTooLarge:
            raise InputError("input-too-large", path=spec, limit=MAX_BYTES) from None
        except OSError as exc:
            raise InputError("path-missing", path=f"{spec} ({exc.strerror})") from None
    if ":" not in spec or _DRIVE.match(spec):
        raise InputError("path-missing", path=spec)
    if spec.startswith("-"):  # git would take it for an option (--output=FILE writes a file)
        raise InputError("git-option", spec=spec)
    _, _, inner = spec.partition(":")
    raw = _git("show", "--end-of-options", spec, spec=spec)  # git >= 2.24; the refusal above for older ones
    if inner.startswith(("./", "../")):
        where = Path(inner)
    else:  # git reads REV:path from the top of the repository
        where = Path(_git("rev-parse", "--show-toplevel", spec=spec).decode().strip()) / inner
    return PlanSource(spec, Path(os.path.relpath(where)) if where.is_absolute() else where, raw)


def _git(*args: str, spec: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        raise InputError("git-missing", spec=spec) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError("git-show", spec=spec, reason=(reason[0] if reason else f"exit {done.returncode}"))
    return done.stdout


def open_source(source: PlanSource, check: CheckOptions) -> Checked:
    """A plan named for comparing (a file or REV:path), by the one policy of `check_plan`."""
    return check_plan(source.path, check, name=source.name, raw=source.raw)
