"""Document -> .docx bytes in the layout of Nghị định 30/2020 (FORMAT.md); same input, same bytes.

Change marks of the document model (a redline, thidua/change/redline.py) become Word tracked changes:
w:ins and w:del around runs, in a paragraph mark's properties and in a table row's properties,
all by one author at one fixed moment (`Revision`), numbered in document order.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Emu, Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from thidua import __version__
from thidua.render.layout import Block, Cell, Document, Image, Paragraph, Table
from thidua.render.writers import metrics
from thidua.text.vocab import COMPOUNDS, PLACE_LEVELS

FONT = "Times New Roman"
LANGUAGE = "vi-VN"

# Page (FORMAT.md, Page): A4 portrait; margins within top/bottom 20–25, left 30–35, right 15–20 mm.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
PAGE_NUMBER_SIZE = 14

# Two-column tables (FORMAT.md): header ≈ 7 + 9.5 cm, signature ≈ 5.3 + 11.2 cm.
COLUMNS = {"header": (Cm(7.0), Cm(9.5)), "signature": (Cm(5.3), Cm(11.2))}
CELL_MARGIN = Cm(0.1)
FIRST_LINE_INDENT = Cm(1.27)
LINE_WEIGHT = 6  # eighths of a point: a 0.75 pt solid line
BALANCED = ("parent-body", "issuing-body")  # header names broken into even lines
LINE_GAP = 5  # points between a text and the line under it
SHORT_LINE = 0.4  # a "short" line is 2/5 of the longest line of its text (FORMAT.md: 1/3–1/2)


@dataclass(frozen=True)
class Style:
    """How one role looks: size in points, emphasis, alignment, spacing (points)."""

    size: float
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: str = "center"
    indent: bool = False  # first-line indent
    before: float = 0
    after: float = 0
    line: float = 1.0  # line spacing, a multiple of single
    line_after: float = 0  # space after the line drawn under the paragraph, if it has one
    keep_next: bool = False  # never the last line of a page (a heading without its text)


BODY = Style(14, align="justify", indent=True, after=6, line=1.15)

STYLES: dict[str, Style] = {
    "parent-body": Style(13, upper=True),
    "issuing-body": Style(13, bold=True, upper=True),
    "number": Style(13, before=6),
    "national-title": Style(12, bold=True, upper=True),
    "motto": Style(13, bold=True),
    "place-date": Style(14, italic=True, before=6),
    "doc-type": Style(14, bold=True, upper=True, before=24),
    "subject": Style(14, bold=True, line_after=12),
    "body": BODY,
    "section": Style(
        14, bold=True, upper=True, align="justify", indent=True, before=6, after=6, line=1.15, keep_next=True
    ),
    "heading": Style(14, bold=True, align="justify", indent=True, after=6, line=1.15, keep_next=True),
    "item": BODY,
    "authority": Style(14, bold=True, upper=True, before=12),
    "signer-title": Style(14, bold=True, upper=True),
    "signature-space": Style(14, before=60),
    "signer-name": Style(14, bold=True),
    "recipients-title": Style(12, bold=True, italic=True, align="left", before=12),
    "recipient": Style(11, align="left"),
    "cell-head": Style(12, bold=True, before=3, after=3),
    "cell": Style(12, align="left", before=3, after=3),
    "cell-number": Style(12, before=3, after=3),
    "caption": Style(13, italic=True, before=3, after=6),
    "source": Style(12, align="justify", indent=True, after=3),
}

_ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}

# A fixed moment for undated documents, so that their bytes do not depend on the clock.
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Revision:
    """Who made the tracked changes, and when: fixed, so that a redline's bytes never depend on the clock."""

    author: str = "thidua"
    date: str = "2000-01-01T00:00:00Z"


def style_name(role: str) -> str:
    """The Word paragraph style of a role, visible in Word's style list."""
    return "thidua " + role


def style_id(role: str) -> str:
    """The id Word gives that style (its name without spaces)."""
    return style_name(role).replace(" ", "")


