"""Read a plan as written: a .txt or .docx becomes paragraphs, each with the label a reader sees.

A .txt gives its lines (UTF-8, or UTF-16 with a BOM: check/text_input.py decodes it). A .docx is
read from its XML: paragraphs and tables in document order (a cell's paragraphs one after another,
a merged cell once), tracked changes taken as accepted (insertions kept, deletions dropped),
manual line breaks and tabs kept, field results kept and their codes dropped, text boxes after
the paragraph that holds them, and Word's automatic numbering (numbering.xml) turned into the
label it displays ("1.", "1.1.", "a)", "-"), restarts included.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from thidua.check.text_input import MAX_BYTES, text_lines
from thidua.errors import InputError
from thidua.files import zip_bomb

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as read: its text with the label a reader sees (`1. …`), where it was."""

    text: str
    line: int  # the line of the .txt, or the paragraph's number in the .docx
    in_table: bool = False


@dataclass
class Reading:
    paragraphs: list[Paragraph]
    kind: str  # "txt" or "docx"
    tracked_changes: int = 0  # insertions and deletions taken as accepted
    auto_numbered: int = 0  # paragraphs whose label came from Word's numbering
    notes: list[str] = field(default_factory=list)


def read_plan_text(path: Path) -> Reading:
    """The paragraphs of a .txt or .docx; InputError (with the file) when it cannot be read."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError("import-too-big", path=shown, limit=MAX_BYTES // (1024 * 1024))
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError("import-unreadable", path=shown, reason=exc.strerror or str(exc)) from None
    if not raw.strip():
        raise InputError("import-empty", path=shown)
    if path.suffix.lower() == ".docx" or raw.startswith(b"PK\x03\x04"):
        return _read_docx(raw, shown)
    if path.suffix.lower() not in (".txt", ".text", ""):
        raise InputError("import-suffix", path=shown)
    lines, problems = text_lines(raw)
    if problems:
        raise InputError("import-encoding", path=shown, line=problems[0].line or 1)
    if _binary(lines):
        raise InputError("import-binary", path=shown)
    return Reading([Paragraph(line, number) for number, line in enumerate(lines, 1)], "txt")


def _binary(lines: list[str]) -> bool:
    """Control characters a text never has (a binary file that happens to decode).

    A replacement character (a glyph lost in a font conversion) is text, kept as written."""
    sample = "".join(lines)[:20000]
    return any(ord(ch) < 32 and ch not in "\t\f\v" for ch in sample)


# --------------------------------------------------------------------------- .docx


def _read_docx(raw: bytes, shown: str) -> Reading:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError("import-not-docx", path=shown) from None
    bomb = zip_bomb(archive)
    if bomb is not None:
        raise InputError("import-docx-bomb", path=shown, member=bomb)
    if "word/document.xml" not in infos:
        raise InputError("import-not-docx", path=shown)

    def part(name: str) -> Any:
        if name not in infos:
            return None
        try:
            return _parse_xml(archive.read(name))
        except Exception:  # lxml raises many kinds on damaged XML; all mean "cannot read it"
            raise InputError("import-not-docx", path=shown) from None

    document = part("word/document.xml")
    body = document.find(_W + "body") if document is not None else None
    if body is None:
        raise InputError("import-not-docx", path=shown)
    numbering = _Numbering(part("word/numbering.xml"), part("word/styles.xml"))
    walker = _Walker(numbering)
    walker.blocks(body, in_table=False)
    reading = Reading(walker.out, "docx", walker.changes, numbering.used)
    return reading


def _parse_xml(data: bytes) -> Any:
    from lxml import etree

    # No DTD, no entities, no network: a .docx with an external entity reads as if it had none.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def _val(element: Any, child: str, default: str | None = None) -> str | None:
    found = element.find(_W + child) if element is not None else None
    if found is None:
        return default
    return found.get(_W + "val", default)


class _Walker:
    """Body -> paragraphs in reading order."""

    SKIP: ClassVar[set[str]] = {
        *(_W + name for name in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText", "fldData")),
        f"{{{MC}}}Fallback",
    }

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.out: list[Paragraph] = []
        self.changes = 0
        self.count = 0

    def blocks(self, parent: Any, *, in_table: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child, in_table)
            elif tag == _W + "tbl":
                self.table(child)
            elif tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "moveTo"):
                content = child.find(_W + "sdtContent")
                self.blocks(content if content is not None else child, in_table=in_table)

    def table(self, table: Any) -> None:
        for row in table.iter(_W + "tr"):
            if row.getparent() is not table and row.getparent().tag != _W + "sdtContent":
                continue  # a nested table's rows: reached through its cell
            for cell in row:
                if cell.tag != _W + "tc":
                    continue
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is not None and merge.get(_W + "val", "continue") != "restart":
                    continue  # the rest of a vertically merged cell: its text is in the first
                self.blocks(cell, in_table=True)

    def paragraph(self, p: Any, in_table: bool) -> None:
        self.count += 1
        boxes: list[Any] = []
        parts: list[str] = []
        self._text(p, parts, boxes)
        text = "".join(parts)
        label = self.numbering.label(p)
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        if text.strip():
            self.out.append(Paragraph(text, self.count, in_table))
        for box in boxes:
            self.blocks(box, in_table=in_table)

    def _text(self, element: Any, parts: list[str], boxes: list[Any]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in self.SKIP:
                if tag in (_W + "del", _W + "moveFrom"):
                    self.changes += 1
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                if child.get(_W + "type") not in ("page", "column"):
                    parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "txbxContent":
                boxes.append(child)
            else:
                if tag in (_W + "ins", _W + "moveTo"):
                    self.changes += 1
                self._text(child, parts, boxes)


# --------------------------------------------------------------------------- automatic numbering

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_BULLETS = {"+": "+", "-": "-", "–": "-", "—": "-", "−": "-"}


def _roman(n: int) -> str:
    from thidua.text.formatting import roman

    return roman(n) if n > 0 else str(n)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = _LETTERS[rest] + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level; 0: never
    legal: bool = False


class _Numbering:
    """numbering.xml: the label each numbered paragraph shows, counted as Word counts."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.style_num: dict[str, tuple[str | None, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.used = 0
        if numbering is not None:
            for abstract in numbering.findall(_W + "abstractNum"):
                self.abstract[abstract.get(_W + "abstractNumId", "")] = self._levels(abstract)
            for num in numbering.findall(_W + "num"):
                starts: dict[int, int] = {}
                overrides: dict[int, _Level] = {}
                for override in num.findall(_W + "lvlOverride"):
                    ilvl = int(override.get(_W + "ilvl", "0"))
                    start = _val(override, "startOverride")
                    if start is not None and start.lstrip("-").isdigit():
                        starts[ilvl] = int(start)
                    lvl = override.find(_W + "lvl")
                    if lvl is not None:
                        overrides[ilvl] = self._level(lvl)
                self.nums[num.get(_W + "numId", "")] = (_val(num, "abstractNumId") or "", starts, overrides)
        if styles is not None:
            based: dict[str, str] = {}
            for style in styles.findall(_W + "style"):
                sid = style.get(_W + "styleId", "")
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None:
                    self.style_num[sid] = (_val(num_pr, "numId"), int(_val(num_pr, "ilvl", "0") or 0))
                parent = _val(style, "basedOn")
                if parent:
                    based[sid] = parent
            for sid, parent in based.items():  # a style inherits its parent's list
                seen = {sid}
                while sid not in self.style_num and parent and parent not in seen:
                    if parent in self.style_num:
                        self.style_num[sid] = self.style_num[parent]
                    seen.add(parent)
                    parent = based.get(parent, "")

    def _levels(self, abstract: Any) -> dict[int, _Level]:
        return {int(lvl.get(_W + "ilvl", "0")): self._level(lvl) for lvl in abstract.findall(_W + "lvl")}

    @staticmethod
    def _level(lvl: Any) -> _Level:
        start = _val(lvl, "start", "1") or "1"
        restart = _val(lvl, "lvlRestart")
        return _Level(
            start=int(start) if start.lstrip("-").isdigit() else 1,
            fmt=_val(lvl, "numFmt", "decimal") or "decimal",
            text=_val(lvl, "lvlText", "") or "",
            restart=int(restart) if restart and restart.isdigit() else None,
            legal=lvl.find(_W + "isLgl") is not None,
        )

    def label(self, p: Any) -> str:
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return ""
        num_pr = ppr.find(_W + "numPr")
        num_id: str | None = None
        ilvl = 0
        style = _val(ppr, "pStyle")
        if style and style in self.style_num:
            num_id, ilvl = self.style_num[style]
        if num_pr is not None:
            num_id = _val(num_pr, "numId", num_id)
            ilvl = int(_val(num_pr, "ilvl", str(ilvl)) or 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, starts, overrides = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **overrides}
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:  # a list instance with its own start restarts there
            self.started.add(num_id)
            for restarted, start in starts.items():
                counters[restarted] = start - 1
                for deeper in [k for k in counters if k > restarted]:
                    del counters[deeper]
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper, other in levels.items():
            if deeper > ilvl and deeper in counters:
                restart = other.restart
                # lvlRestart n: restart after a level up to n (1-based) is used; 0: never
                if restart is None or (restart != 0 and ilvl <= restart - 1):
                    del counters[deeper]
        self.used += 1
        if level.fmt == "bullet":
            return _BULLETS.get(level.text.strip(), "-")

        def one(match: re.Match[str]) -> str:
            k = int(match[1]) - 1
            other = levels.get(k, _Level())
            value = counters.get(k, other.start)
            return _format(value, "decimal" if level.legal and k != ilvl else other.fmt)

        return re.sub(r"%([1-9])", one, level.text).strip()
