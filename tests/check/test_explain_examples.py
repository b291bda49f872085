"""What `thidua explain` prints is tested: every rule's bad example triggers it, its good one does not.

An example is the part of a plan that matters; it is written into a small plan that passes every
rule, as a clerk would write it into a real one:
- top-level keys (`document:`, `campaign:`, `references:` …) replace the plan's own;
- anything else (a list, `items:`, one `target:` or `phase:` item) is items of a section;
- `# …` separates such parts; `# x.yaml` / `# x.results.yaml` parts are a plan and its results;
- the reading rules (YA) show whole files: the example is the file;
- a CSV example (KQ09) is rows for `thidua record --from`.
Examples that describe files rather than show them ("(a file saved in TCVN3 …)") are listed in
DESCRIBED, with the rule cases that show them as files.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from thidua.check.engine import CheckOptions, check_file
from thidua.check.rules import RULES
from thidua.track.record import Origin, review, rows_from_csv
from thidua.workspace import open_tracked

BASE = {
    "issuer": """\
issuer:
  parent: TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
  name: LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ
  abbreviation: LĐLĐ
""",
    "document": """\
document:
  number: 58
  place: Quảng Trị
  date: 2021-02-22
  title: Tổ chức phong trào thi đua năm 2021
""",
    "campaign": """\
campaign:
  period: {start: 2021-01-01, end: 2021-12-31}
""",
    "units": """\
units:
  - {id: ldld-tinh, name: Liên đoàn Lao động tỉnh}
  - {id: ldld-dong-ha, name: Liên đoàn Lao động thành phố Đông Hà}
""",
    "sections": "",  # the section holding the example's items, or the example's own sections
    "signature": """\
signature:
  authority: TM. BAN THƯỜNG VỤ
  title: CHỦ TỊCH
  name: Nguyễn Văn An
""",
    "recipients": """\
recipients:
  - Các LĐLĐ huyện, thành phố
  - "Lưu: VT, TC"
""",
}
ITEMS = """\
- title: Liên đoàn Lao động tỉnh.
  unit: ldld-tinh
  items:
    - target:
        id: ke-hoach-cdcs
        text: 100% công đoàn cơ sở xây dựng kế hoạch thi đua.
        measure: percent
        goal: 100
    - target:
        id: mo-hinh-diem
        text: Mỗi LĐLĐ huyện, thành phố xây dựng được ít nhất 01 mô hình điểm.
        measure: count
        goal: 1
        per_unit: true
    - target:
        id: tong-ket-dot-1
        text: Sơ kết đợt 1 trước ngày 15/7/2021.
        measure: yes_no
        goal: true
"""
LINKED = """\
issuer:
  name: LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI
  abbreviation: LĐLĐ
document:
  number: 63
  date: 2020-12-31
  title: Tổ chức phong trào thi đua năm 2021
campaign:
  period: {start: 2021-01-01, end: 2021-12-31}
sections:
  - kind: content
    title: NỘI DUNG THI ĐUA
    items:
      - Thi đua lao động giỏi, lao động sáng tạo.
  - kind: targets
    title: CHỈ TIÊU
    items:
      - target:
          id: doan-vien-moi
          text: Toàn thành phố kết nạp 20.000 đoàn viên mới.
          measure: count
          goal: 20000
"""
TOP_LEVEL = ("issuer", "document", "references", "opening", "campaign", "theme", "units", "sections", "closing")
TOP_LEVEL += ("signature", "recipients")

# Examples that describe a situation in words; the rule cases named here show it as files.
DESCRIBED = {
    "YA04": "tests/rules/YA04: files in TCVN3, VNI and UTF-16",
    "YA08": "tests/rules/YA08: a link loop (root reads any file, so a file without permission cannot be made)",
    "KQ08": "tests/rules/KQ08: a results file whose plan is missing",
}


def _section(items: str) -> str:
    return "sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n" + textwrap.indent(items, " " * 6)


def _plan_text(example: str) -> str:
    """The base plan with the example written into it."""
    blocks = dict(BASE)
    items = ""
    for part in example.split("# …"):
        part = textwrap.dedent(part).strip("\n") + "\n"
        if not part.strip():
            continue
        data = yaml.load(part, Loader=yaml.BaseLoader)  # the example's shape only; the file keeps its text
        if isinstance(data, dict) and set(data) <= set(TOP_LEVEL):
            for key, block in _top_level_blocks(part).items():
                blocks[key] = _merged(blocks.get(key, ""), block)
        elif isinstance(data, dict) and set(data) == {"items"}:
            items += textwrap.dedent(part.split("\n", 1)[1])
        elif isinstance(data, dict):  # one item: target:, phase:, title: …
            items += "- " + textwrap.indent(part, "  ")[2:]
        else:
            items += part
    if not blocks["sections"]:  # the example's own items, else targets that results examples name
        blocks["sections"] = _section(items or ITEMS)
    return "".join(blocks.values())


def _merged(base: str, block: str) -> str:
    """A mapping's keys replace the same keys of the plan's (`document: {date: …}` keeps its title);
    a list or a value replaces the plan's whole."""
    base_keys, keys = _keys(base), _keys(block)
    if not base_keys or not keys:
        return block
    return block.split("\n", 1)[0] + "\n" + "".join({**base_keys, **keys}.values())


