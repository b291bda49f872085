"""Never overwrite what thidua did not write: render, report and diff --docx refuse a foreign
output (the Word original beside the plan) unless --force, and replace their own as before."""

from __future__ import annotations

import io
import os
import shutil
import stat
import zipfile
from pathlib import Path

import docx
import pytest

from tests.conftest import QUANG_TRI, QUANG_TRI_2022


def written_by_thidua(path: Path) -> bool:
    from thidua.files import written_by_thidua as ours

    return ours(path)


RESULTS = QUANG_TRI.with_name("thi-dua-2021.results.yaml")


def word_original(path: Path, application: str = "Microsoft Office Word") -> bytes:
    """A .docx as Word saves it: its own extended properties, the clerk as last editor."""
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH gốc do văn phòng soạn trong Word")
    document.core_properties.last_modified_by = "Văn thư"
    buffer = io.BytesIO()
    document.save(buffer)
    data = _with_app_xml(buffer.getvalue(), application)
    path.write_bytes(data)
    return data


def _with_app_xml(data: bytes, application: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "docProps/app.xml":
                body = (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
                    '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                    f"<Application>{application}</Application></Properties>"
                ).encode()
            target.writestr(info, body)
    return out.getvalue()


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "thi-dua-2021.yaml"
    shutil.copyfile(QUANG_TRI, target)
    return target


def _refused(result, path: Path) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert path.name in result.output and "--force" in result.output, result.output
    assert "không do thidua tạo ra" in result.output
    assert "Traceback" not in result.output


# ----------------------------------------------------------------------------- render


def test_render_beside_the_plan_keeps_the_word_original(invoke, plan: Path) -> None:
    original = word_original(plan.with_suffix(".docx"))
    result = invoke("render", str(plan))
    _refused(result, plan.with_suffix(".docx"))
    assert plan.with_suffix(".docx").read_bytes() == original
    assert sorted(p.name for p in plan.parent.iterdir()) == [plan.with_suffix(".docx").name, plan.name]


def test_render_with_force_replaces_it(invoke, plan: Path) -> None:
    word_original(plan.with_suffix(".docx"))
    result = invoke("render", str(plan), "--force")
    assert result.exit_code == 0, result.output
    assert written_by_thidua(plan.with_suffix(".docx"))


def test_render_replaces_its_own_output_without_force(invoke, plan: Path) -> None:
    assert invoke("render", str(plan)).exit_code == 0
    first = plan.with_suffix(".docx").read_bytes()
    again = invoke("render", str(plan))
    assert again.exit_code == 0, again.output
    assert plan.with_suffix(".docx").read_bytes() == first


def test_render_into_a_folder_refuses_a_foreign_file_before_writing_any(invoke, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    original = word_original(out / "thi-dua-2021.docx")
    other = tmp_path / "src"
    other.mkdir()
    shutil.copyfile(QUANG_TRI, other / "thi-dua-2021.yaml")
    shutil.copyfile(QUANG_TRI_2022, other / "thi-dua-2022.yaml")
    result = invoke("render", str(other), "-o", str(out))
    _refused(result, out / "thi-dua-2021.docx")
    assert (out / "thi-dua-2021.docx").read_bytes() == original
    assert not (out / "thi-dua-2022.docx").exists()  # checked before any work


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x03\x04 broken zip", None],
    ids=["text", "broken-zip", "docx-without-app-xml"],
)
def test_anything_that_does_not_say_thidua_is_refused(invoke, plan: Path, content: bytes | None) -> None:
    target = plan.with_suffix(".docx")
    if content is None:
        document = docx.Document()
        buffer = io.BytesIO()
        document.save(buffer)
        source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
        with zipfile.ZipFile(target, "w") as out:
            for info in source.infolist():
                if info.filename != "docProps/app.xml":
                    out.writestr(info, source.read(info))
    else:
        target.write_bytes(content)
    before = target.read_bytes()
    _refused(invoke("render", str(plan)), target)
    assert target.read_bytes() == before


def test_a_thidua_output_edited_in_word_is_no_longer_thiduas(invoke, plan: Path) -> None:
    assert invoke("render", str(plan)).exit_code == 0
    target = plan.with_suffix(".docx")
    target.write_bytes(_with_app_xml(target.read_bytes(), "Microsoft Office Word"))
    _refused(invoke("render", str(plan)), target)


def test_an_output_of_an_older_thidua_is_still_thiduas(plan: Path) -> None:
    """Before docProps/app.xml said thidua, python-docx's template said Word, but lastModifiedBy was thidua."""
    target = plan.with_suffix(".docx")
    document = docx.Document()
    document.core_properties.last_modified_by = "thidua"
    document.save(str(target))
    assert written_by_thidua(target)
    document.core_properties.last_modified_by = "Văn thư"
    document.save(str(target))
    assert not written_by_thidua(target)


def test_an_empty_file_holds_nothing_to_lose(invoke, plan: Path) -> None:
    plan.with_suffix(".docx").write_bytes(b"")
    assert invoke("render", str(plan)).exit_code == 0


def test_refused_in_english(invoke, plan: Path) -> None:
    word_original(plan.with_suffix(".docx"))
    result = invoke("render", str(plan), "--lang", "en")
    assert result.exit_code == 2 and "thidua did not write it" in result.output and "--force" in result.output


# ----------------------------------------------------------------------------- PDF


def _fake_soffice(tmp_path: Path) -> Path:
    """A LibreOffice that writes a PDF saying LibreOffice for each .docx it is given."""
    script = tmp_path / "fake-soffice"
    script.write_text(
        "#!/bin/sh\n"
        'out=""; while [ $# -gt 0 ]; do case "$1" in --outdir) out="$2"; shift;; *.docx) '
        'n=$(basename "$1" .docx); printf \'%%PDF-1.6\\n1 0 obj <</Producer (LibreOffice 7.4)/Creator (Writer)>> '
        'endobj\\ntrailer <</Info 1 0 R>>\\n%%%%EOF\\n\' > "$out/$n.pdf";; esac; shift; done\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_render_pdf_refuses_a_foreign_pdf(invoke, plan: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("THIDUA_SOFFICE", str(_fake_soffice(tmp_path)))
    scan = plan.with_suffix(".pdf")
    scan.write_bytes(b"%PDF-1.4\n1 0 obj <</Producer (Canon iR-ADV C5535 PDF)>> endobj\n%%EOF\n")
    _refused(invoke("render", str(plan), "--pdf"), scan)
    assert scan.read_bytes().startswith(b"%PDF-1.4\n1 0 obj <</Producer (Canon")
    assert not plan.with_suffix(".docx").exists()
    assert invoke("render", str(plan), "--pdf", "--force").exit_code == 0
    assert b"LibreOffice" in scan.read_bytes()


def test_render_pdf_replaces_its_own_pdf(invoke, plan: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("THIDUA_SOFFICE", str(_fake_soffice(tmp_path)))
    first = invoke("render", str(plan), "--pdf")
    assert first.exit_code == 0, first.output
    again = invoke("render", str(plan), "--pdf")
    assert again.exit_code == 0, again.output


def test_a_libreoffice_pdf_is_thiduas_only_beside_thiduas_docx(invoke, plan: Path) -> None:
    """The clerk's own export of the Word original says LibreOffice too: the .docx beside tells."""
    pdf = plan.with_suffix(".pdf")
    producer = "LibreOffice 7.4".encode("utf-16-be").hex().upper()  # as LibreOffice writes it
    pdf.write_bytes(b"%PDF-1.6\n1 0 obj <</Producer <FEFF" + producer.encode() + b">>> endobj\n%%EOF\n")
    word_original(plan.with_suffix(".docx"))
    assert not written_by_thidua(pdf)
    os.unlink(plan.with_suffix(".docx"))
    assert not written_by_thidua(pdf)  # no .docx of thidua's beside it either
    assert invoke("render", str(plan)).exit_code == 0
    assert written_by_thidua(pdf)


# ----------------------------------------------------------------------------- report, diff --docx


def test_report_refuses_a_foreign_docx_unless_forced(invoke, tmp_path: Path) -> None:
    plan = tmp_path / "thi-dua-2021.yaml"
    shutil.copyfile(QUANG_TRI, plan)
    shutil.copyfile(RESULTS, plan.with_name("thi-dua-2021.results.yaml"))
    out = tmp_path / "bao-cao.docx"
    original = word_original(out)
    _refused(invoke("report", str(plan), "-o", str(out), "--as-of", "2021-06-30"), out)
    assert out.read_bytes() == original
    forced = invoke("report", str(plan), "-o", str(out), "--as-of", "2021-06-30", "--force")
    assert forced.exit_code == 0, forced.output
    assert written_by_thidua(out)
    again = invoke("report", str(plan), "-o", str(out), "--as-of", "2021-06-30")
    assert again.exit_code == 0, again.output


def test_diff_docx_refuses_a_foreign_docx_unless_forced(invoke, tmp_path: Path) -> None:
    out = tmp_path / "thay-doi.docx"
    original = word_original(out)
    result = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--docx", str(out))
    _refused(result, out)
    assert "→" not in result.output  # refused before the comparison was shown
    assert out.read_bytes() == original
    forced = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--docx", str(out), "--force")
    assert forced.exit_code == 1, forced.output  # the plans differ
    assert written_by_thidua(out)
    again = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--docx", str(out))
    assert again.exit_code == 1, again.output
