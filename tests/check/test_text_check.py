"""The text rules on real documents: the seeds as .txt, Word files, configuration, positions in YAML."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, ROOT, example_id
from thidua.check.engine import CheckOptions, check_file
from thidua.check.rule import TextCheck, TextContext
from thidua.check.rules.spelling import check_lost_diacritics
from thidua.check.rules.typography import check_uneven_dash
from thidua.check.rules.written_dates import check_leading_zero, check_spaced_date
from thidua.plan.loader import load_yaml_text
from thidua.text.formatting import long_date
from thidua.text.segments import line_segments, plan_segments
from thidua.text.settings import TextSettings

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CLEAN = ROOT / "tests" / "fixtures" / "text" / "clean"

# Every mistake the issue quotes from the seeds, and the others the rules find there:
# (seed, code, line, the text the column points at, the suggestion when there is one).
SEED_FINDINGS = [
    ("001", "TX22", 5, "20120", "2020"),  # giai đoạn 2016 - 20120
    ("001", "TX03", 24, "lao động", None),  # lao động lao động giỏi
    ("001", "TX40", 35, "22/CT-TW", "22-CT/TW"),
    ("002", "TX01", 11, "nghiêp", "nghiệp"),  # nông nghiêp
    ("002", "TX02", 15, "chiễn", "chiến"),  # chiễn sỹ
    ("002", "TX04", 15, "tăng thưởng", "tặng thưởng"),
    ("002", "TX04", 21, "hăng năm", "hằng năm"),
    ("002", "TX21", 56, "27-28/72020", "27-28/7/2020"),
    ("003", "TX03", 8, "của", None),  # đột phá của của tổ chức
    ("003", "TX01", 12, "nghiêp", "nghiệp"),  # doanh nghiêp
    ("003", "TX31", 37, '"', None),  # "Công nhân giỏi" among “…”
    ("003", "TX30", 37, "”", None),  # "Sáng kiến, sáng tạo”
    ("003", "TX32", 2, "  ", None),  # CNVCLĐ  quận
    ("000", "TX31", 17, '"', None),  # the theme in straight quotes, the rest curly
    ("000", "TX11", 24, "hoá", "hóa"),
    ("004", "TX04", 7, "Mục địch", "Mục đích"),
    ("004", "TX40", 4, "số: 132", "số 132"),  # Kế hoạch số: 132
    ("004", "TX11", 17, "toả", "tỏa"),  # lan toả among hóa, hòa
    ("001", "TX35", 19, "-2018", "2013 - 2018"),  # nhiệm kỳ 2013 -2018
    ("003", "TX35", 4, "- 2025", "2021 - 2025"),  # 5 năm 2021- 2025
    ("003", "TX35", 28, "- 28/7/2021", "28/7/1929 - 28/7/2021"),
    ("003", "TX35", 28, "- 2/9/2021", "2/9/1945 - 2/9/2021"),
    ("003", "TX50", 25, "III- ", "III. THỜI"),  # III- THỜI GIAN TỔ CHỨC
    ("003", "TX50", 29, "IV- ", "IV. GIẢI"),  # IV- GIẢI PHÁP
]


def _seed(prefix: str) -> Path:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.mark.parametrize(("seed", "code", "line", "text", "suggestion"), SEED_FINDINGS)
def test_seed_mistakes_are_found_where_they_are(
    seed: str, code: str, line: int, text: str, suggestion: str | None
) -> None:
    path = _seed(seed)
    lines = path.read_text(encoding="utf-8").split("\n")
    findings = [f for f in check_file(path, CheckOptions()) if f.code == code and f.line == line]
    at = [f for f in findings if lines[line - 1][f.column - 1 :].startswith(text)]
    assert at, [(f.column, f.message("en")) for f in findings]
    if suggestion:
        assert any(f.params.get("suggestion") == suggestion for f in at), [f.message("en") for f in at]


def test_seed_report_002_is_checked_as_text(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--format", "json", str(_seed("002")))
    assert result.exit_code == 1, result.output
    codes = {f["code"] for f in json.loads(result.stdout)}
    assert {"TX01", "TX02", "TX04", "TX21"} <= codes


@pytest.mark.parametrize("path", EXAMPLES, ids=example_id)
def test_corrected_examples_have_no_text_findings(path: Path) -> None:
    assert [f for f in check_file(path, CheckOptions()) if f.code.startswith("TX")] == []


def test_clean_prose_has_no_findings() -> None:
    """Correct Vietnamese administrative prose written for this test (see the README's figures)."""
    files = sorted(CLEAN.glob("*.txt"))
    assert files
    words = 0
    for path in files:
        words += len(re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8")))
        findings = check_file(path, CheckOptions())
        assert findings == [], [f"{f.file}:{f.line}:{f.column} {f.code} {f.message('en')}" for f in findings]
    assert words > 2000


def test_heading_numbers_in_a_document_get_the_nd30_form(tmp_path: Path) -> None:
    """In a .txt the number is the document's own: the finding gives its ND30 form (in a plan: drop it)."""
    path = tmp_path / "ke-hoach.txt"
    path.write_text("II/ NỘI DUNG THI ĐUA\n3.2 Phong trào thi đua\nI.1 Mục đích\n", encoding="utf-8")
    found = {(f.code, f.line, f.params.get("suggestion")): f for f in check_file(path, CheckOptions())}
    assert set(found) == {("TX50", 1, "II. NỘI"), ("TX50", 2, "3.2. Phong"), ("TX51", 3, "1.")}
    assert "'II. NỘI'" in found[("TX50", 1, "II. NỘI")].message("vi")
    assert "drop" in check_file(ROOT / "tests/rules/TX50/typed.yaml", CheckOptions())[0].message("en")


def test_a_typed_heading_number_is_dropped_where_the_template_prints_one() -> None:
    findings = check_file(ROOT / "tests/rules/TX50/where.yaml", CheckOptions())
    advice = {f.line: "drop" in f.message("en") for f in findings if f.code == "TX50"}
    # the opening and a `numbering: none` list print the typed number; a title and numbered items print their own
    assert advice == {12: False, 17: True, 20: True, 21: True, 22: True, 26: False}


def test_leading_zeros_follow_nd30_in_every_date_in_words(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    lines = [
        "Quảng Trị, ngày 22 tháng 02 năm 2021",  # right
        "Lai Châu, ngày 7 tháng 9 năm 2021",  # day without its zero
        "Thực hiện Kế hoạch ban hành ngày 15 tháng 03 năm 2021.",  # month with a zero too many
        "Từ ngày 1 tháng 9 đến ngày 01/07/2021.",  # a sentence; a numeric date: not judged
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    found = [(f.code, f.line, f.params["suggestion"]) for f in check_file(path, CheckOptions())]
    assert found == [
        ("TX25", 2, "ngày 07 tháng 9 năm 2021"),
        ("TX25", 3, "ngày 15 tháng 3 năm 2021"),
    ]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_as_the_template_writes_them_pass_tx25_and_its_fix_is_that_form(day: date) -> None:
    def tx25(text: str) -> list[str]:
        ctx = TextContext(line_segments([text]), TextSettings())
        return [problem.params["suggestion"] for problem in check_leading_zero(ctx)]

    right = long_date(day)
    assert tx25(f"Quảng Trị, {right}") == []
    wrong = f"ngày {day.day} tháng {day.month:02d} năm {day.year}"  # the zeros the other way round
    assert tx25(wrong) == ([] if wrong == right else [right])


def _suggestions(check: TextCheck, text: str) -> list[str]:
    ctx = TextContext(line_segments([text]), TextSettings())
    return [problem.params["suggestion"] for problem in check(ctx)]


@settings(max_examples=100, deadline=None)
@given(st.integers(1945, 2050), st.integers(0, 10), st.sampled_from([" -", "- ", "  -", "-  ", " –", "– "]))
def test_a_year_range_with_one_spaced_side_gets_the_even_form(first: int, length: int, dash: str) -> None:
    second = first + length
    for even in (f"{first} - {second}", f"{first}-{second}", f"{first} – {second}"):
        assert _suggestions(check_uneven_dash, f"giai đoạn {even} của tỉnh") == []
    mark = dash.strip()
    assert _suggestions(check_uneven_dash, f"giai đoạn {first}{dash}{second} của tỉnh") == [f"{first} {mark} {second}"]


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=date(1945, 1, 1), max_value=date(2050, 12, 31)),
    st.lists(st.sampled_from(["", " "]), min_size=4, max_size=4),
)
def test_a_numeric_date_with_spaces_inside_gets_them_removed(day: date, gaps: list[str]) -> None:
    a, b, c, d = gaps
    written = f"{day.day}{a}/{b}{day.month}{c}/{d}{day.year}"
    expected = [] if not any(gaps) else [f"{day.day}/{day.month}/{day.year}"]
    assert _suggestions(check_spaced_date, f"Hạn gửi báo cáo trước ngày {written} về LĐLĐ tỉnh.") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đẩy mạnh các phong tro thi đua yêu nước.", ["phong trào"]),
        ("Góp phần phát triển kinh t xã hội của tỉnh.", ["kinh tế"]),
        ("Bồi dưỡng đội ngũ cn bộ công đoàn cơ sở.", ["cán bộ"]),
        ("Chăm lo đời sống đoàn vin và người lao động.", ["đoàn viên"]),
        ("Quan tâm giải quyết việc làm cho cng nhân.", ["công nhân"]),
        ("Báo cáo gửi về cơ quan trong tuần đầu tháng.", []),  # "quan trọng"'s partner is bound to "cơ"
        ("Gửi kèm video và bản test online trước hạn.", []),  # English words are not fragments
        ("Số giờ con lại được chuyển sang ngày sau.", []),  # a syllable in common use, read as written
        ("Doi song cong nhan van con kho khan.", []),  # a line without any mark is not judged
    ],
)
def test_a_common_word_whose_marks_were_lost_gets_its_written_form(text: str, expected: list[str]) -> None:
    assert _suggestions(check_lost_diacritics, text) == expected


