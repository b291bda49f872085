"""One sentence, two promises: a target's `also` holds the second, printed once and tracked apart.

Every status and percentage is recomputed by hand in the comments.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.track.plans import plan_head, write_plan
from thidua.check.engine import CheckOptions, check_file
from thidua.cli.app import app
from thidua.render.context import plan_context
from thidua.track.status import Status, track
from thidua.workspace import open_tracked

SENTENCE = "Đến năm 2023 đạt 1,2 triệu đoàn viên; 100% doanh nghiệp có từ 20 lao động trở lên có tổ chức công đoàn."

PLAN = (
    plan_head("Tổ chức phong trào thi đua giai đoạn 2021 – 2023", "2021-01-01", "2023-12-31")
    + f"""\
sections:
  - kind: targets
    title: MỤC TIÊU, CHỈ TIÊU
    items:
      - target:
          id: doan-vien
          text: {SENTENCE}
          measure: count
          goal: 1200000
          population: đoàn viên
          baseline: {{value: 1070000, date: 2020-12-31}}
          also:
            - id: cd-doanh-nghiep
              text: 100% doanh nghiệp có từ 20 lao động trở lên có tổ chức công đoàn.
              measure: percent
              goal: 100
              population: doanh nghiệp
      - target:
          id: cong-trinh
          text: Thực hiện 80 công trình chào mừng.
          measure: count
          goal: 80
signature: {{authority: TM. BAN THƯỜNG VỤ, title: CHỦ TỊCH, name: Nguyễn Văn A}}
recipients: [Các CĐCS, "Lưu: VT"]
"""
)

RESULTS = """\
results:
  - {target: doan-vien, date: 2023-03-31, value: 1150000}
  - {target: cd-doanh-nghiep, date: 2023-03-31, value: 425, of: 500}
  - {target: cong-trinh, date: 2023-03-31, value: 70}
"""
AS_OF = date(2023, 5, 5)


def write(tmp_path: Path, plan: str = PLAN, results: str = RESULTS) -> Path:
    return write_plan(tmp_path, plan, results)


def test_the_plan_checks_clean(tmp_path: Path) -> None:
    assert check_file(write(tmp_path), CheckOptions()) == []


def test_each_promise_of_the_sentence_is_tracked_apart(tmp_path: Path) -> None:
    tracked = open_tracked(write(tmp_path))
    statuses = track(tracked.plan, tracked.results, AS_OF)
    assert [(s.number, s.target.id) for s in statuses] == [(1, "doan-vien"), (2, "cd-doanh-nghiep"), (3, "cong-trinh")]
    members, companies, works = statuses
    # doan-vien: (1.150.000 − 1.070.000) / 130.000 = 61,5%; 855/1095 = 78,1% of its time: behind.
    assert members.overall.percent == pytest.approx(80_000 / 130_000 * 100)
    assert members.overall.status is Status.behind
    # cd-doanh-nghiep: 425 of 500 = 85% of a 100% goal; 854/1094 = 78,1% of the period: on track.
    assert companies.target.text == "100% doanh nghiệp có từ 20 lao động trở lên có tổ chức công đoàn."
    assert companies.elapsed == pytest.approx(854 / 1094)
    assert companies.overall.percent == pytest.approx(425 / 500 * 100)
    assert companies.overall.status is Status.on_track
    # cong-trinh: 70 / 80 = 87,5% ≥ 78,1%: on track.
    assert works.overall.percent == pytest.approx(70 / 80 * 100)
    assert works.overall.status is Status.on_track


def test_a_further_target_without_its_own_text_reads_the_whole_sentence(tmp_path: Path) -> None:
    plan = PLAN.replace("              text: 100% doanh nghiệp có từ 20 lao động trở lên có tổ chức công đoàn.\n", "")
    tracked = open_tracked(write(tmp_path, plan))
    second = tracked.plan.targets()[1][1]
    assert second.id == "cd-doanh-nghiep"
    assert second.text == SENTENCE


def test_the_sentence_is_printed_once(tmp_path: Path) -> None:
    tracked = open_tracked(write(tmp_path))
    shown = json.dumps(plan_context(tracked.plan), ensure_ascii=False, default=str)
    assert shown.count("1,2 triệu đoàn viên") == 1
    assert "cd-doanh-nghiep" not in shown


def test_track_json_lists_the_further_target(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["track", str(write(tmp_path)), "--as-of", "2023-05-05", "--format", "json"])
    assert result.exit_code == 0, result.output
    entries = {e["id"]: e for e in json.loads(result.stdout)}
    assert entries["cd-doanh-nghiep"]["number"] == 2
    assert entries["cd-doanh-nghiep"]["percent"] == 85.0  # 425 / 500
    assert entries["cd-doanh-nghiep"]["status"] == "on-track"


def test_checks_see_the_further_target_at_its_own_line(tmp_path: Path) -> None:
    # Its id taken by another target (TG01) and a percent goal of 120 (TG02), both at its lines.
    plan = PLAN.replace("            - id: cd-doanh-nghiep", "            - id: cong-trinh").replace(
        "              goal: 100\n", "              goal: 120\n"
    )
    plan_file = write(tmp_path, plan, "results: []\n")
    got = {(f.code, f.line) for f in check_file(plan_file, CheckOptions())}
    lines = plan.splitlines()
    also_id = next(n for n, line in enumerate(lines, 1) if "- id: cong-trinh" in line)
    also_goal = next(n for n, line in enumerate(lines, 1) if line.strip() == "goal: 120")
    assert ("TG02", also_goal) in got
    assert ("TG01", next(n for n, line in enumerate(lines, 1) if "id: cong-trinh" in line and n > also_id)) in got


def test_a_result_for_the_further_target_is_not_unknown(tmp_path: Path) -> None:
    write(tmp_path)
    results = tmp_path / "ke-hoach.results.yaml"
    assert [f.code for f in check_file(results, CheckOptions())] == []
    # A misspelt id is still unknown: the further target is known by its own id only.
    results.write_text(RESULTS.replace("target: cd-doanh-nghiep", "target: cd-doanh-nghie"), encoding="utf-8")
    assert [f.code for f in check_file(results, CheckOptions())] == ["KQ01"]
