"""A plan-wide target reached by its units' figures (`from_units: true`, issue 17 item 2).

Every status and percentage is recomputed by hand in the comments. The plan-wide figure is made
of each counted unit's latest record on or before the as-of date: a count is their sum, a percent
Σ value / Σ of. The period runs 1/1/2021 → 31/12/2021: 364 days.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openxml_audit import OpenXmlValidator

from tests.track.plans import plan_head, status_of, write_plan
from thidua.check.engine import CheckOptions, check_file
from thidua.cli.app import app
from thidua.plan.model import Plan
from thidua.plan.results import Results
from thidua.track.status import Status, TargetStatus, track
from thidua.workspace import open_tracked

PLAN = (
    plan_head("Tổ chức phong trào thi đua năm 2021", "2021-01-01", "2021-12-31")
    + """\
sections:
  - kind: targets
    title: MỤC TIÊU, CHỈ TIÊU
    items:
      - target:
          id: doan-vien-moi
          text: Toàn tỉnh kết nạp 5.000 đoàn viên mới.
          measure: count
          goal: 5000
          population: đoàn viên
          from_units: true
      - target:
          id: cdcs-vung-manh
          text: 80% công đoàn cơ sở của thành phố Đông Hà và huyện Gio Linh đạt vững mạnh.
          measure: percent
          goal: 80
          population: công đoàn cơ sở
          from_units: true
          units: [ldld-dong-ha, ldld-gio-linh]
      - target:
          id: mo-hinh-diem
          text: Mỗi LĐLĐ huyện, thành phố xây dựng ít nhất 01 mô hình điểm.
          measure: count
          goal: 1
          population: mô hình điểm
          per_unit: true
units:
  - {id: ldld-dong-ha, name: LĐLĐ thành phố Đông Hà}
  - {id: ldld-gio-linh, name: LĐLĐ huyện Gio Linh}
  - {id: ldld-vinh-linh, name: LĐLĐ huyện Vĩnh Linh}
