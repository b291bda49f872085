"""User text cannot act on what reads thidua's output, and revisions cannot act on git.

A newline in a YAML key, a value or a file name printed raw starts a new line in a CI log, and a
line starting with `::error ...` there is a GitHub workflow command; a revision starting with `-`
is an option to `git show` (`--output=FILE` writes a file).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import QUANG_TRI, ROOT

COMMAND = "::error file=campaigns/x.yaml,line=1::pwned"
FILE_COMMAND = "::error file=x.yaml,line=1::pwned"  # a file name holds no slash
HOSTILE = f"xin chào\n{COMMAND}\r\n::warning::two\x1b[31m"


def commands_in(output: str) -> list[str]:
    """Lines a GitHub runner would take for workflow commands (it trims leading blanks)."""
    return [line for line in output.splitlines() if line.lstrip().startswith("::")]


@pytest.fixture
def results_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "thi-dua.yaml"
    shutil.copyfile(ROOT / "tests" / "rules" / "KQ01" / "clean.yaml", plan)
    return plan


# ----------------------------------------------------------------------------- check


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_newline_in_a_key_injects_no_workflow_command(invoke, results_plan: Path, lang: str) -> None:
    with results_plan.open("a", encoding="utf-8") as handle:
        handle.write(f"{yaml.safe_dump({HOSTILE: 1}, allow_unicode=True)}")
    result = invoke("check", str(results_plan), "--lang", lang)
    assert result.exit_code == 1, result.output
    assert not commands_in(result.output), result.output
    assert "\\n::error" in result.output  # shown, escaped: the clerk sees what the key says
    assert "\x1b" not in result.output


def test_a_newline_in_a_value_injects_no_workflow_command(invoke, results_plan: Path) -> None:
    text = results_plan.read_text(encoding="utf-8").replace("place: Quảng Trị", "place: 12")
    text = text.replace("date: 2021-02-22", f"date: {yaml.safe_dump(HOSTILE).strip()}")
    results_plan.write_text(text, encoding="utf-8")
    result = invoke("check", str(results_plan))
    assert result.exit_code == 1, result.output
    assert "pwned" in result.output and not commands_in(result.output), result.output


def test_a_newline_in_a_file_name_injects_no_workflow_command(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "campaigns"
    folder.mkdir()
    (folder / f"a\n{FILE_COMMAND}.yaml").write_text("issuer: [\n", encoding="utf-8")  # a plan that does not read
    text = invoke("check", str(folder))
    assert text.exit_code == 1, text.output
    assert "pwned" in text.output and not commands_in(text.output), text.output
    github = invoke("check", str(folder), "--format", "github")
    assert github.exit_code == 1, github.output
    annotations = commands_in(github.output)
    assert len(annotations) == 1 and "a%0A%3A%3Aerror file=x.yaml%2Cline=1%3A%3Apwned.yaml" in annotations[0]


def test_render_names_a_hostile_file_without_injecting(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "campaigns"
    folder.mkdir()
    shutil.copyfile(QUANG_TRI, folder / f"a\n{FILE_COMMAND}.yaml")
    result = invoke("render", str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "pwned" in result.output and not commands_in(result.output), result.output


# ----------------------------------------------------------------------------- track


def test_track_text_and_markdown_escape_plan_and_results_text(invoke, results_plan: Path) -> None:
    text = results_plan.read_text(encoding="utf-8")
    text = text.replace("name: LĐLĐ thành phố Đông Hà", f"name: {yaml.safe_dump(HOSTILE).strip()}")
    text = text.replace("population: mô hình điểm", f"population: {yaml.safe_dump('mô hình' + HOSTILE).strip()}")
    results_plan.write_text(text, encoding="utf-8")
    results_plan.with_name("thi-dua.results.yaml").write_text(
        "results:\n  - {target: mo-hinh-diem, unit: ldld-dong-ha, date: 2021-06-30, value: 1}\n", encoding="utf-8"
    )
    for output_format in ("text", "md"):
        result = invoke("track", str(results_plan), "--as-of", "2021-07-01", "--format", output_format)
        assert result.exit_code == 0, result.output
        assert "pwned" in result.output and not commands_in(result.output), result.output
        assert "\x1b" not in result.output and "\r" not in result.output


# ----------------------------------------------------------------------------- diff


def _hostile_pair(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    shutil.copyfile(QUANG_TRI, old)
    text = QUANG_TRI.read_text(encoding="utf-8")
    sentence = "Xây dựng kế hoạch, tổ chức triển khai phong trào thi đua"
    assert sentence in text
    line = next(line for line in text.splitlines() if sentence in line)
    indent = line[: len(line) - len(line.lstrip())]
    hostile = yaml.safe_dump("Nội dung mới của đợt thi đua." + HOSTILE.replace("\x1b[31m", "")).strip()
    new.write_text(text.replace(line, f"{indent}- {hostile}", 1), encoding="utf-8")
    return old, new


@pytest.mark.parametrize("output_format", ["text", "md"])
def test_diff_escapes_a_newline_in_an_item(invoke, tmp_path: Path, output_format: str) -> None:
    old, new = _hostile_pair(tmp_path)
    result = invoke("diff", str(old), str(new), "--format", output_format)
    assert result.exit_code == 1, result.output
    assert "pwned" in result.output and not commands_in(result.output), result.output


# ----------------------------------------------------------------------------- git revisions


def _git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "campaigns").mkdir(parents=True)
    shutil.copyfile(QUANG_TRI, repo / "campaigns" / "x.yaml")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=repo, check=True, env=env, capture_output=True)
    return repo


@pytest.mark.parametrize("spec", ["--output={target}:x", "-o{target}:campaigns/x.yaml", "--output={target}"])
def test_a_revision_cannot_be_a_git_option(invoke, tmp_path: Path, monkeypatch, spec: str) -> None:
    repo = _git_repo(tmp_path)
    target = tmp_path / "pwned"
    monkeypatch.chdir(repo)
    result = invoke("diff", "--", spec.format(target=target), "campaigns/x.yaml")
    assert result.exit_code == 2, result.output
    assert not target.exists() and not Path(f"{target}:x").exists()
    assert "Traceback" not in result.output


def test_git_is_told_where_options_end(tmp_path: Path, monkeypatch) -> None:
    from thidua import workspace

    repo = _git_repo(tmp_path)
    monkeypatch.chdir(repo)
    calls: list[list[str]] = []
    real_run = subprocess.run

    def spy(command, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(list(command))
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    source = workspace.read_source("HEAD:campaigns/x.yaml")
    assert source.raw == QUANG_TRI.read_bytes()
    show = next(c for c in calls if "show" in c)
    assert show[-2:] == ["--end-of-options", "HEAD:campaigns/x.yaml"]


def test_a_revision_path_still_works(invoke, tmp_path: Path, monkeypatch) -> None:
    repo = _git_repo(tmp_path)
    monkeypatch.chdir(repo)
    result = invoke("diff", "HEAD:campaigns/x.yaml", "campaigns/x.yaml")
    assert result.exit_code == 0, result.output
