"""Commendation proposals from the results (issue 17 item 6), each judged by hand in the comments."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.track.plans import plan_head, write_plan
from tests.track.test_rollup import PROVINCE, _tree
from thidua.cli.app import app
from thidua.track.awards import propose
from thidua.track.rollup import child_trees
from thidua.workspace import open_tracked

PLAN = (
    plan_head("Tổ chức phong trào thi đua năm 2021", "2021-01-01", "2021-12-31")
    + """\
units:
  - {id: ldld-dong-ha, name: LĐLĐ thành phố Đông Hà}
  - {id: ldld-gio-linh, name: LĐLĐ huyện Gio Linh}
  - {id: ldld-vinh-linh, name: LĐLĐ huyện Vĩnh Linh}
sections:
  - kind: targets
    title: MỤC TIÊU, CHỈ TIÊU
    items:
      - target:
          id: mo-hinh-diem
          text: Mỗi LĐLĐ huyện, thành phố xây dựng ít nhất 01 mô hình điểm.
          measure: count
          goal: 1
          population: mô hình điểm
          per_unit: true
      - target:
          id: doan-vien-moi
          text: Mỗi LĐLĐ huyện, thành phố kết nạp ít nhất 500 đoàn viên mới.
          measure: count
          goal: 500
          population: đoàn viên
          per_unit: true
      - target:
          id: tong-ket
          text: Tổ chức tổng kết phong trào thi đua.
          measure: yes_no
          goal: true
  - kind: awards
    title: KHEN THƯỞNG
    items:
      - award:
          title: Cờ thi đua của LĐLĐ tỉnh
          text: Tặng Cờ thi đua cho 01 đơn vị hoàn thành xuất sắc các chỉ tiêu thi đua năm 2021.
          targets: [mo-hinh-diem, doan-vien-moi]
          by: 2021-11-30
          limit: 1
      - award:
          title: Giấy khen
          text: Tặng Giấy khen cho các đơn vị xây dựng được mô hình điểm.
          targets: [mo-hinh-diem]
"""
)

# Đông Hà: 1 model and 620 members by 30/11: both met → proposed.
# Gio Linh: 1 model; 480 members by 30/11 (its 510 on 15/12 is after the award's date): one short.
# Vĩnh Linh: no model, 300 members: two short. The Giấy khen (models only, by 31/12): Đông Hà, Gio Linh.
RESULTS = """\
results:
  - {target: mo-hinh-diem, unit: ldld-dong-ha, date: 2021-06-30, value: 1}
  - {target: doan-vien-moi, unit: ldld-dong-ha, date: 2021-11-30, value: 620}
  - {target: mo-hinh-diem, unit: ldld-gio-linh, date: 2021-09-30, value: 1}
  - {target: doan-vien-moi, unit: ldld-gio-linh, date: 2021-11-30, value: 480}
  - {target: doan-vien-moi, unit: ldld-gio-linh, date: 2021-12-15, value: 510}
  - {target: mo-hinh-diem, unit: ldld-vinh-linh, date: 2021-09-30, value: 0}
  - {target: doan-vien-moi, unit: ldld-vinh-linh, date: 2021-11-30, value: 300}