signature: {authority: TM. BAN THƯỜNG VỤ, title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: [Các LĐLĐ huyện, thành phố, "Lưu: VT"]
"""
)

SOURCE = "Báo cáo số 05/BC-LĐLĐ ngày 05/4/2021"
THROUGH_SEPTEMBER = f"""\
results:
  - {{target: doan-vien-moi, unit: ldld-dong-ha, date: 2021-03-31, value: 800, source: {SOURCE}}}
  - {{target: doan-vien-moi, unit: ldld-dong-ha, date: 2021-06-30, value: 1500}}
  - {{target: doan-vien-moi, unit: ldld-gio-linh, date: 2021-06-30, value: 1200}}
  - {{target: cdcs-vung-manh, unit: ldld-dong-ha, date: 2021-06-30, value: 34, of: 40}}
  - {{target: cdcs-vung-manh, unit: ldld-gio-linh, date: 2021-06-30, value: 45, of: 80}}
  - {{target: mo-hinh-diem, unit: ldld-dong-ha, date: 2021-06-30, value: 1}}
  - {{target: doan-vien-moi, unit: ldld-dong-ha, date: 2021-09-30, value: 2100}}
  - {{target: doan-vien-moi, unit: ldld-vinh-linh, date: 2021-09-30, value: 900}}
"""
DECEMBER = """\
  - {target: doan-vien-moi, unit: ldld-dong-ha, date: 2021-12-31, value: 2300}
  - {target: doan-vien-moi, unit: ldld-gio-linh, date: 2021-12-31, value: 1500, qualifier: trên}
  - {target: doan-vien-moi, unit: ldld-vinh-linh, date: 2021-12-31, value: 1200}
  - {target: cdcs-vung-manh, unit: ldld-dong-ha, date: 2021-12-31, value: 36, of: 40}
  - {target: cdcs-vung-manh, unit: ldld-gio-linh, date: 2021-12-31, value: 60, of: 80}
"""
RESULTS = THROUGH_SEPTEMBER + DECEMBER
PERIOD = (date(2021, 12, 31) - date(2021, 1, 1)).days  # 364


def write(tmp_path: Path, results: str = RESULTS, plan: str = PLAN) -> Path:
    return write_plan(tmp_path, plan, results)


def status_despite_errors(plan_file: Path, results: str, target_id: str, as_of: date) -> TargetStatus:
    """What track makes of results that check refuses (the CLI stops before, with the finding)."""
    plan = _plan(plan_file)
    records = Results.model_validate(yaml.safe_load(results))
    return next(s for s in track(plan, records, as_of) if s.target.id == target_id)


def _plan(plan_file: Path) -> Plan:
    return Plan.model_validate(yaml.safe_load(plan_file.read_text(encoding="utf-8")))


def test_the_plan_and_its_units_results_check_clean(tmp_path: Path) -> None:
    # KQ03 takes a unit on a from_units target; every unit is one the target counts.
    assert check_file(write(tmp_path), CheckOptions()) == []


def test_before_any_record_every_unit_is_missing_and_there_is_no_data(tmp_path: Path) -> None:
    item = status_of(write(tmp_path), "doan-vien-moi", date(2021, 3, 1))
    # No record on or before 1/3/2021: nothing to add, 0 of 3 units counted.
    assert item.overall.status is Status.no_data
    assert item.overall.percent is None
    assert (item.units_counted, len(item.shares)) == (0, 3)
    assert item.missing_units == ("ldld-dong-ha", "ldld-gio-linh", "ldld-vinh-linh")
    assert item.phrase == ""


def test_one_unit_reported_is_behind(tmp_path: Path) -> None:
    item = status_of(write(tmp_path), "doan-vien-moi", date(2021, 5, 15))
    # 15/5/2021: only Đông Hà's 31/3 figure, 800. 800 / 5.000 = 16%, while 134 of 364 days
    # (36,8%) are gone: behind. Gio Linh and Vĩnh Linh are missing; 1 of 3 counted.
    assert item.elapsed == pytest.approx(134 / PERIOD)
    assert item.overall.value == 800
    assert item.overall.percent == pytest.approx(16.0)
    assert item.overall.status is Status.behind
    assert item.units_counted == 1
    assert item.missing_units == ("ldld-gio-linh", "ldld-vinh-linh")
    assert item.sources == (SOURCE,)  # the unit's record counted carries it


def test_a_count_sum_with_one_unit_missing_takes_each_units_latest(tmp_path: Path) -> None:
    item = status_of(write(tmp_path), "doan-vien-moi", date(2021, 6, 30))
    # 30/6/2021: Đông Hà's latest is 1.500 (its 800 of 31/3 is replaced, not added), Gio Linh
    # 1.200, Vĩnh Linh none yet: 1.500 + 1.200 = 2.700; 2.700 / 5.000 = 54% ≥ 180/364 = 49,5%: on track.
    assert item.elapsed == pytest.approx(180 / PERIOD)
    assert item.overall.value == 2700
    assert item.overall.percent == pytest.approx(54.0)
    assert item.overall.status is Status.on_track
    assert [(s.unit, s.record.value if s.record else None, s.counted) for s in item.shares] == [
        ("ldld-dong-ha", 1500, True),
        ("ldld-gio-linh", 1200, True),
        ("ldld-vinh-linh", None, False),
    ]
    assert item.missing_units == ("ldld-vinh-linh",)
    assert item.phrase == "2.700 đoàn viên"
    assert item.sources == ()  # the 31/3 report is no longer counted


def test_records_on_different_dates_each_units_latest_counts(tmp_path: Path) -> None:
    item = status_of(write(tmp_path), "doan-vien-moi", date(2021, 9, 30))
    # 30/9/2021: Đông Hà 2.100 (30/9), Gio Linh still 1.200 (its latest, 30/6), Vĩnh Linh 900
    # (30/9): 4.200; 4.200 / 5.000 = 84% ≥ 272/364 = 74,7%: on track, 3 of 3 counted.
    assert item.elapsed == pytest.approx(272 / PERIOD)
    assert item.overall.value == 4200
    assert item.overall.percent == pytest.approx(84.0)
    assert item.overall.status is Status.on_track
    assert (item.units_counted, item.missing_units) == (3, ())
    assert item.overall.record is not None and item.overall.record.date == date(2021, 9, 30)


def test_the_sum_of_more_than_figures_reaches_the_goal(tmp_path: Path) -> None:
    item = status_of(write(tmp_path), "doan-vien-moi", date(2021, 12, 31))
    # 31/12/2021: 2.300 + "trên 1.500" + 1.200 = "trên 5.000" ≥ 5.000: met at 100%.
    assert item.overall.value == 5000
    assert item.overall.percent == pytest.approx(100.0)
    assert item.overall.status is Status.met
    assert item.phrase == "trên 5.000 đoàn viên"


def test_a_sum_with_a_little_less_than_figure_does_not_reach_it(tmp_path: Path) -> None:
    results = RESULTS.replace("value: 1500, qualifier: trên", "value: 1500, qualifier: gần")
    item = status_of(write(tmp_path, results), "doan-vien-moi", date(2021, 12, 31))
    # "gần 1.500" makes the sum "gần 5.000": not the goal. On the due date itself 100% of the
    # goal ≥ 100% of the time: on track (overdue only after the due date).
    assert item.phrase == "gần 5.000 đoàn viên"
    assert item.overall.status is Status.on_track


def test_past_the_due_date_short_of_the_goal_is_overdue(tmp_path: Path) -> None:
    plan_file = write(tmp_path, THROUGH_SEPTEMBER)
    item = status_of(plan_file, "doan-vien-moi", date(2022, 1, 15))
    # 15/1/2022, after 31/12/2021, the figures of 30/9: 4.200 / 5.000 = 84%, short: overdue.
    assert item.overall.percent == pytest.approx(84.0)
    assert item.overall.status is Status.overdue
    share = status_of(plan_file, "cdcs-vung-manh", date(2022, 1, 15))
    # 79/120 = 65,83%, short of 80%: overdue.
    assert share.overall.status is Status.overdue


def test_a_percent_combines_as_the_sum_of_values_over_the_sum_of_of(tmp_path: Path) -> None:
    plan_file = write(tmp_path)
    item = status_of(plan_file, "cdcs-vung-manh", date(2021, 6, 30))
    # 30/6/2021: Đông Hà 34/40 (85%), Gio Linh 45/80 (56,25%): (34 + 45) / (40 + 80) = 79/120
    # = 65,83% (the mean of the two shares, 70,6%, would overweigh the smaller unit);
    # 65,83 / 80 = 82,3% of the goal ≥ 49,5% of the time: on track. Vĩnh Linh is not one of
    # the target's units: 2 of 2 counted.
    assert item.overall.value == pytest.approx(79 / 120 * 100)
    assert item.overall.percent == pytest.approx(79 / 120 * 100 / 80 * 100)
    assert round(item.overall.percent, 1) == 82.3
    assert item.overall.status is Status.on_track
    assert (item.units_counted, len(item.shares), item.missing_units) == (2, 2, ())
    assert item.phrase == "79/120 công đoàn cơ sở (65,83%)"
    late = status_of(plan_file, "cdcs-vung-manh", date(2021, 12, 31))
    # 31/12/2021: (36 + 60) / (40 + 80) = 96/120 = 80%: met at 100%.
    assert late.overall.value == pytest.approx(80.0)
    assert late.overall.percent == pytest.approx(100.0)
    assert late.overall.status is Status.met
    # Before 30/6 no unit has a figure: no data.
    assert status_of(plan_file, "cdcs-vung-manh", date(2021, 6, 29)).overall.status is Status.no_data


def test_a_share_without_of_is_reported_but_not_added(tmp_path: Path) -> None:
    results = RESULTS.replace("date: 2021-12-31, value: 60, of: 80}", "date: 2021-12-31, value: 75}")
    plan_file = write(tmp_path, results)
    # KQ12 is a warning: the other units still add up, and track runs.
    assert [(f.code, f.severity.value) for f in check_file(plan_file, CheckOptions())] == [("KQ12", "warning")]
    item = status_of(plan_file, "cdcs-vung-manh", date(2021, 12, 31))
    # Gio Linh's "75%" has no population: only Đông Hà's 36/40 = 90% is added, 1 of 2 counted;
    # 90 ≥ 80: met, 90 / 80 = 112,5%. Gio Linh reported, so it is not missing.
    assert item.overall.value == pytest.approx(90.0)
    assert item.overall.percent == pytest.approx(112.5)
    assert item.overall.status is Status.met
    assert (item.units_counted, item.missing_units) == (1, ())
    assert [s.counted for s in item.shares] == [True, False]


def test_a_unit_outside_the_sum_is_kq11_and_not_added(tmp_path: Path) -> None:
    stray = "  - {target: cdcs-vung-manh, unit: ldld-vinh-linh, date: 2021-06-30, value: 10, of: 10}\n"
    plan_file = write(tmp_path, RESULTS + stray)
    findings = check_file(plan_file, CheckOptions())
    assert [(f.code, f.line) for f in findings] == [("KQ11", 15)]
    assert "ldld-dong-ha, ldld-gio-linh" in findings[0].message("vi")
    # Still 79/120 on 30/6: Vĩnh Linh's 10/10 is not one of the target's units.
    item = status_despite_errors(plan_file, RESULTS + stray, "cdcs-vung-manh", date(2021, 6, 30))
    assert item.overall.value == pytest.approx(79 / 120 * 100)
    assert [s.unit for s in item.shares] == ["ldld-dong-ha", "ldld-gio-linh"]


def test_a_record_without_its_unit_is_kq03_and_not_added(tmp_path: Path) -> None:
    plain = "  - {target: doan-vien-moi, date: 2021-06-30, value: 9999}\n"
    plan_file = write(tmp_path, RESULTS + plain)
    findings = check_file(plan_file, CheckOptions())
    assert [f.code for f in findings] == ["KQ03"]
    assert "from_units" in findings[0].message("en")
    item = status_despite_errors(plan_file, RESULTS + plain, "doan-vien-moi", date(2021, 6, 30))
    assert item.overall.value == 2700  # 1.500 + 1.200: the unit-less 9.999 is no unit's


def test_track_stops_on_a_unit_outside_the_sum(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    stray = "  - {target: doan-vien-moi, unit: ldld-cam-lo, date: 2021-06-30, value: 700}\n"
    result = runner.invoke(app, ["track", str(write(tmp_path, RESULTS + stray)), "--as-of", "2021-06-30"])
    assert result.exit_code == 1, result.output
    assert "KQ11" in result.output


def test_a_sum_with_a_baseline_is_measured_from_it(tmp_path: Path) -> None:
    summed = "          from_units: true\n"
    plan = PLAN.replace(summed, summed + "          baseline: {value: 1000}\n", 1)
    item = status_of(write(tmp_path, plan=plan), "doan-vien-moi", date(2021, 6, 30))
    # (2.700 − 1.000) / (5.000 − 1.000) = 1.700 / 4.000 = 42,5% < 49,5% of the time: behind.
    assert item.overall.percent == pytest.approx(42.5)
    assert item.overall.status is Status.behind


def test_track_json_lists_each_unit_and_the_missing(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    plan_file = str(write(tmp_path))
    result = runner.invoke(app, ["track", plan_file, "--as-of", "2021-06-30", "--format", "json"])
    assert result.exit_code == 0, result.output
    entries = {e["id"]: e for e in json.loads(result.stdout)}
    members = entries["doan-vien-moi"]
    assert members["from_units"] is True
    assert (members["value"], members["percent"], members["status"]) == (2700, 54.0, "on-track")
    assert (members["units_counted"], members["units_total"], members["missing"]) == (2, 3, ["ldld-vinh-linh"])
    assert [(u["unit"], u["value"], u["counted"], u["date"]) for u in members["units"]] == [
        ("ldld-dong-ha", 1500, True, "2021-06-30"),
        ("ldld-gio-linh", 1200, True, "2021-06-30"),
        ("ldld-vinh-linh", None, False, None),
    ]
    shares = entries["cdcs-vung-manh"]
    assert (shares["value"], shares["of"]) == (pytest.approx(79 / 120 * 100), 120)
    assert shares["percent"] == round(79 / 120 * 100 / 80 * 100, 2)  # 82.29
    assert [(u["value"], u["of"]) for u in shares["units"]] == [(34, 40), (45, 80)]
    assert "from_units" not in entries["mo-hinh-diem"]  # other targets' JSON is as it was


def test_track_text_and_markdown_in_vietnamese(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    plan_file = str(write(tmp_path))
    text = runner.invoke(app, ["track", plan_file, "--as-of", "2021-06-30"])
    assert text.exit_code == 0, text.output
    assert "2.700 đoàn viên (2/3 đơn vị" in text.stdout
    assert "#1 doan-vien-moi: chưa báo cáo: LĐLĐ huyện Vĩnh Linh" in text.stdout
    assert "Số liệu từng đơn vị" in text.stdout
    assert "2.700 (2/3)" in text.stdout
    assert "79/120 (2/2)" in text.stdout
    md = runner.invoke(app, ["track", plan_file, "--as-of", "2021-06-30", "--format", "md"])
    assert md.exit_code == 0, md.output
    lines = md.stdout.splitlines()
    row = next(line for line in lines if "`doan-vien-moi`" in line and "5.000" in line)
    assert row == (
        "| 1 | `doan-vien-moi` | 5.000 đoàn viên (cộng từ các đơn vị) | 2.700 đoàn viên (2/3 đơn vị được tính)"
        " | 54% | → Đúng tiến độ |"
    )
    assert "| LĐLĐ thành phố Đông Hà | 1.500 | 34/40 | 1 ✓ |" in lines
    assert "| LĐLĐ huyện Vĩnh Linh | · |  | · |" in lines
    assert "| **Số đơn vị đạt** |  |  | 1/3 |" in lines
    assert "| **Tổng (số đơn vị được tính)** | 2.700 (2/3) | 79/120 (2/2) |  |" in lines
    assert "- #1 doan-vien-moi: chưa báo cáo: LĐLĐ huyện Vĩnh Linh" in lines


def test_track_in_english(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    plan_file = str(write(tmp_path))
    text = runner.invoke(app, ["track", plan_file, "--as-of", "2021-05-15", "--lang", "en"])
    assert text.exit_code == 0, text.output
    # 15/5: 800 of 5.000 = 16%, behind; 1 of 3 units counted.
    assert "800 đoàn viên (1 of 3 units" in text.stdout  # the table wraps the result column
    assert "— (0 of 2 units counted)" in text.stdout
    assert "#1 doan-vien-moi: not reported yet: LĐLĐ huyện Gio Linh, LĐLĐ huyện Vĩnh Linh" in text.stdout
    assert "#2 cdcs-vung-manh: not reported yet: LĐLĐ thành phố Đông Hà, LĐLĐ huyện Gio Linh" in text.stdout
    assert "Each unit's figures" in text.stdout
    assert "16%" in text.stdout
    assert "behind" in text.stdout
    md = runner.invoke(app, ["track", plan_file, "--as-of", "2021-05-15", "--lang", "en", "--format", "md"])
    row = next(line for line in md.stdout.splitlines() if "`doan-vien-moi` | 5.000" in line)
    assert "5.000 đoàn viên (from the units' figures) | 800 đoàn viên (1 of 3 units counted) | 16% | ! behind" in row


def test_a_share_not_added_is_named_in_the_output(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    results = RESULTS.replace("date: 2021-12-31, value: 60, of: 80}", "date: 2021-12-31, value: 75}")
    plan_file = str(write(tmp_path, results))
    md = runner.invoke(app, ["track", plan_file, "--as-of", "2021-12-31", "--format", "md"])
    lines = md.stdout.splitlines()
    assert "| LĐLĐ huyện Gio Linh | trên 1.500 | (75%) | · |" in lines
    note = next(line for line in lines if line.startswith("- #2 cdcs-vung-manh: chỉ ghi tỷ lệ, không có of"))
    assert note.endswith(": LĐLĐ huyện Gio Linh")


def test_the_report_keeps_the_units_table_and_names_the_missing(tmp_path: Path) -> None:
    from thidua.track.report import report_context

    tracked = open_tracked(write(tmp_path))
    as_of = date(2021, 6, 30)
    context = report_context(tracked.plan, track(tracked.plan, tracked.results, as_of), as_of)
    first = context["rows"][0]
    assert first["goal"] == "5.000 đoàn viên (cộng từ các đơn vị)"
    assert first["result"] == "2.700 đoàn viên (2/3 đơn vị được tính)"
    assert (first["percent"], first["status"]) == ("54%", "Đúng tiến độ")
    assert context["per_unit_title"] == "SỐ LIỆU CỦA TỪNG ĐƠN VỊ"
    members, shares, models = context["per_unit"]
    assert members["heading"] == (
        "Chỉ tiêu (1) “5.000 đoàn viên” cộng từ số liệu các đơn vị: 2.700 đoàn viên, 2/3 đơn vị được tính; "
        "chưa báo cáo: LĐLĐ huyện Vĩnh Linh."
    )
    assert [(u["name"], u["result"], u["status"]) for u in members["units"]] == [
        ("LĐLĐ thành phố Đông Hà", "1.500 đoàn viên", "Đã tính"),
        ("LĐLĐ huyện Gio Linh", "1.200 đoàn viên", "Đã tính"),
        ("LĐLĐ huyện Vĩnh Linh", "—", "Chưa báo cáo"),
    ]
    assert shares["heading"].endswith("79/120 công đoàn cơ sở (65,83%), 2/2 đơn vị được tính.")
    assert models["heads"] == ("TT", "Đơn vị", "Kết quả", "Đánh giá")  # a per-unit table as before
    # 30/9/2021: Gio Linh's figure is still its 30/6 one; the table says so.
    later = report_context(tracked.plan, track(tracked.plan, tracked.results, date(2021, 9, 30)), date(2021, 9, 30))
    assert [u["result"] for u in later["per_unit"][0]["units"]] == [
        "2.100 đoàn viên",
        "1.200 đoàn viên (ngày 30/6/2021)",
        "900 đoàn viên",
    ]


def test_the_report_docx_passes_the_audit(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bao-cao.docx"
    result = invoke("report", str(write(tmp_path)), "--as-of", "2021-06-30", "-o", str(out))
    assert result.exit_code == 0, result.output
    errors = [str(error) for error in OpenXmlValidator(max_errors=0).validate(out).errors]
    assert not errors, "\n".join(errors)


def test_adding_up_the_units_is_linear_in_units_and_records() -> None:
    """10× the units (and their records) costs `track` at most 15× the work (tests/scale.py `operations`)."""
    from tests.scale import operations

    base = yaml.safe_load(PLAN)
    work = []
    for k in (3, 30):
        units = [{"id": f"cd-{n}", "name": f"Công đoàn cơ sở số {n}"} for n in range(10 * k)]
        records = [
            {"target": target, "unit": unit["id"], "date": date(2021, month, 28), "value": 5, "of": 10}
            for unit in units
            for target in ("doan-vien-moi", "cdcs-vung-manh")
            for month in (3, 6, 9)
        ]
        data = {**base, "units": units}
        data["sections"][0]["items"][1]["target"].pop("units", None)  # the plan's units, all of them
        plan = Plan.model_validate(data)
        results = Results.model_validate({"results": records})
        item = next(s for s in track(plan, results, date(2021, 12, 31)) if s.target.id == "doan-vien-moi")
        assert item.overall.value == 5 * 10 * k  # each unit's latest, 5, once
        work.append(operations(lambda plan=plan, results=results: track(plan, results, date(2021, 12, 31))))
    assert 0 < work[1] <= 15 * work[0], work  # about ×10


def test_amounts_add_up_when_every_unit_gives_one(tmp_path: Path) -> None:
    results = """\
results:
  - {target: doan-vien-moi, unit: ldld-dong-ha, date: 2021-06-30, value: 1500, amount: 2000000000}
  - {target: doan-vien-moi, unit: ldld-gio-linh, date: 2021-06-30, value: 1200, amount: 3500000000}
"""
    plan_file = write(tmp_path, results)
    # 2 tỷ + 3,5 tỷ = 5,5 tỷ đồng beside 1.500 + 1.200 = 2.700 đoàn viên.
    item = status_of(plan_file, "doan-vien-moi", date(2021, 6, 30))
    assert item.overall.record is not None and item.overall.record.amount == 5_500_000_000
    assert item.phrase.startswith("2.700 đoàn viên trị giá")
    # A unit without an amount: a part of the money is unknown, so no total amount is claimed.
    third = "  - {target: doan-vien-moi, unit: ldld-vinh-linh, date: 2021-06-30, value: 900}\n"
    partial = status_of(write(tmp_path, results + third), "doan-vien-moi", date(2021, 6, 30))
    assert partial.overall.record is not None and partial.overall.record.amount is None
    assert partial.phrase == "3.600 đoàn viên"


UNITS = ("ldld-dong-ha", "ldld-gio-linh", "ldld-vinh-linh")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(UNITS), st.integers(1, 365), st.integers(0, 3000)),
        max_size=12,
        unique_by=lambda r: (r[0], r[1]),  # one figure per unit and day (KQ07)
    ),
    st.integers(1, 365),
)
def test_the_total_is_the_sum_of_each_units_latest_figure(records: list[tuple[str, int, int]], day: int) -> None:
    plan = Plan.model_validate(yaml.safe_load(PLAN))
    start = date(2021, 1, 1).toordinal() - 1
    results = Results.model_validate(
        {
            "results": [
                {"target": "doan-vien-moi", "unit": u, "date": date.fromordinal(start + d), "value": v}
                for u, d, v in records
            ]
        }
    )
    as_of = date.fromordinal(start + day)
    item = next(s for s in track(plan, results, as_of) if s.target.id == "doan-vien-moi")
    latest = {u: v for u, d, v in sorted(records, key=lambda r: r[1]) if d <= day}  # by hand: the last one wins
    assert item.units_counted == len(latest)
    assert item.missing_units == tuple(u for u in UNITS if u not in latest)
    if latest:
        assert item.overall.value == sum(latest.values())
        assert item.overall.percent == pytest.approx(sum(latest.values()) / 5000 * 100)
    else:
        assert item.overall.status is Status.no_data


def test_a_further_target_of_a_sentence_can_be_made_of_the_units_figures(tmp_path: Path) -> None:
    plan = PLAN.replace(
        "          from_units: true\n",
        "          from_units: true\n"
        "          also:\n"
        "            - {id: cdcs-moi, text: thành lập 30 công đoàn cơ sở mới, measure: count, goal: 30,"
        " population: công đoàn cơ sở, from_units: true, units: [ldld-gio-linh, ldld-vinh-linh]}\n",
        1,
    )
    results = RESULTS + (
        "  - {target: cdcs-moi, unit: ldld-gio-linh, date: 2021-06-30, value: 9}\n"
        "  - {target: cdcs-moi, unit: ldld-vinh-linh, date: 2021-06-30, value: 6}\n"
    )
    plan_file = write(tmp_path, results, plan)
    assert check_file(plan_file, CheckOptions()) == []
    item = status_of(plan_file, "cdcs-moi", date(2021, 6, 30))
    # 9 + 6 = 15 of 30 = 50% ≥ 49,5% of the time: on track, 2 of the sentence's 2 units.
    assert item.overall.value == 15
    assert item.overall.percent == pytest.approx(50.0)
    assert item.overall.status is Status.on_track
    assert (item.units_counted, len(item.shares)) == (2, 2)
