"""Rendering gives back the seed's own text: from the opening paragraph to the closing sentence."""

from __future__ import annotations

import difflib
import io
import re
from pathlib import Path

import docx
import pytest

from tests.conftest import CAMPAIGNS, ROOT, SEED_PLANS
from thidua.render.pipeline import render_docx
from thidua.render.writers.docx import style_name
from thidua.workspace import load_plan

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
THRESHOLD = 0.98

# seed -> (example, first words of its body, last words of its body, the seed's typos as fixed in
# campaigns/). The fixes are the ones test_examples.py proves absent from the examples.
CASES = {
    "000": (
        "ldld-quang-tri/2021/thi-dua-2021.yaml",
        "Năm 2021 là năm đầu tiên",
        "cơ sở cho công tác khen thưởng./.",
        {"điển hình tiến.": "điển hình tiên tiến.", "văn hoá": "văn hóa"},
    ),
    "001": (
        "ldld-cao-bang/2016/thi-dua-2016-2020.yaml",
        "Thực hiện Kế hoạch số 06/KH-TLĐ",
        "giai đoạn 2016 - 2020./.",
        {"2016 - 20120": "2016 - 2020", "lao động lao động giỏi": "lao động giỏi", "2013 -2018": "2013 - 2018"},
    ),
    "003": (
        "ldld-long-bien/2021/thi-dua-2021.yaml",
        "Thực hiện kế hoạch số 63/KH-LĐLĐ",
        "báo cáo kết quả về LĐLĐ quận sau mỗi đợt thi đua.",
        {
            "của của": "của",
            "doanh nghiêp": "doanh nghiệp",
            "hoạt chăm lo": "hoạt động chăm lo",
            "[bookmark: _GoBack]": "",
            "145/2021/NĐ-CP": "145/2020/NĐ-CP",
            "Nghị định số: 91": "Nghị định số 91",
            "và 90 năm Ngày thành lập Đảng bộ": "và 91 năm Ngày thành lập Đảng bộ",
            "2021- 2025": "2021 - 2025",
            "1929- 28/7": "1929 - 28/7",
            "1945- 2/9": "1945 - 2/9",
        },
    ),
    "004": (
        "cdvc-binh-dinh/2021/thi-dua-covid-19.yaml",
        "Thực hiện Kế hoạch số: 132/KH-LĐLĐ",
        "triển khai thực hiện đạt hiệu quả./.",
        {
            "Mục địch": "Mục đích",
            "Kế hoạch số: 132": "Kế hoạch số 132",
            "lan toả": "lan tỏa",
            "phong toả": "phong tỏa",
            "giản cách": "giãn cách",
        },
    ),
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_body(seed: str) -> str:
    _example, first, last, fixes = CASES[seed]
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    start = text.index(first)
    end = text.index(last, start) + len(last)
    body = text[start:end]
    for typo, fix in fixes.items():
        assert typo in body, f"{typo!r} is not in the body of seed {seed}"
        body = body.replace(typo, fix)
    return normalise(body)


def rendered_body(example: str) -> str:
    """The .docx read back: every paragraph after the trích yếu, up to the signature table."""
    plan, findings = load_plan(CAMPAIGNS / example)
    assert plan is not None, findings
    document = docx.Document(io.BytesIO(render_docx(plan, plan_file=CAMPAIGNS / example)))
    paragraphs = document.paragraphs  # body paragraphs only: the header and signature are tables
    subject = next(i for i, p in enumerate(paragraphs) if p.style.name == style_name("subject"))
    return normalise(" ".join(p.text for p in paragraphs[subject + 1 :]))


def similarity(a: str, b: str) -> float:
    """Matching share of the two texts, over words: one wrong letter costs the whole word, so this
    is stricter than the same ratio over characters (and a hundred times faster)."""
    return difflib.SequenceMatcher(None, a.split(" "), b.split(" "), autojunk=False).ratio()


@pytest.mark.parametrize("seed", sorted(CASES))
def test_rendered_text_matches_the_seed(seed: str) -> None:
    example = CASES[seed][0]
    expected, actual = seed_body(seed), rendered_body(example)
    # The body runs from the opening to the closing sentence, in the same order.
    assert actual.startswith(expected[:10]), (actual[:60], expected[:60])
    assert actual.endswith(expected[-30:]), (actual[-60:], expected[-60:])
    ratio = similarity(expected, actual)
    assert ratio >= THRESHOLD, f"seed {seed}: similarity {ratio:.4f} < {THRESHOLD}"


def test_similarity_would_catch_a_lost_section() -> None:
    """The measure is strict enough: dropping one section of a plan falls below the bar."""
    expected = seed_body("000")
    actual = rendered_body(CASES["000"][0])
    cut = actual.index("III. THỜI GIAN")
    damaged = actual[:cut] + actual[actual.index("IV. TỔ CHỨC") :]
    assert similarity(expected, damaged) < THRESHOLD


def test_every_example_is_covered() -> None:
    covered = {Path(case[0]) for case in CASES.values()}
    assert covered == {p.relative_to(CAMPAIGNS) for p in SEED_PLANS}
