"""A count or percent target with a baseline: progress measured from where the union starts.

Every status and percentage is recomputed by hand in the comments: progress is
(figure − baseline) / (goal − baseline), the window runs from the baseline's date (or the
period's start) to the due date.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.track.plans import plan_head, status_of, write_plan
from thidua.check.engine import CheckOptions, check_file
from thidua.cli.app import app
from thidua.track.status import Status, campaign_elapsed, track
from thidua.workspace import open_tracked

PLAN = (
    plan_head("Tổ chức phong trào thi đua giai đoạn 2021 – 2023", "2021-01-01", "2023-12-31")
    + """\
sections:
  - kind: targets
    title: MỤC TIÊU, CHỈ TIÊU
    items:
      - target:
          id: doan-vien
          text: Đến năm 2023 đạt 1,2 triệu đoàn viên.
          measure: count
          goal: 1200000
          population: đoàn viên
          baseline: {value: 1070000, date: 2020-12-31}
      - target:
          id: thoa-uoc
          text: 100% doanh nghiệp có tổ chức công đoàn ký thỏa ước lao động tập thể.
          measure: percent
          goal: 100
          population: doanh nghiệp
          baseline: {value: 60}
      - target:
          id: cong-trinh
          text: Thực hiện 80 công trình chào mừng.
          measure: count
          goal: 80
          population: công trình
