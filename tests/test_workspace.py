"""The one way in: default paths, the exit policy, and the repository's [tool.thidua] for every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, QUANG_TRI
from thidua.check.engine import CheckReport, exit_code
from thidua.files import examples_dir
from thidua.findings import Finding, Severity
from thidua.workspace import default_paths


def _finding(severity: Severity) -> Finding:
    return Finding(file="x.yaml", line=1, column=1, code="TX03", severity=severity, params={})


@pytest.mark.parametrize(
    ("severities", "strict", "code"),
    [
        ((), False, 0),
        ((Severity.info,), True, 0),
        ((Severity.warning,), False, 0),
        ((Severity.warning,), True, 1),
        ((Severity.error,), False, 1),
        ((Severity.warning, Severity.error), False, 1),
    ],
)
def test_errors_fail_and_strict_makes_warnings_fail(severities: tuple[Severity, ...], strict: bool, code: int) -> None:
    report = CheckReport(findings=[_finding(s) for s in severities], files=1)
    assert exit_code(report, strict=strict) == code


def test_named_paths_are_taken_as_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    targets = default_paths([QUANG_TRI])
    assert targets.paths == [QUANG_TRI] and not targets.examples


def test_campaigns_here_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "campaigns").mkdir()
    monkeypatch.chdir(tmp_path)
    targets = default_paths(None)
    assert targets.paths == [Path("campaigns")] and not targets.examples


def test_without_campaigns_the_shipped_examples_are_used_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    targets = default_paths([])
    assert targets.paths == [examples_dir()] and targets.examples


def test_check_says_it_checks_the_shipped_examples(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert "không có thư mục campaigns/ ở đây; dùng các kế hoạch mẫu" in result.stderr
    assert f"{len(EXAMPLES)} tệp" in result.stdout


def test_render_of_the_shipped_examples_needs_an_output_folder(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    refused = invoke("render")
    assert refused.exit_code == 2 and "-o" in refused.stderr, refused.output
    written = invoke("render", "-o", "out")
    assert written.exit_code == 0, written.output
    assert len(list((tmp_path / "out").rglob("*.docx"))) == len(EXAMPLES)
    assert "dùng các kế hoạch mẫu" in written.stderr


def _with_typo(folder: Path) -> Path:
    """A copy of an example with a doubled word (TX03) in its title and opening, as issued plans have."""
    plan = folder / "campaigns" / "thi-dua-2021.yaml"
    plan.parent.mkdir(parents=True)
    text = QUANG_TRI.read_text(encoding="utf-8")
    assert text.count("Tổ chức phong trào thi đua yêu nước trong đoàn viên") == 1
    plan.write_text(text.replace("thi đua yêu nước trong đoàn viên", "thi đua yêu nước của của đoàn viên"), "utf-8")
    return plan


def test_every_command_reads_the_repositorys_configuration(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    plan = _with_typo(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.thidua]\nignore = ["TX03"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    checked = invoke("check", str(plan))
    assert checked.exit_code == 0, checked.output
    compared = invoke("diff", str(QUANG_TRI), str(plan))
    assert compared.exit_code == 1, compared.output  # the plans differ by the two words
    assert "[-trong-]{+của của+}" in compared.stdout and "TX03" not in compared.stderr
    rendered = invoke("render", str(plan), "--strict")
    assert rendered.exit_code == 0 and "TX03" not in rendered.stderr, rendered.output


def test_render_writes_a_plan_with_findings_and_says_so(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    plan = _with_typo(tmp_path)
    monkeypatch.chdir(tmp_path)
    rendered = invoke("render", str(plan))
    assert rendered.exit_code == 0, rendered.output
    assert plan.with_suffix(".docx").is_file()
    assert "thi-dua-2021.yaml: 2 lỗi, 0 cảnh báo, 0 ghi chú (TX03); xem: thidua check" in rendered.stderr
    plan.with_suffix(".docx").unlink()
    refused = invoke("render", str(plan), "--strict")
    assert refused.exit_code == 1, refused.output
    assert not plan.with_suffix(".docx").exists()
    assert "TX03" in refused.stderr and "1 kế hoạch không in vì --strict" in refused.stderr
    compared = invoke("diff", str(QUANG_TRI), str(plan))
    assert compared.exit_code == 1 and "(TX03)" in compared.stderr, compared.output
