"""The rendered .docx, read back with python-docx and lxml, against the numbers of FORMAT.md."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length

from tests.conftest import CAMPAIGNS, EXAMPLES, QUANG_TRI, example_id
from thidua.render.pipeline import render_docx
from thidua.render.writers.docx import style_name, text_width
from thidua.workspace import load_plan

TNR = "Times New Roman"
EMU_PER_MM = 36000
EMU_PER_PT = 12700

# FORMAT.md, per element: (points low, points high, bold, italic, upper case)
EXPECTED: dict[str, tuple[float, float, bool, bool, bool]] = {
    "parent-body": (12, 13, False, False, True),
    "issuing-body": (12, 13, True, False, True),
    "number": (13, 13, False, False, False),
    "national-title": (12, 13, True, False, True),
    "motto": (13, 14, True, False, False),
    "place-date": (13, 14, False, True, False),
    "doc-type": (13, 14, True, False, True),
    "subject": (13, 14, True, False, False),
    "body": (13, 14, False, False, False),
    "section": (13, 14, True, False, True),
    "heading": (13, 14, True, False, False),
    "authority": (13, 14, True, False, True),
    "recipients-title": (12, 12, True, True, False),
    "recipient": (11, 11, False, False, False),
}

# Not every plan has these (Quảng Trị and Cao Bằng publish no Nơi nhận; Cao Bằng no heading items).
OPTIONAL = {"heading", "recipients-title", "recipient", "parent-body"}

_CACHE: dict[Path, bytes] = {}


def rendered(path: Path) -> bytes:
    if path not in _CACHE:
        plan, findings = load_plan(path)
        assert plan is not None, findings
        _CACHE[path] = render_docx(plan, plan_file=path)
    return _CACHE[path]


def open_docx(path: Path) -> Any:
    return docx.Document(io.BytesIO(rendered(path)))


def all_paragraphs(document: Any) -> list[Any]:
    out = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(cell.paragraphs)
    return out


def by_role(document: Any, role: str) -> list[Any]:
    return [p for p in all_paragraphs(document) if p.style.name == style_name(role)]


def run_values(run: Any) -> tuple[float, bool, bool]:
    """Size in points and bold/italic, read from the run's own XML (w:sz, w:b, w:i)."""
    rpr = run._r.rPr
    assert rpr is not None, run.text

    def flag(tag: str) -> bool:
        element = rpr.find(qn(tag))
        return element is not None and element.get(qn("w:val"), "1") not in ("0", "false")

    size = rpr.find(qn("w:sz"))
    assert size is not None, f"no size on {run.text!r}"
    assert rpr.find(qn("w:szCs")).get(qn("w:val")) == size.get(qn("w:val"))
    return int(size.get(qn("w:val"))) / 2, flag("w:b"), flag("w:i")


