"""Helpers for the tests that run the real programs: thidua, git, pre-commit, pipx."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent  # the environment running the tests: its thidua, pre-commit, pipx


def program(name: str) -> str:
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        pytest.skip(f"{name} is not installed (it is in the test extra: pip install -e '.[test]')")
    return found


def run(*args: str, cwd: Path, env: dict[str, str] | None = None, ok: bool = True) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}
    environment.pop("THIDUA_LANG", None)
    result = subprocess.run(
        list(args), cwd=cwd, env={**environment, **(env or {})}, capture_output=True, text=True, timeout=900
    )
    if ok:
        assert result.returncode == 0, f"{args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def thidua_commit() -> str:
    """The commit of this checkout, as pre-commit clones it (pre-commit needs a committed repository)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout of thidua: pre-commit clones the hooks' repository")
    program("git")
    return run("git", "rev-parse", "HEAD", cwd=ROOT).stdout.strip()


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One pre-commit cache for the session: the hook's environment (thidua installed) is made once."""
    return {"PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
