"""Read an existing document (.txt or .docx) into numbered lines of text for the text rules.

A .txt file gives its lines; a .docx gives its paragraphs in document order (tables included,
cell by cell), numbered from 1, so a finding's "line" is the paragraph number.
"""

from __future__ import annotations

import io
from pathlib import Path

from thidua.files import InputRefused, InputTooLarge, read_input
from thidua.findings import Problem
from thidua.i18n import word
from thidua.plan.loader import encoding_problem, split_lines

DOCUMENT_SUFFIXES = (".txt", ".docx")
MAX_BYTES = 20 * 1024 * 1024
# A .docx is a zip: before python-docx unpacks it, every part's declared size is bounded (zipfile
# never unpacks a part past its declared size), so that a 1 MB zip bomb cannot take gigabytes.
DOCX_MAX_PART = 32 * 1024 * 1024  # a 300-page plan's document.xml is a few MB
DOCX_MAX_TOTAL = 128 * 1024 * 1024  # images included
DOCX_MAX_PARTS = 10_000
DOCX_MAX_RATIO = 100  # text XML packs 5-20:1; only parts over DOCX_RATIO_FROM are held to it
DOCX_RATIO_FROM = 1024 * 1024

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def read_document(path: Path, *, named: bool = True, within: Path | None = None) -> tuple[list[str], list[Problem]]:
    """The document's lines (or paragraphs), or the problem that stops reading it.

    At most MAX_BYTES are read (a `.txt` that is /dev/zero ends there); one found in a folder
    rather than named must be a regular file (files.read_input).
    """
    try:
        raw = read_input(path, MAX_BYTES, named=named, within=within)
    except InputRefused as refused:
        return [], [Problem.of("YA08", {"reason": word(refused.reason, **refused.params)})]
    except InputTooLarge:
        return [], [Problem.of("YA07", {"what": word("size", limit=MAX_BYTES)})]
    except OSError as exc:
        return [], [Problem.of("YA08", {"reason": exc.strerror or str(exc)})]
    if path.suffix.lower() == ".docx":
        return docx_paragraphs(raw)
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
    return split_lines(text), []


def docx_problem(raw: bytes) -> Problem | None:
    """Why a .docx must not be unpacked: not a zip, or a part too large or too compressed."""
    import zipfile  # here: a check of YAML plans does not pay for it (bz2, lzma, shutil)

    if not raw.startswith(b"PK"):
        return Problem.of("YA08", {"reason": word("not-docx")})
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return Problem.of("YA08", {"reason": word("not-docx")})
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > DOCX_MAX_PART:
            what = word("docx-member", member=part.filename[:80], size=part.file_size, limit=DOCX_MAX_PART)
            return Problem.of("YA07", {"what": what})
        if part.file_size > DOCX_RATIO_FROM and part.file_size > DOCX_MAX_RATIO * max(part.compress_size, 1):
            ratio = part.file_size // max(part.compress_size, 1)
            what = word("docx-ratio", member=part.filename[:80], ratio=ratio, limit=DOCX_MAX_RATIO)
            return Problem.of("YA07", {"what": what})
    if total > DOCX_MAX_TOTAL or len(parts) > DOCX_MAX_PARTS:
        return Problem.of("YA07", {"what": word("docx-total", limit=DOCX_MAX_TOTAL, parts=DOCX_MAX_PARTS)})
    return None


def docx_paragraphs(raw: bytes) -> tuple[list[str], list[Problem]]:
    """The paragraphs of a .docx given as bytes (checked by `docx_problem` before unpacking)."""
    problem = docx_problem(raw)
    if problem is not None:
        return [], [problem]
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(raw))
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
