"""Vietnamese dates, numbers and numbering labels; the template context built from them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.plan.model import Plan, Reference
from thidua.render.context import plan_context, recipient_lines, reference_sentence
from thidua.text.formatting import (
    BLANK,
    VIETNAMESE_ALPHA,
    alpha,
    doc_number,
    long_date,
    roman,
    roman_value,
    short_date,
    so_ky_hieu,
)

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_roman(text: str) -> int:
    total = 0
    for letter, following in zip(text, [*text[1:], ""], strict=True):
        value = ROMAN_VALUES[letter]
        total += -value if following and ROMAN_VALUES[following] > value else value
    return total


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2021, 2, 22), "ngày 22 tháng 02 năm 2021"),
        (date(2021, 9, 7), "ngày 07 tháng 9 năm 2021"),
        (date(2020, 12, 31), "ngày 31 tháng 12 năm 2020"),
        (date(2021, 1, 1), "ngày 01 tháng 01 năm 2021"),
        (date(2021, 3, 10), "ngày 10 tháng 3 năm 2021"),
    ],
)
def test_long_date_follows_the_leading_zero_rule(day: date, written: str) -> None:
    assert long_date(day) == written


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_dates_have_two_digit_days_and_zero_only_for_january_and_february(day: date) -> None:
    _, dd, _, month, _, year = long_date(day).split(" ")
    assert len(dd) == 2 and int(dd) == day.day
    assert int(month) == day.month and int(year) == day.year
    assert month.startswith("0") == (day.month <= 2)
    assert short_date(day) == f"{dd}/{month}/{year}"


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_read_back(n: int) -> None:
    assert parse_roman(roman(n)) == n


def test_roman_examples() -> None:
    assert [roman(n) for n in (1, 4, 5, 9, 14, 40)] == ["I", "IV", "V", "IX", "XIV", "XL"]
    with pytest.raises(ValueError):
        roman(0)


def test_alpha_uses_the_vietnamese_alphabet() -> None:
    assert [alpha(n) for n in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert alpha(23) == "y" and alpha(24) == "aa"
    assert not set("fjwz") & set(VIETNAMESE_ALPHA)


@given(st.integers(min_value=1, max_value=5000))
def test_alpha_labels_are_distinct_and_ordered(n: int) -> None:
    def key(label: str) -> tuple[int, ...]:
        return (len(label), *(VIETNAMESE_ALPHA.index(c) for c in label))

    assert key(alpha(n)) < key(alpha(n + 1))


def test_document_numbers() -> None:
    assert doc_number("6") == "06" and doc_number("06") == "06" and doc_number("58") == "58"
    assert doc_number("12a") == "12a" and doc_number(None) == ""
    assert so_ky_hieu("58", "KH-LĐLĐ") == "58/KH-LĐLĐ"
    assert so_ky_hieu(None, "KH-LĐLĐ") == BLANK * 6 + "/KH-LĐLĐ"


def test_recipients_end_with_semicolons_and_a_full_stop() -> None:
    assert recipient_lines(["Như trên", "Lưu: VT"]) == ["- Như trên;", "- Lưu: VT."]
    assert recipient_lines([]) == []


def test_reference_sentence_composed_from_fields() -> None:
    ref = Reference(
        number="63", ky_hieu="KH-LĐLĐ", date=date(2020, 12, 31), issuer="LĐLĐ Thành phố Hà Nội", subject="x"
    )
    assert reference_sentence(ref) == "Thực hiện Kế hoạch số 63/KH-LĐLĐ ngày 31/12/2020 của LĐLĐ Thành phố Hà Nội về x;"
    law = Reference(verb="Căn cứ", type="NĐ", number="98", ky_hieu="2023/NĐ-CP")
    assert reference_sentence(law) == "Căn cứ Nghị định số 98/2023/NĐ-CP;"
    assert reference_sentence(Reference(text="Như đã viết.")) == "Như đã viết."


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        ({"type": "NQ", "number": "29", "ky_hieu": "NQ/TW"}, "Căn cứ Nghị quyết số 29-NQ/TW;"),
        ({"type": "NQ", "number": "29-NQ/TW"}, "Căn cứ Nghị quyết số 29-NQ/TW;"),  # written whole
        ({"type": "CT", "number": "5", "ky_hieu": "CT/TW"}, "Căn cứ Chỉ thị số 05-CT/TW;"),
        ({"type": "CT", "number": "35", "ky_hieu": "CT/TW"}, "Căn cứ Chỉ thị số 35-CT/TW;"),
        ({"type": "CTr", "number": "12", "ky_hieu": "CTr/TU"}, "Căn cứ Chương trình số 12-CTr/TU;"),
        ({"type": "HD", "number": "36", "ky_hieu": "HD/VPTW"}, "Căn cứ Hướng dẫn số 36-HD/VPTW;"),
        ({"type": "KH", "number": "63", "ky_hieu": "KH-LĐLĐ"}, "Căn cứ Kế hoạch số 63/KH-LĐLĐ;"),  # State
        ({"type": "NĐ", "number": "91", "ky_hieu": "2017/NĐ-CP"}, "Căn cứ Nghị định số 91/2017/NĐ-CP;"),
    ],
)
def test_a_party_reference_is_cited_number_type_body(fields: dict[str, str], sentence: str) -> None:
    assert reference_sentence(Reference(verb="Căn cứ", **fields)) == sentence  # type: ignore[arg-type]


def test_party_so_ky_hieu_leaves_room_with_a_hyphen() -> None:
    assert so_ky_hieu("22", "CT/TW") == "22-CT/TW"
    assert so_ky_hieu(None, "NQ/TW") == BLANK * 6 + "-NQ/TW"


def _plan(items: list[object], numbering: str = "arabic") -> Plan:
    return Plan.model_validate(
        {
            "issuer": {"name": "CĐCS X", "abbreviation": "CĐCS"},
            "document": {"title": "T", "place": "Huế"},
            "sections": [
                {"kind": "other", "title": "MỘT", "items": []},
                {"kind": "content", "title": "HAI", "numbering": numbering, "items": items},
            ],
        },
        strict=False,
    )


def test_labels_for_nested_items() -> None:
    plan = _plan(
        [
            "first",
            {"paragraph": "not numbered"},
            {
                "title": "Heading",
                "numbering": "decimal",
                "items": ["a", {"text": "b", "numbering": "alpha", "items": ["x", "y", "z", "t", "u"]}],
            },
            {"text": "bullets", "items": ["d1", {"text": "d2", "numbering": "plus", "items": ["p"]}]},
        ]
    )
    context = plan_context(plan)
    assert [s["label"] for s in context["sections"]] == ["I.", "II."]

    def flat(items: list[dict], depth: int = 0) -> list[tuple[int, str, str]]:
        out = []
        for item in items:
            out.append((depth, item["label"], item["text"]))
            out.extend(flat(item["children"], depth + 1))
        return out

    assert flat(context["sections"][1]["children"]) == [
        (0, "1.", "first"),
        (0, "", "not numbered"),
        (0, "2.", "Heading"),
        (1, "2.1.", "a"),
        (1, "2.2.", "b"),
        (2, "a)", "x"),
        (2, "b)", "y"),
        (2, "c)", "z"),
        (2, "d)", "t"),
        (2, "đ)", "u"),
        (0, "3.", "bullets"),
        (1, "-", "d1"),
        (1, "-", "d2"),
        (2, "+", "p"),
    ]


def test_unissued_plan_leaves_day_and_month_blank() -> None:
    context = plan_context(_plan(["x"]))
    assert context["document"]["so_ky_hieu"] == BLANK * 6 + "/KH-CĐCS"
    assert context["document"]["place_date"].startswith("Huế, ngày" + BLANK)
    assert "tháng" + BLANK in context["document"]["place_date"]


def test_phase_time_is_composed_from_dates_when_not_written() -> None:
    plan = _plan([{"phase": {"name": "Đợt 1", "start": "2024-01-01", "end": "2024-06-30"}}], numbering="none")
    (phase,) = plan_context(plan)["sections"][1]["children"]
    assert phase["label"] == ""
    assert phase["phase"]["when"] == "Từ ngày 01/01/2024 đến ngày 30/6/2024"


@pytest.mark.parametrize(
    ("ky_hieu", "party"),
    [("NQ/TW", True), ("CT/TU", True), ("HD/BTGTW", True), ("NQ/ĐUK", True), ("QĐ/HU", True),
     ("KH-LĐLĐ", False), ("2017/NĐ-CP", False), ("KH/LĐLĐ", False), ("NQ-TW", False), ("", False)],
)  # fmt: skip
def test_a_party_ky_hieu_is_told_by_its_body(ky_hieu: str, party: bool) -> None:
    from thidua.text.kyhieu import is_party

    assert is_party(ky_hieu) is party


def test_a_roman_numeral_reads_back_to_its_number() -> None:
    assert [roman_value(roman(n)) for n in range(1, 40)] == list(range(1, 40))
    assert roman_value("IX") == 9 and roman_value("XIV") == 14 and roman_value("XL") == 40