ids = [example_id(p) for p in EXAMPLES]


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
def test_page_is_a4_portrait_with_official_margins(path: Path) -> None:
    section = open_docx(path).sections[0]
    mm = {name: getattr(section, name) / EMU_PER_MM for name in (
        "page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}  # fmt: skip
    assert mm["page_width"] == pytest.approx(210, abs=0.1)
    assert mm["page_height"] == pytest.approx(297, abs=0.1)
    assert 20 <= round(mm["top_margin"], 1) <= 25
    assert 20 <= round(mm["bottom_margin"], 1) <= 25
    assert 30 <= round(mm["left_margin"], 1) <= 35
    assert 15 <= round(mm["right_margin"], 1) <= 20


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
def test_times_new_roman_in_all_four_slots_of_every_run(path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered(path))) as package:
        parts = [n for n in package.namelist() if re.fullmatch(r"word/(document|header\d*|styles)\.xml", n)]
        assert "word/header1.xml" in parts or any("header" in n for n in parts)
        for name in parts:
            from lxml import etree

            root = etree.fromstring(package.read(name))
            runs = root.iter(qn("w:r"))
            for run in runs:
                fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
                assert fonts is not None, f"{name}: a run without rFonts"
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    assert fonts.get(qn(f"w:{slot}")) == TNR, (name, slot)
            for fonts in root.iter(qn("w:rFonts")):  # styles and defaults too; no theme font wins
                assert not any(k.endswith("Theme") or k.endswith("theme") for k in fonts.attrib), name


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_element_has_its_size_and_emphasis(path: Path, role: str) -> None:
    low, high, bold, italic, upper = EXPECTED[role]
    paragraphs = by_role(open_docx(path), role)
    if role in OPTIONAL and not paragraphs:
        pytest.skip("this plan has no such element")  # see test_every_element_appears_somewhere
    assert paragraphs, f"no {role} paragraph"
    for paragraph in paragraphs:
        runs = [r for r in paragraph.runs if r.text.strip()]
        assert runs, role
        for run in runs:
            size, is_bold, is_italic = run_values(run)
            assert low <= size <= high, (role, run.text, size)
            if role not in ("body", "item"):  # body text may hold emphasised words
                assert (is_bold, is_italic) == (bold, italic), (role, run.text)
        if upper:
            assert paragraph.text == paragraph.text.upper(), paragraph.text


def test_every_element_appears_somewhere() -> None:
    seen = {role for path in EXAMPLES for role in EXPECTED if by_role(open_docx(path), role)}
    assert seen == set(EXPECTED)


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
def test_body_paragraphs_are_justified_indented_and_spaced(path: Path) -> None:
    document = open_docx(path)
    body = [
        p
        for p in document.paragraphs
        if p.style.name in {style_name(r) for r in ("body", "item", "heading", "section")}
    ]
    assert len(body) > 20
    for paragraph in body:
        fmt = paragraph.paragraph_format
        assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 1.0 <= fmt.first_line_indent.cm <= 1.27 + 1e-6
        gap = (fmt.space_after or Length(0)).pt + (fmt.space_before or Length(0)).pt
        assert gap >= 6, paragraph.text[:40]
        assert fmt.line_spacing is None or 1.0 <= fmt.line_spacing <= 1.5


def line_after(paragraph: Any) -> Any:
    """The paragraph drawn as a line right after `paragraph`: empty, with a single top border."""
    following = paragraph._p.getnext()
    assert following is not None and following.tag == qn("w:p")
    border = following.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}")
    assert border is not None and border.get(qn("w:val")) == "single", "no line under " + paragraph.text
    assert "".join(following.itertext()) == ""
    return docx.text.paragraph.Paragraph(following, paragraph._parent)