signature: {authority: TM. BAN THƯỜNG VỤ, title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: [Các CĐCS, "Lưu: VT"]
"""
)

# The issue's example: 1,07 triệu at the start, 1,15 triệu now, 1,2 triệu by the end of 2023.
ISSUE_RESULTS = """\
results:
  - {target: doan-vien, date: 2023-03-31, value: 1150000}
"""

# The window of `doan-vien`: 31/12/2020 (the baseline's date) → 31/12/2023 = 1095 days.
MEMBERS_WINDOW = (date(2023, 12, 31) - date(2020, 12, 31)).days
# The window of `thoa-uoc` (no baseline date: the period's start) → 31/12/2023 = 1094 days.
PERIOD_WINDOW = (date(2023, 12, 31) - date(2021, 1, 1)).days
# 855 days after 31/12/2020: 855 / 1095 = 78,1% of the time gone.
AS_OF = date(2023, 5, 5)


def write(tmp_path: Path, results: str, plan: str = PLAN) -> Path:
    return write_plan(tmp_path, plan, results)


def test_the_plan_and_results_check_clean(tmp_path: Path) -> None:
    plan_file = write(tmp_path, ISSUE_RESULTS)
    assert check_file(plan_file, CheckOptions()) == []


def test_the_issues_example_is_behind_at_62_percent(tmp_path: Path) -> None:
    # (1.150.000 − 1.070.000) / (1.200.000 − 1.070.000) = 80.000 / 130.000 = 61,5% ≈ 62%,
    # while 855 of the window's 1095 days (78,1%) are gone: behind.
    item = status_of(write(tmp_path, ISSUE_RESULTS), "doan-vien", AS_OF)
    assert MEMBERS_WINDOW == 1095
    assert item.start == date(2020, 12, 31)
    assert item.elapsed == pytest.approx(855 / 1095)
    assert round(item.elapsed * 100) == 78
    assert item.overall.percent == pytest.approx(80_000 / 130_000 * 100)
    assert round(item.overall.percent) == 62
    assert item.overall.status is Status.behind


def test_measured_from_zero_the_same_figure_would_read_on_track(tmp_path: Path) -> None:
    # Without the baseline: 1.150.000 / 1.200.000 = 95,8% ≥ the period's 854/1094 = 78,1%:
    # "Đúng tiến độ", the misreading the issue reports.
    plan = PLAN.replace("          baseline: {value: 1070000, date: 2020-12-31}\n", "")
    item = status_of(write(tmp_path, ISSUE_RESULTS, plan), "doan-vien", AS_OF)
    assert item.overall.percent == pytest.approx(1_150_000 / 1_200_000 * 100)
    assert round(item.overall.percent, 1) == 95.8
    assert item.elapsed == pytest.approx(854 / PERIOD_WINDOW)
    assert item.overall.status is Status.on_track


def test_on_track_met_overdue_and_no_data_from_the_baseline(tmp_path: Path) -> None:
    results = """\
results:
  - {target: doan-vien, date: 2023-03-31, value: 1180000}
  - {target: doan-vien, date: 2023-11-30, value: 1190000}
"""
    plan_file = write(tmp_path, results)
    # On 5/5/2023: (1.180.000 − 1.070.000) / 130.000 = 110.000 / 130.000 = 84,6% ≥ 78,1%: on track.
    item = status_of(plan_file, "doan-vien", AS_OF)
    assert item.overall.percent == pytest.approx(110_000 / 130_000 * 100)
    assert item.overall.status is Status.on_track
    # On 10/1/2024, past the due date: 120.000 / 130.000 = 92,3%, not the goal: overdue.
    late = status_of(plan_file, "doan-vien", date(2024, 1, 10))
    assert late.overall.percent == pytest.approx(120_000 / 130_000 * 100)
    assert late.elapsed == 1.0
    assert late.overall.status is Status.overdue
    # Before the first figure (31/3/2023) nothing is recorded: no data.
    assert status_of(plan_file, "doan-vien", date(2023, 1, 1)).overall.status is Status.no_data


def test_reaching_the_goal_is_met_at_100_percent(tmp_path: Path) -> None:
    results = "results:\n  - {target: doan-vien, date: 2023-03-31, value: 1200000}\n"
    item = status_of(write(tmp_path, results), "doan-vien", AS_OF)
    # (1.200.000 − 1.070.000) / 130.000 = 100%: met.
    assert item.overall.percent == pytest.approx(100.0)
    assert item.overall.status is Status.met


def test_a_figure_below_the_baseline_is_negative_progress_and_behind(tmp_path: Path) -> None:
    results = "results:\n  - {target: doan-vien, date: 2021-06-30, value: 1050000}\n"
    item = status_of(write(tmp_path, results), "doan-vien", date(2021, 6, 30))
    # (1.050.000 − 1.070.000) / 130.000 = −15,4%, while 181/1095 = 16,5% of the time is gone: behind.
    assert item.overall.percent == pytest.approx(-20_000 / 130_000 * 100)
    assert item.elapsed == pytest.approx(181 / 1095)
    assert item.overall.status is Status.behind


def test_a_percent_baseline_without_a_date_starts_at_the_period(tmp_path: Path) -> None:
    results = """\
results:
  - {target: thoa-uoc, date: 2022-06-30, value: 75}
  - {target: thoa-uoc, date: 2022-12-31, value: 108, of: 120}
"""
    plan_file = write(tmp_path, results)
    # 30/6/2022: (75 − 60) / (100 − 60) = 15 / 40 = 37,5%; 545/1094 = 49,8% of the time: behind
    # (from zero 75% would have read on track).
    mid = status_of(plan_file, "thoa-uoc", date(2022, 6, 30))
    assert mid.start == date(2021, 1, 1)
    assert mid.elapsed == pytest.approx(545 / PERIOD_WINDOW)
    assert mid.overall.percent == pytest.approx(15 / 40 * 100)
    assert mid.overall.status is Status.behind
    # 31/12/2022: 108 of 120 = 90%; (90 − 60) / 40 = 75% ≥ 729/1094 = 66,6%: on track.
    late = status_of(plan_file, "thoa-uoc", date(2022, 12, 31))
    assert late.elapsed == pytest.approx(729 / PERIOD_WINDOW)
    assert late.overall.percent == pytest.approx((108 / 120 * 100 - 60) / 40 * 100)
    assert late.overall.status is Status.on_track


def test_the_campaign_elapsed_share_is_the_periods_not_a_baselines(tmp_path: Path) -> None:
    tracked = open_tracked(write(tmp_path, ISSUE_RESULTS))
    statuses = track(tracked.plan, tracked.results, AS_OF)
    # `doan-vien` (first) runs from its baseline's date, 855/1095; the campaign runs from
    # 1/1/2021: 854/1094, as `thoa-uoc` and `cong-trinh` see it.
    assert statuses[0].elapsed == pytest.approx(855 / 1095)
    assert campaign_elapsed(statuses) == pytest.approx(854 / 1094)


def test_track_shows_the_baseline_in_json_text_and_markdown(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    plan_file = str(write(tmp_path, ISSUE_RESULTS))
    result = runner.invoke(app, ["track", plan_file, "--as-of", "2023-05-05", "--format", "json"])
    assert result.exit_code == 0, result.output
    entry = next(e for e in json.loads(result.stdout) if e["id"] == "doan-vien")
    assert entry["baseline"] == {"value": 1070000, "date": "2020-12-31", "text": "1.070.000 đoàn viên"}
    assert entry["start"] == "2020-12-31"
    assert entry["percent"] == round(80_000 / 130_000 * 100, 2)  # 61.54
    assert entry["elapsed"] == round(855 / 1095 * 100, 2)  # 78.08
    assert entry["status"] == "behind"
    plain = next(e for e in json.loads(result.stdout) if e["id"] == "cong-trinh")
    assert plain["baseline"] is None

    text = runner.invoke(app, ["track", plan_file, "--as-of", "2023-05-05"])
    assert text.exit_code == 0, text.output
    assert "(từ 1.070.000 đoàn" in text.stdout  # the table wraps the goal column
    assert "31/12/2020)" in text.stdout
    assert "(từ 60% doanh nghiệp)" in text.stdout
    assert "61,5%" in text.stdout
    english = runner.invoke(app, ["track", plan_file, "--as-of", "2023-05-05", "--lang", "en"])
    assert "(from 1.070.000" in english.stdout
    assert "31/12/2020)" in english.stdout

    md = runner.invoke(app, ["track", plan_file, "--as-of", "2023-05-05", "--format", "md"])
    assert md.exit_code == 0, md.output
    row = next(line for line in md.stdout.splitlines() if "`doan-vien`" in line)
    assert "1.200.000 đoàn viên (từ 1.070.000 đoàn viên ngày 31/12/2020)" in row
    assert "61,5%" in row


def test_the_report_prints_the_baseline_after_the_goal(tmp_path: Path) -> None:
    from thidua.track.report import report_context

    tracked = open_tracked(write(tmp_path, ISSUE_RESULTS))
    context = report_context(tracked.plan, track(tracked.plan, tracked.results, AS_OF), AS_OF)
    row = context["rows"][0]
    assert row["goal"] == "1.200.000 đoàn viên (từ 1.070.000 đoàn viên ngày 31/12/2020)"
    assert row["percent"] == "61,5%"  # 80.000 / 130.000
    assert row["status"] == "Chậm tiến độ"
    assert context["rows"][1]["goal"] == "100% doanh nghiệp (từ 60% doanh nghiệp)"
    # The campaign's time, from 1/1/2021: 854 / 1094 = 78%.
    assert "(đã qua 78% thời gian thực hiện)" in context["intro"]


def test_a_report_with_a_figure_below_its_baseline_is_written(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    plan_file = write(tmp_path, "results:\n  - {target: doan-vien, date: 2021-06-30, value: 1050000}\n")
    out = tmp_path / "bao-cao.docx"
    result = runner.invoke(app, ["report", str(plan_file), "-o", str(out), "--as-of", "2021-06-30"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
