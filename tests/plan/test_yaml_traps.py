"""The YAML traps clerks fall into get messages that name the real cause and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from thidua.check.engine import CheckOptions, check_file
from thidua.plan.loader import load_yaml_file, load_yaml_text
from thidua.plan.traps import quoted

CASES = Path(__file__).parent.parent / "rules"  # the rule cases are data, at tests/rules/


def only(case: str) -> tuple[str, str, str]:
    """The one finding of a case: its code and its message in Vietnamese and English."""
    findings = check_file(CASES / case, CheckOptions())
    assert len(findings) == 1, [f"{f.code} {f.message('en')}" for f in findings]
    return findings[0].code, findings[0].message("vi"), findings[0].message("en")


@pytest.mark.parametrize(
    ("case", "fixed"),
    [
        (
            "YA09/item-sentence.yaml",
            '- "Mục đích: Tuyên truyền sâu rộng trong đoàn viên, CNVCLĐ về phong trào thi đua."',
        ),
        ("YA09/recipients-luu.yaml", '- "Lưu: VT, CĐCS"'),
        ("YA09/heading-colon.yaml", '- "Nội dung tuyên truyền gồm:"'),
        ("YA09/text-colon.yaml", '- text: "Mục đích: Tuyên truyền sâu rộng trong đoàn viên, CNVCLĐ."'),
        ("YA09/colon-in-value.yaml", 'title: "Kế hoạch: Tổ chức phong trào thi đua yêu nước năm 2021"'),
        (
            "YA09/heading-with-sub-items.yaml",
            '- title: "Tuyên truyền sâu rộng trong đoàn viên, CNVCLĐ về các nội dung:"',
        ),
    ],
)
def test_a_sentence_with_a_colon_says_to_quote_it(case: str, fixed: str) -> None:
    code, vi, en = only(case)
    assert code == "YA09"
    assert "câu có dấu ': ' nên YAML đọc thành khóa" in vi and "dấu nháy kép" in vi
    assert "a sentence with ': ' reads as a key in YAML" in en and "double quotes" in en
    assert fixed in vi and fixed in en
    assert "khóa không hợp lệ" not in vi


@pytest.mark.parametrize(
    ("case", "fixed"),
    [
        ("YA10/item-double.yaml", "- '\"Tháng Công nhân\" được tổ chức hằng năm vào tháng 5.'"),
        ("YA10/item-single.yaml", "- \"'Tháng Công nhân' được tổ chức hằng năm vào tháng 5.\""),
        ("YA10/value.yaml", "title: '\"Tháng Công nhân\" năm 2021'"),
    ],
)
def test_a_sentence_opening_with_a_quote_says_how_to_quote_it(case: str, fixed: str) -> None:
    code, vi, en = only(case)
    assert code == "YA10"
    assert "câu mở đầu bằng dấu nháy nhưng không kết thúc bằng nó" in vi and ("“…”" in vi or "‘…’" in vi)
    assert "starts with a quote but does not end with it" in en
    assert fixed in vi and fixed in en
    assert "thụt lề" not in vi


@pytest.mark.parametrize(
    ("case", "char"),
    [
        ("YA11/at-sign.yaml", "@"),
        ("YA11/backtick.yaml", "`"),
        ("YA11/percent.yaml", "%"),
        ("YA11/asterisk.yaml", "*"),
        ("YA11/bracket.yaml", "["),
    ],
)
def test_a_sentence_opening_with_a_yaml_character_says_to_quote_it(case: str, char: str) -> None:
    code, vi, en = only(case)
    assert code == "YA11"
    assert f"câu bắt đầu bằng '{char}'" in vi and "dấu nháy kép" in vi
    assert f"starts with '{char}'" in en and "double quotes" in en


def test_a_hash_inside_a_sentence_warns_that_the_rest_is_lost() -> None:
    code, vi, en = only("YA12/hash-in-item.yaml")
    assert code == "YA12"
    assert "'#KH-LĐLĐ của LĐLĐ tỉnh về thi đua năm 2021.'" in vi and "chú thích" in vi
    assert "comment" in en and "'#KH-LĐLĐ" in en


def test_an_indented_dash_line_warns_that_it_joins_the_sentence() -> None:
    code, vi, en = only("YA13/indented-dash.yaml")
    assert code == "YA13"
    assert "items:" in vi and "items:" in en


def test_a_tab_after_a_dash_is_named() -> None:
    code, vi, en = only("YA01/tab-after-dash.yaml")
    assert code == "YA01"
    assert "tab" in vi and "dấu cách" in vi and "'@'" not in vi
    assert "tab" in en and "space" in en


def test_no_fixed_line_is_offered_when_the_sentence_is_not_alone_on_its_line() -> None:
    code, vi, en = only("YA09/flow-recipients.yaml")
    assert code == "YA09" and "sửa thành" not in vi and "write:" not in en


FIXED_CASES = [
    "YA09/item-sentence.yaml",
    "YA09/recipients-luu.yaml",
    "YA09/heading-colon.yaml",
    "YA09/text-colon.yaml",
    "YA09/colon-in-value.yaml",
    "YA09/value-ending-colon.yaml",
    "YA10/item-double.yaml",
    "YA10/item-single.yaml",
    "YA10/value.yaml",
    "YA10/nested-quotes.yaml",
    "YA11/at-sign.yaml",
    "YA11/backtick.yaml",
    "YA11/percent.yaml",
    "YA11/asterisk.yaml",
    "YA11/bracket.yaml",
]


@pytest.mark.parametrize("case", FIXED_CASES)
def test_the_fixed_line_reads_as_the_sentence(tmp_path: Path, case: str) -> None:
    """Written in place of the offending line, the suggestion reads and keeps every word of it."""
    findings = check_file(CASES / case, CheckOptions())
    (finding,) = findings
    suggestion = finding.params["suggestion"]
    lines = (CASES / case).read_text(encoding="utf-8").split("\n")
    written = lines[finding.line - 1]
    lines[finding.line - 1] = written[: len(written) - len(written.lstrip())] + suggestion
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text("\n".join(lines), encoding="utf-8")
    codes = {f.code for f in check_file(fixed, CheckOptions())}
    assert not codes & {"YA01", "YA09", "YA10", "YA11", "SC02", "SC03"}, codes
    loaded = load_yaml_file(fixed)
    texts = " ".join(str(v) for v in _scalars(loaded.data))
    sentence = written[finding.column - 1 :].strip()
    if finding.code == "YA10" and sentence.endswith(sentence[0]):  # the outer quotes were YAML's
        sentence = sentence[1:-1]
    assert sentence in texts


def _scalars(data: object) -> list[object]:
    if isinstance(data, dict):
        return [v for value in data.values() for v in _scalars(value)]
    if isinstance(data, list):
        return [v for value in data for v in _scalars(value)]
    return [data]


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1).map(str.strip))
def test_quoted_text_reads_back_as_itself(text: str) -> None:
    assume(text and "\ufeff" not in text and "\x85" not in text)
    loaded = load_yaml_text("key:\n  - " + quoted(text) + "\n", "x.yaml")
    assert not loaded.problems and loaded.data == {"key": [text]}
