"""A redline .docx: the newer plan with every difference from the older as a Word tracked change.

What a leader sees after "accept all" and "reject all" is computed from word/document.xml alone
and compared with each plan rendered on its own.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import CAMPAIGNS, EXAMPLES, QUANG_TRI, QUANG_TRI_2022, example_id
from thidua.change.redline import merge, merge_runs
from thidua.plan.loader import load_yaml_file
from thidua.plan.validate import validate_plan
from thidua.render.layout import Cell, Document, Paragraph, Run, Table
from thidua.render.pipeline import render_document
from thidua.render.writers.docx import Revision, laid_out, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INS, DEL = W + "ins", W + "del"
CAO_BANG = CAMPAIGNS / "ldld-cao-bang" / "2016" / "thi-dua-2016-2020.yaml"


# ----------------------------------------------------------------------------- reading the XML


def body_of(data: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = ET.fromstring(package.read("word/document.xml"))
    body = root.find(W + "body")
    assert body is not None
    return body


def paragraphs(data: bytes, view: str = "accept") -> list[tuple[str, str]]:
    """Every paragraph's style and text, table cells included, in document order, once every
    change is accepted ("accept") or rejected ("reject").

    Accept: deleted content goes, inserted content stays, a paragraph whose mark is deleted joins
    the next, a deleted row goes. Reject: the other way round, w:delText counting as text, and
    a paragraph's properties are the old ones of its w:pPrChange. Joined paragraphs take the
    properties of the last one, as LibreOffice does.
    """
    dropped = DEL if view == "accept" else INS
    out: list[tuple[str, str]] = []
    pending = ""
    for p in _paragraphs(body_of(data), dropped):
        text = pending + _text(p, dropped)
        if _mark(p) == dropped:
            pending = text
        else:
            out.append((_style(p, view), text))
            pending = ""
    assert pending == "", "a joining paragraph mark at the end of the document"
    return out


def paragraph_texts(data: bytes, view: str = "accept") -> list[str]:
    return [text for _style, text in paragraphs(data, view)]


def _style(p: ET.Element, view: str) -> str:
    properties = p.find(W + "pPr")
    if properties is not None and view == "reject" and properties.find(W + "pPrChange") is not None:
        properties = properties.find(f"{W}pPrChange/{W}pPr")
    style = properties.find(W + "pStyle") if properties is not None else None
    return "" if style is None else style.get(W + "val", "")


def _paragraphs(element: ET.Element, dropped: str) -> Iterator[ET.Element]:
    for child in element:
        if child.tag == W + "p":
            yield child
        elif child.tag == W + "tbl":
            for row in child.iter(W + "tr"):
                properties = row.find(W + "trPr")
                if properties is not None and properties.find(dropped) is not None:
                    continue
                for cell in row.findall(W + "tc"):
                    yield from _paragraphs(cell, dropped)


def _text(element: ET.Element, dropped: str) -> str:
    out = []
    for child in element:
        if child.tag in (W + "pPr", W + "rPr", dropped):
            continue
        if child.tag in (W + "t", W + "delText"):
            out.append(child.text or "")
        elif child.tag == W + "br":
            out.append("\n")
        elif child.tag == W + "noBreakHyphen":
            out.append("-")
        elif child.tag == W + "tab":
            out.append("\t")
        else:  # w:r, a kept w:ins or w:del
            out.append(_text(child, dropped))
    return "".join(out)


def _mark(p: ET.Element) -> str | None:
    """INS or DEL when the paragraph's mark is inserted or deleted."""
    properties = p.find(f"{W}pPr/{W}rPr")
    if properties is None:
        return None
    return next((c.tag for c in properties if c.tag in (INS, DEL)), None)


def changes(data: bytes) -> list[ET.Element]:
    """Every tracked change: text and marks inserted or deleted, paragraph properties changed."""
    return [e for e in body_of(data).iter() if e.tag in (INS, DEL, W + "pPrChange")]


