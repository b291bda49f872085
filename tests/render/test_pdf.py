"""LibreOffice turns every rendered plan into a PDF that reads like the official document.

Needs LibreOffice and poppler-utils (pdftotext, pdftoppm); `.ci/run` installs both and sets
THIDUA_REQUIRE_LIBREOFFICE=1, so in CI a missing program fails instead of skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CAMPAIGNS, EXAMPLES, example_id
from thidua.render.pdf import find_libreoffice

TOOLS = ("pdftotext", "pdfinfo", "pdftoppm")
_missing = [t for t in TOOLS if shutil.which(t) is None] + ([] if find_libreoffice() else ["soffice"])
if _missing and os.environ.get("THIDUA_REQUIRE_LIBREOFFICE") == "1":
    raise RuntimeError(f"THIDUA_REQUIRE_LIBREOFFICE=1 but missing: {', '.join(_missing)}")
pytestmark = pytest.mark.skipif(bool(_missing), reason=f"not installed: {', '.join(_missing)}")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from thidua.cli.app import app

    out = tmp_path_factory.mktemp("pdf")
    result = CliRunner().invoke(app, ["render", str(CAMPAIGNS), "-o", str(out), "--pdf"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {example_id(p): out / p.relative_to(CAMPAIGNS).with_suffix(".pdf") for p in EXAMPLES}


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout


def _page_text(pdf: Path, page: int) -> str:
    return _run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-")


def test_every_plan_becomes_an_a4_pdf(pdfs: dict[str, Path]) -> None:
    assert len(pdfs) == len(EXAMPLES)
    for name, pdf in pdfs.items():
        info = _run("pdfinfo", str(pdf))
        assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), name
        pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
        assert pages >= 3, name


def test_first_page_carries_the_header_and_no_page_number(pdfs: dict[str, Path]) -> None:
    for name, pdf in pdfs.items():
        first = _page_text(pdf, 1)
        lines = [line.strip() for line in first.splitlines() if line.strip()]
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0], name
        assert any("Độc lập - Tự do - Hạnh phúc" in line for line in lines[:4]), name
        assert "KẾ HOẠCH" in lines, name
        assert not re.fullmatch(r"\d+", lines[0]), name


def test_later_pages_are_numbered_at_the_top(pdfs: dict[str, Path]) -> None:
    for name, pdf in pdfs.items():
        for page in (2, 3):
            lines = [line.strip() for line in _page_text(pdf, page).splitlines() if line.strip()]
            assert lines[0] == str(page), (name, page, lines[:2])


def test_first_page_turns_into_a_png_to_look_at(pdfs: dict[str, Path], tmp_path: Path) -> None:
    pdf = pdfs["ldld-quang-tri-2021"]
    _run("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "page"))
    png = (tmp_path / "page.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert height / width == pytest.approx(297 / 210, rel=0.01)


def test_a_pdf_libreoffice_made_from_thiduas_docx_is_thiduas(pdfs: dict[str, Path]) -> None:
    """So that `render --pdf` run again replaces it without --force (see files.written_by_thidua)."""
    from thidua.files import written_by_thidua

    for name, pdf in pdfs.items():
        assert written_by_thidua(pdf), name
        assert written_by_thidua(pdf.with_suffix(".docx")), name