# Child order of the elements the writer builds by hand (ECMA-376 Part 1, wml.xsd), for
# `_insert`. Elements of one rank may come in any order (CT_TrPrBase is a choice).
_SCHEMA_ORDER: dict[str, tuple[tuple[str, ...], ...]] = {
    "w:tblPr": tuple(
        (tag,)
        for tag in (
            "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
            "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
            "tblCaption", "tblDescription", "tblPrChange",
        )
    ),
    "w:pPr": tuple(
        (tag,)
        for tag in (
            "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange",
        )
    ),
    # CT_RPr, and CT_ParaRPr (a paragraph mark's, whose ins/del/moveFrom/moveTo come first).
    "w:rPr": tuple(
        (tag,)
        for tag in (
            "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps",
            "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof",
            "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
            "eastAsianLayout", "specVanish", "oMath", "rPrChange",
        )
    ),
    "w:trPr": (
        ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
         "tblHeader", "tblCellSpacing", "jc", "hidden"),
        ("ins",),
        ("del",),
        ("trPrChange",),
    ),
}  # fmt: skip
_RANKS = {
    qn(parent): {qn(f"w:{tag}"): rank for rank, tags in enumerate(order) for tag in tags}
    for parent, order in _SCHEMA_ORDER.items()
}


def _insert(parent: BaseOxmlElement, child: BaseOxmlElement) -> BaseOxmlElement:
    """Put `child` at its schema position among `parent`'s children (after those of its rank or
    before it, before those after it), in place of a child of the same tag: each of these
    properties occurs once. Appending instead gives a file Word repairs or refuses."""
    ranks = _RANKS[parent.tag]
    rank = ranks[child.tag]
    for old in parent.findall(child.tag):
        if old is not child:
            parent.remove(old)
    later = next((c for c in parent if c is not child and ranks.get(c.tag, -1) > rank), None)
    if later is not None:
        later.addprevious(child)
    else:
        parent.append(child)
    return child


def laid_out(document: Document) -> Document:
    """The document as the writer prints it: long header names broken into balanced lines.

    Pure and idempotent; write_docx applies it. A redline applies it to both documents before
    comparing them, so that accepting every change gives exactly the newer document's lines.
    """
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            blocks.append(_laid_out_paragraph(block, TEXT_WIDTH))
        elif isinstance(block, Table):
            widths = _column_widths(block)
            rows = tuple(
                tuple(
                    Cell(tuple(_laid_out_paragraph(p, width - 2 * CELL_MARGIN) for p in cell.paragraphs))
                    for cell, width in zip(row, widths, strict=False)
                )
                for row in block.rows
            )
            blocks.append(replace(block, rows=rows))
        else:
            blocks.append(block)
    return replace(document, blocks=tuple(blocks))


def _laid_out_paragraph(paragraph: Paragraph, width: int) -> Paragraph:
    return _balance(paragraph, STYLES[paragraph.role], width) if paragraph.role in BALANCED else paragraph


def write_docx(
    document: Document, images: Mapping[str, bytes] | None = None, *, revision: Revision | None = None
) -> bytes:
    """The .docx as bytes: the same document (and pictures) always gives the same bytes.

    `images` holds the pictures that <image name="…"> blocks name (PNG bytes). The document's
    change marks become tracked changes by `revision` (default: `Revision()`).
    """
    document = laid_out(document)
    docx = copy.deepcopy(_prepared())  # a copy of the page and styles set up once per process
    body = docx.element.body
    end = body.sectPr  # blocks go before it: python-docx's add_paragraph looks for it anew each time,
    # among all the body's children (a plan of 10,000 paragraphs spent most of its render there)

    def place(element: BaseOxmlElement) -> BaseOxmlElement:
        if end is not None:
            end.addprevious(element)
        else:
            body.append(element)
        return element

    def paragraph() -> DocxParagraph:
        return DocxParagraph(place(OxmlElement("w:p")), docx._body)

    previous: DocxParagraph | None = None
    for block in document.blocks:
        if isinstance(block, Table):
            if block.role == "signature" and previous is not None:
                previous.paragraph_format.keep_with_next = True  # never a signature alone on a page
            _add_table(docx, block, place)
            previous = None
        elif isinstance(block, Image):
            previous = paragraph()
            _add_image(previous, block, (images or {}).get(block.name))
        else:
            previous = paragraph()
            _add_paragraph(previous, block, TEXT_WIDTH)
    _settle_marks(body)
    _stamp_changes(body, revision or Revision())
    _set_properties(docx, document)
    _set_settings(docx)
    _drop_template_parts(docx)
    return _save(docx)


