"""Roll-up across plans (issue 17 item 3): a child plan's targets add into its parent's.

A three-level tree, every figure recomputed by hand in the comments:

    LĐLĐ tỉnh Quảng Trị            doan-vien-moi (count 5.000)   cdcs-vung-manh (percent 80)
    ├── LĐLĐ thành phố Đông Hà     dv-dong-ha (count 2.000) ←    cdcs-dong-ha: 30/40
    │   ├── CĐCS Trường A          kn-a (count 1.000): 600 (30/6), 700 (30/9)
    │   └── CĐCS Trường B          kn-b (count 800): 500 (30/9), 650 (31/10: after the date)
    ├── LĐLĐ huyện Gio Linh        dv-gio-linh: 900 (30/9)       cdcs-gio-linh: 20/25
    └── LĐLĐ huyện Vĩnh Linh       dv-vinh-linh: no figure yet   cdcs-vinh-linh: 90% without `of`

The period is 1/1/2021 → 31/12/2021 (364 days); on 30/9/2021, 272 days are gone: 74.73%.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.track.rollup import read_tree, search_root
from thidua.track.status import Status

AS_OF = date(2021, 9, 30)
ELAPSED = 272 / 364

PROVINCE = "ldld-quang-tri/2021/thi-dua-2021.yaml"


def _plan(issuer: str, parent: str | None, targets: str, links: str = "") -> str:
    head = f"""\
issuer:
  parent: {parent or "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"}
  name: {issuer}
  abbreviation: LĐLĐ
document:
  number: 12
  date: 2021-01-05
  title: Tổ chức phong trào thi đua năm 2021
campaign:
  period: {{start: 2021-01-01, end: 2021-12-31}}
"""
    return head + links + "sections:\n  - kind: targets\n    title: CHỈ TIÊU\n    items:\n" + targets


def _target(id_: str, measure: str, goal: int, contributes: str | None = None) -> str:
    text = "Kết nạp đoàn viên mới." if measure == "count" else "Công đoàn cơ sở đạt vững mạnh."
    line = f"      - target:\n          id: {id_}\n          text: {text}\n          measure: {measure}\n"
    line += f"          goal: {goal}\n"
    return line + (f"          contributes: {contributes}\n" if contributes else "")


def _link(path: str) -> str:
    return f"references:\n  - number: 12\n    ky_hieu: KH-LĐLĐ\n    date: 2021-01-05\n    plan: {path}\n"


def _write(root: Path, name: str, plan: str, results: list[str] | None = None) -> Path:
    file = root / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(plan, encoding="utf-8")
    if results is not None:
        body = "results:\n" + "".join(f"  - {{{r}}}\n" for r in results) if results else "results: []\n"
        file.with_name(file.stem + ".results.yaml").write_text(body, encoding="utf-8")
    return file


def _tree(root: Path) -> Path:
    """The tree of the module docstring under ROOT; the province's plan."""
    up = "../../" + PROVINCE
    province = _write(
        root,
        PROVINCE,
        _plan(
            "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ",
            None,
            _target("doan-vien-moi", "count", 5000) + _target("cdcs-vung-manh", "percent", 80),
        ),
        [],
    )
    district = "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ"
    _write(
        root,
        "ldld-dong-ha/2021/thi-dua-2021.yaml",
        _plan(
            "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÔNG HÀ",
            district,
            _target("dv-dong-ha", "count", 2000, "doan-vien-moi")
            + _target("cdcs-dong-ha", "percent", 80, "cdcs-vung-manh"),
            _link(up),
        ),
        ["target: cdcs-dong-ha, date: 2021-09-30, value: 30, of: 40"],
    )
    to_dong_ha = "../../ldld-dong-ha/2021/thi-dua-2021.yaml"
    _write(
        root,
        "cdcs-truong-a/2021/thi-dua-2021.yaml",
        _plan(
            "CÔNG ĐOÀN TRƯỜNG A",
            "LĐLĐ THÀNH PHỐ ĐÔNG HÀ",
            _target("kn-a", "count", 1000, "dv-dong-ha"),
            _link(to_dong_ha),
        ),
        ["target: kn-a, date: 2021-06-30, value: 600", "target: kn-a, date: 2021-09-30, value: 700"],
    )
    _write(
        root,
        "cdcs-truong-b/2021/thi-dua-2021.yaml",
        _plan(
            "CÔNG ĐOÀN TRƯỜNG B",
            "LĐLĐ THÀNH PHỐ ĐÔNG HÀ",
            _target("kn-b", "count", 800, "dv-dong-ha"),
            _link(to_dong_ha),
        ),
        ["target: kn-b, date: 2021-09-30, value: 500", "target: kn-b, date: 2021-10-31, value: 650"],
    )
    _write(
        root,
        "ldld-gio-linh/2021/thi-dua-2021.yaml",
        _plan(
            "LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIO LINH",
            district,
            _target("dv-gio-linh", "count", 1500, "doan-vien-moi")
            + _target("cdcs-gio-linh", "percent", 80, "cdcs-vung-manh"),
            _link(up),
        ),
        [
            "target: dv-gio-linh, date: 2021-09-30, value: 900",
            "target: cdcs-gio-linh, date: 2021-09-30, value: 20, of: 25",
        ],
    )
    _write(
        root,
        "ldld-vinh-linh/2021/thi-dua-2021.yaml",
        _plan(
            "LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH",
            district,
            _target("dv-vinh-linh", "count", 1500, "doan-vien-moi")
            + _target("cdcs-vinh-linh", "percent", 80, "cdcs-vung-manh"),
            _link(up),
        ),
        ["target: cdcs-vinh-linh, date: 2021-09-30, value: 90"],
    )
    return province


