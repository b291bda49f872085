"""Every .docx thidua writes passes openxml-audit (the Open XML SDK's checks) with no error.

Render, report and the redline of `diff --docx` all go through `write_docx`; each is audited,
and the package's metadata is checked to be thidua's own: Vietnamese text, no stale parts of
python-docx's template, Word 2013+ compatibility mode, a docId of its own.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

import thidua
from tests.conftest import EXAMPLES, QUANG_TRI, QUANG_TRI_2022, RESULTS, example_id

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
REPORTED = [r.with_name(r.name.replace(".results.yaml", ".yaml")) for r in RESULTS]  # plans with results


def _audit(path: Path) -> None:
    result = OpenXmlValidator(max_errors=0).validate(path)
    errors = [str(error) for error in result.errors]
    assert not errors, f"{len(errors)} openxml-audit error(s) in {path.name}:\n" + "\n".join(errors)


def _render(invoke, plan: Path, out: Path) -> Path:  # type: ignore[no-untyped-def]
    result = invoke("render", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


@pytest.mark.parametrize("plan", EXAMPLES, ids=example_id)
def test_every_rendered_example_passes_the_audit(invoke, tmp_path: Path, plan: Path) -> None:
    _audit(_render(invoke, plan, tmp_path / "plan.docx"))


@pytest.mark.parametrize("kind", ["regular", "five-year", "thematic"])
def test_a_rendered_skeleton_passes_the_audit(invoke, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "skeleton.yaml"  # `thidua new --issuer`: empty sections, number and date
    made = invoke("new", str(plan), "--issuer", "CÔNG ĐOÀN X", "--year", "2027", "--kind", kind)
    assert made.exit_code == 0, made.output
    _audit(_render(invoke, plan, tmp_path / "skeleton.docx"))


@pytest.mark.parametrize("plan", REPORTED, ids=example_id)
def test_every_report_passes_the_audit(invoke, tmp_path: Path, plan: Path) -> None:
    out = tmp_path / "report.docx"
    result = invoke("report", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.output
    _audit(out)


def test_the_redline_passes_the_audit(invoke, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    result = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--docx", str(out))
    assert result.exit_code in (0, 1), result.output
    _audit(out)


def _audit_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "redline.docx"
    path.write_bytes(data)
    _audit(path)


def test_redlines_with_every_kind_of_change_pass_the_audit(tmp_path: Path) -> None:
    """Rows added and removed (w:trPr), paragraph marks (w:pPr/w:rPr), property changes
    (w:pPrChange) and a line's border: the marks the example redline may not have."""
    from tests.change.test_redline import CAO_BANG, SIGNER, doc, every_edit, p, redline, rendered, report, signature

    reports = report(CAO_BANG, date(2021, 1, 15)), report(QUANG_TRI, date(2021, 6, 30))
    pairs = [
        reports,
        reports[::-1],
        (rendered(QUANG_TRI), rendered(QUANG_TRI, every_edit)),
        (doc(p("body", "Một."), signature(*SIGNER, p("signer-name", "Nguyễn Văn An"))), doc(signature(*SIGNER))),
        (doc(p("body", "Mở đầu."), p("subject", "Về thi đua", "short")), doc(p("body", "Khác hẳn."))),
    ]
    for old, new in pairs:
        _audit_bytes(tmp_path, redline(old, new))


def test_the_package_is_thiduas_own(invoke, tmp_path: Path) -> None:
    out = _render(invoke, QUANG_TRI, tmp_path / "plan.docx")
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        everything = b"".join(package.read(name) for name in names if name.endswith((".xml", ".rels")))
    assert not [name for name in names if "stylesWithEffects" in name or "thumbnail" in name]
    assert b"stylesWithEffects" not in everything and b"thumbnail" not in everything
    # Vietnamese text: Word spell-checks it as Vietnamese.
    lang = _part(out, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "vi-VN"
    assert lang.get(f"{W}eastAsia") in (None, "vi-VN")
    assert b"en-US" not in everything and b"ja-JP" not in everything
    # The application that wrote it, and its version.
    app = _part(out, "docProps/app.xml")
    application = app.findtext("{*}Application") or ""
    assert "thidua" in application and thidua.__version__ in application
    assert b"Microsoft" not in etree.tostring(app)
    core = etree.tostring(_part(out, "docProps/core.xml"))
    assert b"<cp:lastModifiedBy>thidua</cp:lastModifiedBy>" in core and b"lastPrinted" not in core
    # Word 2013+ mode, not Compatibility Mode.
    settings = _part(out, "word/settings.xml")
    modes = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting") if s.get(f"{W}name") == "compatibilityMode"]
    assert modes == ["15"]


def _doc_id(path: Path) -> str:
    ids = [e.get(f"{W14}val") for e in _part(path, "word/settings.xml").iter(f"{W14}docId")]
    assert len(ids) == 1 and re.fullmatch(r"[0-9A-F]{8}", ids[0] or ""), ids
    return ids[0] or ""


def test_doc_id_is_the_documents_own_and_bytes_stay_the_same(invoke, tmp_path: Path) -> None:
    first = _render(invoke, QUANG_TRI, tmp_path / "a.docx")
    again = _render(invoke, QUANG_TRI, tmp_path / "b.docx")
    other = _render(invoke, QUANG_TRI_2022, tmp_path / "c.docx")
    assert first.read_bytes() == again.read_bytes()
    assert _doc_id(first) != _doc_id(other)
    assert _doc_id(first) != "24062061"  # python-docx's template, shared by every file it writes


def test_table_properties_are_in_schema_order(invoke, tmp_path: Path) -> None:
    out = _render(invoke, QUANG_TRI, tmp_path / "plan.docx")
    for tblpr in _part(out, "word/document.xml").iter(f"{W}tblPr"):
        tags = [etree.QName(child).localname for child in tblpr]
        assert tags == ["tblW", "jc", "tblBorders", "tblLayout", "tblCellMar", "tblLook"]


def test_audit_finds_a_broken_package(tmp_path: Path) -> None:
    """The audit is not blind: an element out of order is reported."""
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p><w:pPr><w:jc w:val="center"/>'
            '<w:pStyle w:val="Normal"/></w:pPr></w:p></w:body></w:document>',
        )
    with pytest.raises(AssertionError, match="openxml-audit error"):
        _audit(broken)