def _keys(block: str) -> dict[str, str]:
    """The keys of a top-level mapping block, each with its lines ({} for a list or an inline value)."""
    head, _, body = block.partition("\n")
    if not head.rstrip().endswith(":") or not body.startswith("  ") or not body[2:3].isalpha():
        return {}  # a list, an inline value, or a comment first
    keys: dict[str, str] = {}
    key = ""
    for line in body.splitlines(keepends=True):
        if line.startswith("  ") and line[2:3].isalpha():
            key = line.split(":", 1)[0].strip()
            keys[key] = ""
        keys[key] += line
    return keys


def _top_level_blocks(text: str) -> dict[str, str]:
    blocks: dict[str, str] = {}
    key = ""
    for line in text.splitlines(keepends=True):
        if line[:1].isalpha():
            key = line.split(":", 1)[0]
            blocks[key] = ""
        blocks[key] += line
    return blocks


def _write(folder: Path, code: str, example: str) -> Path:
    """The example as files: the plan (and its results file, and a plan it links to); the plan's path."""
    plan_file = folder / "campaigns" / "ldld-quang-tri" / "2021" / "thi-dua-2021.yaml"
    plan_file.parent.mkdir(parents=True)
    linked = folder / "campaigns" / "ldld-ha-noi" / "2021" / "thi-dua-2021.yaml"
    linked.parent.mkdir(parents=True)
    linked.write_text(LINKED, encoding="utf-8")
    if code.startswith("YA"):
        plan_file.write_text(example, encoding="utf-8")  # a reading problem: the example is the file
        return plan_file
    plan_part, _, results_part = example.partition("# x.results.yaml")
    plan_file.write_text(_plan_text(plan_part.replace("# x.yaml", "", 1)), encoding="utf-8")
    if results_part:
        plan_file.with_name("thi-dua-2021.results.yaml").write_text(results_part.lstrip("\n"), encoding="utf-8")
    return plan_file


def _codes(folder: Path, code: str, example: str) -> set[str]:
    if code == "KQ09":  # rows of a CSV for `thidua record --from`
        tracked = open_tracked(_write(folder, "", ""))
        rows, problems, lines = rows_from_csv(example.encode("utf-8"))
        return {finding.code for finding in review(tracked, rows, problems, Origin("don-vi.csv", lines))}
    return {finding.code for finding in check_file(_write(folder, code, example), CheckOptions())}


EXAMPLES = sorted(code for code in RULES if code not in DESCRIBED)


def test_the_base_plan_is_clean(tmp_path: Path) -> None:
    assert _codes(tmp_path, "", "") == set()


@pytest.mark.parametrize("code", EXAMPLES)
def test_the_bad_example_triggers_its_rule(tmp_path: Path, code: str) -> None:
    found = _codes(tmp_path, code, RULES[code].bad)
    assert code in found, f"{code} bad example gives {sorted(found)}:\n{RULES[code].bad}"


@pytest.mark.parametrize("code", EXAMPLES)
def test_the_good_example_does_not(tmp_path: Path, code: str) -> None:
    found = _codes(tmp_path, code, RULES[code].good)
    assert code not in found, f"{code} good example still gives it:\n{RULES[code].good}"


@pytest.mark.parametrize("code", sorted(DESCRIBED))
def test_a_described_example_has_its_rule_cases(code: str) -> None:
    cases = Path(__file__).parent.parent / "rules" / code
    assert any(cases.iterdir()), DESCRIBED[code]