def drawn_length(line: Any, available: float) -> float:
    fmt = line.paragraph_format
    return available - fmt.left_indent - fmt.right_indent


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
def test_lines_are_borders_of_the_right_length_never_underscores(path: Path) -> None:
    document = open_docx(path)
    header = document.tables[0]
    for role, cell, share in (
        ("issuing-body", header.cell(0, 0), (1 / 3, 1 / 2)),
        ("motto", header.cell(0, 1), (0.95, 1.05)),
    ):
        (paragraph,) = by_role(document, role)
        line = line_after(paragraph)
        available = cell.width - 2 * 0.1 * 360000  # the cell less its margins (0.1 cm each side)
        size, bold, _ = run_values(paragraph.runs[0])
        longest = max(text_width(part, size, bold=bold) for part in paragraph.text.split("\n"))
        assert share[0] * longest <= drawn_length(line, available) <= share[1] * longest, role
    (subject,) = by_role(document, "subject")
    line = line_after(subject)
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    length = drawn_length(line, width)
    assert 0.2 * width <= length <= 0.5 * width
    text = "\n".join(p.text for p in all_paragraphs(document))
    assert "___" not in text and "…………" not in text


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
def test_page_number_in_the_header_from_page_two(path: Path) -> None:
    document = open_docx(path)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header
    assert not header.is_linked_to_previous
    (paragraph,) = header.paragraphs
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [t.text.strip() for t in paragraph._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    for run in paragraph.runs:
        assert 13 <= run_values(run)[0] <= 14
    first = section.first_page_header
    assert not list(first._element.iter(qn("w:instrText")))
    assert "".join(p.text for p in first.paragraphs) == ""


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
def test_header_is_a_borderless_two_column_table(path: Path) -> None:
    document = open_docx(path)
    header, signature = document.tables[0], document.tables[-1]
    for table, widths in ((header, ((6.5, 7.01), (9.0, 10.5))), (signature, ((5.0, 5.6), (10.5, 11.5)))):
        assert len(table.columns) == 2
        for cell, (low, high) in zip(table.rows[0].cells, widths, strict=True):
            assert low <= cell.width.cm <= high
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is not None
        assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = header.rows[0].cells
    assert by_role(document, "issuing-body")[0]._p in left._tc.iter(qn("w:p"))
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc"
    for paragraph in left.paragraphs + right.paragraphs:
        assert (paragraph.paragraph_format.space_after or Length(0)).pt == 0


def test_identity_lines_of_quang_tri() -> None:
    document = open_docx(QUANG_TRI)
    assert [p.text for p in by_role(document, "number")] == ["Số: 58/KH-LĐLĐ"]
    assert [p.text for p in by_role(document, "place-date")] == ["Quảng Trị, ngày 22 tháng 02 năm 2021"]
    assert [p.text for p in by_role(document, "doc-type")] == ["KẾ HOẠCH"]
    assert by_role(document, "issuing-body")[0].text == "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG TRỊ"
    assert [p.text for p in by_role(document, "authority")] == ["TM. BAN THƯỜNG VỤ"]


def test_unassigned_number_and_date_leave_room_for_the_clerk() -> None:
    document = open_docx(CAMPAIGNS / "ldld-long-bien" / "2021" / "thi-dua-2021.yaml")
    (number,) = by_role(document, "number")
    assert re.fullmatch("Số: \u00a0{6}/KH-LĐLĐ", number.text)
    (place_date,) = by_role(document, "place-date")
    assert re.fullmatch("Long Biên, ngày\u00a0+tháng\u00a0+năm 2021", place_date.text)


def test_recipients_are_dashed_and_punctuated() -> None:
    document = open_docx(CAMPAIGNS / "cdvc-binh-dinh" / "2021" / "thi-dua-covid-19.yaml")
    assert [p.text for p in by_role(document, "recipients-title")] == ["Nơi nhận:"]
    assert [p.text for p in by_role(document, "recipient")] == [
        "- LĐLĐ tỉnh (để b/c);",
        "- Các CĐCS;",
        "- Lưu: VP CĐVC.",
    ]
    title = by_role(document, "recipients-title")[0]
    authority = by_role(document, "authority")[0]
    signature = document.tables[-1]
    # Level with each other: the first paragraph of their cells, with the same space before.
    assert signature.cell(0, 0).paragraphs[0]._p is title._p
    assert signature.cell(0, 1).paragraphs[0]._p is authority._p
    assert title.paragraph_format.space_before == authority.paragraph_format.space_before


def test_same_plan_gives_the_same_bytes_and_fixed_properties() -> None:
    plan, _ = load_plan(QUANG_TRI)
    assert plan is not None
    first, second = render_docx(plan, plan_file=QUANG_TRI), render_docx(plan, plan_file=QUANG_TRI)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created.isoformat().startswith("2021-02-22")
    assert props.modified == props.created
    assert props.title.startswith("Tổ chức phong trào thi đua")
    assert props.author == "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ"


def test_header_names_break_where_clerks_break_them() -> None:
    texts = {
        path.parent.parent.name: [by_role(open_docx(path), role)[0].text for role in ("parent-body", "issuing-body")]
        for path in EXAMPLES
    }
    assert texts == {
        "cdvc-binh-dinh": ["LIÊN ĐOÀN LAO ĐỘNG\nTỈNH BÌNH ĐỊNH", "CÔNG ĐOÀN VIÊN CHỨC\nTỈNH BÌNH ĐỊNH"],
        "ldld-cao-bang": ["TỔNG LIÊN ĐOÀN LAO ĐỘNG\nVIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH CAO BẰNG"],
        "ldld-long-bien": ["LIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ HÀ NỘI", "LIÊN ĐOÀN LAO ĐỘNG\nQUẬN LONG BIÊN"],
        "ldld-quang-tri": ["TỔNG LIÊN ĐOÀN LAO ĐỘNG\nVIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG TRỊ"],
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CÔNG ĐOÀN GIÁO DỤC THÀNH PHỐ HỒ CHÍ MINH", "CÔNG ĐOÀN GIÁO DỤC\nTHÀNH PHỐ HỒ CHÍ MINH"),
        # no two-line break fits: left to Word's own wrapping
        ("CÔNG ĐOÀN NGÀNH GIÁO DỤC THÀNH PHỐ HỒ CHÍ MINH", "CÔNG ĐOÀN NGÀNH GIÁO DỤC THÀNH PHỐ HỒ CHÍ MINH"),
        ("CÔNG ĐOÀN CƠ SỞ TRƯỜNG TRUNG HỌC PHỔ THÔNG", "CÔNG ĐOÀN CƠ SỞ TRƯỜNG\nTRUNG HỌC PHỔ THÔNG"),
        ("CĐCS\nTRƯỜNG A", "CĐCS\nTRƯỜNG A"),  # the clerk's own break is kept
        ("CÔNG ĐOÀN CƠ SỞ", "CÔNG ĐOÀN CƠ SỞ"),  # fits: no break
    ],
)
def test_balancing_a_header_name(name: str, expected: str) -> None:
    from thidua.render.layout import Paragraph, Run
    from thidua.render.writers.docx import COLUMNS, STYLES, _balance

    runs = tuple(Run(part, line_break=i > 0) for i, part in enumerate(name.split("\n")))
    width = COLUMNS["header"][0] - 2 * 0.1 * 360000
    balanced = _balance(Paragraph("issuing-body", runs), STYLES["issuing-body"], int(width))
    assert balanced.text == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=ids)
