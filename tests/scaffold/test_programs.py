"""With the real programs: pre-commit runs this repository's hook, and a union's repository from
nothing (init, git init, new, check, pre-commit, SARIF) works end to end. Slow (pre-commit installs
thidua into its own environment once a session); skipped with a reason when a program is missing."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.check.test_sarif import assert_valid_sarif
from tests.conftest import QUANG_TRI, ROOT
from tests.scaffold.conftest import program, run, thidua_commit


def _git_repo(folder: Path) -> None:
    run(program("git"), "init", "-q", cwd=folder)
    run("git", "config", "user.email", "test@example.invalid", cwd=folder)
    run("git", "config", "user.name", "test", cwd=folder)


def test_pre_commit_try_repo_runs_the_hook_on_plans(tmp_path: Path, pre_commit_home: dict[str, str]) -> None:
    pre_commit = program("pre-commit")
    thidua_commit()
    repo = tmp_path / "union"
    (repo / "campaigns" / "x" / "2021").mkdir(parents=True)
    plan = repo / "campaigns" / "x" / "2021" / "plan.yaml"
    plan.write_bytes(QUANG_TRI.read_bytes())
    (repo / "notes.yaml").write_text("not: [a plan\n", encoding="utf-8")  # outside campaigns/: not checked
    _git_repo(repo)
    run("git", "add", "-A", cwd=repo)
    passed = run(pre_commit, "try-repo", str(ROOT), "thidua-check", "--all-files", cwd=repo, env=pre_commit_home)
    assert re.search(r"^thidua check\.+Passed$", passed.stdout, re.M), passed.stdout
    plan.write_text(QUANG_TRI.read_text(encoding="utf-8").replace("date: 2021-02-22", "date: 2021-02-30"), "utf-8")
    run("git", "add", "-A", cwd=repo)
    failed = run(
        pre_commit, "try-repo", str(ROOT), "thidua-check", "--all-files", cwd=repo, env=pre_commit_home, ok=False
    )
    assert failed.returncode == 1 and re.search(r"^thidua check\.+Failed$", failed.stdout, re.M), failed.stdout
    assert "campaigns/x/2021/plan.yaml:" in failed.stdout and "SC04" in failed.stdout  # thidua's own output


def test_a_union_repository_from_nothing(tmp_path: Path, pre_commit_home: dict[str, str]) -> None:
    """init, git init, new, check (the blanks only), pre-commit run --all-files, check --format sarif."""
    thidua, pre_commit = program("thidua"), program("pre-commit")
    commit = thidua_commit()
    repo = tmp_path / "cong-doan"
    repo.mkdir()
    run(thidua, "init", cwd=repo)
    _git_repo(repo)
    run("git", "config", "diff.thidua.textconv", "thidua textconv", cwd=repo)
    path = "campaigns/ldld-quang-tri/2027/thi-dua-2027.yaml"
    made = run(thidua, "new", path, "--issuer", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ", "--year", "2027", cwd=repo)
    listed = [int(m[1]) for m in re.finditer(rf"^  {re.escape(path)}:(\d+): ", made.stdout, re.M)]
    assert len(listed) >= 12, made.stdout

    checked = run(thidua, "check", "--format", "json", cwd=repo)  # campaigns/ by default
    findings = json.loads(checked.stdout)
    assert {(f["path"], f["code"]) for f in findings} == {(path, "ND01")}
    assert sorted(f["line"] for f in findings) == [line - 1 for line in listed]  # the listed blanks only

    # the union's pre-commit config names thidua's repository: here, this checkout at its commit
    config = repo / ".pre-commit-config.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("https://example.invalid/CHANGE-ME/thidua.git", str(ROOT)).replace("v0.1.0", commit)
    config.write_text(text, encoding="utf-8")
    run("git", "add", "-A", cwd=repo)
    hooks = run(pre_commit, "run", "--all-files", cwd=repo, env=pre_commit_home)
    assert re.search(r"^thidua check\.+Passed$", hooks.stdout, re.M), hooks.stdout
    assert re.search(r"^thidua schema --check\.+Passed$", hooks.stdout, re.M), hooks.stdout
    verbose = run(pre_commit, "run", "thidua-check", "--all-files", "--verbose", cwd=repo, env=pre_commit_home)
    assert "ND01" in verbose.stdout and path in verbose.stdout  # the hook ran thidua on the plan

    sarif = run(thidua, "check", "--format", "sarif", cwd=repo)
    document = json.loads(sarif.stdout)
    assert_valid_sarif(document)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {path}

    # git diff reads the plan as its document (textconv from .gitattributes and the config line)
    run("git", "commit", "-qm", "plan", cwd=repo)
    plan = repo / path
    plan.write_text(plan.read_text(encoding="utf-8").replace("  number:  ", "  number: 7"), encoding="utf-8")
    diff = run("git", "diff", cwd=repo)
    assert "+Số: 07/KH" in diff.stdout, diff.stdout