# ----------------------------------------------------------------------------- page and styles


@functools.cache
def _prepared() -> Any:
    """python-docx's default template with the page and styles set up and its empty paragraph gone:
    the same for every document, so built once per process and deep-copied (a quarter of the cost
    of opening the template and setting up the styles again). Never modified itself."""
    docx = new_docx()
    _setup_page(docx)
    _setup_styles(docx)
    body = docx.element.body
    for paragraph in list(docx.paragraphs):  # the default template's empty paragraph
        body.remove(paragraph._p)
    # python-docx caches the body's proxy on the document; a deep copy would copy that body on its
    # own, detached from the copied tree, and the paragraphs added to it would be lost.
    docx._Document__body = None  # type: ignore[attr-defined]
    return docx


def _setup_page(docx: object) -> None:
    section = docx.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = Mm(10)
    # The page number, centred in the header, from page 2: page 1 has its own empty header.
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(paragraph)
    section.first_page_header.is_linked_to_previous = False  # its own, empty header


def _page_field(paragraph: DocxParagraph) -> None:
    """A complex PAGE field: begin, instruction, separate, a placeholder result, end."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        run = paragraph.add_run()
        _fonts(run._r, PAGE_NUMBER_SIZE, bold=False, italic=False)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _setup_styles(docx: object) -> None:
    styles = docx.styles  # type: ignore[attr-defined]
    # The text is Vietnamese (the template says en-US): Word spell-checks it as such.
    lang = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if lang is not None:
        lang.attrib.clear()
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)  # no East Asian text: no Japanese or US rules for it
    # Word prefers theme fonts over named ones: drop them from the defaults, name TNR everywhere.
    for fonts in styles.element.iter(qn("w:rFonts")):  # defaults and every built-in style
        _name_fonts(fonts)
    normal = styles["Normal"]
    normal.font.size = Pt(BODY.size)
    _name_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts())
    normal.paragraph_format.space_after = Pt(0)
    for role, look in STYLES.items():
        # The oxml call skips add_style's name search over the template's ~160 styles.
        style = ParagraphStyle(styles.element.add_style_of_type(style_name(role), WD_STYLE_TYPE.PARAGRAPH, False))
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(look.size)
        style.font.bold = look.bold
        style.font.italic = look.italic
        _name_fonts(style.element.get_or_add_rPr().get_or_add_rFonts())
        _paragraph_format(style.paragraph_format, look)


def _paragraph_format(fmt: object, look: Style) -> None:
    fmt.alignment = _ALIGN[look.align]  # type: ignore[attr-defined]
    fmt.first_line_indent = FIRST_LINE_INDENT if look.indent else Cm(0)  # type: ignore[attr-defined]
    fmt.space_before = Pt(look.before)  # type: ignore[attr-defined]
    fmt.space_after = Pt(look.after)  # type: ignore[attr-defined]
    if look.line == 1.0:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE  # type: ignore[attr-defined]
    else:
        fmt.line_spacing = look.line  # type: ignore[attr-defined]
    fmt.widow_control = True  # type: ignore[attr-defined]
    fmt.keep_with_next = look.keep_next or None  # type: ignore[attr-defined]


def _name_fonts(fonts: object) -> None:
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)  # type: ignore[attr-defined]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)  # type: ignore[attr-defined]


def _fonts(r: object, size: float, *, bold: bool, italic: bool, underline: bool = False) -> None:
    """Direct run formatting: the font in all four slots, size (also for complex scripts), emphasis."""
    rpr = r.get_or_add_rPr()  # type: ignore[attr-defined]
    _name_fonts(rpr.get_or_add_rFonts())
    for tag, on in (("w:b", bold), ("w:bCs", bold), ("w:i", italic), ("w:iCs", italic)):
        element = OxmlElement(tag)
        if not on:
            element.set(qn("w:val"), "0")
        _insert(rpr, element)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        _insert(rpr, element)
    if underline:
        u = OxmlElement("w:u")
        u.set(qn("w:val"), "single")
        _insert(rpr, u)


# ----------------------------------------------------------------------------- paragraphs, lines


def _add_paragraph(target: DocxParagraph, paragraph: Paragraph, width: int) -> None:
    """Fill a Word paragraph (already placed) from a document paragraph; draw its line under it.

    The paragraph is laid out already (`laid_out`).
    """
    look = STYLES[paragraph.role]
    target._p.get_or_add_pPr().style = style_id(paragraph.role)  # by id: lookups by name are slow
    _paragraph_format(target.paragraph_format, look)
    for run in paragraph.runs:
        if run.line_break:
            line_break = target.add_run()
            _fonts(line_break._r, look.size, bold=look.bold or run.bold, italic=look.italic or run.italic)
            line_break.add_break()
            _track(line_break._r, run.change)
        text = run.text.upper() if look.upper else run.text
        if text:
            docx_run = target.add_run()
            _add_text(docx_run._r, text)
            _fonts(docx_run._r, look.size, bold=look.bold or run.bold, italic=look.italic or run.italic,
                   underline=run.underline)  # fmt: skip
            _track(docx_run._r, run.change)
    if paragraph.role == "signature-space":
        _fonts(target.add_run()._r, look.size, bold=False, italic=False)
    _set_mark(target._p, paragraph.mark)
    if paragraph.line:
        line = _new_paragraph_after(target)
        _draw_line(line, paragraph, width)
        _set_mark(line._p, paragraph.mark)  # the line comes and goes with its text


# Keep together what a reader takes as one thing: "Covid-19", "58/KH-LĐLĐ", "2021-2026" (a
# hyphen Word will not break at) and "2016 - 2020" (no-break spaces around the dash).
_JOINED = re.compile(r"(?<=\w)-(?=\w)")
_RANGE = re.compile(r"(?<=\d) ([-–]) (?=\d)")


def _add_text(r: object, text: str) -> None:
    """Run text, as w:t pieces and w:noBreakHyphen (read back as "-" by python-docx)."""
    text = _RANGE.sub("\u00a0\\1\u00a0", text)
    for index, piece in enumerate(_JOINED.split(text)):
        if index:
            r.append(OxmlElement("w:noBreakHyphen"))  # type: ignore[attr-defined]
        if piece:
            r.add_t(piece)  # type: ignore[attr-defined]


def _balance(paragraph: Paragraph, look: Style, width: int) -> Paragraph:
    """Break a header name that does not fit into two lines as clerks do: before the place
    level (LIÊN ĐOÀN LAO ĐỘNG / TỈNH QUẢNG TRỊ), never inside a word (CÔNG ĐOÀN VIÊN / CHỨC),
    the two lines as even as possible. A name with its own line break is left as written."""
    if len(paragraph.runs) != 1 or paragraph.runs[0].line_break:
        return paragraph
    run = paragraph.runs[0]
    bold = look.bold or run.bold

    def measure(text: str) -> int:
        return text_width(text.upper() if look.upper else text, look.size, bold=bold)

    if measure(run.text) <= width:
        return paragraph
    words = run.text.split(" ")
    cuts = []
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        widest = max(measure(left), measure(right))
        if widest > width:
            continue
        upper_right, pair = right.upper(), f"{words[cut - 1]} {words[cut]}".upper()
        inside_word = any(pair in compound for compound in COMPOUNDS)
        at_place = any(upper_right == p or upper_right.startswith(p + " ") for p in PLACE_LEVELS)
        cuts.append((not at_place, inside_word, widest, cut))
    if not cuts:
        return paragraph
    cut = min(cuts)[3]
    first = replace(run, text=" ".join(words[:cut]))
    second = replace(run, text=" ".join(words[cut:]), line_break=True)
    return replace(paragraph, runs=(first, second))


def _new_paragraph_after(paragraph: DocxParagraph) -> DocxParagraph:
    p = OxmlElement("w:p")
    paragraph._p.addnext(p)
    return DocxParagraph(p, paragraph._parent)


def _draw_line(line: DocxParagraph, paragraph: Paragraph, width: int) -> None:
    """A solid line as the top border of an empty, 2 pt-high paragraph, centred by its indents.

    A top border sits right under the text above; a bottom border of a tiny paragraph is drawn
    over the next line by LibreOffice.
    """
    look = STYLES[paragraph.role]
    text_width = _longest_line(paragraph, look, width)
    length = text_width if paragraph.line == "full" else int(text_width * SHORT_LINE)
    length = min(length, width)
    fmt = line.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.left_indent = fmt.right_indent = Twips(max(0, (width - length) // 2 // 635))
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(LINE_GAP)  # outside the border: keeps the line off the descenders
    fmt.space_after = Pt(look.line_after)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    ppr = line._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", str(LINE_WEIGHT)), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    _insert(ppr, borders)
    run = line.add_run()
    _fonts(run._r, 1, bold=False, italic=False)


def text_width(text: str, size: float, *, bold: bool) -> int:
    """The printed width of one line of text in EMU, from Times New Roman's advance widths."""
    table = metrics.BOLD if bold else metrics.REGULAR
    units = 0
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        units += table.get(char, table.get(base, 500))
    return int(units / 1000 * size * 12700)