def _unbalanced(tmp_path: Path, lines: list[str]) -> list[tuple[int, int]]:
    path = tmp_path / "ke-hoach.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return [(f.line, f.column) for f in check_file(path, CheckOptions()) if f.code == "TX30"]


def test_a_quotation_wrapped_onto_the_next_line_is_balanced(tmp_path: Path) -> None:
    """Quotes balance per paragraph: a .txt wrapped by hand continues its paragraph on the next line."""
    lines = [
        "Kế hoạch tổ chức Tháng Công nhân năm 2022 với chủ đề “Công nhân Việt Nam:",
        "Tiên phong, sáng tạo, trách nhiệm, an toàn, thích ứng”, cụ thể như",
        'sau: hưởng ứng phong trào "Xanh - Sạch - Đẹp, Bảo đảm an toàn',
        'vệ sinh lao động" và phong trào (Lao động giỏi,',
        "Lao động sáng tạo) trong toàn tỉnh.",
    ]
    assert _unbalanced(tmp_path, lines) == []


def test_a_quotation_left_open_at_the_end_of_its_paragraph_is_reported_on_its_line(tmp_path: Path) -> None:
    lines = [
        "Phong trào “Lao động giỏi, Lao động sáng tạo trong toàn tỉnh.",  # ends its paragraph
        "Thực hiện tốt” các nhiệm vụ",  # so this closer has no partner
        "- Phong trào “Giỏi việc nước",  # left open; the next line is a bullet of its own
        "- Đảm việc nhà” trong nữ CNVCLĐ",
        "Thi đua (đợt 1 và đợt 2",  # left open at the end of the file
    ]
    assert _unbalanced(tmp_path, lines) == [(1, 12), (2, 14), (3, 14), (4, 15), (5, 9)]


