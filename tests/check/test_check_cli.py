"""`thidua check` as a user and CI run it: findings, exit codes, formats, configuration."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import CAMPAIGNS, EXAMPLES, QUANG_TRI, ROOT

# ----------------------------------------------------------------------- the examples


def test_examples_are_clean_even_strict(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--strict", str(CAMPAIGNS))
    assert result.exit_code == 0, result.output
    assert f"{len(EXAMPLES)} tệp, không có vấn đề nào" in result.output


def test_default_path_is_campaigns(invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(CAMPAIGNS.parent)
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert f"{len(EXAMPLES)} tệp" in result.output


# ------------------------------------------------- broken copies of an example plan


def _replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line equal to `old` (stripped) and return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.strip() == old:
            lines[index] = line.replace(old, new)
            path.write_text("\n".join(lines), encoding="utf-8")
            return index + 1
    raise AssertionError(f"{old!r} not in {path}")


def _findings(invoke, path: Path) -> tuple[int, list[dict[str, object]]]:  # type: ignore[no-untyped-def]
    result = invoke("check", "--format", "json", str(path))
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def _only(findings: list[dict[str, object]]) -> tuple[object, object, object]:
    assert len(findings) == 1, findings
    return findings[0]["code"], findings[0]["line"], findings[0]["column"]


def test_syntax_error(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    line = _replace_line(example_copy, "date: 2021-02-22", "date: [2021-02-22")
    code, exit_code = None, None
    exit_code, findings = _findings(invoke, example_copy)
    code, at_line, _ = _only(findings)
    assert (exit_code, code) == (1, "YA01")
    # libyaml notices on the next line; the message names where the broken list began
    assert at_line == line + 1
    assert f"dòng {line}, cột 9" in str(findings[0]["message"])


def test_duplicated_key(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    text = example_copy.read_text(encoding="utf-8").replace(
        "  place: Quảng Trị\n", "  place: Quảng Trị\n  place: Đông Hà\n"
    )
    example_copy.write_text(text, encoding="utf-8")
    first = text.split("\n").index("  place: Quảng Trị") + 1
    exit_code, findings = _findings(invoke, example_copy)
    assert (exit_code, _only(findings)) == (1, ("YA02", first + 1, 3))
    assert f"dòng {first}" in str(findings[0]["message"])


def test_unknown_key_with_suggestion(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    line = _replace_line(example_copy, "place: Quảng Trị", "placce: Quảng Trị")
    exit_code, findings = _findings(invoke, example_copy)
    assert (exit_code, _only(findings)) == (1, ("SC03", line, 3))
    assert "'place'" in str(findings[0]["message"])


def test_impossible_date(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    line = _replace_line(example_copy, "date: 2021-02-22", "date: 2021-02-30")
    exit_code, findings = _findings(invoke, example_copy)
    assert (exit_code, _only(findings)) == (1, ("SC04", line, 9))


def test_phases_swapped(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    text = example_copy.read_text(encoding="utf-8")
    first, second = "start: 2021-02-22\n          end: 2021-06-30", "start: 2021-07-01\n          end: 2021-12-31"
    example_copy.write_text(text.replace(first, "@").replace(second, first).replace("@", second), encoding="utf-8")
    lines = example_copy.read_text(encoding="utf-8").split("\n")
    line = lines.index("          start: 2021-02-22") + 1
    exit_code, findings = _findings(invoke, example_copy)
    dated = [f for f in findings if f["code"] != "TX24"]
    assert (exit_code, _only(dated)) == (1, ("PE06", line, 18))
    # Each phase's `when` still says its old dates, so the text now contradicts the swapped fields.
    when = {(f["line"], f["column"]) for f in findings if f["code"] == "TX24"}
    assert when and all(lines[row - 1].lstrip().startswith("when:") for row, _ in when)


def test_empty_file(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    example_copy.write_bytes(b"")
    exit_code, findings = _findings(invoke, example_copy)
    assert (exit_code, _only(findings)) == (1, ("YA05", 1, 1))


def test_random_bytes(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    example_copy.write_bytes(b"issuer:\n  name: " + bytes(range(128, 256)) + os.urandom(512))
    exit_code, findings = _findings(invoke, example_copy)
    assert (exit_code, _only(findings)) == (1, ("YA04", 2, 9))


def test_list_at_root(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    example_copy.write_text("- issuer: LĐLĐ tỉnh\n- document: Kế hoạch\n", encoding="utf-8")
    exit_code, findings = _findings(invoke, example_copy)
    assert (exit_code, _only(findings)) == (1, ("YA03", 1, 1))


def test_billion_laughs_is_refused_quickly(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    levels = ['a: &a ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    for i in range(1, 9):
        name, prev = chr(97 + i), chr(96 + i)
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    example_copy.write_text("\n".join(levels) + "\n", encoding="utf-8")
    started = time.perf_counter()
    exit_code, findings = _findings(invoke, example_copy)
    elapsed = time.perf_counter() - started
    code, _, _ = _only(findings)
    assert (exit_code, code) == (1, "YA07")
    assert elapsed < 2.0, f"alias bomb took {elapsed:.2f} s"


def test_missing_path_cannot_run(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2, result.output
    assert "không tìm thấy đường dẫn" in result.output
    assert "Traceback" not in result.output


def test_nothing_written_to_the_checked_file(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    before = example_copy.read_bytes()
    invoke("check", str(example_copy))
    assert example_copy.read_bytes() == before


# ----------------------------------------------------------------------- output


def test_text_shows_location_message_and_the_yaml_line(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    line = _replace_line(example_copy, "date: 2021-02-22", "date: 2021-02-30")
    result = invoke("check", str(example_copy))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    head = next(i for i, text in enumerate(lines) if "SC04" in text)
    assert lines[head].startswith(f"{example_copy.as_posix()}:{line}:9: SC04 lỗi: document.date: ngày không hợp lệ")
    assert lines[head + 1] == f"{line:>5} |   date: 2021-02-30"
    assert lines[head + 2] == "      |         ^"
    assert lines[-1] == "thidua: 1 lỗi, 0 cảnh báo, 0 ghi chú trong 1 tệp"


def test_english_by_option_and_by_environment(invoke, example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _replace_line(example_copy, "date: 2021-02-22", "date: 2021-02-30")
    assert "invalid date '2021-02-30'" in invoke("check", "--lang", "en", str(example_copy)).output
    monkeypatch.setenv("THIDUA_LANG", "en")
    assert (
        invoke("check", str(example_copy)).output.splitlines()[-1] == "thidua: 1 error, 0 warnings, 0 notes in 1 file"
    )


def test_english_counts_of_one_are_singular_and_others_plural() -> None:
    from thidua.i18n import tr

    assert tr("summary", "en", errors=1, warnings=21, infos=11, files=1) == (
        "thidua: 1 error, 21 warnings, 11 notes in 1 file"
    )
    assert tr("render.summary", "en", written=1, failed=0, refused=1) == (
        "1 file written, 0 plans could not be read, 1 plan not rendered (--strict)"
    )
    assert (
        tr("summary", "vi", errors=1, warnings=0, infos=0, files=1)
        == "thidua: 1 lỗi, 0 cảnh báo, 0 ghi chú trong 1 tệp"
    )


def test_github_annotations_most_severe_first_then_totals(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "issuer:\n  name: LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ\ndocument:\n  title: Thi đua năm 2021\n"
        "sections:\n  - kind: phases\n    title: CÁC ĐỢT\n    items:\n"
        "      - phase: {name: Đợt 1, start: 2021-01-01, end: 2021-05-31}\n"
        "      - phase: {name: Đợt 2, start: 2021-07-01, end: 2021-12-31}\n"
        "recipients: [Các CĐCS, 'Lưu: VT.']\n",
        encoding="utf-8",
    )
    result = invoke("check", "--format", "github", str(plan))
    lines = result.output.splitlines()
    assert result.exit_code == 0  # only warnings
    assert lines[0].startswith("::warning file=")
    assert ",line=10,col=37,title=PE08::PE08 có 30 ngày trống giữa Đợt 1 và Đợt 2" in lines[0]
    assert lines[1].startswith("::warning ") and ",line=11,col=24,title=RC02::" in lines[1]
    assert lines[-1] == "thidua: 0 lỗi, 2 cảnh báo, 0 ghi chú trong 1 tệp"
    strict = invoke("check", "--strict", "--format", "github", str(plan))
    assert strict.exit_code == 1


def test_github_puts_errors_before_warnings(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "issuer:\n  name: LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ\ndocument:\n  title: Thi đua năm 2021\n"
        "sections:\n  - kind: other\n    title: KHÁC\nrecipients: ['Các CĐCS;', 'Lưu VT']\n",
        encoding="utf-8",
    )
    lines = invoke("check", "--format", "github", str(plan)).output.splitlines()
    levels = [line.split(" ", 1)[0] for line in lines[:-1]]
    assert levels == ["::error", "::warning"], lines
    assert "title=RC01" in lines[0] and "title=RC02" in lines[1]


def test_json_fields(invoke, example_copy: Path) -> None:  # type: ignore[no-untyped-def]
    _replace_line(example_copy, "date: 2021-02-22", "date: 2021-02-30")
    _, findings = _findings(invoke, example_copy)
    assert set(findings[0]) >= {"path", "line", "column", "code", "severity", "message"}
    assert findings[0]["severity"] == "error" and findings[0]["field"] == "document.date"


def test_unknown_format_cannot_run(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--format", "xml", str(QUANG_TRI))
    assert result.exit_code == 2
    assert "định dạng không hỗ trợ" in result.output


# ----------------------------------------------------------- choosing rules


_TWO_PROBLEMS = (
    "issuer:\n  name: LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ\ndocument:\n  title: Thi đua năm 2021\n"
    "  ky_hieu: KH – LĐLĐ\nsections:\n  - kind: other\n    title: KHÁC\n"
    "signature:\n  authority: T/M BAN THƯỜNG VỤ\nrecipients: ['Lưu: VT']\n"
)


def _codes(invoke, *args: str) -> list[str]:  # type: ignore[no-untyped-def]
    result = invoke("check", "--format", "json", *args)
    return [f["code"] for f in json.loads(result.stdout)]


def test_select_and_ignore(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.yaml"
    plan.write_text(_TWO_PROBLEMS, encoding="utf-8")
    assert sorted(_codes(invoke, str(plan))) == ["KH01", "SG01"]
    assert _codes(invoke, "--select", "KH", str(plan)) == ["KH01"]
    assert _codes(invoke, "--ignore", "KH01", str(plan)) == ["SG01"]
    assert _codes(invoke, "--ignore", "KH01,SG01", str(plan)) == []


def test_unknown_code_in_select_cannot_run(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--select", "ZZ99", str(QUANG_TRI))
    assert result.exit_code == 2
    assert "ZZ99" in result.output


def test_configuration_in_pyproject(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plan.yaml").write_text(_TWO_PROBLEMS, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.thidua]\nignore = ["kh01"]\n[tool.thidua.severity]\nsg01 = "warning"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--format", "json", "plan.yaml")
    findings = json.loads(result.stdout)
    assert [(f["code"], f["severity"]) for f in findings] == [("SG01", "warning")]
    assert result.exit_code == 0
    assert invoke("check", "--strict", "plan.yaml").exit_code == 1


def test_broken_configuration_cannot_run(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plan.yaml").write_text(_TWO_PROBLEMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.thidua\n", encoding="utf-8")
    broken = invoke("check", "plan.yaml")
    assert broken.exit_code == 2 and "không đọc được cấu hình" in broken.output
    (tmp_path / "pyproject.toml").write_text('[tool.thidua]\nignor = ["KH01"]\n', encoding="utf-8")
    unknown = invoke("check", "plan.yaml")
    assert unknown.exit_code == 2 and "ignor" in unknown.output


def test_inline_ignore_comment(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        _TWO_PROBLEMS.replace("KH – LĐLĐ\n", "KH – LĐLĐ  # thidua: ignore[KH01]\n").replace(
            "VỤ\n", "VỤ  # thidua: ignore[PE01]\n"
        ),
        encoding="utf-8",
    )
    assert _codes(invoke, str(plan)) == ["SG01"]  # the comment names another code: SG01 stays


# ----------------------------------------------------------- other commands


def test_version(invoke) -> None:  # type: ignore[no-untyped-def]
    from thidua import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and result.output.strip() == f"thidua {__version__}"


def test_rules_lists_every_rule(invoke) -> None:  # type: ignore[no-untyped-def]
    from thidua.check.rules import RULES

    output = invoke("rules").output
    for code, rule in RULES.items():
        assert code in output and rule.name in output
    assert "Các đợt thi đua không theo thứ tự thời gian" in output
    assert "Phases are not in time order" in invoke("rules", "--lang", "en").output


def test_explain(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("explain", "kh01")
    assert result.exit_code == 0
    assert "Vì sao:" in result.output and "Sai:" in result.output and "Đúng:" in result.output
    assert "KH – LĐLĐ" in result.output and "KH-LĐLĐ" in result.output
    missing = invoke("explain", "XX01")
    assert missing.exit_code == 2 and "XX01" in missing.output


def test_results_schema_is_committed(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("schema", "results")
    committed = (ROOT / "schema" / "results.schema.json").read_text(encoding="utf-8")
    assert result.output == committed, "stale: run `thidua schema results > schema/results.schema.json`"
    assert json.loads(result.output)["$defs"]["Record"]["required"] == ["target", "date", "value"]


def test_schema_command_prints_the_committed_schema(invoke) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import ROOT

    result = invoke("schema")
    assert result.exit_code == 0
    committed = (ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert result.output == committed, "schema/plan.schema.json is stale: run `thidua schema > schema/plan.schema.json`"
    schema = json.loads(result.output)
    assert {"issuer", "document", "sections"} <= set(schema["required"])


def test_a_long_line_is_shown_around_the_column(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.yaml"
    plan.write_text("opening: " + "[" * 30000 + "]" * 30000 + "\n", encoding="utf-8")  # crashed libyaml's composer
    result = invoke("check", str(plan))
    assert result.exit_code == 1 and "YA07" in result.output
    assert max(len(line) for line in result.output.splitlines()) < 200
