"""Read an existing document (.txt or .docx) into numbered lines of text for the text rules.

A .txt file gives its lines; a .docx gives its paragraphs in document order (tables included,
cell by cell), numbered from 1, so a finding's "line" is the paragraph number.
"""

from __future__ import annotations

from pathlib import Path

from thidua.findings import Problem
from thidua.i18n import word
from thidua.plan.loader import encoding_problem

DOCUMENT_SUFFIXES = (".txt", ".docx")
MAX_BYTES = 20 * 1024 * 1024

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def read_document(path: Path) -> tuple[list[str], list[Problem]]:
    """The document's lines (or paragraphs), or the problem that stops reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return [], [Problem.of("YA07", {"what": word("size", limit=MAX_BYTES)})]
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem.of("YA08", {"reason": exc.strerror or str(exc)})]
    if path.suffix.lower() == ".docx":
        return _docx_paragraphs(path, raw)
    return text_lines(raw)


def text_lines(raw: bytes) -> tuple[list[str], list[Problem]]:
    """The lines of a text file: UTF-8, or UTF-16 / UTF-8 with a BOM (as Notepad saves)."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raw, encoding = raw[len(bom) :], name
            break
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        return [], [encoding_problem(raw, exc)]
    return [line.rstrip("\r") for line in text.split("\n")], []


def _docx_paragraphs(path: Path, raw: bytes) -> tuple[list[str], list[Problem]]:
    if not raw.startswith(b"PK"):
        return [], [Problem.of("YA08", {"reason": word("not-docx")})]
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(str(path))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(_table_paragraphs(block))
        return lines, []
    except Exception:  # python-docx and lxml raise many kinds on a damaged file; all mean "cannot read it"
        return [], [Problem.of("YA08", {"reason": word("not-docx")})]


def _table_paragraphs(table: object) -> list[str]:
    from docx.table import Table

    assert isinstance(table, Table)
    out: list[str] = []
    # A merged cell appears once per grid column it spans. The elements themselves are kept (not
    # their id()): lxml makes a new proxy object on each access, and a freed one's id comes back.
    seen: list[object] = []
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    out.extend(_table_paragraphs(block))
                else:
                    out.append(block.text)
    return out
