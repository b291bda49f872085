"""`thidua render` as a clerk runs it: outputs, determinism, literal text, templates, failures."""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import docx
import pytest

from tests.conftest import CAMPAIGNS, EXAMPLES, QUANG_TRI

LITERAL_PLAN = """\
issuer:
  name: CÔNG ĐOÀN CƠ SỞ TRƯỜNG THỬ NGHIỆM
  abbreviation: CĐCS
document:
  number: 3
  place: Huế
  date: 2024-03-05
  title: Thi đua <b>dạy tốt</b> {{ 7*7 }} & học tốt
sections:
  - kind: content
    title: NỘI DUNG
    items:
      - "<b>not bold</b> {{ 7*7 }} {% if true %}x{% endif %} &amp; <p role='section'>"
      - "control\\x0b characters\\x00 dropped"
      - |-
        first line
        - not a bullet
        1. not a number
closing: Đề nghị thực hiện./.
signature: {authority: TM. BAN CHẤP HÀNH, title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: [Như trên, "Lưu: VT"]
"""


def _texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return texts


def test_renders_every_example_into_a_folder_keeping_paths(invoke, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("render", str(CAMPAIGNS), "-o", str(out))
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out) for p in out.rglob("*.docx"))
    assert written == sorted(p.relative_to(CAMPAIGNS).with_suffix(".docx") for p in EXAMPLES)
    assert result.output.count("đã ghi") == len(EXAMPLES)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_one_plan_beside_itself_by_default(invoke, example_copy: Path) -> None:
    result = invoke("render", str(example_copy))
    assert result.exit_code == 0, result.output
    target = example_copy.with_suffix(".docx")
    assert "Số: 58/KH-LĐLĐ" in _texts(target)