# ---------------------------------------------------------------------------- Word files


def _docx(path: Path, paragraphs: list[str], cell: str | None = None) -> Path:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if cell is not None:
        document.add_table(rows=1, cols=2).cell(0, 1).text = cell
    document.save(str(path))
    return path


def test_docx_findings_at_paragraph_numbers(tmp_path: Path) -> None:
    path = _docx(tmp_path / "plan.docx", ["KẾ HOẠCH", "", "Đối với khối doanh nghiêp."], cell="đột phá của của tổ chức")
    found = {(f.code, f.line, f.column) for f in check_file(path, CheckOptions())}
    # paragraph 3 (the empty one counts), column 20; the table's second cell is paragraph 5
    assert found == {("TX01", 3, 20), ("TX03", 5, 13)}


def test_rendered_example_checks_clean_as_docx(tmp_path: Path) -> None:
    from thidua.render.pipeline import render_docx
    from thidua.workspace import load_plan

    plan, problems = load_plan(EXAMPLES[0])
    assert plan is not None, problems
    out = tmp_path / "plan.docx"
    out.write_bytes(render_docx(plan, plan_file=EXAMPLES[0]))
    findings = check_file(out, CheckOptions())
    assert [f"{f.line}:{f.column} {f.code} {f.message('en')}" for f in findings] == []