def _longest_line(paragraph: Paragraph, look: Style, width: int) -> int:
    """Wrap the paragraph's words at the available width like Word does; the widest line.

    Of a redline, the text once its changes are accepted: the line the newer document has.
    """
    text = paragraph.accepted_text.upper() if look.upper else paragraph.accepted_text
    bold = look.bold or any(r.bold for r in paragraph.runs if r.change != "del")
    space = text_width(" ", look.size, bold=bold)
    widest = 0
    for hard_line in text.split("\n"):
        current = 0
        for word in hard_line.split():
            word_width = text_width(word, look.size, bold=bold)
            if current and current + space + word_width > width:
                widest = max(widest, current)
                current = word_width
            else:
                current = current + space + word_width if current else word_width
        widest = max(widest, current)
    return widest


# ----------------------------------------------------------------------------- tables


def _add_image(target: DocxParagraph, image: Image, data: bytes | None) -> None:
    """A picture centred on its own line; a missing one says so in the document."""
    target.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    target.paragraph_format.space_before = Pt(6)
    target.paragraph_format.keep_with_next = True  # with its caption
    if data is None:
        run = target.add_run(f"[{image.name}]")
        _fonts(run._r, 12, bold=False, italic=True)
        return
    target.add_run().add_picture(io.BytesIO(data), width=Cm(image.width))