def test_headings_stay_with_their_text_and_the_closing_with_the_signature(path: Path) -> None:
    document = open_docx(path)
    for role in ("section", "heading"):
        for paragraph in by_role(document, role):
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
    body = document.paragraphs
    assert body[-1].paragraph_format.keep_with_next  # the closing, right before the signature table
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in document.tables[-1].rows)


def test_hyphenated_words_and_year_ranges_do_not_break() -> None:
    document = open_docx(CAMPAIGNS / "ldld-cao-bang" / "2016" / "thi-dua-2016-2020.yaml")
    xml = document.element.xml
    assert "<w:noBreakHyphen/>" in xml
    assert re.search(r"2016\u00a0-\u00a02020", "\n".join(p.text for p in document.paragraphs))
    assert "KH-TLĐ" in "\n".join(p.text for p in document.paragraphs)  # read back as a plain hyphen


def test_a_plan_without_recipients_prints_none_it_did_not_say() -> None:
    # The block keeps its heading and its column (the signature stays on the right), but no
    # "- Lưu: VT." the plan never said: RC03 asks the clerk for the list instead.
    document = open_docx(QUANG_TRI)
    plan, _ = load_plan(QUANG_TRI)
    assert plan is not None and plan.recipients == []
    assert [p.text for p in by_role(document, "recipients-title")] == ["Nơi nhận:"]
    assert by_role(document, "recipient") == []
    assert "Lưu" not in "\n".join(p.text for p in all_paragraphs(document))
    assert len(document.tables[-1].rows[0].cells) == 2


def test_a_document_owes_nothing_to_those_written_before_it_in_the_process() -> None:
    """The page and styles are prepared once per process and copied: a copy must start clean."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from thidua.render.pipeline import render_docx; "
        "from thidua.workspace import load_plan; p = Path(sys.argv[1]); "
        "sys.stdout.buffer.write(render_docx(load_plan(p)[0], plan_file=p))"
    )
    fresh = subprocess.run([sys.executable, "-c", script, str(QUANG_TRI)], capture_output=True, check=True).stdout
    others = [path for path in EXAMPLES if path != QUANG_TRI]
    assert others
    for path in others:  # every other example first, in this process
        plan, _ = load_plan(path)
        assert plan is not None
        render_docx(plan, plan_file=path)
    plan, _ = load_plan(QUANG_TRI)
    assert plan is not None
    assert render_docx(plan, plan_file=QUANG_TRI) == fresh