def _track_json(path: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["track", str(path), "--as-of", AS_OF.isoformat(), "-f", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_three_levels_add_up_into_the_province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    province = _tree(Path("campaigns"))
    entries = {e["id"]: e for e in _track_json(province)}

    # Đông Hà's members: its schools' latest figures on 30/9: 700 + 500 (B's 650 is dated 31/10) = 1.200.
    # The province: Đông Hà 1.200 + Gio Linh 900 = 2.100 (Vĩnh Linh has none yet); 2.100/5.000 = 42%,
    # below the 74.73% of the time gone: behind.
    members = entries["doan-vien-moi"]
    assert members["from_children"] is True
    assert members["value"] == 1200 + 900
    assert members["percent"] == pytest.approx(2100 / 5000 * 100, abs=0.01) == 42.0
    assert members["status"] == Status.behind.value
    assert members["elapsed"] == pytest.approx(ELAPSED * 100, abs=0.01)
    by_plan = {c["plan"]: c for c in members["children"]}
    assert by_plan["campaigns/ldld-dong-ha/2021/thi-dua-2021.yaml"]["value"] == 1200
    assert by_plan["campaigns/ldld-gio-linh/2021/thi-dua-2021.yaml"]["value"] == 900
    assert members["missing"] == ["campaigns/ldld-vinh-linh/2021/thi-dua-2021.yaml"]
    assert (members["children_counted"], members["children_total"]) == (2, 3)

    # Vững mạnh: (30 + 20) / (40 + 25) = 50/65 = 76.92% of 80: 96.15% achieved ≥ 74.73%: on track.
    # Vĩnh Linh's 90% has no `of`: shown, not added.
    share = entries["cdcs-vung-manh"]
    assert (share["value"], share["of"]) == (pytest.approx(50 / 65 * 100), 65)
    assert share["result"] == "50/65 (76,92%)"
    assert share["percent"] == pytest.approx(50 / 65 * 100 / 80 * 100, abs=0.01)
    assert share["status"] == Status.on_track.value
    vinh_linh = next(c for c in share["children"] if "vinh-linh" in c["plan"])
    assert (vinh_linh["value"], vinh_linh["counted"]) == (90, False)


def test_the_middle_level_shows_its_own_children(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(Path("campaigns"))
    entries = {e["id"]: e for e in _track_json(Path("campaigns/ldld-dong-ha/2021/thi-dua-2021.yaml"))}
    # 1.200 of 2.000 = 60% < 74.73%: behind; its own cdcs figure 30/40 = 75% of 80 = 93.75%: on track.
    assert entries["dv-dong-ha"]["value"] == 1200
    assert entries["dv-dong-ha"]["percent"] == 60.0
    assert entries["dv-dong-ha"]["status"] == Status.behind.value
    assert "from_children" not in entries["cdcs-dong-ha"]
    assert entries["cdcs-dong-ha"]["percent"] == pytest.approx(75 / 80 * 100, abs=0.01)


def test_the_text_view_names_each_child_and_the_missing_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    province = _tree(Path("campaigns"))
    result = CliRunner().invoke(app, ["track", str(province), "--as-of", "2021-09-30"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    rows = {line.split("│")[1].strip(): line for line in text.splitlines() if line.startswith("│LIÊN")}
    assert "1.200" in rows["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÔNG HÀ"]  # a row of the matrix: each child's figure
    assert "·" in rows["LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH"] and "(90%)" in rows["LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH"]
    assert "2.100 (2/3)" in text and "50/65 (2/3)" in text  # the totals, with the children counted
    assert "#1 doan-vien-moi: kế hoạch cấp dưới chưa có số liệu: LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH LINH" in text
    assert "Tổng (số được tính)" in text


def test_a_folder_is_one_table_of_the_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(Path("campaigns"))
    rows = _track_json(Path("campaigns"))
    order = [(r["plan"].split("/")[1], r["depth"]) for r in rows]
    assert order == [
        ("ldld-quang-tri", 0),
        ("ldld-dong-ha", 1),
        ("cdcs-truong-a", 2),
        ("cdcs-truong-b", 2),
        ("ldld-gio-linh", 1),
        ("ldld-vinh-linh", 1),
    ]
    province = rows[0]
    assert province["summary"] == {"met": 0, "on-track": 1, "behind": 1, "no-data": 0, "overdue": 0}
    members = next(t for t in province["targets"] if t["id"] == "doan-vien-moi")
    assert (members["percent"], members["from_children"]) == (42.0, True)
    school_b = rows[3]
    # B: 500 of 800 = 62.5% < 74.73%: behind (its 650 is after the date).
    assert school_b["parent"] == "campaigns/ldld-dong-ha/2021/thi-dua-2021.yaml"
    assert school_b["targets"][0]["percent"] == 62.5 and school_b["targets"][0]["status"] == "behind"
    # Vĩnh Linh: members no data; vững mạnh 90% of 80: met.
    assert rows[5]["summary"]["no-data"] == 1 and rows[5]["summary"]["met"] == 1

    text = CliRunner().invoke(app, ["track", "campaigns", "--as-of", "2021-09-30"]).stdout
    assert "6 kế hoạch, tính đến ngày 30/9/2021" in text
    assert "    CÔNG ĐOÀN TRƯỜNG A 2021" in text  # indented under Đông Hà
    markdown = CliRunner().invoke(app, ["track", "campaigns", "--as-of", "2021-09-30", "-f", "md"]).stdout
    assert markdown.count("\n| ") == 7  # the header and six plans


def test_a_folder_of_the_province_alone_still_adds_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(Path("campaigns"))
    rows = _track_json(Path("campaigns/ldld-quang-tri"))
    assert [r["plan"] for r in rows] == ["campaigns/" + PROVINCE]
    members = next(t for t in rows[0]["targets"] if t["id"] == "doan-vien-moi")
    assert members["result"] == "2.100"  # the children's figures, read from the rest of the repository


def test_a_plan_that_does_not_read_is_a_row_not_a_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(Path("campaigns"))
    broken = Path("campaigns/cdcs-truong-b/2021/thi-dua-2021.yaml")
    broken.write_text(broken.read_text(encoding="utf-8").replace("goal: 800", "goal: [800"), encoding="utf-8")
    result = CliRunner().invoke(app, ["track", "campaigns", "--as-of", AS_OF.isoformat(), "-f", "json"])
    assert result.exit_code == 1, result.output  # every row shown, and CI told that one did not read
    rows = {r["plan"]: r for r in json.loads(result.stdout)}
    assert rows[str(broken)]["error"].startswith(f"{broken}:")
    # Đông Hà now has only school A's 700.
    dong_ha = rows["campaigns/ldld-dong-ha/2021/thi-dua-2021.yaml"]
    assert next(t for t in dong_ha["targets"] if t["id"] == "dv-dong-ha")["result"] == "700"


def test_a_contribution_with_another_measure_is_shown_not_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    province = _tree(Path("campaigns"))
    gio_linh = Path("campaigns/ldld-gio-linh/2021/thi-dua-2021.yaml")
    text = gio_linh.read_text(encoding="utf-8").replace("contributes: cdcs-vung-manh", "contributes: doan-vien-moi")
    gio_linh.write_text(text, encoding="utf-8")
    checked = CliRunner().invoke(app, ["check", "--lang", "en", str(gio_linh)])
    assert "RF06" in checked.stdout
    members = next(e for e in _track_json(province) if e["id"] == "doan-vien-moi")
    # Gio Linh now gives two figures to the members' target: 900 (added) and 20/25 (a percent: not added).
    assert members["value"] == 2100
    assert [c["counted"] for c in members["children"] if "gio-linh" in c["plan"]] == [True, False]


def test_children_are_looked_for_in_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.thidua]\n", encoding="utf-8")
    province = _tree(tmp_path / "campaigns")
    elsewhere = tmp_path.parent
    monkeypatch.chdir(elsewhere)
    assert search_root(province) == tmp_path
    tree = read_tree([tmp_path / "campaigns"], AS_OF)
    top = next(n for n in tree.nodes.values() if n.name.endswith(PROVINCE))
    assert next(t for t in top.targets if t.id == "doan-vien-moi").result == "2.100"


def test_plans_that_contribute_to_each_other_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link loop (each plan names the other as its parent) is cut, not followed for ever."""
    monkeypatch.chdir(tmp_path)
    first, second = "a/2021/thi-dua-2021.yaml", "b/2021/thi-dua-2021.yaml"
    _write(
        Path("campaigns"),
        first,
        _plan("CÔNG ĐOÀN A", None, _target("dv-a", "count", 100, "dv-b"), _link("../../" + second)),
        ["target: dv-a, date: 2021-09-30, value: 40"],
    )
    _write(
        Path("campaigns"),
        second,
        _plan("CÔNG ĐOÀN B", None, _target("dv-b", "count", 100, "dv-a"), _link("../../" + first)),
        ["target: dv-b, date: 2021-09-30, value: 30"],
    )
    rows = _track_json(Path("campaigns"))
    assert sorted(r["plan"] for r in rows) == ["campaigns/" + first, "campaigns/" + second]
    # Each adds the other's figure once: a number, not a runaway sum.
    results = sorted(r["targets"][0]["result"] for r in rows)
    assert all(result.isdigit() for result in results), results