"""


def _proposals(tmp_path: Path, as_of: date):  # type: ignore[no-untyped-def]
    tracked = open_tracked(write_plan(tmp_path, PLAN, RESULTS))
    return propose(tracked.plan, tracked.plan_file, tracked.results, as_of)


def test_units_meeting_every_target_by_the_date_are_proposed(tmp_path: Path) -> None:
    flag, paper = _proposals(tmp_path, date(2021, 12, 31))
    assert flag.when == date(2021, 11, 30)  # the award's own date, before --as-of
    assert [j.key for j in flag.proposed] == ["ldld-dong-ha"]
    assert [(j.key, [(m.target, m.result) for m in j.missed]) for j in flag.near] == [
        ("ldld-gio-linh", [("doan-vien-moi", "480 đoàn viên")])
    ]
    assert [(j.key, [m.target for m in j.missed]) for j in flag.others] == [
        ("ldld-vinh-linh", ["mo-hinh-diem", "doan-vien-moi"])
    ]
    assert not flag.over_limit
    assert paper.when == date(2021, 12, 31)  # no date of its own: the end of the period
    assert [j.key for j in paper.proposed] == ["ldld-dong-ha", "ldld-gio-linh"]
    assert [j.key for j in paper.near] == ["ldld-vinh-linh"]


def test_an_earlier_date_counts_only_the_figures_then(tmp_path: Path) -> None:
    flag, paper = _proposals(tmp_path, date(2021, 7, 31))
    # On 31/7 only Đông Hà's model is recorded: nobody meets both; Đông Hà is one short (no members yet).
    assert flag.when == date(2021, 7, 31) and flag.proposed == ()
    assert [(j.key, [m.target for m in j.missed]) for j in flag.near] == [("ldld-dong-ha", ["doan-vien-moi"])]
    assert [j.key for j in paper.proposed] == ["ldld-dong-ha"]


def test_more_qualifying_than_awarded_is_said_not_ranked(tmp_path: Path) -> None:
    text = PLAN.replace("targets: [mo-hinh-diem]\n", "targets: [mo-hinh-diem]\n          limit: 1\n")
    tracked = open_tracked(write_plan(tmp_path, text, RESULTS))
    paper = propose(tracked.plan, tracked.plan_file, tracked.results, date(2021, 12, 31))[1]
    assert paper.over_limit and len(paper.proposed) == 2
    result = CliRunner().invoke(app, ["awards", str(tracked.plan_file), "--as-of", "2021-12-31"])
    assert result.exit_code == 0, result.output
    assert "2 đơn vị đạt tiêu chuẩn, nhiều hơn số khen thưởng của kế hoạch (1)" in result.stdout
    assert "Đề xuất (2): LĐLĐ thành phố Đông Hà; LĐLĐ huyện Gio Linh" in result.stdout


def test_the_cli_lists_who_is_proposed_and_who_is_one_short(tmp_path: Path) -> None:
    plan_file = write_plan(tmp_path, PLAN, RESULTS)
    result = CliRunner().invoke(app, ["awards", str(plan_file), "--as-of", "2021-12-31"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "1. Cờ thi đua của LĐLĐ tỉnh: đạt các chỉ tiêu mo-hinh-diem, doan-vien-moi đến ngày 30/11/2021" in lines[2]
    assert lines[3].strip() == "Đề xuất (1): LĐLĐ thành phố Đông Hà"
    assert lines[4].strip() == "Còn thiếu một chỉ tiêu (1): LĐLĐ huyện Gio Linh: doan-vien-moi (480 đoàn viên)"
    english = CliRunner().invoke(app, ["awards", str(plan_file), "--as-of", "2021-12-31", "--lang", "en"])
    assert "Proposed (1): LĐLĐ thành phố Đông Hà" in english.stdout
    data = json.loads(CliRunner().invoke(app, ["awards", str(plan_file), "--as-of", "2021-12-31", "-f", "json"]).stdout)
    assert [j["key"] for j in data[1]["proposed"]] == ["ldld-dong-ha", "ldld-gio-linh"]
    assert data[0]["near"][0]["missed"] == [{"target": "doan-vien-moi", "result": "480 đoàn viên"}]


def _province_with_award() -> Path:
    """The tree of test_rollup under campaigns/, its province awarding its districts; the province's plan."""
    province = _tree(Path("campaigns"))
    award = (
        "  - kind: awards\n    title: KHEN THƯỞNG\n    items:\n      - award:\n"
        "          title: Bằng khen của LĐLĐ tỉnh\n"
        "          text: Tặng Bằng khen cho các LĐLĐ huyện, thành phố hoàn thành các chỉ tiêu.\n"
        "          targets: [doan-vien-moi, cdcs-vung-manh]\n          by: 2021-09-30\n"
    )
    province.write_text(province.read_text(encoding="utf-8") + award, encoding="utf-8")
    return province