def _column_widths(table: Table) -> tuple[int, ...]:
    """Column widths in EMU: the table's own, its role's, or equal shares of the text width."""
    widths: tuple[int, ...] = tuple(Cm(w) for w in table.widths) or COLUMNS.get(table.role, ())
    columns = max((len(row) for row in table.rows), default=0)
    if columns != len(widths):  # a template's own table shape: equal columns
        widths = tuple(int(TEXT_WIDTH / columns) for _ in range(columns)) if columns else ()
    return widths


def _add_table(docx: Any, table: Table, place: Callable[[BaseOxmlElement], BaseOxmlElement]) -> None:
    widths = _column_widths(table)
    tbl = place(CT_Tbl.new_tbl(len(table.rows), len(widths), docx._block_width))
    word = DocxTable(tbl, docx._body)
    word.style = None  # as Document.add_table leaves it
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    _table_properties(word._tbl, sum(widths), ruled=table.role == "data")
    for column, grid in zip(widths, word._tbl.tblGrid.gridCol_lst, strict=True):
        grid.w = Emu(column)
    # Rows and cells straight from the XML: python-docx's word.rows[r] and word.cell(r, c) rebuild
    # the table's whole row or cell list on every call, quadratic in a long report's table.
    for r, (row, tr) in enumerate(zip(table.rows, word._tbl.tr_lst, strict=True)):
        trpr = tr.get_or_add_trPr()
        _insert(trpr, OxmlElement("w:cantSplit"))  # a row (the signature block) stays on one page
        if r < table.head_rows:
            _insert(trpr, OxmlElement("w:tblHeader"))  # repeated at the top of each page
        if r < len(table.row_marks) and table.row_marks[r]:
            _insert(trpr, OxmlElement(f"w:{table.row_marks[r]}"))  # a row added or removed
        for c, (width, tc) in enumerate(zip(widths, tr.tc_lst, strict=True)):
            cell = _Cell(tc, word)
            cell.width = Emu(width)
            _fill_cell(cell, row[c] if c < len(row) else Cell(()), width - 2 * CELL_MARGIN)