def test_rendering_twice_gives_identical_bytes(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert invoke("render", str(QUANG_TRI), "-o", str(first)).exit_code == 0
    # A different clock: nothing in the package may depend on it.
    later = time.time() + 86400 * 400
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(later))
    assert invoke("render", str(QUANG_TRI), "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_plan_text_renders_literally(invoke, tmp_path: Path) -> None:
    plan = tmp_path / "literal.yaml"
    plan.write_text(LITERAL_PLAN, encoding="utf-8")
    result = invoke("render", str(plan))
    assert result.exit_code == 0, result.output
    document = docx.Document(str(plan.with_suffix(".docx")))
    texts = _texts(plan.with_suffix(".docx"))
    assert "Thi đua <b>dạy tốt</b> {{ 7*7 }} & học tốt" in texts
    assert "1. <b>not bold</b> {{ 7*7 }} {% if true %}x{% endif %} &amp; <p role='section'>" in texts
    assert "2. control characters dropped" in texts
    assert "3. first line\n- not a bullet\n1. not a number" in texts
    (item,) = [p for p in document.paragraphs if p.text.startswith("1. <b>")]
    assert not any(run.bold for run in item.runs)  # <b> in a plan is text, not bold
    assert "49" not in "".join(texts)
    # The line starting "- " / "1." stayed inside its paragraph: no extra paragraphs appeared.
    assert not any(t in ("- not a bullet", "1. not a number", "not a bullet") for t in texts)


def test_repository_templates_override_a_part(invoke, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "templates").mkdir(parents=True)
    (repo / ".git").mkdir()
    (repo / "templates" / "_signature.xml.j2").write_text(
        '<table role="signature"><row><cell/><cell><p role="authority">KT. CHỦ TỊCH {{ signature.authority }}</p>'
        "</cell></row></table>\n",
        encoding="utf-8",
    )
    plan = repo / "campaigns" / "plan.yaml"
    plan.parent.mkdir()
    shutil.copyfile(QUANG_TRI, plan)
    result = invoke("render", str(plan))
    assert result.exit_code == 0, result.output
    texts = _texts(plan.with_suffix(".docx"))
    assert "KT. CHỦ TỊCH TM. BAN THƯỜNG VỤ" in texts
    assert "KẾ HOẠCH" in texts  # the rest still comes from the shipped template


def test_template_with_an_undefined_variable_names_file_and_line(invoke, tmp_path: Path) -> None:
    template = tmp_path / "mine.xml.j2"
    template.write_text(
        '<document>\n<p role="body">{{ issuer.name }}</p>\n<p role="body">{{ isuer.name }}</p>\n</document>\n'
    )
    out = tmp_path / "out.docx"
    result = invoke("render", str(QUANG_TRI), "--template", str(template), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert "mine.xml.j2, dòng 3: không có biến 'isuer'" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_undefined_attribute_in_english(invoke, tmp_path: Path) -> None:
    template = tmp_path / "attr.xml.j2"
    template.write_text('<document>\n\n<p role="body">{{ document.titel }}</p>\n</document>\n')
    result = invoke(
        "render", str(QUANG_TRI), "--template", str(template), "-o", str(tmp_path / "o.docx"), "--lang", "en"
    )
    assert result.exit_code == 2, result.output
    assert "attr.xml.j2, line 3: '….titel' is undefined" in result.output


def test_template_syntax_error_names_file_and_line(invoke, tmp_path: Path) -> None:
    template = tmp_path / "broken.xml.j2"
    template.write_text('<document>\n{% for x in sections %}\n<p role="body">{{ x.title }}</p>\n</document>\n')
    result = invoke(
        "render", str(QUANG_TRI), "--template", str(template), "-o", str(tmp_path / "o.docx"), "--lang", "en"
    )
    assert result.exit_code == 2, result.output
    assert "error in template" in result.output and "broken.xml.j2, line" in result.output


def test_template_cannot_reach_python_internals(invoke, tmp_path: Path) -> None:
    template = tmp_path / "evil.xml.j2"
    template.write_text(
        '<document>\n<p role="body">{{ issuer.name.__class__.__mro__[1].__subclasses__() }}</p>\n</document>\n'
    )
    result = invoke("render", str(QUANG_TRI), "--template", str(template), "-o", str(tmp_path / "o.docx"))
    assert result.exit_code == 2, result.output
    assert "evil.xml.j2, dòng 2" in result.output


def test_template_markup_with_an_unknown_role_is_refused(invoke, tmp_path: Path) -> None:
    template = tmp_path / "roles.xml.j2"
    template.write_text('<document><p role="shout">{{ issuer.name }}</p></document>\n')
    result = invoke("render", str(QUANG_TRI), "--template", str(template), "-o", str(tmp_path / "o.docx"))
    assert result.exit_code == 2, result.output
    assert "roles.xml.j2" in result.output and "shout" in result.output


def test_missing_template_is_a_clear_error(invoke, tmp_path: Path) -> None:
    result = invoke("render", str(QUANG_TRI), "--template", str(tmp_path / "nope.j2"), "-o", str(tmp_path / "o.docx"))
    assert result.exit_code == 2
    assert "không tìm thấy mẫu" in result.output


def test_a_broken_plan_is_reported_and_the_others_are_written(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(QUANG_TRI, folder / "good.yaml")
    (folder / "bad.yaml").write_text("issuer:\n  name: X\ndocument:\n  title: [unclosed\n", encoding="utf-8")
    result = invoke("render", str(folder))
    assert result.exit_code == 2, result.output
    assert (folder / "good.docx").exists()
    assert not (folder / "bad.docx").exists()
    assert "bad.yaml:5:1" in result.output and "YA01" in result.output
    assert "Traceback" not in result.output


def test_an_open_document_is_not_overwritten(invoke, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    out.write_bytes(b"the clerk's edited copy")
    (tmp_path / ".~lock.ke-hoach.docx#").write_text("locked by LibreOffice")
    result = invoke("render", str(QUANG_TRI), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert "đang mở" in result.output
    assert out.read_bytes() == b"the clerk's edited copy"


def test_a_read_only_output_is_left_alone(invoke, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    out.write_bytes(b"signed")
    out.chmod(0o444)
    result = invoke("render", str(QUANG_TRI), "-o", str(out))
    assert result.exit_code == 2
    assert "chỉ đọc" in result.output
    assert out.read_bytes() == b"signed"


def test_an_output_under_a_file_is_a_clear_error(invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = invoke("render", str(QUANG_TRI), "-o", str(blocker / "sub" / "out.docx"), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ke-hoach.docx"
    assert invoke("render", str(CAMPAIGNS / "ldld-cao-bang"), "-o", str(tmp_path / "x")).exit_code == 0
    previous = next((tmp_path / "x").rglob("*.docx")).read_bytes()  # an earlier render, another plan
    shutil.rmtree(tmp_path / "x")
    out.write_bytes(previous)

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = invoke("render", str(QUANG_TRI), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output
    assert out.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.docx"]


def test_many_plans_cannot_share_one_docx(invoke, tmp_path: Path) -> None:
    result = invoke("render", str(CAMPAIGNS), "-o", str(tmp_path / "all.docx"))
    assert result.exit_code == 2
    assert "-o THƯ_MỤC" in result.output
    assert not (tmp_path / "all.docx").exists()


def test_pdf_without_libreoffice_says_so_and_writes_nothing(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIDUA_SOFFICE", str(tmp_path / "no-such-soffice"))
    out = tmp_path / "o.docx"
    result = invoke("render", str(QUANG_TRI), "-o", str(out), "--pdf")
    assert result.exit_code == 2
    assert "LibreOffice" in result.output and "apt install libreoffice-writer-nogui" in result.output
    assert not out.exists()


def test_render_in_english(invoke, tmp_path: Path) -> None:
    result = invoke("render", str(QUANG_TRI), "-o", str(tmp_path / "x.docx"), "--lang", "en")
    assert result.exit_code == 0
    assert result.output.startswith("wrote ")


def test_the_docx_opens_in_python_docx_from_bytes(invoke, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    invoke("render", str(QUANG_TRI), "-o", str(out))
    assert docx.Document(io.BytesIO(out.read_bytes())).paragraphs[0].text == "KẾ HOẠCH"