def test_junk_docx_and_bad_text_are_findings_not_crashes(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"\x00\x01not a zip at all")
    fake_zip = tmp_path / "fake.docx"
    fake_zip.write_bytes(b"PK\x03\x04 truncated")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kế hoạch\nthi ".encode() + b"\xf0ua")
    result = invoke("check", "--lang", "en", str(junk), str(fake_zip), str(latin))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "junk.docx:1:1: YA08" in result.output and "not a readable Word .docx file" in result.output
    assert "fake.docx:1:1: YA08" in result.output
    assert "latin.txt:2:5: YA04" in result.output


def test_utf16_text_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(b"\xff\xfe" + "Thi đua hăng năm.\r\n".encode("utf-16-le"))
    assert [(f.code, f.line, f.column) for f in check_file(path, CheckOptions())] == [("TX04", 1, 9)]


def test_check_leaves_documents_unchanged(tmp_path: Path) -> None:
    path = _docx(tmp_path / "plan.docx", ["Đối với khối doanh nghiêp."])
    before = path.read_bytes()
    check_file(path, CheckOptions())
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------- configuration


def _repo(tmp_path: Path, table: str, words: str | None = None) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[tool.thidua]\n{table}\n", encoding="utf-8")
    if words is not None:
        (tmp_path / "thidua-words.yaml").write_text(words, encoding="utf-8")
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "Văn hóa công sở, lan toả phong trào.\nCác bản Nậm Nhùn, chiễn sỹ, thi đua hăng say.\n", encoding="utf-8"
    )
    return doc


def test_config_tone_style_words_and_confusions(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    _repo(tmp_path, "")
    default = invoke("check", "--format", "json", "plan.txt")
    found = [(f["code"], f["line"], f["column"]) for f in json.loads(default.stdout)]
    # the majority style is a tie (hóa / toả): the old one, as Nghị định 30 writes, wins
    assert found == [("TX11", 1, 22), ("TX02", 2, 19)], default.output

    _repo(
        tmp_path,
        'tone-marks = "new"\nwords = "thidua-words.yaml"',
        "accept: [chiễn]\nconfusions:\n  hăng say: hăng hái\n",
    )
    result = invoke("check", "--format", "json", "plan.txt")
    found = [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)]
    # the new style is now required (hóa is wrong, toả right); chiễn is accepted; the union's own confusion
    assert found == [("TX11", 1, 5), ("TX04", 2, 37)], result.output

    (tmp_path / "pyproject.toml").write_text('[tool.thidua]\ntone-marks = "newest"\n', encoding="utf-8")
    bad = invoke("check", "--lang", "en", "plan.txt")
    assert bad.exit_code == 2 and "tone-marks" in bad.output


def test_config_severity_and_ignore_for_text_rules(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    _repo(tmp_path, 'ignore = ["TX1"]\n[tool.thidua.severity]\nTX02 = "info"')
    result = invoke("check", "--strict", "--format", "json", "plan.txt")
    findings = json.loads(result.stdout)
    assert [(f["code"], f["severity"]) for f in findings] == [("TX02", "info")]
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("content", "where", "what"),
    [
        ("accept: 5\n", "1:1", "accept must be a list"),
        ("accept: [a\n", "2:1", "invalid YAML"),
        ("acept: [a]\n", "1:1", "unknown key 'acept'"),
        ("confusions: [a, b]\n", "1:1", "confusions must map"),
    ],
)
def test_bad_word_file_names_file_line_column(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch, content: str, where: str, what: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _repo(tmp_path, 'words = "thidua-words.yaml"', content)
    result = invoke("check", "--lang", "en", "plan.txt")
    assert result.exit_code == 2, result.output
    assert f"thidua-words.yaml:{where}: invalid word file: {what}" in result.output, result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------- positions inside YAML

_WORDS = ["đột", "phá", "của", "tổ", "chức", "Công", "đoàn", "nghiệp", "“Lao", "động”", "giỏi,", "(2021)", "hòa"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40),
    st.sampled_from([None, '"', "'", "|", ">"]),
    st.integers(min_value=20, max_value=80),
)
def test_every_word_is_located_where_it_is_written(words: list[str], style: str | None, width: int) -> None:
    text = " ".join(words)
    document = yaml.dump({"opening": [text]}, allow_unicode=True, default_style=style, width=width)
    loaded = load_yaml_text(document, "p.yaml")
    assert loaded.ok, document
    [segment] = plan_segments(loaded.data, loaded.source.values, loaded.source.lines)
    assert segment.text.strip() == text
    for word in segment.words:
        line, column = segment.locate(word.start)
        written = loaded.source.lines[line - 1][column - 1 :]
        assert unicodedata.normalize("NFC", written).startswith(word.text), (document, word, line, column)