def test_child_plans_are_judged_on_their_own_goals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    province = _province_with_award()
    tracked = open_tracked(province)
    (award_,) = propose(
        tracked.plan,
        tracked.plan_file,
        tracked.results,
        date(2021, 12, 31),
        child_trees(tracked.plan_file, tracked.plan, tracked.results),
    )
    # On 30/9: Đông Hà 1.200 of its 2.000 (no), 30/40 = 75% of 80 (no): two short.
    # Gio Linh 900 of 1.500 (no), 20/25 = 80% (met): one short. Vĩnh Linh no members figure, 90% (met): one short.
    assert award_.proposed == ()
    assert [(j.name, [m.target for m in j.missed]) for j in award_.near] == [
        ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH", ["doan-vien-moi"]),
        ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH", ["doan-vien-moi"]),
    ]
    assert [j.name for j in award_.others] == ["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÔNG HÀ"]
    assert all(j.child for j in award_.near)
    # Gio Linh's goal lowered to its 900: it meets both and is proposed.
    gio_linh = Path("campaigns/ldld-gio-linh/2021/thi-dua-2021.yaml")
    gio_linh.write_text(gio_linh.read_text(encoding="utf-8").replace("goal: 1500", "goal: 900", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["awards", "campaigns/" + PROVINCE, "-f", "json", "--as-of", "2021-12-31"])
    assert [j["name"] for j in json.loads(result.stdout)[0]["proposed"]] == ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH"]


def test_the_report_of_a_parent_adds_its_children_and_proposes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openxml_audit import OpenXmlValidator

    monkeypatch.chdir(tmp_path)
    province = _province_with_award()
    out = tmp_path / "bao-cao.docx"
    result = CliRunner().invoke(app, ["report", str(province), "--as-of", "2021-09-30", "-o", str(out)])
    assert result.exit_code == 0, result.output
    errors = [str(error) for error in OpenXmlValidator(max_errors=0).validate(out).errors]
    assert not errors, "\n".join(errors)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    # The children's 1.200 + 900 = 2.100 (as in test_rollup), the table of child plans, the proposal.
    assert "2.100 (2/3 kế hoạch cấp dưới được tính)" in xml
    assert "cộng từ số liệu các kế hoạch cấp dưới: 2.100" in xml
    assert "III. ĐỀ XUẤT KHEN THƯỞNG" in xml and "IV. NGUỒN SỐ LIỆU" in xml
    assert "Còn thiếu một chỉ tiêu (2): LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH (chưa đạt chỉ tiêu (1): 900)" in xml


def test_the_quang_tri_example_proposes_the_units_its_results_say(tmp_path: Path) -> None:
    """The example's criterion (in its results file, decided at the tổng kết) against its records, by hand."""
    import yaml

    plan_file = Path(__file__).parents[2] / "campaigns" / "ldld-quang-tri" / "2021" / "thi-dua-2021.yaml"
    raw = yaml.safe_load(plan_file.with_name("thi-dua-2021.results.yaml").read_text(encoding="utf-8"))
    latest: dict[str, tuple[date, int]] = {}
    counted = [r for r in raw["results"] if r["target"] == "mo-hinh-diem" and r["date"] <= date(2021, 12, 31)]
    for record in sorted(counted, key=lambda r: r["date"]):  # the latest of each unit wins
        latest[record["unit"]] = (record["date"], record["value"])
    tracked = open_tracked(plan_file)
    (award,) = propose(tracked.plan, tracked.plan_file, tracked.results, date(2021, 12, 31))
    assert {j.key for j in award.proposed} == {unit for unit, (_, value) in latest.items() if value >= 1}
    assert {j.key for j in award.near} == {unit for unit, (_, value) in latest.items() if value < 1} == {"ldld-dakrong"}
    out = tmp_path / "tong-ket.docx"
    result = CliRunner().invoke(app, ["report", str(plan_file), "--as-of", "2021-12-31", "-o", str(out)])
    assert result.exit_code == 0, result.output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "V. ĐỀ XUẤT KHEN THƯỞNG" in xml and f"Đề xuất ({len(award.proposed)}): LĐLĐ thành phố Đông Hà;" in xml
    assert "Tổng Liên đoàn Lao động Việt Nam (để b/c);" in xml  # Nơi nhận as the results file gives it
