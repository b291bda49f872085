"""`thidua report`: the BÁO CÁO .docx of a plan's targets, its table, chart and sources."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from tests.conftest import CAMPAIGNS
from thidua.cli.app import app
from thidua.render.pdf import find_libreoffice
from thidua.render.writers.docx import style_name

QUANG_TRI = CAMPAIGNS / "ldld-quang-tri" / "2021" / "thi-dua-2021.yaml"
CAO_BANG = CAMPAIGNS / "ldld-cao-bang" / "2016" / "thi-dua-2016-2020.yaml"


def _report(runner, tmp_path: Path, plan: Path, as_of: str, *extra: str) -> Path:
    out = tmp_path / f"{plan.stem}-{as_of.replace('/', '-')}.docx"
    result = runner.invoke(app, ["report", str(plan), "-o", str(out), "--as-of", as_of, *extra])
    assert result.exit_code == 0, result.output
    return out


def _text(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_report_is_a_bao_cao_with_its_table_chart_and_sources(runner, tmp_path: Path) -> None:
    out = _report(runner, tmp_path, QUANG_TRI, "2021-06-30")
    document = docx.Document(str(out))
    paragraphs = _text(document)
    assert "BÁO CÁO" in paragraphs
    header = document.tables[0]
    assert "Số:" in header.cell(1, 0).text and "/BC-LĐLĐ" in header.cell(1, 0).text
    subject = next(p for p in document.paragraphs if p.style.name == style_name("subject"))
    assert subject.text == "Sơ kết thực hiện các chỉ tiêu thi đua theo Kế hoạch số 58/KH-LĐLĐ ngày 22/02/2021"
    results = document.tables[1]
    assert [c.text for c in results.rows[0].cells] == ["TT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Tỷ lệ đạt", "Đánh giá"]
    rows = [[c.text for c in row.cells] for row in results.rows[1:]]
    assert rows[1][0] == "2" and rows[1][3].startswith("8/14 đơn vị đạt") and rows[1][5] == "Chậm tiến độ"
    assert rows[0][3].startswith("chưa thực hiện") and rows[0][5] == "Đúng tiến độ"
    # The per-unit table: 14 units and a header row, Đakrông with no model yet.
    units = document.tables[2]
    assert len(units.rows) == 15
    assert [c.text for c in units.rows[9].cells] == ["9", "LĐLĐ huyện Đakrông", "0", "Chậm tiến độ"]
    # The chart is a PNG in the package, placed in the body, captioned.
    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert len(media) == 1 and package.read(media[0])[:8] == b"\x89PNG\r\n\x1a\n"
    assert any(p.text.startswith("Biểu đồ: Tỷ lệ đạt") for p in document.paragraphs)
    # Sources cited, numbered as the table cites them.
    sources = [p.text for p in document.paragraphs if p.style.name == style_name("source")]
    assert sources == ["[1] Báo cáo số 102/BC-LĐLĐ ngày 12/7/2021 sơ kết đợt 1 (số liệu minh họa)"]
    assert rows[1][3].endswith("[1]")


def test_after_the_period_it_is_a_tong_ket(runner, tmp_path: Path) -> None:
    document = docx.Document(str(_report(runner, tmp_path, CAO_BANG, "2021-01-15")))
    assert any(p.text.startswith("Tổng kết thực hiện các chỉ tiêu") for p in document.paragraphs)
    assert any("năm 2015: 1.204; năm 2016: 1.336 (tăng 11%)" in p.text for p in document.paragraphs)
    # After the period a result, not a status: 9,61%/năm on average for 10%/năm falls short.
    assert document.tables[1].rows[1].cells[5].text == "Không đạt"
    assert "Kế hoạch có 1 chỉ tiêu; kết quả: 1 chỉ tiêu không đạt." in [p.text for p in document.paragraphs]


def test_report_bytes_are_the_same_for_the_same_input(runner, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _report(runner, tmp_path / "a", QUANG_TRI, "2021-06-30")
    second = _report(runner, tmp_path / "b", QUANG_TRI, "2021-06-30")
    assert first.read_bytes() == second.read_bytes()


def test_report_refuses_what_it_cannot_write(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(QUANG_TRI), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = runner.invoke(app, ["report", str(QUANG_TRI), "-o", str(tmp_path / "missing" / "x.docx")])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_plan_with_errors_is_exit_2_with_its_findings(runner, tmp_path: Path) -> None:
    plan = tmp_path / "broken.yaml"
    plan.write_text("issuer: [\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(plan), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "YA01" in result.output and not (tmp_path / "x.docx").exists()


_tools = [t for t in ("pdftoppm", "pdfimages") if shutil.which(t) is None] + ([] if find_libreoffice() else ["soffice"])
if _tools and os.environ.get("THIDUA_REQUIRE_LIBREOFFICE") == "1":
    raise RuntimeError(f"THIDUA_REQUIRE_LIBREOFFICE=1 but missing: {', '.join(_tools)}")


@pytest.mark.skipif(bool(_tools), reason=f"not installed: {', '.join(_tools)}")
def test_the_chart_is_visible_on_the_pdf_page(runner, tmp_path: Path) -> None:
    from PIL import Image

    out = _report(runner, tmp_path, CAO_BANG, "2021-01-15", "--pdf")
    pdf = out.with_suffix(".pdf")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    page = int(listing.splitlines()[2].split()[0])  # the page the chart is on
    subprocess.run(["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), "-png", str(pdf), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    [png] = tmp_path.glob("p*.png")
    image = Image.open(png).convert("RGB")
    # The overdue bar is red (#c62828): a visible chart has a block of red pixels on the page.
    data = image.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    red = sum(1 for r, g, b in pixels if r > 150 and g < 80 and b < 80)
    assert red > 500, red
