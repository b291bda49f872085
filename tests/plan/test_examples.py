"""The example campaigns: faithful to the seed plans, typos fixed, nothing invented."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CAMPAIGNS, EXAMPLES, QUANG_TRI_2022, ROOT, SEED_PLANS, example_id
from thidua.plan.loader import load_yaml_file
from thidua.plan.model import BlockItem, Plan
from thidua.plan.validate import validate_plan

SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def _plan(relative: str) -> Plan:
    loaded = load_yaml_file(CAMPAIGNS / relative)
    plan, problems = validate_plan(loaded.data)
    assert plan is not None and not problems, problems
    return plan


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for child in value.values() for t in _texts(child)]
    if isinstance(value, list):
        return [t for child in value for t in _texts(child)]
    return []


def _all_text(relative: str) -> str:
    return " ".join(_texts(load_yaml_file(CAMPAIGNS / relative).data))


def test_four_seed_plans_and_a_second_year() -> None:
    assert len(SEED_PLANS) == 4
    assert sorted([*SEED_PLANS, QUANG_TRI_2022]) == EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=example_id)
def test_layout_and_editor_schema_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    assert (path.parent / match[1]).resolve() == (ROOT / "schema" / "plan.schema.json").resolve()
    plan = _plan(str(path.relative_to(CAMPAIGNS)))
    assert path.parent.name == str(plan.year)  # campaigns/<issuer>/<year>/<file>.yaml


@pytest.mark.parametrize("path", EXAMPLES, ids=example_id)
def test_nothing_invented(path: Path) -> None:
    plan = _plan(str(path.relative_to(CAMPAIGNS)))
    assert plan.signature.name is None  # no seed names its signer
    assert plan.signature.authority == "TM. BAN THƯỜNG VỤ"


def test_quang_tri_000() -> None:
    plan = _plan("ldld-quang-tri/2021/thi-dua-2021.yaml")
    assert (plan.document.number, plan.ky_hieu, plan.document.date) == ("58", "KH-LĐLĐ", date(2021, 2, 22))
    assert plan.theme and plan.theme.startswith("Tận dụng cơ hội")
    assert [s.title for s in plan.sections] == [
        "MỤC ĐÍCH, YÊU CẦU",
        "NỘI DUNG THI ĐUA",
        "THỜI GIAN VÀ MỐC CÁC ĐỢT THI ĐUA",
        "TỔ CHỨC THỰC HIỆN",
    ]
    content = plan.sections[1].items[1]
    assert isinstance(content, BlockItem) and content.numbering == "decimal" and len(content.items) == 5  # 2.1–2.5
    phases = [(p.name, p.start, p.end) for _, p in plan.phases()]
    assert phases == [
        ("Đợt 1", date(2021, 2, 22), date(2021, 6, 30)),  # from the issue date
        ("Đợt 2", date(2021, 7, 1), date(2021, 12, 31)),
    ]
    (_, report), (_, target) = plan.targets()
    assert (report.measure, report.goal) == ("yes_no", True) and report.text.startswith("Tổ chức sơ kết, tổng kết")
    assert (target.measure, target.goal, target.per_unit) == ("count", 1, True)
    assert "ít nhất 01 mô hình điểm" in target.text
    assert target.units and len(target.units) == 14  # 9 LĐLĐ huyện, thị xã, thành phố; 4 ngành; CĐVC tỉnh


def test_cao_bang_001() -> None:
    plan = _plan("ldld-cao-bang/2016/thi-dua-2016-2020.yaml")
    [reference] = plan.references
    assert (reference.number, reference.ky_hieu, reference.date) == ("06", "KH-TLĐ", date(2016, 2, 22))
    assert plan.campaign.period and (plan.campaign.period.start, plan.campaign.period.end) == (
        date(2016, 1, 1),
        date(2020, 12, 31),
    )
    [(_, target)] = plan.targets()
    assert (target.measure, target.goal) == ("growth", 10) and "10%/năm" in target.text
    (_, first), (_, second) = plan.phases()
    assert first.start == date(2016, 1, 1) and "2018" in (first.when or "")
    assert second.end == date(2020, 12, 31) and "2018" in (second.when or "")
    assert plan.document.number is None and plan.document.date is None  # not in the published text


def test_long_bien_003() -> None:
    plan = _plan("ldld-long-bien/2021/thi-dua-2021.yaml")
    assert {u.id for u in plan.units} == {"khoi-doanh-nghiep", "khoi-hanh-chinh-su-nghiep", "khoi-truong-hoc"}
    blocs = [item.unit for item in plan.sections[1].items if isinstance(item, BlockItem)]
    assert blocs == ["khoi-doanh-nghiep", "khoi-hanh-chinh-su-nghiep", "khoi-truong-hoc"]
    phases = [p for _, p in plan.phases()]
    assert [p.theme is not None for p in phases] == [True, True]
    assert "91 năm Ngày thành lập Đảng Cộng sản" in (phases[0].text or "")
    assert plan.recipients[-1] == "Lưu: VP, TĐ"
    assert plan.references[0].date == date(2020, 12, 31)


def test_binh_dinh_004() -> None:
    plan = _plan("cdvc-binh-dinh/2021/thi-dua-covid-19.yaml")
    targets = [t for _, t in plan.targets()]
    assert [(t.measure, t.goal) for t in targets] == [("percent", 100)] * 4
    assert all(t.text.startswith("100%") for t in targets)
    assert len(plan.sections) == 5
    assert plan.campaign.kind == "thematic"
    assert plan.recipients == ["LĐLĐ tỉnh (để b/c)", "Các CĐCS", "Lưu: VP CĐVC"]


# Each seed's own mistakes: present in the original text (kept as a fixture), fixed in campaigns/.
SEED_TYPOS = {
    ("001_f9ae15b775fe3bde.txt", "ldld-cao-bang/2016/thi-dua-2016-2020.yaml"): [
        "2016 - 20120",
        "lao động lao động giỏi",
        "2013 -2018",
    ],
    ("003_1a06ae38bec8d1e4.txt", "ldld-long-bien/2021/thi-dua-2021.yaml"): [
        "của của",
        "doanh nghiêp",
        "hoạt chăm lo",
        "[bookmark: _GoBack]",
        "Lưu VP",
        "145/2021/NĐ-CP",
        "Nghị định số: 91",
        "2021- 2025",
        "1929- 28/7",
        "1945- 2/9",
    ],
    ("004_965d533bf9367d98.txt", "cdvc-binh-dinh/2021/thi-dua-covid-19.yaml"): [
        "Mục địch",
        "Kế hoạch số: 132",
        "lan toả",
        "phong toả",
        "giản cách",
    ],
    ("000_d04466a46f5b4de3.txt", "ldld-quang-tri/2021/thi-dua-2021.yaml"): [
        "điển hình tiến.",
        "văn hoá",
    ],
}


@pytest.mark.parametrize(("seed", "example"), list(SEED_TYPOS), ids=lambda v: v[:3] if v.endswith(".txt") else "")
def test_seed_typos_are_kept_in_fixtures_and_fixed_in_examples(seed: str, example: str) -> None:
    original = (SEEDS / seed).read_text(encoding="utf-8")
    corrected = _all_text(example)
    for typo in SEED_TYPOS[(seed, example)]:
        assert typo in original, f"{typo!r} should be in the original seed {seed}"
        assert typo not in corrected, f"{typo!r} is still in {example}"
