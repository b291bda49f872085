"""The one way in: every command finds, reads and checks its plans, results and `REV:path` here.

The repository's `[tool.thidua]` is applied the same way for every command (`options`); a plan
that must be valid is opened by `open_plan` / `open_loaded` / `open_tracked` / `open_source`,
each stopping with the findings that keep it from being read.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from thidua.check.engine import PLAN_SUFFIXES, CheckOptions, CheckReport, check_files, check_loaded, place, read_plan
from thidua.check.engine import checked_results as _checked_results
from thidua.config import Config, load_config
from thidua.errors import EXIT_ERROR, FindingsError, InputError, ThiduaError
from thidua.files import display_path, examples_dir
from thidua.findings import Finding, Severity
from thidua.plan.loader import LoadedYaml, load_yaml_bytes
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


def default_paths(paths: Sequence[Path] | None, *, examples: bool) -> list[Path]:
    """The paths a command works on: those named, else campaigns/ here.

    Without campaigns/, `check` (examples=True) works on the built-in examples; a command that
    writes files next to its plans refuses instead.
    """
    if paths:
        return list(paths)
    if DEFAULT_CAMPAIGNS.is_dir():
        return [DEFAULT_CAMPAIGNS]
    if examples:
        return [examples_dir()]
    raise ThiduaError("no-default-campaigns")


def discover(paths: Sequence[Path], *, orphans: bool = False) -> list[Path]:
    """Plan files named, or found recursively under named folders, in a stable order.

    A results file in a folder is checked with its plan; with `orphans`, one whose plan is
    missing is listed too, so that `check` can say so.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    file = Path(root) / name
                    if not name.endswith(PLAN_SUFFIXES):
                        continue
                    if not is_results_file(file) or (orphans and not plan_path(file).exists()):
                        found.append(file)
        elif path.exists():  # a results file named on its own is checked with its plan
            found.append(plan_path(path) if is_results_file(path) and plan_path(path).exists() else path)
        else:
            raise InputError("path-missing", path=str(path))
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def check_paths(paths: Sequence[Path], options: CheckOptions, *, jobs: int | None = None) -> CheckReport:
    """`thidua check`: every plan, results file and document under `paths`."""
    return check_files(discover(paths, orphans=True), options, jobs=jobs)


def load_plan(path: Path) -> tuple[Plan | None, list[Finding]]:
    """Read and validate one plan (no rules): the model, or the findings that stop it."""
    loaded, plan, problems = read_plan(path)
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


def open_plan(path: Path) -> Plan:
    """A plan that must read and validate (no rules): the model; its findings and exit 2 otherwise."""
    return open_loaded(path)[1]


@dataclass(frozen=True)
class Tracked:
    """A valid plan with the valid results recorded beside it (none yet: an empty list)."""

    plan_file: Path
    plan: Plan
    results_file: Path
    results: Results


def open_tracked(path: Path, check: CheckOptions | None = None) -> Tracked:
    """The plan named (or the plan of the results file named) and its results, for track/report/record.

    A plan with errors stops with exit 2 (it cannot be read); a results file with errors stops
    with exit 1 (findings to fix), each after showing its findings.
    """
    plan_file = plan_path(path) if is_results_file(path) else path
    plan = open_plan(plan_file)
    results_file = results_path(plan_file)
    return Tracked(plan_file, plan, results_file, _valid_results(results_file, plan, check))


def reread_results(tracked: Tracked, check: CheckOptions | None = None) -> Tracked:
    """The same plan with its results as the file says now (`record` re-reads under its lock)."""
    return replace(tracked, results=_valid_results(tracked.results_file, tracked.plan, check))


def _valid_results(results_file: Path, plan: Plan, check: CheckOptions | None) -> Results:
    if not results_file.exists():
        return Results()
    findings, parsed = _checked_results(results_file, plan, check or CheckOptions())
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
            return PlanSource(display_path(path), path, path.read_bytes())
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


def open_source(source: PlanSource, check: CheckOptions | None = None) -> Plan:
    """The plan, when it passes `thidua check` without errors; its findings and exit 2 otherwise."""
    loaded = load_yaml_bytes(source.raw, source.name)
    plan, findings = check_loaded(loaded, source.path, check or CheckOptions())
    errors = [f for f in findings if f.severity is Severity.error]
    if plan is None or errors:
        raise FindingsError("diff-plan-invalid", errors or findings, EXIT_ERROR, path=source.name)
    return plan