def assert_well_formed_changes(data: bytes, revision: Revision | None = None) -> None:
    """Who and when on every change, unique increasing ids, deleted text as w:delText only,
    and no changed mark where Word cannot have one (a cell's last paragraph, before a table)."""
    revision = revision or Revision()
    found = changes(data)
    ids = [int(e.get(W + "id", "-1")) for e in found]
    assert ids == sorted(set(ids)) and all(i > 0 for i in ids), ids
    assert {e.get(W + "author") for e in found} <= {revision.author}
    assert {e.get(W + "date") for e in found} <= {revision.date}
    body = body_of(data)
    parents = {child: parent for parent in body.iter() for child in parent}
    for text in body.iter(W + "delText"):
        assert any(a.tag == DEL for a in _ancestors(text, parents)), "w:delText outside w:del"
    for text in body.iter(W + "t"):
        assert all(a.tag != DEL for a in _ancestors(text, parents)), "w:t inside w:del"
    for paragraphs in _containers(body):
        assert _mark(paragraphs[-1]) is None, _text(paragraphs[-1], "")


def _ancestors(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> Iterator[ET.Element]:
    while element in parents:
        element = parents[element]
        yield element


def _containers(body: ET.Element) -> Iterator[list[ET.Element]]:
    group: list[ET.Element] = []
    for child in body:
        if child.tag == W + "p":
            group.append(child)
        elif group:
            yield group
            group = []
    if group:
        yield group
    for cell in body.iter(W + "tc"):
        yield cell.findall(W + "p")


# ----------------------------------------------------------------------------- plans and edits


def rendered(path: Path, edit: Callable[[dict[str, Any]], None] | None = None) -> Document:
    """The plan at `path`, edited as its YAML data, as a document model."""
    data = copy.deepcopy(load_yaml_file(path).data)
    if edit is not None:
        edit(data)
    plan, problems = validate_plan(data)
    assert plan is not None, problems
    return render_document(plan, plan_file=path)


def _items(data: dict[str, Any]) -> Iterator[Any]:
    def walk(items: list[Any]) -> Iterator[Any]:
        for item in items:
            yield item
            if isinstance(item, dict):
                yield from walk(item.get("items", []))

    for section in data["sections"]:
        yield from walk(section["items"])


def raise_goal(data: dict[str, Any]) -> None:
    """The first target with a number for goal: five more (five less for a percent already 100)."""
    target = next(
        i["target"] for i in _items(data) if isinstance(i, dict) and "target" in i and type(i["target"]["goal"]) is int
    )
    goal = target["goal"]
    higher = goal - 5 if target["measure"] == "percent" and goal > 95 else goal + 5
    target["goal"] = higher
    text, count = re.subn(rf"\b0*{goal}\b", str(higher), target["text"], count=1)
    target["text"] = text if count else f"{text} (chỉ tiêu {higher})"


def insert_item(data: dict[str, Any]) -> None:
    data["sections"][0]["items"].insert(1, "Bổ sung một nội dung mới để thử bản so sánh các thay đổi của kế hoạch.")


def remove_item(data: dict[str, Any]) -> None:
    data["sections"][-1]["items"].pop(0)


def reword_item(data: dict[str, Any]) -> None:
    section, index = next(
        (s, k) for s in data["sections"] for k, item in enumerate(s["items"]) if isinstance(item, str)
    )
    words = section["items"][index].split(" ")
    words[1:3] = ["tích", "cực", "hơn", "nữa"]
    section["items"][index] = " ".join(words[:-4]) + " trong toàn tỉnh."


def rename_issuer(data: dict[str, Any]) -> None:
    data["issuer"]["name"] = data["issuer"]["name"].rsplit(" ", 1)[0] + " NINH"


def blank_number(data: dict[str, Any]) -> None:
    """A numbered plan loses its number; an unnumbered one gets one (as the văn thư gives it)."""
    document = data["document"]
    document["number"] = None if document.get("number") else 12


def name_signer(data: dict[str, Any]) -> None:
    """A signer where there was none; another person where there was one."""
    signature = data.setdefault("signature", {})
    signature["title"] = "CHỦ TỊCH"
    signature["name"] = "Trần Thị Bình" if signature.get("name") else "Nguyễn Văn An"


def every_edit(data: dict[str, Any]) -> None:
    for edit in EDITS:
        edit(data)


EDITS = [raise_goal, insert_item, remove_item, reword_item, rename_issuer, blank_number, name_signer]


# ----------------------------------------------------------------------------- real pairs


def redline(old: Document, new: Document, revision: Revision | None = None) -> bytes:
    return write_docx(merge(old, new, layout=laid_out), revision=revision)


def assert_redline(old: Document, new: Document) -> bytes:
    data = redline(old, new)
    assert paragraphs(data, "accept") == paragraphs(write_docx(new))
    assert paragraphs(data, "reject") == paragraphs(write_docx(old))
    assert_well_formed_changes(data)
    assert changes(data), "the plans differ, so there are changes"
    return data


@pytest.mark.parametrize("edit", [*EDITS, every_edit], ids=lambda e: e.__name__)
@pytest.mark.parametrize("path", EXAMPLES, ids=example_id)
def test_an_edited_plan_accepts_to_the_new_and_rejects_to_the_old(path: Path, edit: Callable[..., None]) -> None:
    assert_redline(rendered(path), rendered(path, edit))


@pytest.mark.parametrize(
    ("old", "new"),
    [(QUANG_TRI, CAO_BANG), (CAO_BANG, QUANG_TRI), (QUANG_TRI, QUANG_TRI_2022)],
    ids=["quang-tri-to-cao-bang", "cao-bang-to-quang-tri", "quang-tri-2021-to-2022"],
)
def test_two_different_plans(old: Path, new: Path) -> None:
    assert_redline(rendered(old), rendered(new))


def test_changes_carry_the_given_author_and_fixed_date() -> None:
    revision = Revision(author="Văn phòng LĐLĐ", date="2021-03-01T08:00:00Z")
    data = redline(rendered(QUANG_TRI), rendered(QUANG_TRI, every_edit), revision)
    assert changes(data)
    assert_well_formed_changes(data, revision)


def test_the_same_plan_gives_no_change_and_the_bytes_of_the_plan_alone() -> None:
    for path in EXAMPLES:
        document = rendered(path)
        data = redline(document, rendered(path))
        assert changes(data) == [], path
        assert data == write_docx(document), path


def test_a_redline_is_deterministic() -> None:
    old, new = rendered(QUANG_TRI), rendered(QUANG_TRI, every_edit)
    assert redline(old, new) == redline(old, new)


def test_an_inserted_item_is_one_inserted_paragraph() -> None:
    data = redline(rendered(QUANG_TRI), rendered(QUANG_TRI, insert_item))
    marked = [p for p in body_of(data).iter(W + "p") if _mark(p) is not None]
    assert [(_mark(p), _text(p, "")) for p in marked] == [
        (INS, "2. Bổ sung một nội dung mới để thử bản so sánh các thay đổi của kế hoạch.")
    ]


def test_a_renamed_issuer_keeps_the_balanced_lines_of_the_new_plan() -> None:
    data = redline(rendered(QUANG_TRI), rendered(QUANG_TRI, rename_issuer))
    accepted = paragraph_texts(data, "accept")
    assert "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG NINH" in accepted
    assert "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG TRỊ" in paragraph_texts(data, "reject")


def test_laying_out_twice_changes_nothing() -> None:
    # The writer lays out again what a redline laid out already.
    for path in EXAMPLES:
        once = laid_out(rendered(path))
        assert laid_out(once) == once, path


def report(plan_path: Path, as_of: date) -> Document:
    """A BÁO CÁO as a document model: data tables and a chart."""
    from thidua.check.engine import read_results
    from thidua.render.layout import parse_markup
    from thidua.render.templating import render_markup, resolve_template
    from thidua.track.report import REPORT_TEMPLATE, report_context
    from thidua.track.status import track
    from thidua.workspace import load_plan

    plan, _findings = load_plan(plan_path)
    _loaded, results, _problems = read_results(plan_path.with_suffix(".results.yaml"))
    assert plan is not None and results is not None
    search_path, name = resolve_template(None, plan_path, default=REPORT_TEMPLATE)
    return parse_markup(render_markup(report_context(plan, track(plan, results, as_of), as_of), search_path, name))


def test_reports_with_other_rows_and_a_chart() -> None:
    # Another plan's report: other target rows, per-unit tables added; the chart stays the new one.
    old, new = report(CAO_BANG, date(2021, 1, 15)), report(QUANG_TRI, date(2021, 6, 30))
    data = assert_redline(old, new)
    assert any(row.find(f"{W}trPr/{W}ins") is not None for row in body_of(data).iter(W + "tr"))


# ----------------------------------------------------------------------------- the word diff


def accepted(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs once changes are accepted, neighbours of one look joined: comparable with NEW's."""
    return _plain([r for r in runs if r.change != "del"])


def rejected(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    return _plain([r for r in runs if r.change != "ins"])


def _plain(runs: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        run = replace(run, change=None)
        if out and not run.line_break and _look(out[-1]) == _look(run):
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        else:
            out.append(run)
    return tuple(out)


def _look(run: Run) -> tuple[bool, bool, bool]:
    return (run.bold, run.italic, run.underline)


def assert_round_trip(old: tuple[Run, ...], new: tuple[Run, ...]) -> tuple[Run, ...]:
    merged = merge_runs(old, new)
    assert accepted(merged) == _plain(list(new))
    assert rejected(merged) == _plain(list(old))
    return merged


def test_a_reworded_sentence_keeps_the_common_words_plain() -> None:
    merged = assert_round_trip(
        (Run("Tổ chức sơ kết, tổng kết việc thực hiện phong trào."),),
        (Run("Tổ chức tổng kết việc thực hiện phong trào thi đua."),),
    )
    assert merged == (
        Run("Tổ chức"),
        Run(" sơ kết,", change="del"),
        Run(" tổng kết việc thực hiện phong trào"),
        Run(" thi đua", change="ins"),
        Run("."),
    )


def test_spaces_and_commas_between_changes_do_not_cut_them_up() -> None:
    merged = assert_round_trip(
        (Run("Phát huy vai trò của công đoàn cơ sở."),),
        (Run("Tăng cường kiểm tra, giám sát của công đoàn."),),
    )
    assert merged == (
        Run("Phát huy vai trò", change="del"),
        Run("Tăng cường kiểm tra, giám sát", change="ins"),
        Run(" của công đoàn"),
        Run(" cơ sở", change="del"),
        Run("."),
    )


def test_a_label_turned_bold_is_the_plain_label_deleted_and_the_bold_one_inserted() -> None:
    merged = assert_round_trip(
        (Run("Đợt 1: từ nay đến 30/6/2021."),),
        (Run("Đợt 1:", bold=True), Run(" từ nay đến 30/6/2021.")),
    )
    assert merged[:2] == (Run("Đợt 1:", change="del"), Run("Đợt 1:", bold=True, change="ins"))
    assert merged[2:] == (Run(" từ nay đến 30/6/2021."),)


def test_a_line_break_belongs_to_its_word() -> None:
    merged = assert_round_trip(
        (Run("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ"),),
        (Run("LIÊN ĐOÀN LAO ĐỘNG"), Run("TỈNH QUẢNG BÌNH", line_break=True)),
    )
    assert Run("TỈNH", line_break=True, change="ins") in merged


def test_year_ranges_and_hyphenated_words_change_as_one_word() -> None:
    # The writer keeps them unbroken (no-break spaces, w:noBreakHyphen) only within one run.
    assert assert_round_trip((Run("giai đoạn 2016 - 2020"),), (Run("giai đoạn 2021 - 2025"),)) == (
        Run("giai đoạn "),
        Run("2016 - 2020", change="del"),
        Run("2021 - 2025", change="ins"),
    )
    assert assert_round_trip((Run("Số: 58/KH-LĐLĐ"),), (Run("Số: 58/KH-CĐVC"),))[-2:] == (
        Run("KH-LĐLĐ", change="del"),
        Run("KH-CĐVC", change="ins"),
    )


_WORDS = st.sampled_from(["thi", "đua", "yêu", "nước", "2021", "KH-LĐLĐ", "2016 - 2020", ",", ".", " ", "  "])
_RUNS = st.lists(
    st.builds(
        Run,
        text=st.lists(_WORDS, min_size=1, max_size=8).map("".join),
        bold=st.booleans(),
        italic=st.booleans(),
        line_break=st.booleans(),
    ),
    max_size=5,
).map(tuple)


@given(_RUNS, _RUNS)
def test_accepting_gives_the_new_runs_and_rejecting_the_old(old: tuple[Run, ...], new: tuple[Run, ...]) -> None:
    assert_round_trip(old, new)


def test_paragraph_text_accepted_and_rejected() -> None:
    paragraph = Paragraph("item", (Run("Tổ chức "), Run("sơ kết", change="del"), Run("tổng kết", change="ins")))
    assert paragraph.text == "Tổ chức sơ kếttổng kết"
    assert paragraph.accepted_text == "Tổ chức tổng kết"
    assert paragraph.rejected_text == "Tổ chức sơ kết"


# ----------------------------------------------------------------------------- small documents


def p(role: str, text: str, line: str | None = None) -> Paragraph:
    return Paragraph(role, (Run(text),) if text else (), line)


def signature(*right: Paragraph) -> Table:
    return Table(
        "signature", ((Cell((p("recipients-title", "Nơi nhận:"), p("recipient", "- Lưu: VT."))), Cell(right)),)
    )


def doc(*blocks: Paragraph | Table) -> Document:
    return Document(blocks=blocks)


SIGNER = (p("authority", "TM. BAN THƯỜNG VỤ"), p("signer-title", "CHỦ TỊCH"), p("signature-space", ""))


def test_whole_paragraphs_added_and_removed_are_marked_in_the_model() -> None:
    merged = merge(
        doc(p("body", "Một."), p("body", "Hai hai hai."), p("body", "Ba.")),
        doc(p("body", "Một."), p("body", "Ba."), p("body", "Bốn bốn bốn.")),
    )
    assert [(b.mark, b.text) for b in merged.blocks if isinstance(b, Paragraph)] == [
        (None, "Một."),
        ("del", "Hai hai hai."),
        (None, "Ba."),
        ("ins", "Bốn bốn bốn."),
    ]
    assert merged.blocks[1] == Paragraph("body", (Run("Hai hai hai.", change="del"),), mark="del")


def test_similar_paragraphs_of_one_role_pair_and_others_do_not() -> None:
    merged = merge(
        doc(p("section", "I. MỤC ĐÍCH, YÊU CẦU"), p("item", "1. Động viên đoàn viên thi đua lao động giỏi.")),
        doc(p("section", "I. MỤC ĐÍCH"), p("item", "1. Động viên đoàn viên, CNVCLĐ thi đua lao động giỏi.")),
    )
    assert [b.mark for b in merged.blocks if isinstance(b, Paragraph)] == [None, None]
    merged = merge(doc(p("body", "Một hai ba bốn.")), doc(p("item", "Một hai ba bốn.")))
    assert [b.mark for b in merged.blocks if isinstance(b, Paragraph)] == ["del", "ins"]


def test_a_row_on_one_side_only_is_a_row_added_or_removed() -> None:
    def data(*names: str) -> Table:
        rows = ((Cell((p("cell-head", "TT"),)), Cell((p("cell-head", "Đơn vị"),))),)
        rows += tuple((Cell((p("cell-number", str(i)),)), Cell((p("cell", n),))) for i, n in enumerate(names, 1))
        return Table("data", rows, widths=(2.0, 8.0), head_rows=1)

    old, new = doc(data("Đông Hà", "Cam Lộ")), doc(data("Đông Hà", "Gio Linh", "Cam Lộ"))
    (table,) = merge(old, new).blocks
    assert isinstance(table, Table)
    assert table.head_rows == 1
    # Inside a stretch that differs, rows pair by position: row 2 reworded, row 3 added.
    assert table.row_marks == (None, None, None, "ins")
    assert_redline(old, new)
    assert_redline(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a cell's last paragraph removed, added, or replaced by another
        ((*SIGNER, p("signer-name", "Nguyễn Văn An")), SIGNER),
        (SIGNER, (*SIGNER, p("signer-name", "Nguyễn Văn An"))),
        ((*SIGNER, p("signer-name", "Nguyễn Văn An")), (*SIGNER, p("signer-name", "Trần Thị Bình"))),
        # a cell whose paragraphs all change, or that was empty
        ((p("authority", "TM. BAN CHẤP HÀNH"),), (p("signer-title", "CHỦ TỊCH"), p("signer-name", "Lê Hoa"))),
        ((), (p("authority", "KT. CHỦ TỊCH"), p("signer-title", "PHÓ CHỦ TỊCH"))),
        ((p("authority", "KT. CHỦ TỊCH"), p("signer-title", "PHÓ CHỦ TỊCH")), ()),
        # several removed and added at the end
        ((*SIGNER[:1], p("signer-title", "A B"), p("signer-name", "C D")), (*SIGNER[:1], p("signer-name", "E F G"))),
    ],
)
def test_the_last_paragraph_of_a_cell_keeps_its_mark(old: tuple[Paragraph, ...], new: tuple[Paragraph, ...]) -> None:
    assert_redline(
        doc(p("body", "Trên đây là kế hoạch."), signature(*old)),
        doc(p("body", "Trên đây là kế hoạch."), signature(*new)),
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ((p("body", "Mở đầu."), p("body", "Trên đây là kế hoạch./.")), (p("body", "Mở đầu."),)),
        ((p("body", "Mở đầu."),), (p("body", "Mở đầu."), p("body", "Trên đây là kế hoạch./."))),
        ((p("body", "Mở đầu."), p("subject", "Về thi đua năm 2021", "short")), (p("body", "Mở đầu."),)),
        ((p("subject", "Về thi đua", "short"),), (p("subject", "Về thi đua", "short"), p("body", "Mới hoàn toàn."))),
    ],
)
def test_a_paragraph_before_a_table_keeps_its_mark(old: tuple[Paragraph, ...], new: tuple[Paragraph, ...]) -> None:
    assert_redline(doc(*old, signature(*SIGNER)), doc(*new, signature(*SIGNER)))


def test_a_line_comes_and_goes_with_its_paragraph() -> None:
    data = assert_redline(
        doc(p("doc-type", "KẾ HOẠCH"), p("body", "Một.")),
        doc(p("doc-type", "KẾ HOẠCH"), p("subject", "Thi đua năm 2021", "short"), p("body", "Một.")),
    )
    marked = [p for p in body_of(data).iter(W + "p") if _mark(p) == INS]
    assert len(marked) == 2 and marked[1].find(f"{W}pPr/{W}pBdr") is not None  # the text, then its line


# ----------------------------------------------------------------------------- LibreOffice


def test_libreoffice_opens_a_redline(tmp_path: Path) -> None:
    from thidua.render.pdf import convert_to_pdf, find_libreoffice

    program = find_libreoffice()
    if program is None:
        if os.environ.get("THIDUA_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("THIDUA_REQUIRE_LIBREOFFICE=1 but LibreOffice is not installed")
        pytest.skip("LibreOffice is not installed")
    docx, pdf = tmp_path / "redline.docx", tmp_path / "redline.pdf"
    docx.write_bytes(redline(rendered(QUANG_TRI), rendered(QUANG_TRI, every_edit)))
    convert_to_pdf([(docx, pdf)], program)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 10_000


# LibreOffice's own "Accept All" and "Reject All", driven through its Python bridge (UNO): each
# paragraph's style and text, table cells included, as JSON.
_UNO_SCRIPT = r"""
import json, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

program, pipe, profile, jobs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
office = subprocess.Popen(
    [program, "-env:UserInstallation=" + profile, "--headless", "--norestore", "--accept=pipe,name=" + pipe + ";urp;"]
)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(240):
    try:
        context = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
hidden = PropertyValue()
hidden.Name, hidden.Value = "Hidden", True


def read(text, out):
    blocks = text.createEnumeration()
    while blocks.hasMoreElements():
        block = blocks.nextElement()
        if block.supportsService("com.sun.star.text.TextTable"):
            for name in block.getCellNames():
                read(block.getCellByName(name).getText(), out)
        else:
            out.append([block.ParaStyleName, block.getString()])


try:
    for source, action, target in zip(jobs[0::3], jobs[1::3], jobs[2::3]):
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (hidden,))
        if action != "none":
            command = ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
        paragraphs = []
        read(document.getText(), paragraphs)
        with open(target, "w", encoding="utf-8") as out:
            json.dump(paragraphs, out, ensure_ascii=False)
        document.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=60)
"""


def _uno_python() -> str | None:
    """A Python that can import uno (Debian's python3-uno, or LibreOffice's own)."""
    import shutil
    import subprocess

    candidates = [os.environ.get("THIDUA_UNO_PYTHON", ""), "/usr/bin/python3", "/usr/lib/libreoffice/program/python"]
    for candidate in candidates:
        if candidate and shutil.which(candidate):
            found = subprocess.run([candidate, "-c", "import uno"], capture_output=True, check=False, timeout=60)
            if found.returncode == 0:
                return candidate
    return None


def test_libreoffice_accepts_to_the_new_plan_and_rejects_to_the_old(tmp_path: Path) -> None:
    """LibreOffice's own Accept All gives the new plan's paragraphs and styles, Reject All the old
    plan's text (its styles too, except where an inserted paragraph runs into an empty one)."""
    import subprocess

    from thidua.render.pdf import find_libreoffice

    python, program = _uno_python(), find_libreoffice()
    if python is None or program is None:
        if os.environ.get("THIDUA_REQUIRE_LIBREOFFICE") == "1":  # CI installs python3-uno (.ci/run)
            pytest.fail("THIDUA_REQUIRE_LIBREOFFICE=1 but LibreOffice or its Python bridge is missing")
        pytest.skip("no LibreOffice with its Python bridge (python3-uno)")
    pairs = {
        "edited": (rendered(QUANG_TRI), rendered(QUANG_TRI, every_edit)),
        "other-plan": (rendered(QUANG_TRI), rendered(CAO_BANG)),
        "next-year": (rendered(QUANG_TRI), rendered(QUANG_TRI_2022)),
    }
    jobs: list[str] = []
    for name, (old, new) in pairs.items():
        for suffix, data in (("", redline(old, new)), ("-old", write_docx(old)), ("-new", write_docx(new))):
            (tmp_path / f"{name}{suffix}.docx").write_bytes(data)
        for source, action, target in (
            (name, "accept", "accepted"),
            (name, "reject", "rejected"),
            (f"{name}-new", "none", "new"),
            (f"{name}-old", "none", "old"),
        ):
            jobs += [str(tmp_path / f"{source}.docx"), action, str(tmp_path / f"{name}.{target}.json")]
    script = tmp_path / "uno_views.py"
    script.write_text(_UNO_SCRIPT, encoding="utf-8")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([python, str(script), program, f"thidua-{os.getpid()}", profile, *jobs], check=True, timeout=600)

    def read(name: str, view: str) -> list[list[str]]:
        return json.loads((tmp_path / f"{name}.{view}.json").read_text(encoding="utf-8"))

    for name in pairs:
        assert read(name, "accepted") == read(name, "new"), name
        assert [text for _style, text in read(name, "rejected")] == [text for _style, text in read(name, "old")], name
        assert len(read(name, "new")) > 30, name  # the plan was read, not an empty page