def _table_properties(tbl: object, width: int, *, ruled: bool = False) -> None:
    """Fixed layout, small cell margins; no borders, or single lines for a ruled (data) table."""
    tblpr = tbl.tblPr  # type: ignore[attr-defined]
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = _insert(tblpr, OxmlElement("w:tblW"))
    tblw.set(qn("w:w"), str(width // 635))
    tblw.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        if ruled:
            for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
                element.set(qn(f"w:{key}"), value)
        else:
            element.set(qn("w:val"), "nil")
        borders.append(element)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(CELL_MARGIN // 635))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    for element in (borders, layout, margins):  # the layout in place of python-docx's (autofit)
        _insert(tblpr, element)


def _fill_cell(cell: _Cell, content: Cell, width: int) -> None:
    first = cell.paragraphs[0]
    if not content.paragraphs:
        return
    _add_paragraph(first, content.paragraphs[0], width)
    for paragraph in content.paragraphs[1:]:
        _add_paragraph(cell.add_paragraph(), paragraph, width)


# ----------------------------------------------------------------------------- tracked changes

_MARK_TAGS = (qn("w:ins"), qn("w:del"))
_CHANGE_TAGS = (*_MARK_TAGS, qn("w:pPrChange"))  # each needs an id, an author and a date


def _track(r: BaseOxmlElement, change: str | None) -> None:
    """Wrap a run in w:ins or w:del; deleted text is w:delText. Author, date and id come later."""
    if change is None:
        return
    wrapper = OxmlElement(f"w:{change}")
    r.addprevious(wrapper)
    wrapper.append(r)
    if change == "del":
        for t in r.iter(qn("w:t")):
            t.tag = qn("w:delText")


def _paragraph_mark(p: BaseOxmlElement) -> BaseOxmlElement | None:
    """The w:ins or w:del of a paragraph mark (w:pPr/w:rPr), if it has one."""
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    if rpr is None:
        return None
    return next((child for child in rpr if child.tag in _MARK_TAGS), None)


def _set_mark(p: BaseOxmlElement, change: str | None) -> None:
    """Mark a paragraph's mark inserted or deleted (None: neither)."""
    old = _paragraph_mark(p)
    if old is not None:
        rpr = old.getparent()
        rpr.remove(old)
        if len(rpr) == 0:
            rpr.getparent().remove(rpr)
    if change is None:
        return
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _insert(ppr, OxmlElement("w:rPr"))
    _insert(rpr, OxmlElement(f"w:{change}"))


def _containers(body: BaseOxmlElement) -> Iterator[list[BaseOxmlElement]]:
    """Runs of paragraphs whose last mark Word cannot add or remove: each table cell's
    paragraphs, and the body's paragraphs between tables (and before the end)."""
    group: list[BaseOxmlElement] = []
    for child in body:
        if child.tag == qn("w:p"):
            group.append(child)
            continue
        if group:
            yield group
        group = []
    if group:
        yield group
    for cell in body.iter(qn("w:tc")):
        yield [p for p in cell if p.tag == qn("w:p")]


def _settle_marks(body: BaseOxmlElement) -> None:
    """Move paragraph-mark changes off the last mark of each run of paragraphs, as Word records
    such an edit: a cell always keeps its last paragraph, and a paragraph before a table cannot
    join the table.

    The trailing changed paragraphs of a run are all added or all removed: the mark before them
    (of the last unchanged paragraph) carries the change instead of the last one. Both: the last
    removed and the last added paragraph become one paragraph, the removed text then the added.
    Either way accepting every change gives the newer paragraphs, rejecting them the older.

    Which paragraph's properties a join keeps differs between programs (LibreOffice keeps the
    last one's), so the last paragraph gets the newer document's last properties and the older
    document's as a tracked property change (w:pPrChange): the style is right either way.
    """
    for paragraphs in _containers(body):
        kinds = [_change_of(p) for p in paragraphs]
        if not paragraphs or kinds[-1] is None:
            continue
        newer = _last_properties(paragraphs, kinds, gone="del")
        older = _last_properties(paragraphs, kinds, gone="ins")
        unchanged = [i for i, kind in enumerate(kinds) if kind is None]
        first = unchanged[-1] + 1 if unchanged else 0
        trailing = kinds[first:]
        if "ins" in trailing and "del" in trailing:
            removed = max(i for i in range(first, len(kinds)) if kinds[i] == "del")
            added = max(i for i in range(first, len(kinds)) if kinds[i] == "ins")
            last = paragraphs[added]
            if added < removed:
                paragraphs[removed].addnext(last)
            start = 1 if len(last) and last[0].tag == qn("w:pPr") else 0
            for offset, child in enumerate([c for c in paragraphs[removed] if c.tag != qn("w:pPr")]):
                last.insert(start + offset, child)
            paragraphs[removed].getparent().remove(paragraphs[removed])
        else:
            last = paragraphs[-1]
            if unchanged:
                _set_mark(paragraphs[unchanged[-1]], trailing[0])
        _set_last_properties(last, newer, older)


def _change_of(p: BaseOxmlElement) -> str | None:
    mark = _paragraph_mark(p)
    return None if mark is None else "ins" if mark.tag == qn("w:ins") else "del"


def _last_properties(
    paragraphs: list[BaseOxmlElement], kinds: list[str | None], *, gone: str
) -> BaseOxmlElement | None:
    """A copy of the properties (w:pPr, without its mark) of the last paragraph one side keeps."""
    kept = [p for p, kind in zip(paragraphs, kinds, strict=True) if kind != gone]
    properties = kept[-1].find(qn("w:pPr")) if kept else None
    if properties is None:
        return None
    properties = copy.deepcopy(properties)
    for rpr in properties.findall(qn("w:rPr")):
        properties.remove(rpr)
    return properties


def _set_last_properties(p: BaseOxmlElement, newer: BaseOxmlElement | None, older: BaseOxmlElement | None) -> None:
    """The newer properties on the paragraph, the older ones as a tracked change of them."""
    for properties in p.findall(qn("w:pPr")):
        p.remove(properties)
    if newer is None and older is None:
        return
    properties = newer if newer is not None else OxmlElement("w:pPr")
    p.insert(0, properties)
    if not _same(newer, older):
        change = OxmlElement("w:pPrChange")
        change.append(older if older is not None else OxmlElement("w:pPr"))
        _insert(properties, change)


def _same(a: BaseOxmlElement | None, b: BaseOxmlElement | None) -> bool:
    if a is None or b is None:
        return a is b
    return (
        (a.tag, a.attrib, a.text) == (b.tag, b.attrib, b.text)
        and len(a) == len(b)
        and all(_same(x, y) for x, y in zip(a, b, strict=True))
    )


def _stamp_changes(body: BaseOxmlElement, revision: Revision) -> None:
    """Author, date and an id (unique, increasing in document order) on every tracked change."""
    for number, element in enumerate(body.iter(*_CHANGE_TAGS), start=1):
        element.set(qn("w:id"), str(number))
        element.set(qn("w:author"), revision.author)
        element.set(qn("w:date"), revision.date)


# ----------------------------------------------------------------------------- properties, zip


def _set_properties(docx: object, document: Document) -> None:
    props = docx.core_properties  # type: ignore[attr-defined]
    when = _EPOCH
    if document.date:
        try:
            when = datetime.fromisoformat(document.date).replace(tzinfo=UTC)
        except ValueError:
            when = _EPOCH
    props.title = document.title
    props.subject = document.title
    props.author = document.author or "thidua"  # the issuing body, as the template names it
    props.last_modified_by = "thidua"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = props.modified = when
    props.language = LANGUAGE
    printed = props._element.find(qn("cp:lastPrinted"))  # never printed
    if printed is not None:
        props._element.remove(printed)
    app = _part(docx, RT.EXTENDED_PROPERTIES)
    if app is not None:
        app._blob = _APP_XML.format(version=__version__).encode()  # type: ignore[attr-defined]


# Extended properties: the application that wrote the file, and nothing the template made up
# (Microsoft Macintosh Word, Normal.dotm, counts of 0 pages and words).
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>thidua/{version}</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _part(docx: object, reltype: str) -> object | None:
    """The package's part of a relationship type (core, extended properties, thumbnail)."""
    rels = docx.part.package.rels  # type: ignore[attr-defined]
    return next((rel.target_part for rel in rels.values() if rel.reltype == reltype and not rel.is_external), None)


def _set_settings(docx: object) -> None:
    """Word 2013+ mode, a docId of the document's own; no claim that it was spell-checked."""
    settings = docx.settings.element  # type: ignore[attr-defined]
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # 14 opens in Compatibility Mode
    for name in ("w:proofState", "w:savePreviewPicture"):  # "clean"; the thumbnail is dropped
        for element in settings.findall(qn(name)):
            settings.remove(element)
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.attrib.clear()
        lang.set(qn("w:val"), LANGUAGE)
    # The template's docId is shared by every file python-docx writes; Word takes two files with
    # one docId for versions of one document. A hash of the body: same document, same id.
    digest = hashlib.sha256(docx.part.blob).digest()  # type: ignore[attr-defined]
    doc_id = f"{int.from_bytes(digest[:4], 'big') & 0x7FFFFFFF:08X}"
    for element in settings.iter(qn("w14:docId")):
        element.set(qn("w14:val"), doc_id)
    for element in settings.iter(_W15_DOC_ID):
        element.set(f"{{{_W15}}}val", "{" + str(uuid.UUID(bytes=digest[:16], version=4)).upper() + "}")


_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_W15_DOC_ID = f"{{{_W15}}}docId"


def _drop_template_parts(docx: object) -> None:
    """Drop parts of python-docx's template that misdescribe the file.

    stylesWithEffects.xml is Word 2010's copy of styles.xml: the template's lacks every style
    added here, and Word takes the mismatch for unreadable content. The thumbnail is a blank
    picture of a page. Content types follow the parts that are left.
    """
    document = docx.part  # type: ignore[attr-defined]
    for rid, rel in list(document.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            document.drop_rel(rid)
    package = document.package.rels
    for rid, rel in list(package.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package[rid]


def _save(docx: object) -> bytes:
    """The package as python-docx's PackageWriter lays it out (content types, package rels, each
    part and its rels, in that order), written once with fixed timestamps and attributes: the
    bytes docx.save() followed by such a rewrite would give, compressing each member once."""
    package = docx.part.package  # type: ignore[attr-defined]
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:

        def put(name: str, blob: bytes) -> None:
            fixed = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            target.writestr(fixed, blob, compresslevel=6)

        put(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob)
        put(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            put(part.partname.membername, part.blob)
            if len(part.rels):
                put(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()
