"""The small document model between templates and writers, and the markup templates produce.

A template renders to markup like

    <document>
      <table role="header"><row><cell><p role="issuing-body" line="short">…</p></cell>…</row></table>
      <p role="section">I. MỤC ĐÍCH, YÊU CẦU</p>
      <p role="item"><b>1.</b> text…</p>
    </document>

Plan text reaches the markup escaped (the environment autoescapes), so `<b>` or `{{ 7*7 }}` in a
plan is text, and since structure is elements, not lines, a line starting with `- ` or `1.` is
text too. Whitespace in the markup collapses to one space; a line break in plan text arrives as
`<br/>`. Roles name what a paragraph is; the writers decide how it looks.

A redline (thidua/change/redline.py) marks what changed between two documents: a run inserted or
deleted (`Run.change`), a whole paragraph added or removed (`Paragraph.mark`), a table row added
or removed (`Table.row_marks`). Templates never produce marks; without them nothing changes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

# role -> what it is; styles live in the writers (thidua/render/writers/docx.py).
PARAGRAPH_ROLES = (
    "parent-body",  # cơ quan chủ quản
    "issuing-body",  # cơ quan ban hành
    "number",  # Số: 58/KH-LĐLĐ
    "national-title",  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    "motto",  # Độc lập - Tự do - Hạnh phúc
    "place-date",  # Quảng Trị, ngày 22 tháng 02 năm 2021
    "doc-type",  # KẾ HOẠCH
    "subject",  # trích yếu
    "body",  # opening, closing and unnumbered paragraphs
    "section",  # I. MỤC ĐÍCH, YÊU CẦU
    "heading",  # 1. a heading item
    "item",  # 1. a sentence item, - a bullet
    "authority",  # TM. BAN THƯỜNG VỤ
    "signer-title",  # CHỦ TỊCH
    "signature-space",  # room for the signature and the seal
    "signer-name",
    "recipients-title",  # Nơi nhận:
    "recipient",  # - Các CĐCS;
    "cell-head",  # a data table's column heading
    "cell",  # a data table's cell: text
    "cell-number",  # a data table's cell: a number, centred
    "caption",  # Biểu đồ 1. … under a picture
    "source",  # a source cited: Nguồn số liệu …
)
TABLE_ROLES = ("header", "signature", "data")  # data: ruled, with widths="cm,cm,…" and head rows
LINES = ("short", "full")  # a line drawn under a paragraph: 1/3–1/2 of its text, or as long as it
CHANGES = ("ins", "del")  # a tracked change: inserted or deleted


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    line_break: bool = False  # a break before this run's text
    change: str | None = None  # "ins" or "del": the run (and its break) inserted or deleted


@dataclass(frozen=True)
class Paragraph:
    role: str
    runs: tuple[Run, ...] = ()
    line: str | None = None
    # "ins" or "del": the whole paragraph (its mark, and its line) added or removed.
    mark: str | None = None

    @property
    def text(self) -> str:
        """Every run's text, deleted and inserted alike."""
        return _joined(self.runs, skip=None)

    @property
    def accepted_text(self) -> str:
        """The text once every change is accepted: the newer document's."""
        return _joined(self.runs, skip="del")

    @property
    def rejected_text(self) -> str:
        """The text once every change is rejected: the older document's."""
        return _joined(self.runs, skip="ins")


def _joined(runs: tuple[Run, ...], *, skip: str | None) -> str:
    return "".join(("\n" if r.line_break else "") + r.text for r in runs if skip is None or r.change != skip)


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Table:
    role: str
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...] = ()  # column widths in cm (data tables); empty: the role's own
    head_rows: int = 0  # rows repeated at the top of each page (<row head="yes">)
    row_marks: tuple[str | None, ...] = ()  # per row, "ins"/"del" for a row added/removed; empty: none


@dataclass(frozen=True)
class Image:
    """A picture supplied beside the markup (a chart), centred, `width` cm wide."""

    name: str
    width: float


Block = Paragraph | Table | Image  # what a document is made of, top to bottom


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    # Document properties (File > Properties): from <document title="…" author="…" date="YYYY-MM-DD">.
    title: str = ""
    author: str = ""
    date: str = ""


