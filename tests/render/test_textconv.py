"""`thidua textconv`: what `git diff` shows for a plan or a .docx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import QUANG_TRI
from thidua.render.pipeline import render_docx


def test_a_plan_reads_as_its_document(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("textconv", str(QUANG_TRI))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "KẾ HOẠCH" in lines
    assert "Số: 58/KH-LĐLĐ" in lines
    assert any(line.startswith("III. THỜI GIAN VÀ MỐC CÁC ĐỢT THI ĐUA") for line in lines)
    assert "issuer:" not in result.output  # the document, not the YAML


def test_a_docx_reads_as_its_paragraphs(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docx = tmp_path / "ke-hoach.docx"
    docx.write_bytes(render_docx(_plan()))
    from_docx = invoke("textconv", str(docx)).output
    from_plan = invoke("textconv", str(QUANG_TRI)).output
    # The same words: the .docx breaks long header names over two lines and prints some roles in
    # capitals, and it has empty paragraphs that draw the lines.
    assert " ".join(from_docx.split()).upper() == " ".join(from_plan.split()).upper()
    assert len(from_docx.split()) > 1500


def _plan():  # type: ignore[no-untyped-def]
    from thidua.workspace import load_plan

    plan, _ = load_plan(QUANG_TRI)
    return plan


def test_a_plan_that_does_not_read_prints_as_written(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "x.yaml"
    broken.write_text("issuer: [\n<<<<<<< HEAD\n", encoding="utf-8")
    result = invoke("textconv", str(broken))
    assert result.exit_code == 0
    assert result.output == "issuer: [\n<<<<<<< HEAD\n"
    junk = tmp_path / "x.docx"
    junk.write_bytes(b"not a zip")
    bad = invoke("textconv", str(junk))
    assert bad.exit_code == 2 and "x.docx" in bad.output


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_diff_uses_it_as_the_readme_says(tmp_path: Path) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, text=True)
        return done.stdout

    git("init", "-q")
    git("config", "user.email", "vanthu@example.org")
    git("config", "user.name", "Văn thư")
    # The lines the README gives.
    (tmp_path / ".gitattributes").write_text("*.yaml diff=thidua\n*.docx diff=thidua\n", encoding="utf-8")
    git("config", "diff.thidua.textconv", "thidua textconv")
    plan = tmp_path / "x.yaml"
    shutil.copy(QUANG_TRI, plan)
    git("add", ".")
    git("commit", "-qm", "2021")
    plan.write_text(QUANG_TRI.read_text(encoding="utf-8").replace("number: 58", "number: 59"), encoding="utf-8")
    shown = git("diff")
    assert "-Số: 58/KH-LĐLĐ" in shown and "+Số: 59/KH-LĐLĐ" in shown
