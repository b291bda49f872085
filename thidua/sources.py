"""Plans named on the command line for comparing: a file, or `REV:path` read from git."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from thidua.checker import CheckOptions, check_loaded, display_path
from thidua.errors import EXIT_ERROR, FindingsError, InputError
from thidua.findings import Severity
from thidua.loader import load_yaml_bytes
from thidua.model import Plan

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")  # C:\plans\x.yaml is a path, not a revision


@dataclass(frozen=True)
class PlanSource:
    name: str  # as shown: the path, or REV:path
    path: Path  # where the plan stands in the working tree (templates, linked plans)
    raw: bytes


def read_source(spec: str) -> PlanSource:
    """A file when one exists at `spec`; otherwise `REV:path` (git's syntax) from the repository here."""
    path = Path(spec)
    if path.is_file():
        try:
            return PlanSource(display_path(path), path, path.read_bytes())
        except OSError as exc:
            raise InputError("path-missing", path=f"{spec} ({exc.strerror})") from None
    if ":" not in spec or _DRIVE.match(spec):
        raise InputError("path-missing", path=spec)
    _, _, inner = spec.partition(":")
    raw = _git("show", spec, spec=spec)
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


def load_checked(source: PlanSource) -> Plan:
    """The plan, when it passes `thidua check` without errors; its findings and exit 2 otherwise."""
    loaded = load_yaml_bytes(source.raw, source.name)
    plan, findings = check_loaded(loaded, source.path, CheckOptions())
    errors = [f for f in findings if f.severity is Severity.error]
    if plan is None or errors:
        raise FindingsError("diff-plan-invalid", errors or findings, EXIT_ERROR, path=source.name)
    return plan