class MarkupError(Exception):
    """The template's output is not valid markup; `line` is a line of that output."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


# Template whitespace collapses; no-break spaces (blanks left for the văn thư) stay.
_SPACE = re.compile(r"[ \t\r\n]+")


def parse_markup(markup: str) -> Document:
    """Template output -> Document; raises MarkupError naming the output line."""
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as exc:
        line, _column = exc.position
        raise MarkupError(str(exc).split(":")[0], line) from None
    if root.tag != "document":
        raise MarkupError(f"the root element must be <document>, not <{root.tag}>", 1)
    blocks: list[Block] = []
    for element in root:
        if element.tag == "p":
            paragraph = _paragraph(element)
            if paragraph is not None:
                blocks.append(paragraph)
        elif element.tag == "table":
            blocks.append(_table(element))
        elif element.tag == "image":
            blocks.append(Image(name=element.get("name", ""), width=_number(element.get("width", "15"), "width")))
        else:
            raise MarkupError(f"unknown element <{element.tag}> (use <p>, <table> or <image>)")
    return Document(
        blocks=tuple(blocks),
        title=_SPACE.sub(" ", root.get("title", "")).strip(),
        author=_SPACE.sub(" ", root.get("author", "")).strip(),
        date=root.get("date", "").strip(),
    )


def _table(element: ET.Element) -> Table:
    role = element.get("role", "")
    if role not in TABLE_ROLES:
        raise MarkupError(f"unknown table role {role!r} (one of {', '.join(TABLE_ROLES)})")
    widths = tuple(_number(w, "widths") for w in element.get("widths", "").split(",") if w.strip())
    rows: list[tuple[Cell, ...]] = []
    head_rows = 0
    for row in element:
        if row.tag != "row":
            raise MarkupError(f"<table> holds <row>, not <{row.tag}>")
        if row.get("head") == "yes" and head_rows == len(rows):
            head_rows += 1
        cells = []
        for cell in row:
            if cell.tag != "cell":
                raise MarkupError(f"<row> holds <cell>, not <{cell.tag}>")
            paragraphs = []
            for child in cell:
                if child.tag != "p":
                    raise MarkupError(f"<cell> holds <p>, not <{child.tag}>")
                paragraph = _paragraph(child)
                if paragraph is not None:
                    paragraphs.append(paragraph)
            cells.append(Cell(tuple(paragraphs)))
        rows.append(tuple(cells))
    return Table(role=role, rows=tuple(rows), widths=widths, head_rows=head_rows)


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise MarkupError(f"{what} must be numbers of cm, not {text!r}") from None
    if not 0 < value <= 30:
        raise MarkupError(f"{what} must be between 0 and 30 cm, not {text!r}")
    return value


def _paragraph(element: ET.Element) -> Paragraph | None:
    role = element.get("role", "")
    if role not in PARAGRAPH_ROLES:
        raise MarkupError(f"unknown paragraph role {role!r}")
    line = element.get("line")
    if line is not None and line not in LINES:
        raise MarkupError(f"line must be one of {', '.join(LINES)}, not {line!r}")
    runs: list[Run] = []
    _collect(element, runs, bold=False, italic=False, underline=False)
    runs = _trim(runs)
    if not runs and role != "signature-space" and element.get("keep") is None:
        return None  # an optional part the plan leaves empty (no parent body, no signer yet)
    return Paragraph(role=role, runs=tuple(runs), line=line)


_INLINE = {"b": "bold", "i": "italic", "u": "underline"}


def _collect(element: ET.Element, runs: list[Run], *, bold: bool, italic: bool, underline: bool) -> None:
    def add(text: str | None, line_break: bool = False) -> None:
        if text:
            runs.append(Run(_SPACE.sub(" ", text), bold, italic, underline, line_break))
        elif line_break:
            runs.append(Run("", bold, italic, underline, True))

    add(element.text)
    for child in element:
        if child.tag == "br":
            add(child.tail, line_break=True)
            continue
        if child.tag not in _INLINE:
            raise MarkupError(f"<{element.tag}> holds text, <b>, <i>, <u> and <br/>, not <{child.tag}>")
        style = _INLINE[child.tag]
        _collect(
            child,
            runs,
            bold=bold or style == "bold",
            italic=italic or style == "italic",
            underline=underline or style == "underline",
        )
        add(child.tail)


def _trim(runs: list[Run]) -> list[Run]:
    """Merge neighbours of one style, drop the spaces around line breaks and at both ends."""
    merged: list[Run] = []
    for run in runs:
        if run.line_break and merged:
            last = merged[-1]
            merged[-1] = Run(last.text.rstrip(" "), last.bold, last.italic, last.underline, last.line_break)
            run = Run(run.text.lstrip(" "), run.bold, run.italic, run.underline, True)
        if (
            merged
            and not run.line_break
            and (merged[-1].bold, merged[-1].italic, merged[-1].underline) == (run.bold, run.italic, run.underline)
        ):
            last = merged[-1]
            merged[-1] = Run(last.text + run.text, last.bold, last.italic, last.underline, last.line_break)
        elif merged and not run.line_break and merged[-1].text.endswith(" ") and run.text.startswith(" "):
            merged.append(Run(run.text.lstrip(" "), run.bold, run.italic, run.underline))
        else:
            merged.append(run)
    if merged:
        first = merged[0]
        merged[0] = Run(first.text.lstrip(" "), first.bold, first.italic, first.underline, False)
        last = merged[-1]
        merged[-1] = Run(last.text.rstrip(" "), last.bold, last.italic, last.underline, last.line_break)
    return [r for r in merged if r.text or r.line_break]
